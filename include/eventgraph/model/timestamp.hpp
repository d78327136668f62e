#pragma once
// A publication time as news pages give it: a day, perhaps a time of day,
// perhaps a UTC offset. What the page does not say stays unset.

#include <chrono>
#include <optional>
#include <string>

#include <date/date.h>

namespace eventgraph::model {

/// A calendar day with an optional local time of day and UTC offset.
struct Timestamp {
    date::year_month_day day{};
    std::optional<std::chrono::seconds> time_of_day;  ///< since local midnight
    std::optional<std::chrono::minutes> utc_offset;   ///< only with time_of_day

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

/// ISO 8601: "2024-09-10", "2024-09-10T19:59:00" or "2024-09-10T19:59:00+03:00".
std::string to_iso(const Timestamp& t);

/// "YYYY-MM-DD".
std::string to_iso(const date::year_month_day& d);

/// Parses what to_iso writes (and "…Z", and a time without seconds);
/// nullopt for anything else, including impossible days such as 2024-02-30.
std::optional<Timestamp> parse_iso_timestamp(std::string_view text);

}  // namespace eventgraph::model

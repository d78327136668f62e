#pragma once
// A publication time as news pages give it: a day, perhaps a time of day,
// perhaps a UTC offset; or only a month or a year, as many feeds and archives
// give it. What the page does not say stays unset.

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>

#include "eventgraph/model/date_span.hpp"

namespace eventgraph::model {

/// A calendar day with an optional local time of day and UTC offset, or a
/// month or a year (ISO 8601 reduced precision: "2024-04", "2024").
struct Timestamp {
    date::year_month_day
        day{};  ///< the first day of the month or year when that is all that is known
    std::optional<std::chrono::seconds> time_of_day;  ///< since local midnight; only with a day
    std::optional<std::chrono::minutes> utc_offset;   ///< only with time_of_day
    Granularity granularity = Granularity::day;       ///< how much of `day` is known

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

/// ISO 8601: "2024-09-10", "2024-09-10T19:59:00", "2024-09-10T19:59:00+03:00",
/// "2024-04" or "2024".
std::string to_iso(const Timestamp& t);

/// "YYYY-MM-DD".
std::string to_iso(const date::year_month_day& d);

/// Parses what to_iso writes (and "…Z", and a time without seconds);
/// nullopt for anything else, including impossible dates such as 2024-02-30,
/// 2024-13 and 2024-00.
std::optional<Timestamp> parse_iso_timestamp(std::string_view text);

/// The days a timestamp stands for: its day, month or year.
DateSpan span_of(const Timestamp& t, DateBasis basis);

}  // namespace eventgraph::model

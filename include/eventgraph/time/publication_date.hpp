#pragma once
// Publication dates in the forms news sites print them.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

#include "eventgraph/model/timestamp.hpp"

namespace eventgraph::time {

/// A publication date found inside a line, with its byte span in that line.
struct DateMatch {
    model::Timestamp value;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Parses a whole string that is a publication date: "September 10, 2024 7:59 PM",
/// "Sept. 10, 2024", "10 Sep 2024", "Tuesday, 10 September 2024, 19:59",
/// "2024-09-10T19:59:00+03:00", "10.09.2024" (dotted dates are day first), and
/// a month or a year alone in ISO 8601's reduced precision, "2024-04", "2024".
/// nullopt if it is not one, or if the day or month does not exist (2024-02-30, 2024-13).
/// Slashed dates ("09/10/2024") are refused: US and UK pages read them the
/// opposite way round.
std::optional<model::Timestamp> parse_publication_date(std::string_view text);

/// The first publication date (a full date with its year, and the time of day
/// that directly follows it, if any) inside a line such as a byline:
/// "by Elsa Court September 10, 2024 7:59 PM 2 min read". A time printed just
/// before the date, as wire services do ("3:05 PM GMT+2, March 4, 2024"), is
/// part of the match too.
std::optional<DateMatch> find_publication_date(std::string_view line);

/// A local time of day, with its UTC offset when the page names one.
struct TimeOfDay {
    std::chrono::seconds since_midnight{0};
    std::optional<std::chrono::minutes> utc_offset;
};

/// Parses a whole string that is a time of day: "7:59 PM", "7:59 p.m.", "19:59",
/// "19:59:30", optionally followed by a zone ("EDT", "GMT+2", "UTC+05:30").
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);

/// The UTC offset of a zone abbreviation that names one zone only ("EDT": -4 h,
/// "CEST": +2 h); nullopt for unknown and ambiguous ones ("CST", "IST", "ET").
std::optional<std::chrono::minutes> zone_offset(std::string_view abbreviation);

}  // namespace eventgraph::time

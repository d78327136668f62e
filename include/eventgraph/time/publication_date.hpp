#pragma once
// Publication dates in the forms news sites print them.

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
/// "2024-09-10T19:59:00+03:00". nullopt if it is not one, or if the day does not
/// exist (2024-02-30).
std::optional<model::Timestamp> parse_publication_date(std::string_view text);

/// The first publication date (a full date with its year, and the time of day
/// that directly follows it, if any) inside a line such as a byline:
/// "by Elsa Court September 10, 2024 7:59 PM 2 min read".
std::optional<DateMatch> find_publication_date(std::string_view line);

}  // namespace eventgraph::time

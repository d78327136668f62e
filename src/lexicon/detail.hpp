#pragma once
// What the lexicon readers share; not part of the public API.

#include <optional>
#include <string>

#include <date/date.h>

#include "eventgraph/lexicon/lexicon.hpp"

namespace eventgraph::lexicon::detail {

/// The whole file; throws lexicon_error naming it if it cannot be read.
std::string read_file(const std::string& path);

/// A valid calendar day, or nullopt ("2023-02-29").
std::optional<date::year_month_day> make_day(int y, unsigned m, unsigned d);

/// True if two roles share more than a boundary day: with both ends
/// included, one role ending on the day the next begins is a handover.
bool overlap(const Role& a, const Role& b);

std::string to_iso(const std::optional<date::year_month_day>& d);

}  // namespace eventgraph::lexicon::detail

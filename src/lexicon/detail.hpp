#pragma once
// What the lexicon readers share; not part of the public API.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/lexicon/lexicon.hpp"
#include "eventgraph/text/tokenize.hpp"

namespace eventgraph::lexicon::detail {

/// The whole file; throws lexicon_error naming it if it cannot be read.
std::string read_file(const std::string& path);

/// A valid calendar day, or nullopt ("2023-02-29").
std::optional<date::year_month_day> make_day(int y, unsigned m, unsigned d);

/// True if two roles share more than a boundary day: with both ends
/// included, one role ending on the day the next begins is a handover.
bool overlap(const Role& a, const Role& b);

/// The tokens of a phrase of ASCII letters and single spaces ("Vladimir
/// Putin", nearly every dictionary name), exactly as text::tokenize makes
/// them but without its cost; false, and `out` untouched, for any other phrase.
bool tokenize_plain(std::string_view phrase, std::vector<text::Token>& out);

/// tokenize_plain, else text::tokenize, into `out`.
void tokenize_phrase(std::string_view phrase, std::vector<text::Token>& out);

/// The default lexicon files and dictionaries read as text, the
/// dictionaries' names filtered against the curated ones: what
/// load_default_lexicon starts from, and what a compiled lexicon holds.
Lexicon read_default_files();

std::string to_iso(const std::optional<date::year_month_day>& d);

}  // namespace eventgraph::lexicon::detail

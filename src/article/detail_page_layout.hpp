#pragma once
// How news pages are laid out, line by line: what is page furniture, what
// ends an article, what is a caption, a byline, a title. Private to the
// normalizers; the rules are about layouts shared by many sites, never about
// one page.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::article::detail {

/// Words separated by spaces (the line is already whitespace-cleaned).
std::size_t word_count(std::string_view line);

/// Lower-case ASCII, curly apostrophes straight, a trailing ":" and a
/// trailing count "(3)" gone: the form lines are compared in.
std::string fold(std::string_view line);

/// Navigation, sharing, advertising, subscription-form and legal lines that
/// many sites print around an article ("Skip to content", "Advertisement",
/// "* indicates required", "3 min read").
bool is_furniture_line(std::string_view line);

/// A heading after which a page holds no more of its article ("More news",
/// "Related articles", "Editors' Picks", "Comments (3)").
bool is_end_marker(std::string_view line);

/// A heading that opens readers' comments: nothing after it is the site's own
/// text ("Comments (3)", "Leave a reply").
bool is_comments_heading(std::string_view line);

/// A photo caption: ends in a credit in parentheses ("(AP Photo/Jane Doe)",
/// "(Chen Boyuan/VCG via Getty Images)") or names one ("Photo: Anna Smith/Reuters").
bool is_caption_line(std::string_view line);

/// Ends in "…" or "..." (maybe inside a closing quote): a cut-off blurb.
bool ends_with_ellipsis(std::string_view line);

/// Ends like a sentence: . ! ? … or a closing quote or bracket after one.
bool ends_like_sentence(std::string_view line);

/// A line short enough and shaped like a headline: 3 to 25 words, not ending
/// in a full stop, colon or ellipsis.
bool is_title_like(std::string_view line);

/// Byte offset where a reading-time note ("2 min read", "5-minute read")
/// starts, or npos.
std::size_t find_reading_time(std::string_view line);

/// "By Jane Doe and John Roe": true if the line starts as a byline does.
bool starts_as_byline(std::string_view line);

/// The names in a byline's author part ("by Elsa Court", "By Jane Doe, John
/// Roe and Ann Poe", "By MARIA KELLER, Foreign Correspondent"): roles and
/// organisations dropped, names in capitals put in title case.
std::vector<std::string> parse_authors(std::string_view author_part);

}  // namespace eventgraph::article::detail

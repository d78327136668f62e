#pragma once
// ASCII character classes, case and white space: for markup, keywords, codes,
// dates and dictionary files, where only ASCII letters have a case that
// matters. Other bytes pass through unchanged. (Folding the letters of other
// scripts, for matching words, is append_folded in tokenize.hpp.)

#include <string>
#include <string_view>

namespace eventgraph::text {

constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_alpha(char c) noexcept { return is_ascii_upper(c) || is_ascii_lower(c); }
constexpr bool is_ascii_alnum(char c) noexcept { return is_ascii_digit(c) || is_ascii_alpha(c); }
/// Space, tab, line feed, vertical tab, form feed, carriage return.
constexpr bool is_ascii_space(char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }

constexpr char ascii_lower(char c) noexcept { return is_ascii_upper(c) ? char(c - 'A' + 'a') : c; }
constexpr char ascii_upper(char c) noexcept { return is_ascii_lower(c) ? char(c - 'a' + 'A') : c; }
std::string ascii_lower(std::string_view s);
std::string ascii_upper(std::string_view s);

/// Equal but for the case of ASCII letters.
bool iequals(std::string_view a, std::string_view b) noexcept;
/// `s` starts with `prefix` but for the case of ASCII letters.
bool istarts_with(std::string_view s, std::string_view prefix) noexcept;

/// `s` without ASCII white space at either end.
std::string_view trim(std::string_view s) noexcept;

}  // namespace eventgraph::text

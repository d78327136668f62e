#pragma once
// UTF-8 checks and the whitespace clean-up every reader of text shares.

#include <cstddef>
#include <string>
#include <string_view>

namespace eventgraph::text {

/// Decodes the code point at s[i]: its length in bytes, 0 if the bytes there
/// are not valid UTF-8 (cp is then unspecified).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

/// Byte offset of the first byte that is not part of valid UTF-8 (overlong
/// forms, surrogates and code points past U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view s);

/// 1-based line and column (in bytes) of a byte offset.
struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
};
Position position_of(std::string_view s, std::size_t offset);

/// Runs of white space (ASCII, no-break, thin and ideographic spaces, tabs,
/// line breaks) become one space; zero-width characters and the byte-order
/// mark go; the ends are trimmed. Quotes and dashes are kept as they are.
std::string clean_whitespace(std::string_view s);

/// True if the text holds a NUL byte or many control characters: not text.
bool looks_binary(std::string_view s);

}  // namespace eventgraph::text

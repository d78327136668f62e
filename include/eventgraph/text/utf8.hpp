#pragma once
// UTF-8 checks and the whitespace clean-up every reader of text shares.

#include <cstddef>
#include <string>
#include <string_view>

namespace eventgraph::text {

namespace detail {
inline std::size_t decode_utf8_slow(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}
}  // namespace detail

/// Decodes the code point at s[i]: its length in bytes, 0 if the bytes there
/// are not valid UTF-8 (cp is then unspecified). Inline: every reader of text
/// calls it once a character, and most characters are ASCII.
inline std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    return detail::decode_utf8_slow(s, i, cp);
}

/// Appends a code point as UTF-8; one that is not a character (NUL, a
/// surrogate, past U+10FFFF) becomes U+FFFD.
void append_utf8(std::string& out, char32_t cp);

/// Byte offset of the first byte that is not part of valid UTF-8 (overlong
/// forms, surrogates and code points past U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view s);

/// Unicode's white space: tab to carriage return, the space separators (Zs:
/// no-break, en to hair, narrow no-break, ideographic …), next line, line
/// and paragraph separators. Zero-width characters are not among them.
bool is_unicode_space(char32_t cp) noexcept;

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

#include "eventgraph/text/utf8.hpp"

#include <cstdint>

namespace eventgraph::text {

void append_utf8(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

bool is_unicode_space(char32_t cp) noexcept {
    switch (cp) {
        case 0x09:
        case 0x0A:
        case 0x0B:
        case 0x0C:
        case 0x0D:
        case 0x20:
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

namespace {

bool is_invisible(char32_t cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
           cp == 0xAD;  // soft hyphen
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = decode_utf8(s, i, cp);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

Position position_of(std::string_view s, std::size_t offset) {
    Position p;
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

std::string clean_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode_utf8(s, i, cp);
        if (n == 0) {  // invalid bytes are the caller's to report; keep them as they are
            n = 1;
            cp = 0xFFFD;
        }
        if (is_unicode_space(cp) || cp < 0x20 || cp == 0x7F) {
            pending_space = !out.empty();
        } else if (!is_invisible(cp)) {
            if (pending_space) out += ' ';
            pending_space = false;
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

bool looks_binary(std::string_view s) {
    std::size_t control = 0;
    const std::size_t sample = s.size() < 8192 ? s.size() : 8192;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) return true;
        if (i < sample && c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return sample > 0 && control * 20 > sample;  // more than 5% control characters
}

}  // namespace eventgraph::text

#pragma once
// What the JSON exports (timeline, the web page's data, stats, paths) share:
// one way to write a string, a date and a relation. Private to src/export.

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::exports::detail {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

/// JSON written into a StringBuffer byte for byte as JsonWriter writes it
/// (the same escapes, RapidJSON's own shortest doubles), for the outputs of
/// hundreds of megabytes: JsonWriter puts a character at a time through its
/// stream and checks each, a third of the instructions of a timeline export;
/// here a string is copied in one pass into room taken at once. It has the
/// members of JsonWriter that the exports call, and checks no nesting: the
/// code that calls it is what nests.
class JsonText {
public:
    explicit JsonText(rapidjson::StringBuffer& out) : out_(&out) {}
    /// Writing on into `out`, as at the start of a document.
    void Reset(rapidjson::StringBuffer& out) {
        out_ = &out;
        comma_ = false;
    }

    bool StartObject() { return open('{'); }
    bool EndObject() { return close('}'); }
    bool StartArray() { return open('['); }
    bool EndArray() { return close(']'); }
    bool Key(const char* k) { return Key(k, static_cast<rapidjson::SizeType>(std::strlen(k))); }
    bool Key(const char* k, rapidjson::SizeType n) {
        String(k, n);
        put(':');
        comma_ = false;
        return true;
    }
    bool String(const char* s, rapidjson::SizeType n) {
        prefix();
        quoted(std::string_view(s, n));
        return true;
    }
    bool Null() { return raw("null"); }
    bool Bool(bool b) { return raw(b ? "true" : "false"); }
    bool Int(int i) { return number(i); }
    bool Uint(unsigned u) { return number(u); }
    bool Int64(std::int64_t i) { return number(i); }
    bool Uint64(std::uint64_t u) { return number(u); }
    bool Double(double d) {
        prefix();
        if (!std::isfinite(d)) return false;  // as JsonWriter: the comma, no value
        constexpr std::size_t room = 25;
        char* const at = out_->Push(room);
        out_->Pop(room - static_cast<std::size_t>(rapidjson::internal::dtoa(d, at) - at));
        return true;
    }

private:
    rapidjson::StringBuffer* out_;
    bool comma_ = false;  // whether the next value or key follows another

    void put(char c) { *out_->Push(1) = c; }
    void prefix() {
        if (comma_) put(',');
        comma_ = true;
    }
    bool open(char c) {
        prefix();
        put(c);
        comma_ = false;
        return true;
    }
    bool close(char c) {
        put(c);
        comma_ = true;
        return true;
    }
    bool raw(std::string_view s) {
        prefix();
        std::memcpy(out_->Push(s.size()), s.data(), s.size());
        return true;
    }
    template <typename N>
    bool number(N n) {
        prefix();
        constexpr std::size_t room = 24;
        char* const at = out_->Push(room);
        out_->Pop(room - static_cast<std::size_t>(std::to_chars(at, at + room, n).ptr - at));
        return true;
    }
    // Whether any of the eight bytes of `v` is a control character, a quote
    // or a backslash: a byte under 0x20, or one that is 0 once xor-ed with
    // '"' or '\\', is found by the borrow it makes (exact: a borrow flags a
    // byte only above one that is found).
    static bool needs_escape(std::uint64_t v) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        const auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
        return (((v - 0x20 * ones) & ~v & highs) | zero_byte(v ^ ('"' * ones)) |
                zero_byte(v ^ ('\\' * ones))) != 0;
    }
    // JSON's escapes as RapidJSON writes them: \" \\ \b \f \n \r \t, the other
    // control characters as \u00XX; everything else (UTF-8 included) as it is.
    void quoted(std::string_view s) {
        static constexpr char hex[] = "0123456789ABCDEF";
        const std::size_t room = 2 + 6 * s.size();  // every character escaped as \u00XX
        char* const begin = out_->Push(room);
        char* p = begin;
        *p++ = '"';
        // Eight characters at a time while none of them is to be escaped
        // (most strings have none), then one at a time.
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8, p += 8) {
            std::uint64_t v;
            std::memcpy(&v, s.data() + i, 8);
            if (needs_escape(v)) break;
            std::memcpy(p, &v, 8);
        }
        for (const char ch : s.substr(i)) {
            const auto c = static_cast<unsigned char>(ch);
            if (c >= 0x20 && c != '"' && c != '\\') {
                *p++ = ch;
                continue;
            }
            *p++ = '\\';
            switch (c) {
                case '"':
                case '\\':
                    *p++ = ch;
                    break;
                case '\b':
                    *p++ = 'b';
                    break;
                case '\f':
                    *p++ = 'f';
                    break;
                case '\n':
                    *p++ = 'n';
                    break;
                case '\r':
                    *p++ = 'r';
                    break;
                case '\t':
                    *p++ = 't';
                    break;
                default:
                    *p++ = 'u';
                    *p++ = '0';
                    *p++ = '0';
                    *p++ = hex[c >> 4];
                    *p++ = hex[c & 15];
            }
        }
        *p++ = '"';
        out_->Pop(room - static_cast<std::size_t>(p - begin));
    }
};

// Writers are templates: rapidjson's PrettyWriter hides Writer's members
// rather than overriding them (and JsonText is a writer of its own).

template <typename Writer>
void string(Writer& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <typename Writer>
void field(Writer& w, const char* key, std::string_view value) {
    w.Key(key);
    string(w, value);
}

/// "2024-09-10", "2024-07" or "2024" as precise as the date; null for none.
template <typename Writer>
void date_field(Writer& w, const char* key, const model::DateSpan* d) {
    w.Key(key);
    if (d)
        string(w, model::date_value(*d));
    else
        w.Null();
}

/// A relation's own keys, the same in every JSON output (the page, stats,
/// paths): source, target, type, quad, asserted, count (its happenings),
/// mentions (their reports), first and last (dates). The caller opens and
/// closes the object, and may add keys of its own.
template <typename Writer>
void relation_fields(Writer& w, const graph::EventGraph& g, graph::EdgeId e) {
    const graph::Edge& r = g.graph[e];
    field(w, "source", g.graph[boost::source(e, g.graph)].id);
    field(w, "target", g.graph[boost::target(e, g.graph)].id);
    field(w, "type", r.type);
    w.Key("quad");
    w.Int(r.quad);
    w.Key("asserted");
    w.Bool(r.asserted);
    w.Key("count");
    w.Uint64(r.count);
    w.Key("mentions");
    w.Uint64(r.mentions);
    date_field(w, "first", g.date(r.first));
    date_field(w, "last", g.date(r.last));
}

}  // namespace eventgraph::exports::detail

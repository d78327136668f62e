#include "json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>

#include "detail_json.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::io::json {

using detail::cut_short;
using detail::cut_short_error;
using detail::is_blank;

void parse(rapidjson::Document& doc, std::string_view json, const std::string& file,
           std::size_t first_line) {
    auto fail = [&](std::size_t offset, const std::string& what) {
        const auto pos = text::position_of(json, offset);
        throw input_error(file, first_line + pos.line - 1,
                          "invalid JSON at column " + std::to_string(pos.column) + ": " + what);
    };
    // RapidJSON reads a NUL byte as the end of the text; say what it is
    // rather than report a confusing missing quote.
    if (const auto nul = json.find('\0'); nul != std::string_view::npos)
        fail(nul, "NUL byte in the text");
    // The parse is iterative, but writing a value back (fields kept as they
    // are) recurses: refuse nesting no article or event needs.
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_json_depth)
                fail(i, "nested deeper than " + std::to_string(max_json_depth) + " levels");
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    rapidjson::MemoryStream bytes(json.data(), json.size());
    doc.ParseStream<parse_flags>(bytes);
    if (doc.HasParseError())
        fail(doc.GetErrorOffset(), rapidjson::GetParseError_En(doc.GetParseError()));
    const std::size_t rest = json.find_first_not_of(" \t\r\n", bytes.Tell());
    if (rest != std::string_view::npos) fail(rest, "unexpected text after the JSON value");
}

void wrong(const std::string& file, std::size_t line, const std::string& field,
           const std::string& what) {
    throw input_error(file, line, "field \"" + field + "\": " + what);
}

std::string get_string(const rapidjson::Value& v, const std::string& file, std::size_t line,
                       const std::string& field) {
    if (v.IsNull()) return {};
    if (!v.IsString()) wrong(file, line, field, "expected a string");
    return std::string(v.GetString(), v.GetStringLength());
}

std::size_t for_each_json_line(std::istream& in, const std::string& file, bool keep_going,
                               const std::function<void(std::string_view, std::size_t)>& record,
                               const std::function<void(const std::exception&)>& on_skip,
                               std::string_view first, std::size_t first_line) {
    std::size_t skipped = 0;
    auto refuse = [&](const input_error& e) {
        if (!keep_going) throw e;
        ++skipped;
        on_skip(e);
    };
    auto guarded = [&](std::string_view text, std::size_t at) {
        try {
            record(text, at);
        } catch (const input_error& e) {
            if (!keep_going) throw;  // as it is (a lexicon_error stays one)
            ++skipped;
            on_skip(e);
        }
    };
    if (!is_blank(first)) guarded(first, first_line);
    std::size_t line_no = first_line;
    std::string line;
    for (LineRead got; (got = read_line(in, line)) != LineRead::end;) {
        ++line_no;
        if (got == LineRead::too_long)
            refuse(input_error(file, line_no, line_too_long_message()));
        else if (in.eof() && cut_short(line))  // the last line, without its newline: half a record
            refuse(cut_short_error(line, file, line_no));
        else if (!is_blank(line))
            guarded(line, line_no);
    }
    if (in.bad()) throw input_error(file, line_no, "read error");
    return skipped;
}

}  // namespace eventgraph::io::json

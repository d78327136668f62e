#include "json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "detail_json.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::io {

namespace detail {

// Whether the text has brackets enough to nest deeper than io allows: most
// texts do not, and are then safe to parse recursively. Counted a block of
// bytes at a time into small counters, which the compiler vectorizes; '{' and
// '[' are the two bytes that are 0x7B with bit 5 set.
bool may_nest_deeply(std::string_view json) {
    const auto* p = reinterpret_cast<const unsigned char*>(json.data());
    std::size_t opening = 0;
    for (std::size_t i = 0; i < json.size();) {
        const std::size_t end = std::min(json.size(), i + 255);
        unsigned char block = 0;
        for (; i < end; ++i) block += (p[i] | 0x20) == 0x7B;
        opening += block;
    }
    return opening > max_json_depth;
}

namespace {

// What every parse checks before RapidJSON reads the text; `fail(offset, what)` throws.
// Returns may_nest_deeply(json).
template <typename Fail>
bool check_text(std::string_view json, const Fail& fail) {
    // RapidJSON reads a NUL byte as the end of the text; say what it is
    // rather than report a confusing missing quote.
    if (const auto nul = json.find('\0'); nul != std::string_view::npos)
        fail(nul, "NUL byte in the text");
    // Writing a value back (fields kept as they are) recurses: refuse
    // nesting no article or event needs.
    if (!may_nest_deeply(json)) return false;
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
    return true;
}

// After the value: RapidJSON's error, or text that should not be there.
template <typename Fail>
void check_parsed(const rapidjson::Document& doc, std::string_view json, std::size_t end,
                  const Fail& fail) {
    if (doc.HasParseError())
        fail(doc.GetErrorOffset(), rapidjson::GetParseError_En(doc.GetParseError()));
    const std::size_t rest = json.find_first_not_of(" \t\r\n", end);
    if (rest != std::string_view::npos) fail(rest, "unexpected text after the JSON value");
}

auto failing(std::string_view json, const std::string& file, std::size_t first_line) {
    return [=, &file](std::size_t offset, const std::string& what) {
        const auto pos = text::position_of(json, offset);
        throw input_error(file, first_line + pos.line - 1,
                          "invalid JSON at column " + std::to_string(pos.column) + ": " + what);
    };
}

}  // namespace

bool check_record_text(std::string_view json, const std::string& file, std::size_t line) {
    return check_text(json, failing(json, file, line));
}

void invalid_json(std::string_view json, const std::string& file, std::size_t line,
                  std::size_t offset, const std::string& what) {
    failing(json, file, line)(offset, what);
    throw input_error(file, line, what);  // not reached: failing throws
}

void parse(rapidjson::Document& doc, std::string_view json, const std::string& file,
           std::size_t first_line) {
    const auto fail = failing(json, file, first_line);
    check_text(json, fail);
    rapidjson::MemoryStream bytes(json.data(), json.size());
    doc.ParseStream<parse_flags>(bytes);
    check_parsed(doc, json, bytes.Tell(), fail);
}

std::string get_string(const rapidjson::Value& v, const std::string& file, std::size_t line,
                       const std::string& field) {
    if (v.IsNull()) return {};
    if (!v.IsString()) wrong(file, line, field, "expected a string");
    return std::string(v.GetString(), v.GetStringLength());
}

}  // namespace detail

namespace json {

void wrong(const std::string& file, std::size_t line, const std::string& field,
           const std::string& what) {
    throw input_error(file, line, "field \"" + field + "\": " + what);
}

std::string get_string(Value v, const std::string& file, std::size_t line,
                       const std::string& field) {
    if (!v.present() || v.is_null()) return {};
    if (!v.is_string()) wrong(file, line, field, "expected a string");
    return std::string(v.string());
}

using detail::cut_short;
using detail::cut_short_error;
using detail::is_blank;

namespace {

// The lines of a stream, read in large blocks rather than a line at a time,
// split as read_line splits them: a line is what stands before its '\n',
// nothing else stripped, and one longer than max_line_bytes is read past
// without being held (too_long).
class BlockLines {
public:
    explicit BlockLines(std::istream& in) : in_(in) {}

    // The next line into `line` (valid until the next call); `unterminated`
    // says it was the last one and had no newline.
    LineRead next(std::string_view& line, bool& unterminated) {
        unterminated = false;
        bool too_long = false;
        std::size_t scan = begin_;
        for (;;) {
            const void* nl =
                scan < end_ ? std::memchr(buf_.data() + scan, '\n', end_ - scan) : nullptr;
            if (nl) {
                const std::size_t at = std::size_t(static_cast<const char*>(nl) - buf_.data());
                line = std::string_view(buf_.data() + begin_, at - begin_);
                begin_ = at + 1;
                if (too_long || line.size() > max_line_bytes) return line = {}, LineRead::too_long;
                return LineRead::line;
            }
            if (eof_) {
                if (!too_long && begin_ == end_) return LineRead::end;
                unterminated = true;
                line = std::string_view(buf_.data() + begin_, end_ - begin_);
                begin_ = end_;
                if (too_long || line.size() > max_line_bytes) return line = {}, LineRead::too_long;
                return LineRead::line;
            }
            // No newline in what is held: drop it if it is already too long, else keep it and read
            // more.
            if (too_long || end_ - begin_ > max_line_bytes) {
                too_long = true;
                begin_ = end_ = 0;
            } else if (begin_ > 0) {
                std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
                end_ -= begin_;
                begin_ = 0;
            }
            scan = end_;
            if (buf_.size() < end_ + block) buf_.resize(end_ + block);
            in_.read(buf_.data() + end_, std::streamsize(block));
            const auto n = std::size_t(in_.gcount());
            end_ += n;
            if (n == 0 || !in_) eof_ = true;
        }
    }

private:
    static constexpr std::size_t block = std::size_t{1} << 20;
    std::istream& in_;
    std::vector<char> buf_;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
};

}  // namespace

struct JsonLines::Impl {
    Impl(std::istream& in, const std::string& file, std::size_t after)
        : in(in), file(file), lines(in), number(after) {}
    std::istream& in;
    std::string file;
    BlockLines lines;
    std::size_t number;
};

JsonLines::JsonLines(std::istream& in, const std::string& file, std::size_t after)
    : impl_(std::make_unique<Impl>(in, file, after)) {}

JsonLines::~JsonLines() = default;

bool JsonLines::next(Line& line) {
    Impl& m = *impl_;
    line.error.reset();
    bool last = false;
    for (LineRead got; (got = m.lines.next(line.text, last)) != LineRead::end;) {
        line.number = ++m.number;
        if (got == LineRead::too_long)
            line.error = input_error(m.file, m.number, line_too_long_message());
        else if (last && cut_short(line.text))  // the last line, without its newline: half a record
            line.error = cut_short_error(line.text, m.file, m.number);
        else if (is_blank(line.text))
            continue;
        return true;
    }
    if (m.in.bad()) throw input_error(m.file, m.number, "read error");
    return false;
}

std::size_t for_each_json_line(std::istream& in, const std::string& file, bool keep_going,
                               const std::function<void(std::string_view, std::size_t)>& record,
                               const std::function<void(const std::exception&)>& on_skip,
                               std::string_view first, std::size_t first_line) {
    std::size_t skipped = 0;
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
    JsonLines lines(in, file, first_line);
    for (JsonLines::Line line; lines.next(line);) {
        if (line.error) {
            if (!keep_going) throw *line.error;
            ++skipped;
            on_skip(*line.error);
        } else {
            guarded(line.text, line.number);
        }
    }
    return skipped;
}

}  // namespace json
}  // namespace eventgraph::io

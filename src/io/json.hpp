#pragma once
// JSON as the library's later modules read and write it (triggers, word
// lists, gold events, JSON-LD in pages, the program's own outputs): parsed
// as io parses it (bounded, UTF-8 checked, errors as "FILE:LINE: what"),
// read through views that keep RapidJSON to io. Not installed; the one
// header of io's src/ the later modules see.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "eventgraph/error.hpp"

namespace eventgraph::io::json {

class Value;

/// A member of an object: its name and its value.
struct Member;

/// Positions 0 … size-1 of a value, as views (`for (Value x : v.items())`).
template <typename T>
class Range {
public:
    class iterator {
    public:
        T operator*() const { return at_(owner_, i_); }
        iterator& operator++() {
            ++i_;
            return *this;
        }
        bool operator==(const iterator& o) const { return i_ == o.i_; }

    private:
        friend class Range;
        iterator(const void* owner, std::size_t i, T (*at)(const void*, std::size_t))
            : owner_(owner), i_(i), at_(at) {}
        const void* owner_;
        std::size_t i_;
        T (*at_)(const void*, std::size_t);
    };
    iterator begin() const { return {owner_, 0, at_}; }
    iterator end() const { return {owner_, size_, at_}; }
    std::size_t size() const { return size_; }

private:
    friend class Value;
    Range(const void* owner, std::size_t size, T (*at)(const void*, std::size_t))
        : owner_(owner), size_(size), at_(at) {}
    const void* owner_;
    std::size_t size_;
    T (*at_)(const void*, std::size_t);
};

/// A view of one value of a Document; absent (`!present()`) where a member
/// or an element is not there. Valid while its document lives. Asking an
/// absent value or one of another type gives false, 0 or "".
class Value {
public:
    Value() = default;

    bool present() const { return v_ != nullptr; }
    bool is_null() const;
    bool is_bool() const;
    bool is_number() const;
    bool is_int() const;     ///< a whole number that fits an int
    bool is_int64() const;   ///< … a std::int64_t
    bool is_uint64() const;  ///< … a std::uint64_t
    bool is_string() const;
    bool is_array() const;
    bool is_object() const;

    bool boolean() const;
    int int_value() const;
    std::int64_t int64() const;
    std::uint64_t uint64() const;
    double number() const;
    std::string_view string() const;

    /// Elements of an array, members of an object, else 0.
    std::size_t size() const;
    /// An array's element (absent past the end or if not an array).
    Value operator[](std::size_t i) const;
    /// An object's first member of that name (absent if none or not an object).
    Value operator[](std::string_view name) const;
    bool has(std::string_view name) const { return (*this)[name].present(); }

    Range<Value> items() const;     ///< an array's elements (none if not an array)
    Range<Member> members() const;  ///< an object's members in order, repeated names too

private:
    friend class Document;
    explicit Value(const void* v) : v_(v) {}
    static Value item_at(const void* array, std::size_t i);
    static Member member_at(const void* object, std::size_t i);
    const void* v_ = nullptr;
};

struct Member {
    std::string_view name;
    Value value;
};

/// How much of JSON's neighbours a parse allows.
enum class Syntax {
    strict,  ///< JSON (RFC 8259)
    lenient  ///< also comments, trailing commas, NaN and Infinity (pages' JSON-LD)
};

/// One parsed JSON value and the text it came from.
class Document {
public:
    /// Parses `json`, whose first line is line `first_line` of `file`; throws
    /// input_error("FILE:LINE: invalid JSON at column C: what") where it is
    /// not one JSON value (a NUL byte, nesting past io's limit, text after it).
    Document(std::string_view json, const std::string& file, std::size_t first_line = 1);
    /// The same without a file: nullopt where the text is not JSON.
    static std::optional<Document> try_parse(std::string_view json, Syntax syntax = Syntax::strict);

    ~Document();
    Document(Document&&) noexcept;
    Document& operator=(Document&&) noexcept;

    Value root() const;
    /// The line of the file a value of this document is on (an array's or
    /// object's: its opening bracket's).
    std::size_t line_of(Value v) const;

private:
    struct Impl;
    explicit Document(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// Compact JSON text written value by value, as RapidJSON's writer checks
/// it (a key only inside an object, …).
class Writer {
public:
    Writer();
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    Writer& begin_object();
    Writer& end_object();
    Writer& begin_array();
    Writer& end_array();
    Writer& key(std::string_view name);
    Writer& string(std::string_view s);
    Writer& int64(std::int64_t n);
    Writer& uint64(std::uint64_t n);
    Writer& number(double x);
    Writer& boolean(bool b);
    Writer& null();
    /// key(name).string(s)
    Writer& field(std::string_view name, std::string_view s) { return key(name).string(s); }

    /// What has been written so far.
    std::string_view text() const;
    /// Starts again with nothing written.
    void clear();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

[[noreturn]] void wrong(const std::string& file, std::size_t line, const std::string& field,
                        const std::string& what);

/// A string field ("" for null or absent); throws if it is another type.
std::string get_string(Value v, const std::string& file, std::size_t line,
                       const std::string& field);

/// The non-blank lines of a JSON Lines stream, split as for_each_json_line
/// splits them, for readers that hand the records to other threads. A line
/// that cannot be a record comes with the error it is reported with.
class JsonLines {
public:
    /// Lines numbered from after + 1.
    JsonLines(std::istream& in, const std::string& file, std::size_t after = 0);
    ~JsonLines();
    JsonLines(const JsonLines&) = delete;
    JsonLines& operator=(const JsonLines&) = delete;

    struct Line {
        std::string_view text;  ///< valid until the next call to next()
        std::size_t number = 0;
        /// set for a line over max_line_bytes or a last line cut short
        std::optional<input_error> error;
    };
    /// The next non-blank line; false at the end of the stream (throws
    /// input_error on a read error).
    bool next(Line& line);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Calls `record(text, line)` for `first` (the record on line `first_line`,
/// if not blank) and then for each non-blank line of `in`; an input_error in a
/// record is rethrown, or with keep_going counted and given to on_skip.
/// Returns the number of records skipped.
std::size_t for_each_json_line(std::istream& in, const std::string& file, bool keep_going,
                               const std::function<void(std::string_view, std::size_t)>& record,
                               const std::function<void(const std::exception&)>& on_skip,
                               std::string_view first = {}, std::size_t first_line = 0);

}  // namespace eventgraph::io::json

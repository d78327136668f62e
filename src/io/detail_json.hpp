#pragma once
// What the JSON readers and writers of io/ share. Private to src/io.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "eventgraph/error.hpp"

namespace eventgraph::io::detail {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

/// Flags for every parse of outside input: UTF-8 checked, no recursion (no
/// stack overflow on deep nesting), stop after one value.
constexpr unsigned parse_flags = rapidjson::kParseValidateEncodingFlag |
                                 rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag;

/// Parses one JSON value; throws input_error with the file's line and column.
void parse(rapidjson::Document& doc, std::string_view json, const std::string& file,
           std::size_t first_line);

[[noreturn]] void wrong(const std::string& file, std::size_t line, const std::string& field,
                        const std::string& what);

/// A string field ("" for null); throws if it is another type.
std::string get_string(const rapidjson::Value& v, const std::string& file, std::size_t line,
                       const std::string& field);

/// A value written back as compact JSON text.
std::string raw_json(const rapidjson::Value& v);

void write_string(Writer& w, const char* key, std::string_view value);

/// Only white space.
bool is_blank(std::string_view s);

/// Whether `json` is a JSON value that its end cuts short (not blank, and
/// nothing wrong in it before its end).
bool cut_short(std::string_view json);

/// "FILE:LINE: record cut short by the end of the file (invalid JSON at …)",
/// for the last line of a file that ends in the middle of a record.
input_error cut_short_error(std::string_view json, const std::string& file, std::size_t line);

/// Calls `record(text, line)` for `first` (the record on line `first_line`,
/// if not blank) and then for each non-blank line of `in`; an input_error in a
/// record is rethrown, or with keep_going counted and given to on_skip.
/// Returns the number of records skipped.
std::size_t for_each_json_line(std::istream& in, const std::string& file, bool keep_going,
                               const std::function<void(std::string_view, std::size_t)>& record,
                               const std::function<void(const std::exception&)>& on_skip,
                               std::string_view first = {}, std::size_t first_line = 0);

}  // namespace eventgraph::io::detail

#pragma once
// What the JSON readers and writers of io/ share, on RapidJSON. Private to
// src/io; what the other modules may use is json.hpp, which hides RapidJSON.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "eventgraph/error.hpp"
#include "json.hpp"

namespace eventgraph::io::detail {

/// Whether the text has brackets enough to nest deeper than io allows (else
/// it is safe to parse recursively).
bool may_nest_deeply(std::string_view json);

/// What parse_record checks before RapidJSON reads a record (NUL bytes,
/// nesting), for a reader that parses records with a handler of its own.
/// Returns may_nest_deeply(json).
bool check_record_text(std::string_view json, const std::string& file, std::size_t line);

/// Throws parse_record's error for a fault at `offset` of the record:
/// "FILE:LINE: invalid JSON at column C: what".
[[noreturn]] void invalid_json(std::string_view json, const std::string& file, std::size_t line,
                               std::size_t offset, const std::string& what);

using json::for_each_json_line;
using json::wrong;

/// Flags for every parse of outside input: UTF-8 checked, no recursion (no
/// stack overflow on deep nesting), stop after one value.
constexpr unsigned parse_flags = rapidjson::kParseValidateEncodingFlag |
                                 rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag;

/// Parses one JSON value; throws input_error with the file's line and column.
void parse(rapidjson::Document& doc, std::string_view json, const std::string& file,
           std::size_t first_line);

/// A string field ("" for null); throws if it is another type.
std::string get_string(const rapidjson::Value& v, const std::string& file, std::size_t line,
                       const std::string& field);

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

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

}  // namespace eventgraph::io::detail

#pragma once
// What the JSON readers and writers of io/ share. Private to src/io; what
// the other modules may use of it is json.hpp.

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

namespace eventgraph::io::json {

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

}  // namespace eventgraph::io::json

namespace eventgraph::io::detail {

using json::check_record_text;
using json::invalid_json;
using json::may_nest_deeply;

using json::for_each_json_line;
using json::get_string;
using json::parse;
using json::parse_flags;
using json::parse_record;
using json::wrong;

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

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

namespace eventgraph::io::detail {

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

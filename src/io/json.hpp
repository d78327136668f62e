#pragma once
// Reading JSON data files and JSON Lines as io/ does: bounded, iterative,
// UTF-8 checked, errors as "FILE:LINE: what". Shared with the library's other
// modules that read JSON of their own (triggers, word lists, gold events);
// not installed, as RapidJSON stays out of the installed headers.

#include <rapidjson/document.h>

#include <cstddef>
#include <exception>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

namespace eventgraph::io::json {

/// Flags for every parse of outside input: UTF-8 checked, no recursion (no
/// stack overflow on deep nesting), stop after one value.
constexpr unsigned parse_flags = rapidjson::kParseValidateEncodingFlag |
                                 rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag;

/// Parses one JSON value; throws input_error with the file's line and column.
void parse(rapidjson::Document& doc, std::string_view json, const std::string& file,
           std::size_t first_line);

/// The same for one record of many (a line of JSON Lines): parsed in place
/// in a copy of the text, into a document the thread reuses, so that reading
/// a file of records allocates nothing for the parser. Valid until the
/// thread's next call.
const rapidjson::Document& parse_record(std::string_view json, const std::string& file,
                                        std::size_t first_line);

[[noreturn]] void wrong(const std::string& file, std::size_t line, const std::string& field,
                        const std::string& what);

/// A string field ("" for null); throws if it is another type.
std::string get_string(const rapidjson::Value& v, const std::string& file, std::size_t line,
                       const std::string& field);

/// Calls `record(text, line)` for `first` (the record on line `first_line`,
/// if not blank) and then for each non-blank line of `in`; an input_error in a
/// record is rethrown, or with keep_going counted and given to on_skip.
/// Returns the number of records skipped.
std::size_t for_each_json_line(std::istream& in, const std::string& file, bool keep_going,
                               const std::function<void(std::string_view, std::size_t)>& record,
                               const std::function<void(const std::exception&)>& on_skip,
                               std::string_view first = {}, std::size_t first_line = 0);

}  // namespace eventgraph::io::json

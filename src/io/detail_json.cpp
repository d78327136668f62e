#include "detail_json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>

#include "eventgraph/error.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::io::detail {

std::string raw_json(const rapidjson::Value& v) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    v.Accept(w);
    return std::string(buf.GetString(), buf.GetSize());
}

void write_string(Writer& w, const char* key, std::string_view value) {
    w.Key(key);
    w.String(value.data(), rapidjson::SizeType(value.size()));
}

bool is_blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool cut_short(std::string_view json) {
    rapidjson::Document probe;
    rapidjson::MemoryStream bytes(json.data(), json.size());
    probe.ParseStream<parse_flags>(bytes);
    return !is_blank(json) && probe.HasParseError() &&
           json.find_first_not_of(" \t\r\n", probe.GetErrorOffset()) == std::string_view::npos;
}

input_error cut_short_error(std::string_view json, const std::string& file, std::size_t line) {
    try {
        rapidjson::Document doc;
        parse(doc, json, file, line);
    } catch (const input_error& e) {
        return input_error(file, line,
                           "record cut short by the end of the file (" + e.message() + ")");
    }
    return input_error(file, line, "record cut short by the end of the file");
}
}  // namespace eventgraph::io::detail

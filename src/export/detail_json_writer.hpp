#pragma once
// What the JSON exports (timeline, the web page's data) share. Private to src/export.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string_view>

namespace eventgraph::exports::detail {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void string(JsonWriter& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

inline void field(JsonWriter& w, const char* key, std::string_view value) {
    w.Key(key);
    string(w, value);
}

}  // namespace eventgraph::exports::detail

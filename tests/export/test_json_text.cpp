// The JSON writer of the long outputs (export/detail_json_writer.hpp) writes
// what RapidJSON's writer writes for the same calls: every byte of a string,
// numbers of each kind, nesting, and a document begun again after Reset.

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>

#include "export/detail_json_writer.hpp"

namespace {

using eventgraph::exports::detail::JsonText;
using eventgraph::exports::detail::JsonWriter;

// One record of the kinds a timeline holds, written by either writer.
template <typename W>
void write_record(W& w, const std::string& text) {
    w.StartObject();
    w.Key("id");
    w.String("ev-1", 4);
    w.Key("text");
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    w.Key("empty");
    w.String("", 0);
    w.Key("nothing");
    w.Null();
    w.Key("flags");
    w.StartArray();
    w.Bool(true);
    w.Bool(false);
    w.StartArray();
    w.EndArray();
    w.StartObject();
    w.EndObject();
    w.EndArray();
    w.Key("numbers");
    w.StartArray();
    w.Int(0);
    w.Int(std::numeric_limits<int>::min());
    w.Uint(std::numeric_limits<unsigned>::max());
    w.Int64(std::numeric_limits<std::int64_t>::min());
    w.Uint64(std::numeric_limits<std::uint64_t>::max());
    for (const double d : {0.0, -0.0, 0.1, 1.0, 0.98, 1e-7, -37.81363, 144.96332, 123456789.125,
                           1e300, 5e-324, 1.0 / 3})
        w.Double(d);
    w.EndArray();
    w.Key("a \"key\"\n");
    w.StartObject();
    w.EndObject();
    w.EndObject();
}

std::string rapidjson_text(const std::string& text) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write_record(w, text);
    buffer.Put('\n');
    w.Reset(buffer);
    write_record(w, "again");
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string json_text(const std::string& text) {
    rapidjson::StringBuffer buffer;
    JsonText w(buffer);
    write_record(w, text);
    buffer.Put('\n');
    w.Reset(buffer);
    write_record(w, "again");
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

TEST_CASE("the long outputs' JSON is byte for byte RapidJSON's") {
    std::string every_byte;
    for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
    for (const std::string& text :
         {std::string("Sentence 80422."), std::string("\"quoted\" \\ back/slash"),
          std::string("tab\there, line\nbreak, \x01\x1f\x7f"), std::string("Kyiv, Київ, 🇺🇦"),
          every_byte}) {
        INFO(text);
        CHECK(json_text(text) == rapidjson_text(text));
    }
    // Each character to escape at each place of a string of two words' length.
    for (const char special : {'"', '\\', '\x01', '\x1f', '\n', '\t'})
        for (std::size_t at = 0; at < 18; ++at) {
            std::string text(18, 'x');
            text[at] = special;
            text += "\xc3\xa9";
            INFO(at);
            CHECK(json_text(text) == rapidjson_text(text));
        }
    // What that is, spelt out once (so that both cannot be wrong alike).
    rapidjson::StringBuffer out;
    JsonText w(out);
    w.StartObject();
    w.Key("t");
    w.String("a\"\\\x01\x7f\n", 6);
    w.Key("n");
    w.StartArray();
    w.Double(0.1);
    w.Double(1.0);
    w.Uint64(18);
    w.Null();
    w.EndArray();
    w.EndObject();
    CHECK(std::string(out.GetString(), out.GetSize()) ==
          "{\"t\":\"a\\\"\\\\\\u0001\x7f\\n\",\"n\":[0.1,1.0,18,null]}");
}

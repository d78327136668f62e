// io's JSON views, as the later modules use them to read their files.

#include <catch2/catch.hpp>

#include "eventgraph/error.hpp"
#include "io/json.hpp"

using eventgraph::input_error;
using eventgraph::io::json::Document;
using eventgraph::io::json::Syntax;
using eventgraph::io::json::Value;
using eventgraph::io::json::Writer;

TEST_CASE("a document's values are read through views, absent where not there", "[io][json]") {
    const Document doc(R"({"a": [1, "two", null, true], "b": {"c": 2.5}, "a": "again"})", "f.json");
    const Value root = doc.root();
    REQUIRE(root.is_object());
    CHECK(root.size() == 3);
    const Value a = root["a"];  // the first of a repeated name
    REQUIRE(a.is_array());
    CHECK(a.size() == 4);
    CHECK(a[0].is_int());
    CHECK(a[0].int_value() == 1);
    CHECK(a[1].string() == "two");
    CHECK(a[2].is_null());
    CHECK(a[3].boolean());
    CHECK_FALSE(a[4].present());
    CHECK(root["b"]["c"].number() == 2.5);
    CHECK_FALSE(root["b"]["c"].is_int());
    CHECK_FALSE(root["nothing"].present());
    CHECK_FALSE(root["nothing"]["deeper"][3].present());
    CHECK(root["nothing"].string().empty());

    std::vector<std::string> names;
    for (const auto& m : root.members()) names.emplace_back(m.name);
    CHECK(names == std::vector<std::string>{"a", "b", "a"});
    std::size_t items = 0;
    for (const Value x : a.items()) items += x.present();
    CHECK(items == 4);
}

TEST_CASE("a value's line is the line of the file it is on", "[io][json]") {
    const Document doc("{\n  \"list\": [\n    \"x\",\n\n    {\"y\": 1}\n  ]\n}\n", "f.json", 10);
    const Value list = doc.root()["list"];
    CHECK(doc.line_of(doc.root()) == 10);
    CHECK(doc.line_of(list) == 11);
    CHECK(doc.line_of(list[0]) == 12);
    CHECK(doc.line_of(list[1]) == 14);
    CHECK(doc.line_of(list[1]["y"]) == 14);
}

TEST_CASE("bad JSON is refused with the file, line and column", "[io][json]") {
    try {
        Document doc("{\"a\": 1,\n \"b\": }", "words.json", 3);
        FAIL("parsed");
    } catch (const input_error& e) {
        CHECK(std::string(e.what()).rfind("words.json:4: invalid JSON at column 7", 0) == 0);
    }
    CHECK_THROWS_AS(Document("[1] [2]", "f", 1), input_error);
    CHECK_THROWS_AS(Document(std::string_view("[\"a\0\"]", 6), "f", 1), input_error);
    CHECK_FALSE(Document::try_parse("{\"a\": 1,}"));
    const auto lenient =
        Document::try_parse("/* c */ {\"a\": [1, 2,], \"b\": NaN,}", Syntax::lenient);
    REQUIRE(lenient);
    CHECK(lenient->root()["a"].size() == 2);
}

TEST_CASE("the writer writes compact JSON with strings escaped", "[io][json]") {
    Writer w;
    w.begin_object().field("name", "say \"no\"\n").key("n").int64(-3).key("u").uint64(7);
    w.key("list").begin_array().boolean(true).null().number(0.5).end_array().end_object();
    CHECK(w.text() == R"({"name":"say \"no\"\n","n":-3,"u":7,"list":[true,null,0.5]})");
    w.clear();
    w.begin_array().end_array();
    CHECK(w.text() == "[]");
}

#include <catch2/catch.hpp>
#include <sstream>

#include "eventgraph/error.hpp"
#include "eventgraph/io/article_json.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using model::ParagraphRole;

namespace {

struct ReadResult {
    std::vector<model::Article> articles;
    std::vector<std::string> skipped;
    std::size_t skip_count = 0;
};

ReadResult read(const std::string& text, bool keep_going = false) {
    std::istringstream in(text);
    ReadResult r;
    io::ReadOptions options;
    options.keep_going = keep_going;
    r.skip_count = io::read_articles_json(
        in, "in.jsonl", "in", options,
        [&](model::Article a) { r.articles.push_back(std::move(a)); },
        [&](const std::exception& e) { r.skipped.push_back(e.what()); });
    return r;
}

std::string error_of(const std::string& text) {
    try {
        read(text);
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

const std::string article_schema = test::source_path("schemas/article.schema.json");

}  // namespace

TEST_CASE("JSON Lines are read a record a line, with every field of the design") {
    const auto r = read(
        R"({"id":"a1","url":"https://example.org/a1","source":"Example","title":"  Talks  resume ","authors":["Ann Lee"],"published":"2024-09-10T19:59:00+03:00","language":"en","body":["First.","Second."]})"
        "\n\n"
        R"({"id":"a2","body":"One.\n\nTwo\nlines."})"
        "\n");
    REQUIRE(r.articles.size() == 2);
    const auto& a = r.articles[0];
    CHECK(a.id == "a1");
    CHECK(a.url == "https://example.org/a1");
    CHECK(a.source == "Example");
    CHECK(a.title == "Talks resume");
    CHECK(a.authors == std::vector<std::string>{"Ann Lee"});
    REQUIRE(a.published);
    CHECK(model::to_iso(*a.published) == "2024-09-10T19:59:00+03:00");
    CHECK(a.language == "en");
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(a.paragraphs[1].text == "Second.");
    // One body string: blank lines part paragraphs, single line breaks do not.
    REQUIRE(r.articles[1].paragraphs.size() == 2);
    CHECK(r.articles[1].paragraphs[1].text == "Two lines.");
}

TEST_CASE("one pretty-printed object or an array of objects is read whole") {
    const auto one = read("{\n  \"id\": \"p\",\n  \"body\": \"text\"\n}\n");
    REQUIRE(one.articles.size() == 1);
    CHECK(one.articles[0].id == "p");
    const auto many = read("[\n {\"body\": \"x\"},\n {\"body\": \"y\"}\n]\n");
    REQUIRE(many.articles.size() == 2);
    CHECK(many.articles[0].id == "in");    // no id: the file's name,
    CHECK(many.articles[1].id == "in-2");  // numbered after the first
}

TEST_CASE("paragraphs keep their roles, unknown fields are kept as they were") {
    const auto r = read(
        R"({"id":"r","paragraphs":[{"text":"Body.","role":"body"},{"text":"A photo.","role":"caption"},"plain"],"topic":{"tags":["a","b"]},"rank":3})");
    REQUIRE(r.articles.size() == 1);
    const auto& a = r.articles[0];
    REQUIRE(a.paragraphs.size() == 3);
    CHECK(a.paragraphs[1].role == ParagraphRole::caption);
    CHECK(a.paragraphs[2].role == ParagraphRole::body);
    REQUIRE(a.extra.size() == 2);
    CHECK(a.extra[0] == std::pair<std::string, std::string>{"topic", R"({"tags":["a","b"]})"});
    const std::string json = io::article_to_json(a);
    CHECK(json.find(R"("topic":{"tags":["a","b"]},"rank":3)") != std::string::npos);
}

TEST_CASE("written articles read back equal and are valid against the schema") {
    const auto r = read(
        R"({"id":"w","title":"T \"quoted\" \\ back","authors":["A","B"],"published":"2024-09-10","parent":"page","feed_time":"02:27","paragraphs":[{"text":"Line\u2028with separator","role":"feed"}]})");
    REQUIRE(r.articles.size() == 1);
    const std::string json = io::article_to_json(r.articles[0]);
    CHECK(test::schema_errors(article_schema, json) == "");
    CHECK(io::article_from_json(json, "x", 1, "x") == r.articles[0]);
}

TEST_CASE("bad records name the file, the line and what was wrong") {
    CHECK(error_of("{\"id\":\"a\",\"body\":\"x\"}\n{\"id\": oops}\n") ==
          "in.jsonl:2: invalid JSON at column 8: Invalid value.");
    CHECK(error_of("{\"id\":\"a\",\"body\":42}\n") ==
          "in.jsonl:1: field \"body\": expected a string or an array of paragraph strings");
    CHECK(error_of("{\"id\":\"a\",\"title\":[\"x\"],\"body\":\"x\"}") ==
          "in.jsonl:1: field \"title\": expected a string");
    CHECK(error_of("{\"id\":\"a\",\"published\":\"2024-02-30\",\"body\":\"x\"}") ==
          "in.jsonl:1: field \"published\": \"2024-02-30\" is not a date (expected e.g. "
          "2024-09-10, 2024-09-10T19:59:00+03:00, 2024-09 or 2024)");
    CHECK(error_of("{\"id\":\"a\",\"title\":\"t\"}") ==
          "in.jsonl:1: article has neither \"body\" nor \"paragraphs\"");
    CHECK(error_of("{\"id\":\"a\",\"body\":[\" \",\"\"]}") ==
          "in.jsonl:1: article \"a\" has no text");
    CHECK(error_of("{\"id\":\"a\",\"paragraphs\":[{\"text\":\"x\",\"role\":\"lede\"}]}") ==
          "in.jsonl:1: field \"paragraphs/role\": \"lede\" is not one of body, caption, teaser, "
          "feed");
    CHECK(error_of("\n\n") == "in.jsonl: empty file: no JSON in it");
    CHECK(error_of("{\"id\":\"a\",\"body\":\"bad \xC3\x28 byte\"}") ==
          "in.jsonl:1: invalid JSON at column 23: Invalid encoding in string.");
    CHECK(error_of(std::string("{\"id\":\"a\",\"body\":\"nul\0\"}", 23)) ==
          "in.jsonl:1: invalid JSON at column 22: NUL byte in the text");
    CHECK(error_of("{\"id\":\"a\",\"body\":\"x\"} trailing\n") ==
          "in.jsonl:1: invalid JSON at column 23: unexpected text after the JSON value");
    CHECK(error_of("{\n\"id\": \"a\",\n\"body\": \"x\",,\n}") ==
          "in.jsonl:3: invalid JSON at column 13: Missing a name for object member.");
}

TEST_CASE("keep-going skips a broken line in the middle, counts it and reads the rest") {
    const auto r =
        read("{\"id\":\"a\",\"body\":\"x\"}\n{broken\n{\"id\":\"c\",\"body\":\"y\"}\n", true);
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[1].id == "c");
    CHECK(r.skip_count == 1);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].rfind("in.jsonl:2: invalid JSON", 0) == 0);
}

TEST_CASE("JSON Lines whose first line is cut short are still JSON Lines: a split of a corpus") {
    // What a split of a corpus can begin with: the end of a record lost, the next lines whole.
    const std::string split =
        "{\"id\":\"a\",\"body\":\"Russia str\n"
        "{\"id\":\"b\",\"body\":\"x\"}\n"
        "{\"id\":\"c\",\"body\":\"y\"}\n";
    CHECK(error_of(split) ==
          "in.jsonl:1: invalid JSON at column 29: Missing a closing quotation mark in string.");
    const auto r = read(split, true);
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "b");
    CHECK(r.articles[1].id == "c");
    CHECK(r.skip_count == 1);
    // A document spread over lines keeps its own error, where it is.
    CHECK(error_of("{\n\"id\": \"a\",\n\"body\": \"x\"\n\"title\": \"t\"\n}") ==
          "in.jsonl:4: invalid JSON at column 1: Missing a comma or '}' after an object member.");
}

TEST_CASE("deeply nested JSON is an error, not a stack overflow") {
    const std::string deep = "{\"id\":\"a\",\"body\":\"x\",\"n\":" + std::string(200000, '[') + "}";
    CHECK(error_of(deep).rfind("in.jsonl:1: invalid JSON", 0) == 0);
}

TEST_CASE("a byte-order mark before the first record is skipped") {
    const auto r = read("\xEF\xBB\xBF{\"id\":\"bom\",\"body\":\"x\"}\n");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "bom");
}

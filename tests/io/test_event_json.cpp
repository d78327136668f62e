#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "eventgraph/error.hpp"
#include "eventgraph/io/event_json.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {
const std::string event_schema = test::source_path("schemas/event.schema.json");

std::string error_of(const std::string& json) {
    try {
        io::event_from_json(json, "ev.jsonl", 7);
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("events read from JSON Lines write back the same and are valid against the schema") {
    const auto lines = test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")));
    REQUIRE(lines.size() == 3);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto e = io::event_from_json(lines[i], "seed-like.jsonl", i + 1);
        CHECK(io::event_to_json(e) == lines[i]);
        CHECK(test::schema_errors(event_schema, io::event_to_json(e)) == "");
    }
    const auto feed = io::event_from_json(lines[1], "x", 2);
    REQUIRE(feed.date);
    CHECK(feed.date->granularity == model::Granularity::month);
    CHECK(model::to_iso(feed.date->end) == "2024-10-31");
    REQUIRE(feed.location);
    CHECK(feed.location->code == "UKR");
    CHECK(feed.killed == 2);
    CHECK_FALSE(io::event_from_json(lines[2], "x", 3).date);  // the text did not tell
}

TEST_CASE("a bad event names the file, the line and the field") {
    const std::string good =
        test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")))[0];
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        s.replace(s.find(from), from.size(), to);
        return s;
    };
    CHECK(error_of(with(R"("type":"aid",)", "")) == "ev.jsonl:7: field \"type\": missing");
    CHECK(error_of(with(R"("kind":"country"})", R"("kind":"planet"})")) ==
          "ev.jsonl:7: field \"source/kind\": \"planet\" is not an allowed value");
    CHECK(error_of(with(R"("start":"2024-09-10")", R"("start":"2024-02-30")")) ==
          "ev.jsonl:7: field \"date/start\": \"2024-02-30\" is not a date (YYYY-MM-DD, YYYY-MM or "
          "YYYY)");
    CHECK(error_of(with(R"("polarity":"asserted")", R"("polarity":"maybe")")) ==
          "ev.jsonl:7: field \"polarity\": \"maybe\" is not an allowed value");
    CHECK(error_of(with(R"("quad":2)", R"("quad":"2")")) ==
          "ev.jsonl:7: field \"quad\": expected 1, 2, 3 or 4");
}

TEST_CASE("an event stream with a broken line stops there, or skips it when asked") {
    const auto lines = test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")));
    const std::string text = lines[0] + "\n{not json\n" + lines[1] + "\n";
    std::vector<model::Event> got;
    std::istringstream in(text);
    CHECK_THROWS_WITH(io::read_events_json(
                          in, "e.jsonl", {}, [&](model::Event e) { got.push_back(e); },
                          [](const std::exception&) {}),
                      Catch::StartsWith("e.jsonl:2: invalid JSON"));
    CHECK(got.size() == 1);
    got.clear();
    std::istringstream again(text);
    io::ReadOptions keep;
    keep.keep_going = true;
    CHECK(io::read_events_json(
              again, "e.jsonl", keep, [&](model::Event e) { got.push_back(e); },
              [](const std::exception&) {}) == 1);
    CHECK(got.size() == 2);
}

TEST_CASE("an event with a null source reads and writes back null, valid against the schema") {
    const auto lines = test::lines_of(test::read_file(test::data_path("unknown/events.jsonl")));
    REQUIRE(lines.size() == 6);
    const auto e = io::event_from_json(lines[0], "events.jsonl", 1);
    CHECK_FALSE(e.source);
    REQUIRE(e.target);
    CHECK(e.target->id == "USA");
    const std::string json = io::event_to_json(e);
    CHECK(json == lines[0]);
    CHECK(json.find(R"("source":null,)") != std::string::npos);
    CHECK(test::schema_errors(event_schema, json) == "");
    for (std::size_t i = 1; i < lines.size(); ++i)
        CHECK(io::event_to_json(io::event_from_json(lines[i], "events.jsonl", i + 1)) == lines[i]);
}

TEST_CASE("an event must still say its source: a missing one or one of a wrong type is an error") {
    const std::string good =
        test::lines_of(test::read_file(test::data_path("unknown/events.jsonl")))[0];
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        s.replace(s.find(from), from.size(), to);
        return s;
    };
    CHECK(error_of(with(R"("source":null,)", "")) == "ev.jsonl:7: field \"source\": missing");
    CHECK(error_of(with(R"("source":null)", R"("source":"USA")")) ==
          "ev.jsonl:7: field \"source\": expected an actor object or null");
    CHECK(error_of(with(R"("source":null)", R"("source":[])")) ==
          "ev.jsonl:7: field \"source\": expected an actor object or null");
    // "unknown" is the graph's kind for the unknown vertex, never an actor's in the events.
    CHECK(error_of(with(R"("kind":"country"})", R"("kind":"unknown"})")) ==
          "ev.jsonl:7: field \"target/kind\": \"unknown\" is not an allowed value");
}

TEST_CASE("an event's actors keep their CAMEO codes and its evidence what coded it, through JSON") {
    const auto lines = test::lines_of(test::read_file(test::data_path("events/cameo.jsonl")));
    REQUIRE(lines.size() == 2);
    auto e = io::event_from_json(lines[0], "cameo.jsonl", 1);
    REQUIRE(e.source);
    CHECK(e.source->cameo == "RUSMIL");
    CHECK(e.target->cameo == "UKR");
    e.evidence.pattern = "data/petrarch/CAMEO.2.0.txt:8700";
    const std::string json = io::event_to_json(e);
    CHECK(json.find(R"("cameo":"RUSMIL")") != std::string::npos);
    CHECK(json.find(R"("pattern":"data/petrarch/CAMEO.2.0.txt:8700")") != std::string::npos);
    CHECK(io::event_from_json(json, "x", 1) == e);
    CHECK(test::schema_errors(event_schema, json) == "");
}

TEST_CASE("a month date with its note writes back the same, valid against the schema") {
    const std::string good =
        test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")))[0];
    const auto at = good.find("\"date\":{");
    const std::string month =
        good.substr(0, at) +
        R"j("date":{"value":"2024-04","granularity":"month","start":"2024-04-01","end":"2024-04-30","basis":"relative","note":"\"yesterday\" is counted from the publication date, known only to the month (2024-04)"})j" +
        good.substr(good.find('}', at) + 1);
    const auto e = io::event_from_json(month, "ev.jsonl", 1);
    REQUIRE(e.date);
    CHECK(e.date->granularity == model::Granularity::month);
    CHECK(e.date->note ==
          "\"yesterday\" is counted from the publication date, known only to the month (2024-04)");
    CHECK(io::event_to_json(e) == month);
    CHECK(test::schema_errors(event_schema, month) == "");
    // Start and end may be given as the month itself: its first and last day.
    std::string short_form = month;
    short_form.replace(short_form.find("\"2024-04-01\""), 12, "\"2024-04\"");
    short_form.replace(short_form.find("\"2024-04-30\""), 12, "\"2024-04\"");
    CHECK(io::event_from_json(short_form, "ev.jsonl", 1) == e);
}

TEST_CASE("an event stream cut short in its last record loses that record alone") {
    const auto lines = test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")));
    std::istringstream in(lines[0] + "\n" + lines[1].substr(0, 50));
    io::ReadOptions keep;
    keep.keep_going = true;
    std::vector<model::Event> got;
    std::vector<std::string> skipped;
    CHECK(io::read_events_json(
              in, "e.jsonl", keep, [&](model::Event e) { got.push_back(e); },
              [&](const std::exception& e) { skipped.push_back(e.what()); }) == 1);
    CHECK(got.size() == 1);
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].rfind(
              "e.jsonl:2: record cut short by the end of the file (invalid JSON at column ", 0) ==
          0);
}

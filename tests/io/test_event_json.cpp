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

namespace {
// The first seed-like event with `from` replaced by `to`.
std::string seed_with(const std::string& from, const std::string& to) {
    std::string s = test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")))[0];
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}
}  // namespace

TEST_CASE("an event's repeated key counts once, as written first; unknown keys are read past") {
    const std::string good =
        test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")))[0];
    const auto e = io::event_from_json(good, "x", 1);
    // A second "type", a second source, unknown keys at each level: the event is the same.
    const auto twice = seed_with(R"("type":"aid",)",
                                 R"("type":"aid","x":{"type":[1,{"a":null}]},"type":"attack",)");
    CHECK(io::event_from_json(twice, "x", 1) == e);
    const auto nested = seed_with(R"("kind":"country"})",
                                  R"("kind":"country","kind":"planet","extra":{"id":"Z"}})");
    CHECK(io::event_from_json(nested, "x", 1) == e);
    // The first of two is the one checked, even when a later one is good.
    CHECK(error_of(seed_with(R"("type":"aid",)", R"("type":7,"type":"aid",)")) ==
          "ev.jsonl:7: field \"type\": expected a string");
    CHECK(error_of(seed_with(R"("quad":2)", R"("quad":9,"quad":2)")) ==
          "ev.jsonl:7: field \"quad\": expected 1, 2, 3 or 4");
}

TEST_CASE("a wrong type is named at each level of an event") {
    CHECK(error_of("[1,2]") == "ev.jsonl:7: expected an event object");
    CHECK(error_of("\"event\"") == "ev.jsonl:7: expected an event object");
    CHECK(error_of(seed_with(R"("id":")", R"("id":{"a":1},"was":")")) ==
          "ev.jsonl:7: field \"id\": expected a string");
    CHECK(error_of(seed_with(R"("mode":)", R"("mode":[],"was":)")) ==
          "ev.jsonl:7: field \"mode\": expected a string");
    CHECK(error_of(seed_with(R"("source":{"id":)", R"("source":{"id":null,"was":)")) ==
          "ev.jsonl:7: field \"source/id\": expected a string");
    CHECK(error_of(seed_with(R"("source":{"id":)", R"("source":{"id":[],"was":)")) ==
          "ev.jsonl:7: field \"source/id\": expected a string");
    CHECK(error_of(seed_with(R"("date":{)", R"("date":"2024-09-10","was":{)")) ==
          "ev.jsonl:7: field \"date\": expected a date object or null");
    CHECK(error_of(seed_with(R"("start":"2024-09-10")", R"("start":20240910)")) ==
          "ev.jsonl:7: field \"date/start\": expected a string");
    CHECK(error_of(seed_with(R"("polarity":"asserted")", R"("polarity":null)")) ==
          "ev.jsonl:7: field \"polarity\": expected a string");
    CHECK(error_of(seed_with(R"("confidence":)", R"("confidence":"high","was":)")) ==
          "ev.jsonl:7: field \"confidence\": expected a number");
    CHECK(error_of(seed_with(R"("evidence":{)", R"("evidence":[],"was":{)")) ==
          "ev.jsonl:7: field \"evidence\": expected an evidence object");
    CHECK(error_of(seed_with(R"("sentence":)", R"("sentence":1.5,"was":)")) ==
          "ev.jsonl:7: field \"evidence/sentence\": expected a whole number");
    CHECK(error_of(seed_with(R"("begin":)", R"("begin":-1,"was":)")) ==
          "ev.jsonl:7: field \"evidence/begin\": expected byte offsets");
    CHECK(error_of(seed_with(R"("evidence":{)", R"("more_evidence":{},"evidence":{)")) ==
          "ev.jsonl:7: field \"more_evidence\": expected an array");
    CHECK(error_of(seed_with(R"("evidence":{)", R"("more_evidence":[{}],"evidence":{)")) ==
          "ev.jsonl:7: field \"more_evidence/sentence\": missing");
    CHECK(error_of(seed_with(R"("evidence":{)", R"("more_evidence":[3],"evidence":{)")) ==
          "ev.jsonl:7: field \"more_evidence\": expected an evidence object");
    CHECK(error_of(seed_with(R"("kind":"country"})",
                             R"("kind":"country","lat":91,"lon":0,"precision":"place"})")) ==
          "ev.jsonl:7: field \"source/lat\": expected a latitude (-90 to 90)");
    CHECK(error_of(seed_with(R"("kind":"country"})", R"("kind":"country","lon":0})")) ==
          "ev.jsonl:7: field \"source/lat\": missing");
    // Of two faults, the one the fields' order meets first.
    CHECK(error_of(seed_with(R"("article":"page-1")", R"("polarity":5,"article":null)")) ==
          "ev.jsonl:7: field \"article\": expected a string");
    // Details of a wrong type are left out, not refused.
    const auto e = io::event_from_json(
        seed_with(
            R"("evidence":{)",
            R"("details":{"killed":"two","wounded":3,"weapons":["gun",4,{"x":"knife"},"tank"]},"evidence":{)"),
        "x", 1);
    CHECK_FALSE(e.killed);
    CHECK(e.wounded == 3);
    CHECK(e.weapons == std::vector<std::string>{"gun", "tank"});
}

TEST_CASE("an event's strings are decoded, escapes and all, and bad UTF-8 is refused") {
    const auto e =
        io::event_from_json(seed_with(R"("id":")", R"("id":"a\"b\u00e9\n","was":")"), "x", 1);
    CHECK(e.id == "a\"b\xC3\xA9\n");
    const std::string latin1 = std::string("\"id\":\"") + char(0xFF) + "\",\"was\":\"";
    CHECK(
        error_of(seed_with(R"("id":")", latin1)).rfind("ev.jsonl:7: invalid JSON at column ", 0) ==
        0);
}

TEST_CASE("an event stream's blank lines, CRLF ends and long runs keep their line numbers") {
    const auto lines = test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")));
    // Enough lines to cross the reader's blocks (a megabyte) many times.
    std::string text;
    std::size_t n = 0;
    while (text.size() < (std::size_t{3} << 20)) {
        text += lines[n % 3] + (n % 2 ? "\r\n" : "\n");
        if (n % 5 == 0) text += " \t\r\n\n";
        ++n;
    }
    text += lines[0].substr(0, lines[0].size() - 1) + "\n";  // a broken line
    text += lines[1];                                        // the last, with no newline
    std::istringstream in(text);
    io::ReadOptions keep;
    keep.keep_going = true;
    std::vector<std::string> ids;
    std::vector<std::string> skipped;
    CHECK(io::read_events_json(
              in, "e.jsonl", keep, [&](model::Event e) { ids.push_back(e.id); },
              [&](const std::exception& e) { skipped.push_back(e.what()); }) == 1);
    REQUIRE(ids.size() == n + 1);
    for (std::size_t i = 0; i < n; ++i)
        REQUIRE(ids[i] == io::event_from_json(lines[i % 3], "x", 1).id);
    const std::size_t broken_line = n + (n + 4) / 5 + (n + 4) / 5 + 1;
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].rfind("e.jsonl:" + std::to_string(broken_line) + ": invalid JSON at column ",
                           0) == 0);
}

TEST_CASE("a reader asked for fewer of an event's fields checks them all and keeps the rest") {
    const auto lines = test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")));
    io::ReadOptions lean;
    lean.event_fields = {false, false, false, false};
    std::vector<model::Event> got;
    std::istringstream in(lines[1] + "\n");
    io::read_events_json(
        in, "e.jsonl", lean, [&](model::Event e) { got.push_back(std::move(e)); },
        [](const std::exception&) {});
    REQUIRE(got.size() == 1);
    auto whole = io::event_from_json(lines[1], "x", 1);
    CHECK(got[0].evidence.text.empty());
    CHECK_FALSE(got[0].killed);
    whole.evidence.text.clear();
    whole.evidence.trigger.clear();
    whole.evidence.pattern.clear();
    whole.more_evidence.clear();
    whole.killed.reset();
    whole.wounded.reset();
    whole.weapons.clear();
    CHECK(got[0] == whole);
    // A bad sentence is refused all the same.
    std::istringstream bad(seed_with(R"("text":")", R"("text":5,"was":")") + "\n");
    CHECK_THROWS_WITH(io::read_events_json(
                          bad, "e.jsonl", lean, [](model::Event) {}, [](const std::exception&) {}),
                      "e.jsonl:1: field \"evidence/text\": expected a string");
}

namespace {
// What a reader gave: each event's id and line, each error's message, in the
// order they came, as one list.
std::vector<std::string> read_with_threads(const std::string& text, unsigned threads,
                                           bool keep_going) {
    std::istringstream in(text);
    io::ReadOptions options;
    options.keep_going = keep_going;
    options.threads = threads;
    std::vector<std::string> got;
    try {
        const std::size_t skipped = io::read_events_json_lines(
            in, "e.jsonl", options,
            [&](model::Event e, std::size_t line) {
                got.push_back(std::to_string(line) + " " + e.id);
            },
            [&](const std::exception& e) { got.push_back(std::string("skipped: ") + e.what()); });
        got.push_back(std::to_string(skipped) + " skipped");
    } catch (const input_error& e) {
        got.push_back(std::string("stopped: ") + e.what());
    }
    return got;
}
}  // namespace

TEST_CASE("events parsed on several threads come as on one: the same events, errors and lines") {
    const auto lines = test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")));
    // Runs of good records across many of the parallel reader's batches, with
    // bad records of each kind among them: broken JSON, a wrong field, a
    // line over the limit, blank lines, CRLF ends, and a last line cut short.
    std::string text;
    for (std::size_t n = 0; n < 20000; ++n) {
        text += lines[n % 3] + (n % 7 ? "\n" : "\r\n");
        if (n % 997 == 0) text += lines[0].substr(0, 40) + "\n";
        if (n % 1999 == 0) text += seed_with(R"("type":")", R"("type":7,"x":")") + "\n";
        if (n % 4001 == 0) text += "\n \t\n";
    }
    text += std::string(io::max_line_bytes + 10, ' ') + "\n";
    text += lines[2] + "\n";
    text += lines[1].substr(0, 60);

    const auto one = read_with_threads(text, 1, true);
    CHECK(one.size() == 20000 + 21 + 11 + 1 + 1 + 1 + 1);
    CHECK(one.back() == "34 skipped");
    for (const unsigned threads : {2u, 3u, 8u})
        CHECK(read_with_threads(text, threads, true) == one);

    // Stopping at the first bad record: the events before it, then its error.
    const auto stopped = read_with_threads(text, 1, false);
    REQUIRE(stopped.size() == 2);
    CHECK(stopped.back().rfind("stopped: e.jsonl:2: invalid JSON at column ", 0) == 0);
    CHECK(read_with_threads(text, 2, false) == stopped);
}

TEST_CASE("a sink that throws stops a parallel read as it stops a sequential one") {
    const auto lines = test::lines_of(test::read_file(test::data_path("events/seed-like.jsonl")));
    std::string text;
    for (std::size_t n = 0; n < 9000; ++n) text += lines[n % 3] + "\n";
    for (const unsigned threads : {1u, 2u}) {
        std::istringstream in(text);
        io::ReadOptions options;
        options.threads = threads;
        std::size_t seen = 0;
        CHECK_THROWS_WITH(io::read_events_json_lines(
                              in, "e.jsonl", options,
                              [&](model::Event, std::size_t line) {
                                  ++seen;
                                  if (line == 5000) throw std::runtime_error("full");
                              },
                              [](const std::exception&) {}),
                          "full");
        CHECK(seen == 5000);
    }
}

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>

#include "eventgraph/export/writers.hpp"
#include "eventgraph/graph/graph.hpp"
#include "eventgraph/io/event_json.hpp"
#include "places_fixture.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {

std::vector<model::Event> read_events(const std::string& fixture) {
    const std::string path = test::data_path(fixture);
    std::ifstream in(path);
    std::vector<model::Event> events;
    io::read_events_json(
        in, path, {}, [&](model::Event e) { events.push_back(std::move(e)); },
        [](const std::exception& e) { FAIL(e.what()); });
    return events;
}

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
}

std::string str(const rapidjson::Value& v) {
    return std::string(v.GetString(), v.GetStringLength());
}

const std::string schema = test::source_path("schemas/timeline.schema.json");

}  // namespace

TEST_CASE(
    "the timeline lists happenings in date order with their reports, and matches its schema") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const std::string json = exports::to_timeline_json(g);
    CHECK(test::schema_errors(schema, json) == "");
    const auto d = parse(json);
    CHECK(str(d["level"]) == "code");
    const auto& events = d["events"];
    REQUIRE(events.Size() == 16);
    CHECK(d["happenings"].GetUint() == 16);
    CHECK(str(events[0]["date"]["value"]) == "2024-05-16");
    CHECK(str(events[0]["headline"]) == "Russia cooperates with China");
    CHECK(events[events.Size() - 1]["date"].IsNull());
    std::string last_start;
    for (const auto& h : events.GetArray())
        if (!h["date"].IsNull()) {
            CHECK(str(h["date"]["start"]) >= last_start);
            last_start = str(h["date"]["start"]);
        }
    // Blinken's accusation: one entry, six reports from five sources.
    const rapidjson::Value* blinken = nullptr;
    for (const auto& h : events.GetArray())
        if (str(h["type"]) == "accuse" && str(h["source"]["id"]) == "USA") blinken = &h;
    REQUIRE(blinken);
    CHECK(str((*blinken)["headline"]) == "United States accuses China");
    CHECK(str((*blinken)["text"]) ==
          "Secretary of State Antony Blinken accused China of fuelling Russia\u2019s war against "
          "Ukraine.");
    CHECK((*blinken)["mentions"].GetInt() == 6);
    CHECK((*blinken)["sources"].GetInt() == 5);
    CHECK((*blinken)["articles"].Size() == 6);
    CHECK((*blinken)["reports"].Size() == 6);
    CHECK(str((*blinken)["date"]["granularity"]) == "day");
    CHECK(str((*blinken)["actors"][0]) == "USA");
    CHECK(str((*blinken)["actors"][1]) == "CHN");
}

TEST_CASE("the timeline marks what is not asserted and keeps month granularity") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const auto d = parse(exports::to_timeline_json(g));
    std::set<std::string> headlines;
    for (const auto& h : d["events"].GetArray()) {
        headlines.insert(str(h["headline"]));
        if (str(h["type"]) == "mobilize") {
            CHECK(str(h["date"]["value"]) == "2024-09");
            CHECK(str(h["date"]["granularity"]) == "month");
            CHECK(h["target"].IsNull());
            CHECK(h["actors"].Size() == 1);
        }
    }
    for (const char* expected :
         {"China aids Russia (denied)", "United States sanctions China (hypothetical)",
          "Ukraine asks NATO (future)", "Russia mobilizes", "China rejects United States"})
        CHECK(headlines.count(expected) == 1);
}

TEST_CASE("article urls, where known, link the reports; a feed item takes its page's") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const exports::ArticleLinks urls = {
        {"dw-2024-09-11", {"https://www.dw.com/en/a-70180000", ""}},
        {"reuters-2024-09-10", {"https://www.reuters.com/world/x", ""}}};
    const std::string json = exports::to_timeline_json(g, urls);
    CHECK(test::schema_errors(schema, json) == "");
    const auto d = parse(json);
    std::size_t linked = 0;
    for (const auto& h : d["events"].GetArray())
        for (const auto& r : h["reports"].GetArray())
            if (r.HasMember("url")) {
                ++linked;
                const std::string article = str(r["article"]);
                CHECK(str(r["url"]) == (article.rfind("dw-", 0) == 0
                                            ? "https://www.dw.com/en/a-70180000"
                                            : "https://www.reuters.com/world/x"));
            }
    CHECK(linked == 4);  // two dw feed items, two reuters reports
}

TEST_CASE("names with quotes, markup and newlines stay valid JSON at the actor level too") {
    const auto g = graph::build_graph(read_events("graph/names.jsonl"), graph::Level::actor);
    const std::string json = exports::to_timeline_json(g);
    CHECK(test::schema_errors(schema, json) == "");
    const auto d = parse(json);
    CHECK(str(d["events"][1]["source"]["name"]) == "\"Quoted\" <Land> & Sons \\ edge");
    CHECK(str(d["events"][1]["text"]).find("\nSecond line.") != std::string::npos);
}

TEST_CASE("a happening's place is in the timeline with its coordinates and precision") {
    const auto g = graph::build_graph(test::place_events());
    const std::string json = exports::to_timeline_json(g);
    CHECK(test::schema_errors(schema, json) == "");
    const auto d = parse(json);
    std::map<std::string, const rapidjson::Value*> by_type;
    for (const auto& h : d["events"].GetArray()) by_type[str(h["type"])] = &h;
    REQUIRE(by_type.size() == 3);
    const auto& town = (*by_type["assault"])["place"];
    CHECK(str(town["id"]) == "UKR.POKROVSK");
    CHECK(str(town["name"]) == "Pokrovsk");
    CHECK(str(town["country"]) == "UKR");
    CHECK(town["lat"].GetDouble() == 48.28198);
    CHECK(town["lon"].GetDouble() == 37.17585);
    CHECK(town["geonames"].GetUint() == 704422);
    CHECK(str(town["precision"]) == "place");
    const auto& country = (*by_type["protest"])["place"];
    CHECK(str(country["precision"]) == "country");
    CHECK_FALSE(country.HasMember("geonames"));
    CHECK((*by_type["consult"])["place"].IsNull());
}

TEST_CASE("an empty graph gives an empty timeline") {
    const auto g = graph::build_graph({});
    const std::string json = exports::to_timeline_json(g);
    CHECK(test::schema_errors(schema, json) == "");
    CHECK(parse(json)["events"].Size() == 0);
    const auto tjs = parse(exports::to_timelinejs(g));
    CHECK(tjs["events"].Size() == 0);
    CHECK(str(tjs["title"]["text"]["headline"]) == "Timeline");
}

TEST_CASE("TimelineJS slides leave out the month and day a date does not know") {
    const auto g = graph::build_graph(read_events("graph/names.jsonl"));
    const auto d = parse(exports::to_timelinejs(g));
    const auto& slides = d["events"];
    REQUIRE(slides.Size() == 2);
    CHECK(str(slides[0]["start_date"]["year"]) == "2023");
    CHECK_FALSE(slides[0]["start_date"].HasMember("month"));
    CHECK(str(slides[1]["start_date"]["year"]) == "2024");
    CHECK(str(slides[1]["start_date"]["month"]) == "3");
    CHECK_FALSE(slides[1]["start_date"].HasMember("day"));
    CHECK_FALSE(slides[1].HasMember("end_date"));
    // TimelineJS shows text as HTML: names are escaped.
    CHECK(str(slides[1]["text"]["headline"]) ==
          "&quot;Quoted&quot; &lt;Land&gt; &amp; Sons \\ edge consults España");
    CHECK(str(slides[1]["text"]["text"])
              .rfind("<p>The &lt;b&gt;&quot;Quoted&quot; Land&lt;/b&gt; &amp; Sons", 0) == 0);
    CHECK(str(slides[1]["group"]) == "consult");
    CHECK(str(d["title"]["text"]["headline"]) ==
          "Timeline: España and &quot;Quoted&quot; &lt;Land&gt; &amp; Sons \\ edge");
}

TEST_CASE(
    "TimelineJS gets one slide a dated happening, with unique ids, groups by type and source "
    "links") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const auto d =
        parse(exports::to_timelinejs(g, {{"ap-2024-09-10", {"https://apnews.com/a?b=1&c=2", ""}}}));
    const auto& slides = d["events"];
    CHECK(slides.Size() == 15);  // Iran's undated report cannot be placed
    std::set<std::string> ids;
    for (const auto& s : slides.GetArray()) {
        ids.insert(str(s["unique_id"]));
        CHECK(s["start_date"]["year"].IsString());
        CHECK(s.HasMember("group"));
        const std::string headline = str(s["text"]["headline"]);
        if (headline == "United States accuses China") {
            CHECK(str(s["start_date"]["day"]) == "10");
            CHECK(str(s["start_date"]["month"]) == "9");
            const std::string text = str(s["text"]["text"]);
            CHECK(text.find("6 reports from 5 sources: <a "
                            "href=\"https://apnews.com/a?b=1&amp;c=2\">ap-2024-09-10</a>, "
                            "bbc-2024-09-11,") != std::string::npos);
        }
    }
    CHECK(ids.size() == slides.Size());
    CHECK(str(d["title"]["text"]["text"]) ==
          "<p>15 happenings told in 26 reports, 2024-05-16 to 2024-10-05.</p>");
}

TEST_CASE(
    "a happening with no source is on the timeline with a null source, involving its target") {
    const auto g = graph::build_graph(read_events("unknown/events.jsonl"));
    const std::string json = exports::to_timeline_json(g);
    CHECK(test::schema_errors(schema, json) == "");
    const auto d = parse(json);
    const auto& first = d["events"][0];
    CHECK(str(first["id"]) == "ev-0000000000000a01");
    CHECK(first["source"].IsNull());
    CHECK(str(first["target"]["id"]) == "USA");
    CHECK(str(first["headline"]) == "An unknown actor attacks United States");
    REQUIRE(first["actors"].Size() == 1);
    CHECK(str(first["actors"][0]) == "USA");

    const auto tjs = parse(exports::to_timelinejs(g));
    CHECK(str(tjs["events"][0]["text"]["headline"]) == "An unknown actor attacks United States");
    // The unknown actor is not named in the title among the actors.
    CHECK(str(tjs["title"]["text"]["headline"]) ==
          "Timeline: United Kingdom, Russia, Ukraine and United States");
}

TEST_CASE("a graph keeping only the reports' evidence writes what one of whole events does") {
    std::vector<model::Event> events = read_events("graph/reports.jsonl");
    for (auto& e : test::place_events()) events.push_back(std::move(e));
    events[0].attributed_to = model::Actor{"RUS", "RUS", "Russia", model::ActorKind::country,
                                           "",    "",    "RUS",    std::nullopt};
    events[1].evidence.sentence = 7;
    events[1].evidence.trigger = "struck";
    events[1].cameo = "195";
    for (const auto level : {graph::Level::code, graph::Level::actor, graph::Level::cameo}) {
        const auto whole = graph::build_graph(events, level);
        graph::GraphBuilder builder(level, graph::Keep::evidence);
        for (model::Event e : events) builder.add(std::move(e));
        const auto lean = builder.finish();
        CHECK(lean.events.empty());
        const exports::ArticleLinks links = {{"a1", {"https://example.org/a1", "A one"}}};
        CHECK(exports::to_timeline_json(lean, links) == exports::to_timeline_json(whole, links));
        CHECK(exports::to_timelinejs(lean, links) == exports::to_timelinejs(whole, links));
        CHECK(exports::to_table(lean, ',', links) == exports::to_table(whole, ',', links));
        CHECK(exports::to_geojson(lean, links) == exports::to_geojson(whole, links));
        // Every report shows its own event's sentence, trigger and attribution.
        const auto d = parse(exports::to_timeline_json(lean, links));
        std::size_t reports = 0;
        for (const auto& h : d["events"].GetArray())
            for (const auto& r : h["reports"].GetArray()) {
                const auto e = std::find_if(events.begin(), events.end(),
                                            [&](const auto& e) { return e.id == str(r["event"]); });
                REQUIRE(e != events.end());
                CHECK(str(r["article"]) == e->article);
                CHECK(r["sentence"].GetInt() == e->evidence.sentence);
                CHECK(str(r["text"]) == e->evidence.text);
                CHECK(str(r["trigger"]) == e->evidence.trigger);
                CHECK(r["confidence"].GetDouble() == e->confidence);
                CHECK(r["attributed_to"].IsNull() == !e->attributed_to);
                ++reports;
            }
        CHECK(reports == lean.reports.size());
    }
}

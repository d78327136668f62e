#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string>

#include "eventgraph/export/writers.hpp"
#include "eventgraph/graph/graph.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {

/// The page's data: the JSON of its <script id="eventgraph-data"> element.
rapidjson::Document page_data(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"eventgraph-data\">";
    const auto begin = html.find(open);
    REQUIRE(begin != std::string::npos);
    const auto end = html.find("</script>", begin);
    REQUIRE(end != std::string::npos);
    const std::string json = html.substr(begin + open.size(), end - begin - open.size());
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("the page holds the graph's actors, relations and happenings, each actor placed",
          "[page]") {
    const auto g = graph::build_graph(test::read_events("graph/reports.jsonl"));
    const std::string html = exports::to_html(g, {}, "Reports");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<title>Reports</title>") != std::string::npos);
    const auto d = page_data(html);
    CHECK(std::string(d["format"].GetString()) == "eventgraph-page");
    REQUIRE(d["actors"].Size() == boost::num_vertices(g.graph));
    CHECK(d["relations"].Size() == boost::num_edges(g.graph));
    CHECK(d["timeline"]["events"].Size() == g.happenings.size());
    for (const auto& a : d["actors"].GetArray()) {
        CHECK(a.HasMember("x"));
        CHECK(a.HasMember("y"));
    }
    // Every happening of every relation is one the timeline has.
    std::set<std::string> happenings;
    for (const auto& h : d["timeline"]["events"].GetArray()) happenings.insert(h["id"].GetString());
    std::size_t in_relations = 0;
    for (const auto& r : d["relations"].GetArray())
        for (const auto& h : r["happenings"].GetArray()) {
            CHECK(happenings.count(h.GetString()) == 1);
            ++in_relations;
        }
    std::size_t with_target = 0;  // a happening without a target is on the timeline only
    for (const auto& h : g.happenings) with_target += h.target != graph::none ? 1 : 0;
    CHECK(in_relations == with_target);
    // The colours are the DOT diagram's.
    const std::string dot = exports::to_dot(g);
    for (const auto& q : d["style"]["quads"].GetArray())
        if (q["quad"].GetInt() >= 1) CHECK(dot.find(q["colour"].GetString()) != std::string::npos);
}

TEST_CASE("the page needs nothing from the network: no external script, style or link", "[page]") {
    const auto g = graph::build_graph(test::read_events("graph/reports.jsonl"));
    const std::string html = exports::to_html(g);
    CHECK(count(html, "<script src") == 0);
    CHECK(count(html, "<link") == 0);
    CHECK(count(html, "@import") == 0);
    // The data, the world's outlines, the five libraries and the page's own two scripts.
    CHECK(count(html, "<script") == 9);
    CHECK(html.find("cytoscape") != std::string::npos);
    CHECK(html.find("vis-timeline") != std::string::npos);
    CHECK(html.find("d3-geo") != std::string::npos);
    CHECK(html.find("\"type\":\"Topology\"") != std::string::npos);
    CHECK(html.size() > 500000);  // the libraries are inside
}

TEST_CASE("names and sentences with markup cannot break out of the page's data", "[page]") {
    const auto g = graph::build_graph(test::read_events("graph/names.jsonl"));
    const std::string html = exports::to_html(g, {}, "<b>\"Odd\" & names</b>");
    CHECK(html.find("<title>&lt;b&gt;&quot;Odd&quot; &amp; names&lt;/b&gt;</title>") !=
          std::string::npos);
    CHECK(html.find("<b>\"Quoted\"") == std::string::npos);
    CHECK(count(html, "</script>") == 9);  // only the page's own (tools/viewer/src/page.html)
    const auto d = page_data(html);
    bool found = false;
    for (const auto& a : d["actors"].GetArray())
        found = found || std::string(a["name"].GetString()) == "\"Quoted\" <Land> & Sons \\ edge";
    CHECK(found);  // read back as it was
}

TEST_CASE("articles' titles and urls reach the page; a feed item takes its page's", "[page]") {
    const auto g = graph::build_graph(test::read_events("graph/reports.jsonl"));
    const exports::ArticleLinks links = {
        {"dw-2024-09-11", {"https://www.dw.com/en/a-70180000", "China denies supplying Russia"}}};
    const auto d = page_data(exports::to_html(g, links));
    REQUIRE(d["articles"].HasMember("dw-2024-09-11#feed-1"));
    const auto& feed = d["articles"]["dw-2024-09-11#feed-1"];
    CHECK(std::string(feed["title"].GetString()) == "China denies supplying Russia");
    CHECK(std::string(feed["url"].GetString()) == "https://www.dw.com/en/a-70180000");
    CHECK(d["articles"].MemberCount() > 1);  // every article of the events, known or not
}

TEST_CASE("an empty graph still gives a page", "[page]") {
    const auto g = graph::build_graph({});
    const auto d = page_data(exports::to_html(g));
    CHECK(d["actors"].Size() == 0);
    CHECK(d["timeline"]["events"].Size() == 0);
}

TEST_CASE("the page draws the unknown actor dashed, and styles it only when it is there",
          "[page]") {
    const auto g = graph::build_graph(test::read_events("unknown/events.jsonl"));
    const auto d = page_data(exports::to_html(g, {}, "Unknown"));
    CHECK(std::string(d["actors"][0]["id"].GetString()) == "?");
    CHECK(std::string(d["actors"][0]["kind"].GetString()) == "unknown");
    REQUIRE(d["style"]["kinds"].HasMember("unknown"));
    CHECK(std::string(d["style"]["kinds"]["unknown"]["border"].GetString()) == "dashed");
    CHECK(d["timeline"]["events"][0]["source"].IsNull());

    const auto seed = page_data(
        exports::to_html(graph::build_graph(test::read_events("graph/reports.jsonl")), {}, "R"));
    CHECK_FALSE(seed["style"]["kinds"].HasMember("unknown"));
}

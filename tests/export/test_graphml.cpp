#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/text/utf8.hpp"
#include "support/graph_fixture.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using model::ActorKind;
using test::actor;
using test::day;
using test::month;
using test::relation;
using test::seed_graph;
using namespace std::string_literals;

namespace {

/// NetworkX's reading of the GraphML, or nullopt (with a warning) where
/// python3 or NetworkX is not installed.
std::optional<rapidjson::Document> networkx_reads(const std::string& graphml,
                                                  const std::string& name) {
    if (!test::have_python3()) {
        WARN("python3 is not installed: the NetworkX round trip is skipped");
        return std::nullopt;
    }
    const std::string file = test::temp_dir(name) + "/graph.graphml";
    std::ofstream(file, std::ios::binary) << graphml;
    const auto [code, out, err] =
        test::run_python(test::source_path("tests/export/read_graphml.py"), {"graphml", file});
    if (code == 77) {
        WARN("NetworkX is not installed (python3-networkx): the round trip is skipped");
        return std::nullopt;
    }
    INFO(out);
    REQUIRE(code == 0);
    rapidjson::Document d;
    d.Parse(out.c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
}

std::string str(const rapidjson::Value& v) {
    return v.IsString() ? v.GetString() : "<not a string>";
}

const rapidjson::Value* node_in(const rapidjson::Document& d, const std::string& id) {
    for (const auto& n : d["nodes"].GetArray())
        if (str(n["id"]) == id) return &n;
    return nullptr;
}

/// The edge of this GraphML id (a failed test if there is none).
const rapidjson::Value& edge_in(const rapidjson::Document& d, const std::string& id) {
    for (const auto& e : d["edges"].GetArray())
        if (e["id"].IsString() && str(e["id"]) == id) return e;
    FAIL("no edge " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("GraphML declares every attribute with its type") {
    const std::string xml = exports::to_graphml(seed_graph());
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "
                    "xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
                    0) == 0);
    for (const char* key :
         {R"(<key id="n_label" for="node" attr.name="label" attr.type="string"/>)",
          R"(<key id="n_code" for="node" attr.name="code" attr.type="string"/>)",
          R"(<key id="n_name" for="node" attr.name="name" attr.type="string"/>)",
          R"(<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>)",
          R"(<key id="e_label" for="edge" attr.name="label" attr.type="string"/>)",
          R"(<key id="e_quad" for="edge" attr.name="quad" attr.type="int"/>)",
          R"(<key id="e_asserted" for="edge" attr.name="asserted" attr.type="boolean"/>)",
          R"(<key id="e_count" for="edge" attr.name="count" attr.type="int"/>)",
          R"(<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>)",
          R"(<graph id="eventgraph" edgedefault="directed">)"})
        CHECK(xml.find(key) != std::string::npos);
    CHECK(xml.find(R"(<node id="USA.KURT_CAMPBELL">)") != std::string::npos);
    CHECK(xml.find(R"(<edge id="e0" source="CHN" target="RUS">)") != std::string::npos);
}

TEST_CASE("NetworkX reads the GraphML back as the same graph") {
    auto g = seed_graph();
    auto& aid = g.graph[*boost::edges(g.graph).first];
    g.articles = {"seed-china-russia-2024-09-10", "wire-2024-07-02"};
    aid.articles = {0, 1};
    aid.attributions = {"USA", "USA.KURT_CAMPBELL"};
    aid.weight = 2.5;
    const auto d = networkx_reads(exports::to_graphml(g), "graphml-seed");
    if (!d) return;
    CHECK((*d)["multigraph"].GetBool());
    REQUIRE((*d)["nodes"].Size() == boost::num_vertices(g.graph));
    REQUIRE((*d)["edges"].Size() == boost::num_edges(g.graph));
    for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
        const auto& x = g.graph[v];
        INFO(x.id);
        const rapidjson::Value* n = node_in(*d, x.id);
        REQUIRE(n);
        const auto& data = (*n)["data"];
        CHECK(str(data["label"]) == x.name);
        CHECK(str(data["name"]) == x.name);
        CHECK(str(data["code"]) == x.code);
        CHECK(str(data["kind"]) == model::to_string(x.kind));
    }
    std::size_t i = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g.graph))) {
        const auto& r = g.graph[e];
        INFO("edge " << i << " " << r.type);
        const rapidjson::Value* j = &edge_in(*d, "e" + std::to_string(i++));
        CHECK(str((*j)["source"]) == g.graph[boost::source(e, g.graph)].id);
        CHECK(str((*j)["target"]) == g.graph[boost::target(e, g.graph)].id);
        const auto& data = (*j)["data"];
        CHECK(str(data["type"]) == r.type);
        CHECK(str(data["label"]) == (r.asserted ? r.type : r.type + " (not asserted)"));
        CHECK(data["quad"].GetInt() == r.quad);
        CHECK(data["asserted"].GetBool() == r.asserted);
        CHECK(data["count"].GetUint64() == r.count);
        CHECK(data["mentions"].GetUint64() == r.mentions);
        CHECK(data["weight"].GetDouble() == r.weight);
        CHECK(str(data["first"]) == model::date_value(*g.date(r.first)));
        CHECK(str(data["last"]) == model::date_value(*g.date(r.last)));
    }
    const auto& first = edge_in(*d, "e0")["data"];
    CHECK(str(first["articles"]) == "seed-china-russia-2024-09-10; wire-2024-07-02");
    CHECK(str(first["attributions"]) == "USA; USA.KURT_CAMPBELL");
}

TEST_CASE("NetworkX reads hostile names in the GraphML as they were") {
    const std::vector<std::string> names = {
        "a & b",      "<node id=\"x\">", "it's",     "\"quoted\"", "]]>",  "<!-- c -->", "&amp;",
        "two\nlines", "tab\there",       "cr\rhere", "Москва",     "北京", "edge",       "e0",
        " spaced "};
    graph::EventGraph g;
    std::vector<graph::VertexId> vs;
    for (const auto& n : names) vs.push_back(actor(g, n, n + " (name)", ActorKind::group, n));
    for (std::size_t i = 0; i + 1 < vs.size(); ++i) relation(g, vs[i], vs[i + 1], names[i], 3, 1);
    const auto d = networkx_reads(exports::to_graphml(g), "graphml-hostile");
    if (!d) return;
    REQUIRE((*d)["nodes"].Size() == names.size());
    for (const auto& name : names) {
        INFO(name);
        const rapidjson::Value* n = node_in(*d, name);
        REQUIRE(n);
        CHECK(str((*n)["data"]["label"]) == name + " (name)");
        CHECK(str((*n)["data"]["code"]) == name);
    }
    for (std::size_t i = 0; i + 1 < names.size(); ++i) {
        const auto& e = edge_in(*d, "e" + std::to_string(i));
        CHECK(str(e["data"]["type"]) == names[i]);
        CHECK(str(e["source"]) == names[i]);
        CHECK(str(e["target"]) == names[i + 1]);
    }
}

TEST_CASE("GraphML drops what XML forbids and repairs bad UTF-8") {
    graph::EventGraph g;
    const auto a = actor(g, "nul\0x"s, "bell\x07 esc\x1b", ActorKind::person);
    const auto b = actor(g, "bad\xff\xc3", "nonchar\xEF\xBF\xBE", ActorKind::person);
    relation(g, a, b, "accuse\x01", 3, 1);
    const std::string xml = exports::to_graphml(g);
    CHECK(text::find_invalid_utf8(xml) == std::string::npos);
    CHECK(std::none_of(xml.begin(), xml.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }));
    CHECK(xml.find("\xEF\xBF\xBE") == std::string::npos);
    CHECK(xml.find(R"(<node id="nulx">)") != std::string::npos);
    CHECK(xml.find("<node id=\"bad\xEF\xBF\xBD\xEF\xBF\xBD\">") != std::string::npos);
    CHECK(xml.find(R"(<data key="n_label">bell esc</data>)") != std::string::npos);
    const auto d = networkx_reads(xml, "graphml-forbidden");
    if (!d) return;
    CHECK(node_in(*d, "nulx"));
    CHECK(str(edge_in(*d, "e0")["data"]["type"]) == "accuse");
}

TEST_CASE("GraphML refuses actors sharing an id, which every reader would merge") {
    graph::EventGraph g;
    actor(g, "CHN", "China", ActorKind::country);
    actor(g, "CHN", "China again", ActorKind::country);
    CHECK_THROWS_AS(exports::to_graphml(g), output_error);
    CHECK_THROWS_WITH(exports::to_graphml(g), "two actors of the graph have the id \"CHN\"");
}

TEST_CASE("an empty graph is an empty GraphML graph") {
    const std::string xml = exports::to_graphml(graph::EventGraph{});
    CHECK(xml.find("<graph id=\"eventgraph\" edgedefault=\"directed\">\n  </graph>") !=
          std::string::npos);
    const auto d = networkx_reads(xml, "graphml-empty");
    if (!d) return;
    CHECK((*d)["nodes"].Size() == 0);
}

TEST_CASE("NetworkX reads the unknown actor as one node ? of kind unknown, with its edges") {
    const auto g = graph::build_graph(test::read_events("unknown/events.jsonl"));
    const std::string graphml = exports::to_graphml(g);
    CHECK(graphml.find("<node id=\"?\">") != std::string::npos);
    const auto d = networkx_reads(graphml, "graphml-unknown");
    if (!d) return;
    const rapidjson::Value* n = node_in(*d, "?");
    REQUIRE(n);
    CHECK(str((*n)["data"]["label"]) == "unknown actor");
    CHECK(str((*n)["data"]["kind"]) == "unknown");
    std::vector<std::string> from_unknown;
    for (const auto& e : (*d)["edges"].GetArray())
        if (str(e["source"]) == "?")
            from_unknown.push_back(str(e["target"]) + ":" + str(e["data"]["type"]));
    CHECK(from_unknown == std::vector<std::string>{"GBR:assault", "UKR:assault", "USA:assault"});
}

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "support/graph_fixture.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using model::ActorKind;
using test::actor;
using test::day;
using test::month;
using test::relation;
using test::seed_graph;

namespace {

std::size_t happening(graph::EventGraph& g, std::optional<model::DateSpan> date) {
    graph::Happening h;
    if (date) h.date = g.add_date(*date);
    g.happenings.push_back(h);
    return g.happenings.size() - 1;
}

/// xml.etree's reading of the GEXF (tests/export/read_graphml.py), or
/// nullopt (with a warning) where python3 is not installed.
std::optional<rapidjson::Document> python_reads(const std::string& gexf, const std::string& name) {
    if (!test::have_python3()) {
        WARN("python3 is not installed: reading the GEXF back is skipped");
        return std::nullopt;
    }
    const std::string file = test::temp_dir(name) + "/graph.gexf";
    std::ofstream(file, std::ios::binary) << gexf;
    const auto [code, out, err] =
        test::run_python(test::source_path("tests/export/read_graphml.py"), {"gexf", file});
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

const rapidjson::Value& find(const rapidjson::Value& list, const std::string& id) {
    for (const auto& x : list.GetArray())
        if (str(x["id"]) == id) return x;
    FAIL("no element with id " << id);
    throw std::logic_error("unreachable");
}

/// "START..END" for each spell, in order.
std::vector<std::string> spells(const rapidjson::Value& element) {
    std::vector<std::string> out;
    for (const auto& s : element["spells"].GetArray())
        out.push_back(str(s["start"]) + ".." + str(s["end"]));
    return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("the GEXF is dynamic GEXF 1.3 with its attributes declared") {
    const std::string xml = exports::to_gexf(seed_graph());
    CHECK(xml.find(R"(<gexf xmlns="http://gexf.net/1.3")") != std::string::npos);
    CHECK(xml.find(R"(version="1.3")") != std::string::npos);
    const auto d = python_reads(xml, "gexf-seed");
    if (!d) return;
    const auto& graph = (*d)["graph"];
    CHECK(str(graph["mode"]) == "dynamic");
    CHECK(str(graph["timeformat"]) == "date");
    CHECK(str(graph["defaultedgetype"]) == "directed");
    const auto& declared = (*d)["declared"];
    CHECK(str(declared["node.code"]) == "string");
    CHECK(str(declared["node.kind"]) == "string");
    CHECK(str(declared["edge.quad"]) == "integer");
    CHECK(str(declared["edge.count"]) == "integer");
    CHECK(str(declared["edge.asserted"]) == "boolean");
    CHECK(str(declared["edge.first"]) == "string");
}

TEST_CASE("GEXF nodes and edges carry labels, weights and attributes") {
    const auto g = seed_graph();
    const auto d = python_reads(exports::to_gexf(g), "gexf-values");
    if (!d) return;
    REQUIRE((*d)["nodes"].Size() == boost::num_vertices(g.graph));
    REQUIRE((*d)["edges"].Size() == boost::num_edges(g.graph));
    const auto& kc = find((*d)["nodes"], "USA.KURT_CAMPBELL");
    CHECK(str(kc["label"]) == "Kurt Campbell");
    CHECK(str(kc["attvalues"]["code"]) == "USA");
    CHECK(str(kc["attvalues"]["kind"]) == "person");

    const auto& aid = find((*d)["edges"], "0");
    CHECK(str(aid["source"]) == "CHN");
    CHECK(str(aid["target"]) == "RUS");
    CHECK(str(aid["label"]) == "aid");
    CHECK(aid["weight"].GetDouble() == 3.0);
    CHECK(str(aid["attvalues"]["count"]) == "3");
    CHECK(str(aid["attvalues"]["mentions"]) == "6");
    CHECK(str(aid["attvalues"]["quad"]) == "2");
    CHECK(str(aid["attvalues"]["asserted"]) == "true");
    CHECK(str(aid["attvalues"]["first"]) == "2024-07");
    CHECK(str(aid["attvalues"]["last"]) == "2024-09-10");

    const auto& denied = find((*d)["edges"], "7");
    CHECK(str(denied["label"]) == "assault (not asserted)");
    CHECK(str(denied["attvalues"]["asserted"]) == "false");
}

TEST_CASE("GEXF parallel edges between one pair have kinds of their own") {
    const auto d = python_reads(exports::to_gexf(seed_graph()), "gexf-parallel");
    if (!d) return;
    const auto& aid = find((*d)["edges"], "0");
    const auto& cooperate = find((*d)["edges"], "1");
    CHECK(str(aid["source"]) == str(cooperate["source"]));
    CHECK(str(aid["target"]) == str(cooperate["target"]));
    CHECK(str(aid["kind"]) == "aid");
    CHECK(str(cooperate["kind"]) == "cooperate");
}

TEST_CASE("an edge's spells are its happenings' dates merged where they overlap or touch") {
    graph::EventGraph g;
    const auto a = actor(g, "RUS", "Russia", ActorKind::country);
    const auto b = actor(g, "UKR.SUMY", "Sumy", ActorKind::place, "UKR");
    auto e = relation(g, a, b, "assault", 4, 5, month(2024, 7), day(2024, 9, 10));
    g.graph[e].happenings = {happening(g, day(2024, 9, 10)), happening(g, month(2024, 7)),
                             happening(g, day(2024, 7, 10)), happening(g, day(2024, 8, 1)),
                             happening(g, std::nullopt),     happening(g, day(2024, 9, 10))};
    const std::string xml = exports::to_gexf(g);
    CHECK(xml.find("        <spells>\n"
                   "          <spell start=\"2024-07-01\" end=\"2024-08-01\"/>\n"
                   "          <spell start=\"2024-09-10\" end=\"2024-09-10\"/>\n"
                   "        </spells>\n") != std::string::npos);
    const auto d = python_reads(xml, "gexf-spells");
    if (!d) return;
    CHECK(spells(find((*d)["edges"], "0")) ==
          strings{"2024-07-01..2024-08-01", "2024-09-10..2024-09-10"});
    // A node lives from its relations' first day to their last.
    CHECK(spells(find((*d)["nodes"], "RUS")) == strings{"2024-07-01..2024-09-10"});
    CHECK(spells(find((*d)["nodes"], "UKR.SUMY")) == strings{"2024-07-01..2024-09-10"});
}

TEST_CASE("a node's spell covers all its relations, and an undated one keeps it always shown") {
    graph::EventGraph g;
    const auto chn = actor(g, "CHN", "China", ActorKind::country);
    const auto rus = actor(g, "RUS", "Russia", ActorKind::country);
    const auto irn = actor(g, "IRN", "Iran", ActorKind::country);
    const auto prk = actor(g, "PRK", "North Korea", ActorKind::country);
    actor(g, "ALONE", "Alone", ActorKind::group);
    auto e1 = relation(g, chn, rus, "aid", 2, 1);
    g.graph[e1].happenings = {happening(g, day(2024, 3, 1))};
    auto e2 = relation(g, irn, chn, "consult", 1, 1);
    g.graph[e2].happenings = {
        happening(g, model::year_span(date::year{2023}, model::DateBasis::explicit_date))};
    // No happenings listed: first and last stand for them.
    relation(g, prk, rus, "aid", 2, 2, day(2024, 5, 2), day(2024, 6, 30));
    // Nothing dated at all.
    relation(g, prk, irn, "cooperate", 1, 1);

    const auto d = python_reads(exports::to_gexf(g), "gexf-node-spells");
    if (!d) return;
    const auto& nodes = (*d)["nodes"];
    CHECK(spells(find(nodes, "CHN")) == strings{"2023-01-01..2024-03-01"});
    CHECK(spells(find(nodes, "RUS")) == strings{"2024-03-01..2024-06-30"});
    CHECK(spells(find(nodes, "IRN")).empty());
    CHECK(spells(find(nodes, "PRK")).empty());
    CHECK(spells(find(nodes, "ALONE")).empty());
    const auto& edges = (*d)["edges"];
    CHECK(spells(find(edges, "1")) == strings{"2023-01-01..2023-12-31"});
    CHECK(spells(find(edges, "2")) == strings{"2024-05-02..2024-06-30"});
    CHECK(spells(find(edges, "3")).empty());
}

TEST_CASE("hostile names give well-formed GEXF that reads back as they were") {
    const std::vector<std::string> names = {
        "a & b",      "<node id=\"x\"/>", "it's",   "\"q\"", "]]>",
        "two\nlines", "tab\there",        "Москва", "北京",  "0"};
    graph::EventGraph g;
    std::vector<graph::VertexId> vs;
    for (const auto& n : names) vs.push_back(actor(g, n, n + "!", ActorKind::organisation));
    for (std::size_t i = 0; i + 1 < vs.size(); ++i) relation(g, vs[i], vs[i + 1], names[i], 1, 1);
    actor(g, "bell\x07", "bad\xff", ActorKind::person);
    const auto d = python_reads(exports::to_gexf(g), "gexf-hostile");
    if (!d) return;
    for (const auto& name : names) {
        INFO(name);
        CHECK(str(find((*d)["nodes"], name)["label"]) == name + "!");
    }
    CHECK(str(find((*d)["nodes"], "bell")["label"]) == "bad\xEF\xBF\xBD");
    for (std::size_t i = 0; i + 1 < names.size(); ++i) {
        const auto& e = find((*d)["edges"], std::to_string(i));
        CHECK(str(e["source"]) == names[i]);
        CHECK(str(e["attvalues"]["type"]) == names[i]);
    }
}

TEST_CASE("a GEXF edge naming a happening the graph lacks is an error") {
    graph::EventGraph g;
    const auto a = actor(g, "A", "A", ActorKind::country);
    auto e = relation(g, a, a, "consult", 1, 1);
    g.graph[e].happenings = {3};
    CHECK_THROWS_AS(exports::to_gexf(g), output_error);
    CHECK_THROWS_WITH(exports::to_gexf(g), "an edge of the graph names happening 3 of 0");
}

TEST_CASE("an empty graph is an empty GEXF graph") {
    const auto d = python_reads(exports::to_gexf(graph::EventGraph{}), "gexf-empty");
    if (!d) return;
    CHECK((*d)["nodes"].Size() == 0);
    CHECK((*d)["edges"].Size() == 0);
}

TEST_CASE("the GEXF has the unknown actor as node ? of kind unknown, with its dated edges") {
    const auto g = graph::build_graph(test::read_events("unknown/events.jsonl"));
    const auto d = python_reads(exports::to_gexf(g), "gexf-unknown");
    if (!d) return;
    const auto& unknown = find((*d)["nodes"], "?");
    CHECK(str(unknown["label"]) == "unknown actor");
    CHECK(str(unknown["attvalues"]["kind"]) == "unknown");
    std::vector<std::string> from_unknown;
    for (const auto& e : (*d)["edges"].GetArray())
        if (str(e["source"]) == "?")
            from_unknown.push_back(str(e["target"]) + " " + spells(e).front());
    CHECK(from_unknown == strings{"GBR 2024-08-07..2024-08-07", "UKR 2024-08-05..2024-08-05",
                                  "USA 2024-08-03..2024-08-03"});
}

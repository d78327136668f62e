#include <graphviz/cgraph.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

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

struct Closer {
    void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, Closer>;

GraphPtr read_back(const std::string& dot) {
    GraphPtr g(agmemread(dot.c_str()));
    REQUIRE(g);
    return g;
}

std::string attr(void* object, const char* name) {
    const char* v = agget(object, const_cast<char*>(name));
    return v ? v : "";
}

/// The node whose "actor" attribute is this; nullptr if none.
Agnode_t* node_of(Agraph_t* g, const std::string& actor) {
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
        if (attr(n, "actor") == actor) return n;
    return nullptr;
}

std::vector<Agedge_t*> edges_between(Agraph_t* g, Agnode_t* tail, Agnode_t* head) {
    std::vector<Agedge_t*> out;
    for (Agedge_t* e = agfstout(g, tail); e; e = agnxtout(g, e))
        if (aghead(e) == head) out.push_back(e);
    return out;
}

Agedge_t* edge_of(Agraph_t* g, const std::string& from, const std::string& to,
                  const std::string& type) {
    Agnode_t* t = node_of(g, from);
    Agnode_t* h = node_of(g, to);
    if (!t || !h) return nullptr;
    for (Agedge_t* e : edges_between(g, t, h))
        if (attr(e, "type") == type) return e;
    return nullptr;
}

int actor_nodes(Agraph_t* g) {
    int n = 0;
    for (Agnode_t* v = agfstnode(g); v; v = agnxtnode(g, v))
        if (!attr(v, "actor").empty()) ++n;
    return n;
}

/// What dot_text makes of a name: escString text, one backslash as two,
/// line breaks as "\n", other controls gone.
std::string as_dot(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += ' ';
        else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F)
            out += c;
    }
    return out;
}

const std::vector<std::string> hostile = {
    "edge",        "node",        "graph",     "strict", "subgraph",   "digraph",
    "say \"hi\"",  "back\\slash", "ends\\",    "\\N",    "two\nlines", "back\\\nslash",
    "<b>html</b>", "<<x>>",       "&amp; 'q'", "Москва", "北京",       "%1",
    "-1",          "1.5",         "a -> b; c", "{x}",    "/* c */",    "// c",
    "# c",         "tab\there",   "bell\x07",  "x=y",    "[label=z]"};

/// Runs the dot program on the DOT text if it is installed; "" if it is not.
std::string dot_program_says(const std::string& dot, const std::string& name) {
    if (std::system("command -v dot >/dev/null 2>&1") != 0) return "";
    const std::string dir = test::temp_dir("dot-" + name);
    std::ofstream(dir + "/g.dot", std::ios::binary) << dot;
    const int rc = std::system(
        ("dot -Tsvg '" + dir + "/g.dot' -o '" + dir + "/g.svg' 2>'" + dir + "/err'").c_str());
    std::ifstream in(dir + "/g.svg");
    const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return "exit " + std::to_string(rc) +
           (svg.find("<svg") != std::string::npos ? " svg" : " no svg");
}

}  // namespace

TEST_CASE("the DOT of the seed graph reads back with its actors and relations") {
    const std::string dot = exports::to_dot(seed_graph());
    const auto g = read_back(dot);
    CHECK(agisdirected(g.get()));
    CHECK_FALSE(agisstrict(g.get()));
    CHECK(actor_nodes(g.get()) == 6);

    Agnode_t* chn = node_of(g.get(), "CHN");
    REQUIRE(chn);
    CHECK(std::string(agnameof(chn)) == "CHN");
    CHECK(attr(chn, "label") == "China");
    CHECK(attr(chn, "code") == "CHN");
    CHECK(attr(chn, "kind") == "country");

    Agedge_t* aid = edge_of(g.get(), "CHN", "RUS", "aid");
    REQUIRE(aid);
    CHECK(attr(aid, "label") == "aid \u00D73\\n2024-07 \u2013 2024-09-10");
    CHECK(attr(aid, "quad") == "2");
    CHECK(attr(aid, "count") == "3");
    CHECK(attr(aid, "mentions") == "6");
    CHECK(attr(aid, "first") == "2024-07");
    CHECK(attr(aid, "last") == "2024-09-10");
    CHECK(attr(aid, "asserted") == "true");
    CHECK(attr(aid, "color") == "#0072B2");
    CHECK(attr(aid, "style").empty());

    Agedge_t* reject = edge_of(g.get(), "CHN", "USA", "reject");
    REQUIRE(reject);
    CHECK(attr(reject, "label") == "reject\\n2024-09-11");
    CHECK(attr(reject, "color") == "#E69F00");
    CHECK(attr(edge_of(g.get(), "USA.KURT_CAMPBELL", "CHN", "accuse"), "label") ==
          "accuse\\n2024-09-10");
    CHECK(edge_of(g.get(), "IRN", "RUS", "aid"));
    CHECK(edge_of(g.get(), "NATO", "CHN", "accuse"));
}

TEST_CASE("relations of different types between one pair stay separate DOT edges") {
    const auto g = read_back(exports::to_dot(seed_graph()));
    const auto both = edges_between(g.get(), node_of(g.get(), "CHN"), node_of(g.get(), "RUS"));
    REQUIRE(both.size() == 2);
    CHECK(attr(both[0], "type") != attr(both[1], "type"));
}

TEST_CASE("a relation not asserted is drawn dashed and says so") {
    const auto g = read_back(exports::to_dot(seed_graph()));
    Agedge_t* e = edge_of(g.get(), "RUS", "IRN", "assault");
    REQUIRE(e);
    CHECK(attr(e, "style") == "dashed");
    CHECK(attr(e, "asserted") == "false");
    CHECK(attr(e, "color") == "#D55E00");
    CHECK(attr(e, "label") == "assault (not asserted)\\n2024-09-01");
}

TEST_CASE("DOT nodes are styled by the kind of actor") {
    const auto g = read_back(exports::to_dot(seed_graph()));
    Agnode_t* chn = node_of(g.get(), "CHN");
    Agnode_t* nato = node_of(g.get(), "NATO");
    Agnode_t* kc = node_of(g.get(), "USA.KURT_CAMPBELL");
    REQUIRE((chn && nato && kc));
    CHECK(attr(chn, "shape") == "box");
    CHECK(attr(chn, "style") == "rounded,filled");
    CHECK(attr(nato, "shape") == "hexagon");
    CHECK(attr(kc, "shape") == "ellipse");
    CHECK(attr(kc, "label") == "Kurt Campbell\\n(USA)");
    CHECK(attr(chn, "fillcolor") != attr(nato, "fillcolor"));
}

TEST_CASE("DOT edges grow thicker with their count") {
    const auto g = read_back(exports::to_dot(seed_graph()));
    const double three = std::stod(attr(edge_of(g.get(), "CHN", "RUS", "aid"), "penwidth"));
    const double two = std::stod(attr(edge_of(g.get(), "IRN", "RUS", "aid"), "penwidth"));
    const double one = std::stod(attr(edge_of(g.get(), "CHN", "RUS", "cooperate"), "penwidth"));
    CHECK(one == 1.0);
    CHECK(two > one);
    CHECK(three > two);
}

TEST_CASE("the DOT carries a legend of the kinds and classes it shows") {
    const std::string dot = exports::to_dot(seed_graph());
    const auto g = read_back(dot);
    Agraph_t* legend = agsubg(g.get(), const_cast<char*>("cluster_legend"), 0);
    REQUIRE(legend);
    CHECK(attr(legend, "label") == "Legend");
    std::vector<std::string> labels;
    for (Agnode_t* n = agfstnode(legend); n; n = agnxtnode(legend, n)) {
        CHECK(attr(n, "actor").empty());
        for (Agedge_t* e = agfstout(legend, n); e; e = agnxtout(legend, e))
            labels.push_back(attr(e, "label"));
        if (attr(n, "shape") != "point") labels.push_back(attr(n, "label"));
    }
    for (const char* want :
         {"country", "organisation", "person", "material cooperation", "verbal conflict",
          "material conflict", "denied, hypothetical or future", "thicker: more happenings"})
        CHECK(std::find(labels.begin(), labels.end(), want) != labels.end());
    // Only what the diagram shows.
    CHECK(std::find(labels.begin(), labels.end(), "verbal cooperation") == labels.end());
    CHECK(std::find(labels.begin(), labels.end(), "place") == labels.end());
}

TEST_CASE("the DOT sets graph attributes for a readable layout") {
    const auto g = read_back(exports::to_dot(seed_graph()));
    CHECK(attr(g.get(), "rankdir") == "LR");
    CHECK(attr(g.get(), "overlap") == "false");
    CHECK(attr(g.get(), "splines") == "true");
    CHECK_FALSE(attr(g.get(), "fontname").empty());
}

TEST_CASE("hostile actor names never break the DOT") {
    graph::EventGraph graph;
    std::vector<graph::VertexId> vs;
    for (const auto& name : hostile) vs.push_back(actor(graph, name, name, ActorKind::country));
    for (std::size_t i = 0; i + 1 < vs.size(); ++i)
        relation(graph, vs[i], vs[i + 1], hostile[(i + 7) % hostile.size()], 1, i + 1,
                 day(2024, 1, 1));
    const std::string dot = exports::to_dot(graph);

    const auto g = read_back(dot);
    CHECK(actor_nodes(g.get()) == static_cast<int>(hostile.size()));
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        INFO("name " << hostile[i]);
        Agnode_t* n = node_of(g.get(), as_dot(hostile[i]));
        REQUIRE(n);
        CHECK(attr(n, "label") == as_dot(hostile[i]));
        CHECK(attr(n, "name") == as_dot(hostile[i]));
        if (i + 1 < hostile.size()) {
            Agedge_t* e = edge_of(g.get(), as_dot(hostile[i]), as_dot(hostile[i + 1]),
                                  as_dot(hostile[(i + 7) % hostile.size()]));
            CHECK(e);
        }
    }
    const std::string program = dot_program_says(dot, "hostile");
    if (program.empty())
        WARN("the dot program is not installed: its check of the DOT is skipped");
    else
        CHECK(program == "exit 0 svg");
}

TEST_CASE("invalid UTF-8 in a name becomes U+FFFD in the DOT") {
    graph::EventGraph graph;
    actor(graph, "bad\xff\xfe", "Bad \xc3", ActorKind::person);
    const auto g = read_back(exports::to_dot(graph));
    CHECK(node_of(g.get(), "bad\xEF\xBF\xBD\xEF\xBF\xBD"));
    CHECK(attr(node_of(g.get(), "bad\xEF\xBF\xBD\xEF\xBF\xBD"), "name") == "Bad \xEF\xBF\xBD");
}

TEST_CASE("actors sharing an id stay two DOT nodes") {
    graph::EventGraph graph;
    const auto a = actor(graph, "X", "First", ActorKind::country);
    const auto b = actor(graph, "X", "Second", ActorKind::country);
    relation(graph, a, b, "consult", 1, 1);
    const auto g = read_back(exports::to_dot(graph));
    CHECK(actor_nodes(g.get()) == 2);
    CHECK(agnedges(g.get()) >= 1);
}

TEST_CASE("an empty graph is an empty digraph") {
    const std::string dot = exports::to_dot(graph::EventGraph{});
    const auto g = read_back(dot);
    CHECK(agnnodes(g.get()) == 0);
    CHECK(dot.rfind("digraph", 0) == 0);
}

TEST_CASE("the dot program draws the seed graph's DOT") {
    const std::string program = dot_program_says(exports::to_dot(seed_graph()), "seed");
    if (program.empty())
        WARN("the dot program is not installed: this check is skipped");
    else
        CHECK(program == "exit 0 svg");
}

TEST_CASE("events with no source are drawn from one dashed grey unknown actor, in the legend") {
    const auto g =
        read_back(exports::to_dot(graph::build_graph(test::read_events("unknown/events.jsonl"))));
    Agnode_t* unknown = node_of(g.get(), "?");
    REQUIRE(unknown);
    CHECK(attr(unknown, "label") == "unknown actor");
    CHECK(attr(unknown, "kind") == "unknown");
    CHECK(attr(unknown, "style") == "dashed,filled");
    CHECK(attr(unknown, "color") == "#999999");
    CHECK(attr(unknown, "shape") == "ellipse");
    CHECK(edge_of(g.get(), "?", "USA", "assault"));
    CHECK(edge_of(g.get(), "?", "GBR", "assault"));
    Agraph_t* legend = agsubg(g.get(), const_cast<char*>("cluster_legend"), 0);
    REQUIRE(legend);
    Agnode_t* sample = agnode(legend, const_cast<char*>("legend unknown"), 0);
    REQUIRE(sample);
    CHECK(attr(sample, "style") == "dashed,filled");
    // Without such events there is neither the vertex nor its legend entry.
    const std::string seed = exports::to_dot(seed_graph());
    CHECK(seed.find("unknown") == std::string::npos);
}

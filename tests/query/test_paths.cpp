#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "eventgraph/error.hpp"
#include "eventgraph/graph/graph.hpp"
#include "eventgraph/query/paths.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using graph::EdgeId;
using graph::EventGraph;
using graph::VertexId;
using query::PathOptions;

namespace {

// Builds EventGraph values by hand, keeping events, happenings, vertices and
// edges consistent as build_graph would.
struct Builder {
    EventGraph g;

    VertexId actor(const std::string& code) {
        if (const auto it = g.vertex_by_id.find(code); it != g.vertex_by_id.end())
            return it->second;
        const auto v =
            boost::add_vertex(graph::Vertex{code, code, code, model::ActorKind::country}, g.graph);
        g.vertex_by_id.emplace(code, v);
        return v;
    }

    // "2024-09-10" a day, "2024-09" a month, "" undated.
    static std::optional<model::DateSpan> span(const std::string& text) {
        int y = 0;
        unsigned m = 0, d = 0;
        if (text.empty()) return std::nullopt;
        if (std::sscanf(text.c_str(), "%d-%u-%u", &y, &m, &d) == 3)
            return model::day_span(date::year{y} / date::month{m} / date::day{d},
                                   model::DateBasis::explicit_date);
        std::sscanf(text.c_str(), "%d-%u", &y, &m);
        return model::month_span(date::year{y} / date::month{m}, model::DateBasis::explicit_date);
    }

    EdgeId edge(VertexId s, VertexId t, const std::string& type, bool asserted) {
        for (const auto& e : boost::make_iterator_range(boost::out_edges(s, g.graph)))
            if (boost::target(e, g.graph) == t && g.graph[e].type == type &&
                g.graph[e].asserted == asserted)
                return e;
        graph::Edge props;
        props.type = type;
        props.asserted = asserted;
        return boost::add_edge(s, t, props, g.graph).first;
    }

    std::size_t add_event(const std::string& article, const std::string& sentence,
                          double confidence, const model::Actor& s, const model::Actor& t,
                          const std::string& type, const std::optional<model::DateSpan>& date,
                          bool asserted) {
        model::Event e;
        char id[32];
        std::snprintf(id, sizeof id, "ev-%04zu", g.events.size());
        e.id = id;
        e.article = article;
        e.type = type;
        e.source = s;
        e.target = t;
        e.date = date;
        e.polarity = asserted ? model::Polarity::asserted : model::Polarity::denied;
        e.confidence = confidence;
        e.evidence.text = sentence;
        g.events.push_back(e);
        graph::Report r;  // what the queries read of it
        r.id = e.id;
        r.polarity = e.polarity;
        r.confidence = e.confidence;
        g.reports.push_back(r);
        return g.events.size() - 1;
    }

    static model::Actor actor_value(const std::string& code) {
        model::Actor a;
        a.id = a.code = a.name = code;
        return a;
    }

    graph::Index add_actor(const model::Actor& a) {
        g.actors.push_back(a);
        return static_cast<graph::Index>(g.actors.size() - 1);
    }

    // A happening told by one report; returns its index.
    std::size_t happen(const std::string& source, const std::string& target,
                       const std::string& type, const std::string& date,
                       const std::string& sentence = "", const std::string& article = "a",
                       double confidence = 0.8, bool asserted = true) {
        const VertexId s = actor(source), t = actor(target);
        const auto ev = add_event(article, sentence, confidence, actor_value(source),
                                  actor_value(target), type, span(date), asserted);
        graph::Happening h;
        h.id = g.events[ev].id;
        h.type = type;
        h.source = add_actor(*g.events[ev].source);
        h.target = add_actor(*g.events[ev].target);
        h.date = span(date);
        h.polarity = g.events[ev].polarity;
        h.reports = {ev};
        h.mentions = h.sources = 1;
        g.happenings.push_back(h);
        const std::size_t index = g.happenings.size() - 1;
        auto& props = g.graph[edge(s, t, type, asserted)];
        props.happenings.push_back(index);
        ++props.count;
        ++props.mentions;
        props.weight = static_cast<double>(props.count);
        if (h.date) {
            const auto start = [](const model::DateSpan& d) { return date::sys_days(d.start); };
            if (!props.first || start(*h.date) < start(*props.first)) props.first = h.date;
            if (!props.last || start(*h.date) > start(*props.last)) props.last = h.date;
        }
        if (std::find(props.articles.begin(), props.articles.end(), article) ==
            props.articles.end())
            props.articles.push_back(article);
        return index;
    }

    // Another report of a happening.
    void report(std::size_t happening, const std::string& article, const std::string& sentence,
                double confidence) {
        auto& h = g.happenings[happening];
        const model::Actor source = g.actors[h.source], target = g.actors[h.target];
        const auto ev = add_event(article, sentence, confidence, source, target, h.type, h.date,
                                  h.polarity == model::Polarity::asserted);
        h.reports.push_back(ev);
        ++h.mentions;
        ++h.sources;
        const auto e = edge(actor(source.id), actor(target.id), h.type,
                            h.polarity == model::Polarity::asserted);
        ++g.graph[e].mentions;
    }

    VertexId v(const std::string& code) const { return g.vertex_by_id.at(code); }
};

std::vector<std::string> ids(const EventGraph& g, const query::Path& p) {
    std::vector<std::string> out;
    for (const auto v : p.vertices) out.push_back(g.graph[v].id);
    return out;
}

const model::Event& evidence(const EventGraph& g, const query::Relation& r) {
    REQUIRE(r.report);
    return g.events[*r.report];
}

// The seed's ties: IRN and CHN both arm RUS; the USA and NATO accuse CHN.
Builder seed() {
    Builder b;
    for (const char* code : {"CHN", "IRN", "NATO", "RUS", "UKR", "USA"}) b.actor(code);
    b.happen("CHN", "RUS", "aid", "2024-09-10", "China is supplying Russia with machine tools.",
             "seed-1");
    b.happen("CHN", "RUS", "aid", "2024-07", "Beijing shipped drone engines to Moscow in July.",
             "seed-2");
    b.happen("IRN", "RUS", "aid", "2024-09", "Iran delivered ballistic missiles to Russia.",
             "seed-3");
    b.happen("RUS", "CHN", "cooperate", "2024-05-16", "Putin and Xi signed a partnership.",
             "seed-4");
    b.happen("USA", "CHN", "accuse", "2024-09-10", "Blinken accused China of fuelling the war.",
             "seed-1");
    b.happen("CHN", "USA", "reject", "2024-09-11", "Beijing rejected the accusation.", "seed-5");
    b.happen("NATO", "CHN", "accuse", "2024-07-10", "NATO called China a decisive enabler.",
             "seed-6");
    b.happen("RUS", "UKR", "assault", "2024-10", "Russia struck Sumy in October.", "seed-7");
    return b;
}

}  // namespace

TEST_CASE("path IRN CHN, undirected, goes IRN→RUS←CHN with the sentences that say so") {
    const auto b = seed();
    const auto p = query::shortest_path(b.g, b.v("IRN"), b.v("CHN"));
    REQUIRE(p);
    CHECK(ids(b.g, *p) == std::vector<std::string>{"IRN", "RUS", "CHN"});
    REQUIRE(p->hops.size() == 2);
    const auto& first = p->hops[0];
    REQUIRE(first.relations.size() == 1);
    CHECK(b.g.graph[first.relations[0].edge].type == "aid");
    CHECK(evidence(b.g, first.relations[0]).evidence.text ==
          "Iran delivered ballistic missiles to Russia.");
    // RUS–CHN: aid CHN→RUS (2 happenings) before cooperation RUS→CHN (1), both listed.
    const auto& second = p->hops[1];
    REQUIRE(second.relations.size() == 2);
    CHECK(b.g.graph[second.relations[0].edge].type == "aid");
    CHECK(boost::source(second.relations[0].edge, b.g.graph) == b.v("CHN"));
    CHECK(b.g.graph[second.relations[1].edge].type == "cooperate");
    // Equal mentions: the earliest happening (July) is the evidence.
    CHECK(evidence(b.g, second.relations[0]).evidence.text ==
          "Beijing shipped drone engines to Moscow in July.");
    CHECK(evidence(b.g, second.relations[1]).article == "seed-4");
    CHECK_FALSE(p->arrival);
}

TEST_CASE("directed paths follow who did what to whom") {
    const auto b = seed();
    PathOptions directed;
    directed.directed = true;
    const auto forward = query::shortest_path(b.g, b.v("IRN"), b.v("CHN"), directed);
    REQUIRE(forward);
    CHECK(ids(b.g, *forward) == std::vector<std::string>{"IRN", "RUS", "CHN"});
    REQUIRE(forward->hops[1].relations.size() == 1);
    CHECK(b.g.graph[forward->hops[1].relations[0].edge].type == "cooperate");
    CHECK_FALSE(query::shortest_path(b.g, b.v("CHN"), b.v("IRN"), directed));
    CHECK_FALSE(query::shortest_path(b.g, b.v("UKR"), b.v("RUS"), directed));
    CHECK(query::shortest_path(b.g, b.v("UKR"), b.v("RUS")));
}

TEST_CASE("ties between shortest paths go to the vertices that come first in the graph") {
    // Two ways of two hops from A to D, added in either order: B comes before C.
    for (const bool b_first : {true, false}) {
        Builder b;
        for (const char* code : {"A", "B", "C", "D"}) b.actor(code);
        if (b_first) {
            b.happen("A", "B", "aid", "2024-01-01");
            b.happen("B", "D", "aid", "2024-01-01");
        }
        b.happen("A", "C", "aid", "2024-01-01");
        b.happen("D", "C", "aid", "2024-01-01");
        if (!b_first) {
            b.happen("D", "B", "aid", "2024-01-01");
            b.happen("B", "A", "aid", "2024-01-01");
        }
        const auto p = query::shortest_path(b.g, b.v("A"), b.v("D"));
        REQUIRE(p);
        CHECK(ids(b.g, *p) == std::vector<std::string>{"A", "B", "D"});
    }
}

TEST_CASE(
    "the evidence is the most mentioned happening, then the earliest, and its most confident "
    "report") {
    Builder b;
    b.happen("USA", "CHN", "accuse", "2024-01-05", "Early, told once.", "w-1", 0.9);
    const auto told_twice =
        b.happen("USA", "CHN", "accuse", "2024-03-01", "Later, first report.", "w-2", 0.6);
    b.report(told_twice, "w-3", "Later, most confident report.", 0.95);
    b.report(told_twice, "w-4", "Later, least confident report.", 0.5);
    const auto p = query::shortest_path(b.g, b.v("USA"), b.v("CHN"));
    REQUIRE(p);
    const auto& r = p->hops[0].relations[0];
    CHECK(r.happening == told_twice);
    CHECK(evidence(b.g, r).evidence.text == "Later, most confident report.");
    CHECK(evidence(b.g, r).article == "w-3");
    CHECK(query::strongest_report(b.g, told_twice) == r.report);
}

TEST_CASE("denied relations and self-loops make no path unless asked for") {
    Builder b;
    b.happen("A", "A", "consult", "2024-01-01");
    b.happen("A", "B", "aid", "2024-01-01", "A denied arming B.", "d", 0.8, false);
    CHECK_FALSE(query::shortest_path(b.g, b.v("A"), b.v("B")));
    PathOptions all;
    all.asserted_only = false;
    const auto p = query::shortest_path(b.g, b.v("A"), b.v("B"), all);
    REQUIRE(p);
    CHECK(p->hops.size() == 1);
    CHECK_FALSE(b.g.graph[p->hops[0].relations[0].edge].asserted);
    CHECK(query::k_shortest_paths(b.g, b.v("A"), b.v("B"), 3).empty());
    CHECK(query::all_simple_paths(b.g, b.v("A"), b.v("B"), 3).empty());
}

TEST_CASE("Yen's algorithm gives the k shortest loopless paths in order") {
    // A ladder: 0-1-2-3 on top, 4-5-6-7 below, rungs 0-4, 1-5, 2-6, 3-7.
    Builder b;
    for (int i = 0; i < 8; ++i) b.actor("V" + std::to_string(i));
    const auto link = [&](int x, int y) {
        b.happen("V" + std::to_string(x), "V" + std::to_string(y), "consult", "2024-01-01");
    };
    for (const auto& [x, y] :
         {std::pair{0, 1}, {1, 2}, {2, 3}, {4, 5}, {5, 6}, {6, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}})
        link(x, y);
    const auto paths = query::k_shortest_paths(b.g, b.v("V0"), b.v("V3"), 10);
    // Along the top (3 hops), down and up again by two of the four rungs (6 ways of 5
    // hops), or by all four (7 hops): a loopless path never turns back.
    std::vector<std::size_t> lengths;
    for (const auto& p : paths) lengths.push_back(p.hops.size());
    CHECK(lengths == std::vector<std::size_t>{3, 5, 5, 5, 5, 5, 5, 7});
    CHECK(ids(b.g, paths[0]) == std::vector<std::string>{"V0", "V1", "V2", "V3"});
    // Equal lengths come in vertex order.
    CHECK(ids(b.g, paths[1]) == std::vector<std::string>{"V0", "V1", "V2", "V6", "V7", "V3"});
    std::set<std::vector<VertexId>> distinct;
    for (const auto& p : paths) distinct.insert(p.vertices);
    CHECK(distinct.size() == paths.size());
    CHECK(query::k_shortest_paths(b.g, b.v("V0"), b.v("V3"), 2).size() == 2);
    CHECK(query::k_shortest_paths(b.g, b.v("V0"), b.v("V3"), 0).empty());

    const auto simple = query::all_simple_paths(b.g, b.v("V0"), b.v("V3"), 5);
    REQUIRE(simple.size() == 7);
    CHECK(simple[0].hops.size() == 3);
    CHECK(ids(b.g, simple[1]) == ids(b.g, paths[1]));
    CHECK(query::all_simple_paths(b.g, b.v("V0"), b.v("V3"), 5, {}, 2).size() == 2);
    CHECK(query::all_simple_paths(b.g, b.v("V0"), b.v("V3"), 2).empty());
}

TEST_CASE("time-respecting paths take each hop no earlier than the one before") {
    Builder b;
    for (const char* code : {"A", "B", "C", "D"}) b.actor(code);
    b.happen("A", "B", "aid", "2024-09-10");
    b.happen("B", "D", "aid", "2024-09-01");  // before A–B: no use after it
    b.happen("B", "D", "aid", "2024-12-24");  // the one that can follow
    b.happen("A", "C", "aid", "2024-03-01");
    b.happen("C", "D", "aid", "2024-09");  // "in September": any day of it, the 1st at best
    PathOptions temporal;
    temporal.temporal = true;

    // By hops A–B–D and A–C–D tie; by time A–C–D arrives on 2024-09-01, A–B–D on 2024-12-24.
    const auto p = query::shortest_path(b.g, b.v("A"), b.v("D"), temporal);
    REQUIRE(p);
    CHECK(ids(b.g, *p) == std::vector<std::string>{"A", "C", "D"});
    REQUIRE(p->arrival);
    CHECK(*p->arrival == date::sys_days(date::year{2024} / 9 / 1));
    CHECK(p->hops[0].day == date::sys_days(date::year{2024} / 3 / 1));

    const auto k = query::k_shortest_paths(b.g, b.v("A"), b.v("D"), 5, temporal);
    REQUIRE(k.size() == 2);
    CHECK(ids(b.g, k[1]) == std::vector<std::string>{"A", "B", "D"});
    CHECK(*k[1].arrival == date::sys_days(date::year{2024} / 12 / 24));
    // The hop B–D uses the happening of 2024-12-24, the only one that can follow.
    CHECK(b.g.happenings[*k[1].hops[1].relations[0].happening].date->start ==
          date::year{2024} / 12 / 24);

    // From D back to A: not by C (C–A was in March, before any day of D–C), but by B
    // with the happening of 2024-09-01, then B–A on 2024-09-10.
    const auto back = query::shortest_path(b.g, b.v("D"), b.v("A"), temporal);
    REQUIRE(back);
    CHECK(ids(b.g, *back) == std::vector<std::string>{"D", "B", "A"});
    CHECK(back->hops[0].day == date::sys_days(date::year{2024} / 9 / 1));
    CHECK(*back->arrival == date::sys_days(date::year{2024} / 9 / 10));
    CHECK_FALSE(query::shortest_path(b.g, b.v("C"), b.v("A"), [] {
        PathOptions o;
        o.temporal = o.directed = true;
        return o;
    }()));
    CHECK(query::all_simple_paths(b.g, b.v("A"), b.v("D"), 3, temporal).size() == 2);
    // Undated happenings cannot be placed in time.
    b.happen("A", "D", "consult", "");
    CHECK(query::shortest_path(b.g, b.v("A"), b.v("D"))->hops.size() == 1);
    CHECK(query::shortest_path(b.g, b.v("A"), b.v("D"), temporal)->hops.size() == 2);
}

namespace {

std::vector<std::vector<std::string>> all_ids(const EventGraph& g,
                                              const std::vector<query::Path>& paths) {
    std::vector<std::vector<std::string>> out;
    for (const auto& p : paths) out.push_back(ids(g, p));
    return out;
}

using Sequences = std::vector<std::vector<std::string>>;

// Two ways of two hops from S to T, three of three, a dead end (S–X) and a
// vertex (F) four hops from T: equal lengths, limits and cut-offs all meet.
Builder braid() {
    Builder b;
    for (const char* code : {"S", "A", "B", "C", "D", "T", "X", "F"}) b.actor(code);
    for (const auto& [x, y] : {std::pair{"S", "B"},
                               {"S", "A"},
                               {"B", "T"},
                               {"A", "T"},
                               {"A", "C"},
                               {"C", "D"},
                               {"D", "T"},
                               {"B", "C"},
                               {"S", "X"},
                               {"F", "S"}})
        b.happen(x, y, "consult", "2024-01-01");
    b.happen("C", "T", "aid", "2024-02-01");
    b.happen("T", "C", "consult", "2024-03-01");
    return b;
}

}  // namespace

TEST_CASE("all simple paths come by hops, then vertex order, and a limit keeps the first") {
    const auto b = braid();
    const Sequences all{{"S", "A", "T"},           {"S", "B", "T"},
                        {"S", "A", "C", "T"},      {"S", "B", "C", "T"},
                        {"S", "A", "C", "B", "T"}, {"S", "A", "C", "D", "T"},
                        {"S", "B", "C", "A", "T"}, {"S", "B", "C", "D", "T"}};
    CHECK(all_ids(b.g, query::all_simple_paths(b.g, b.v("S"), b.v("T"), 4)) == all);
    CHECK(all_ids(b.g, query::all_simple_paths(b.g, b.v("S"), b.v("T"), 9)) == all);
    CHECK(all_ids(b.g, query::all_simple_paths(b.g, b.v("S"), b.v("T"), 2)) ==
          Sequences(all.begin(), all.begin() + 2));
    CHECK(all_ids(b.g, query::all_simple_paths(b.g, b.v("S"), b.v("T"), 4, {}, 3)) ==
          Sequences(all.begin(), all.begin() + 3));
    CHECK(all_ids(b.g, query::all_simple_paths(b.g, b.v("S"), b.v("T"), 4, {}, 5)) ==
          Sequences(all.begin(), all.begin() + 5));
    CHECK(query::all_simple_paths(b.g, b.v("S"), b.v("T"), 1).empty());
    CHECK(query::all_simple_paths(b.g, b.v("F"), b.v("T"), 2).empty());  // F is 3 hops away
    CHECK(query::all_simple_paths(b.g, b.v("S"), b.v("T"), 4, {}, 0).empty());

    // The hop C–T lists both its relations, the stronger first, whichever way they point.
    const auto third = query::all_simple_paths(b.g, b.v("S"), b.v("T"), 3).at(2);
    REQUIRE(third.hops.size() == 3);
    const auto& ct = third.hops[2].relations;
    REQUIRE(ct.size() == 2);
    CHECK(b.g.graph[ct[0].edge].type == "aid");
    CHECK(boost::source(ct[0].edge, b.g.graph) == b.v("C"));
    CHECK(b.g.graph[ct[1].edge].type == "consult");
    CHECK(boost::source(ct[1].edge, b.g.graph) == b.v("T"));

    // Yen's algorithm asked for more paths than there are gives them all, shortest first.
    const auto k = query::k_shortest_paths(b.g, b.v("S"), b.v("T"), 20);
    std::vector<std::size_t> lengths;
    for (const auto& p : k) lengths.push_back(p.hops.size());
    CHECK(lengths == std::vector<std::size_t>{2, 2, 3, 3, 4, 4, 4, 4});
    const auto found = all_ids(b.g, k);
    CHECK(std::set(found.begin(), found.end()) == std::set(all.begin(), all.end()));
    CHECK(ids(b.g, k.front()) == all.front());
}

TEST_CASE("directed simple paths follow the arcs, and only arcs into the target end one") {
    const auto b = braid();
    PathOptions directed;
    directed.directed = true;
    CHECK(all_ids(b.g, query::all_simple_paths(b.g, b.v("S"), b.v("T"), 4, directed)) ==
          Sequences{{"S", "A", "T"},
                    {"S", "B", "T"},
                    {"S", "A", "C", "T"},
                    {"S", "B", "C", "T"},
                    {"S", "A", "C", "D", "T"},
                    {"S", "B", "C", "D", "T"}});
    CHECK(all_ids(b.g, query::all_simple_paths(b.g, b.v("F"), b.v("T"), 3, directed)) ==
          Sequences{{"F", "S", "A", "T"}, {"F", "S", "B", "T"}});
    CHECK(query::all_simple_paths(b.g, b.v("T"), b.v("S"), 6, directed).empty());
    CHECK(query::k_shortest_paths(b.g, b.v("T"), b.v("S"), 3, directed).empty());
    // The hop C→T directed lists the relation that points that way only.
    const auto p = query::all_simple_paths(b.g, b.v("S"), b.v("T"), 3, directed).at(2);
    REQUIRE(p.hops[2].relations.size() == 1);
    CHECK(b.g.graph[p.hops[2].relations[0].edge].type == "aid");
}

TEST_CASE("a path from an actor to itself has no hop; an actor not in the graph is an error") {
    const auto b = braid();
    const VertexId s = b.v("S");
    for (const bool temporal : {false, true}) {
        PathOptions o;
        o.temporal = temporal;
        const auto p = query::shortest_path(b.g, s, s, o);
        REQUIRE(p);
        CHECK(p->vertices == std::vector<VertexId>{s});
        CHECK(p->hops.empty());
        CHECK_FALSE(p->arrival);
        const auto k = query::k_shortest_paths(b.g, s, s, 3, o);
        REQUIRE(k.size() == 1);
        CHECK(k[0].vertices == std::vector<VertexId>{s});
        const auto all = query::all_simple_paths(b.g, s, s, 3, o);
        REQUIRE(all.size() == 1);
        CHECK(all[0].hops.empty());
        CHECK(query::all_simple_paths(b.g, s, s, 3, o, 0).empty());
    }
    const query::PathFinder finder(b.g);
    const VertexId nowhere = boost::num_vertices(b.g.graph);
    CHECK_THROWS_AS(finder.shortest(s, nowhere), usage_error);
    CHECK_THROWS_WITH(finder.k_shortest(nowhere, s, 2), "path query: no such vertex in the graph");
    CHECK_THROWS_WITH(finder.simple_paths(s, nowhere, 2),
                      "path query: no such vertex in the graph");
}

TEST_CASE("a time-respecting hop uses the happening of the earliest day, then the most told") {
    Builder b;
    b.happen("A", "B", "aid", "2024-01-05");
    const auto december = b.happen("A", "B", "aid", "2024-12-01");
    b.report(december, "a-2", "", 0.5);  // aid's most told happening, and the stronger relation
    const auto consult = b.happen("B", "A", "consult", "2024-01-05");
    b.report(consult, "c-2", "", 0.5);
    b.report(consult, "c-3", "", 0.9);

    const auto plain = query::shortest_path(b.g, b.v("A"), b.v("B"));
    REQUIRE(plain);
    const auto& r = plain->hops.at(0).relations;
    REQUIRE(r.size() == 2);
    CHECK(b.g.graph[r[0].edge].type == "aid");
    CHECK(r[0].happening == december);
    CHECK(r[1].happening == consult);

    PathOptions temporal;
    temporal.temporal = true;
    for (const auto& p : {*query::shortest_path(b.g, b.v("A"), b.v("B"), temporal),
                          query::k_shortest_paths(b.g, b.v("A"), b.v("B"), 4, temporal).at(0),
                          query::all_simple_paths(b.g, b.v("A"), b.v("B"), 1, temporal).at(0)}) {
        // Both relations allow 5 January; the consultation was told three times, so it is
        // used and comes first; aid keeps its own strongest happening as its evidence.
        const auto& t = p.hops.at(0).relations;
        REQUIRE(t.size() == 2);
        CHECK(b.g.graph[t[0].edge].type == "consult");
        CHECK(t[0].happening == consult);
        CHECK(evidence(b.g, t[0]).article == "c-3");
        CHECK(b.g.graph[t[1].edge].type == "aid");
        CHECK(t[1].happening == december);
        CHECK(p.hops[0].day == date::sys_days(date::year{2024} / 1 / 5));
        CHECK(p.arrival == p.hops[0].day);
    }
    CHECK(query::k_shortest_paths(b.g, b.v("A"), b.v("B"), 4, temporal).size() == 1);
}

TEST_CASE("actors are found by id, code or name, in any case") {
    Builder b;
    b.actor("CHN");
    b.g.graph[b.v("CHN")].name = "China";
    const auto v = boost::add_vertex(
        graph::Vertex{"CHN.XI_JINPING", "CHN", "Xi Jinping", model::ActorKind::person}, b.g.graph);
    const auto w = boost::add_vertex(
        graph::Vertex{"CHN.MFA", "CHN", "Foreign Ministry", model::ActorKind::agent}, b.g.graph);
    CHECK(query::find_vertices(b.g, "chn") == std::vector<VertexId>{b.v("CHN")});
    CHECK(query::find_vertices(b.g, "CHINA") == std::vector<VertexId>{b.v("CHN")});
    CHECK(query::find_vertices(b.g, "xi jinping") == std::vector<VertexId>{v});
    CHECK(query::find_vertices(b.g, "chn.mfa") == std::vector<VertexId>{w});
    CHECK(query::find_vertices(b.g, "Narnia").empty());
}

// ---- Against NetworkX on random graphs ----

namespace {

struct RandomCase {
    Builder b;
    bool directed = false;
    int nodes = 0;
    std::set<std::pair<int, int>> simple_edges;  // what NetworkX sees
};

std::pair<int, int> pair_key(int x, int y, bool directed) {
    return directed || x < y ? std::pair{x, y} : std::pair{y, x};
}

// Random multigraphs: several types between the same actors, both ways,
// with self-loops and denied relations that paths must ignore.
RandomCase random_case(unsigned seed) {
    std::mt19937 rng(seed);
    RandomCase c;
    c.directed = seed % 2 == 1;
    c.nodes = 6 + static_cast<int>(rng() % 5);
    for (int i = 0; i < c.nodes; ++i) c.b.actor("N" + std::to_string(i));
    const int edges = c.nodes * (c.directed ? 3 : 2) +
                      static_cast<int>(rng() % static_cast<unsigned>(c.nodes * 2));
    const char* types[] = {"aid", "accuse", "consult"};
    for (int i = 0; i < edges; ++i) {
        const int x = static_cast<int>(rng() % static_cast<unsigned>(c.nodes));
        const int y = static_cast<int>(rng() % static_cast<unsigned>(c.nodes));
        const bool asserted = rng() % 8 != 0;
        c.b.happen("N" + std::to_string(x), "N" + std::to_string(y), types[rng() % 3], "2024-01-01",
                   "", "a", 0.5, asserted);
        if (x == y || !asserted) continue;
        c.simple_edges.insert(pair_key(x, y, c.directed));
    }
    return c;
}

std::vector<int> numbers(const query::Path& p) { return {p.vertices.begin(), p.vertices.end()}; }

std::vector<int> json_path(const rapidjson::Value& v) {
    std::vector<int> out;
    for (const auto& x : v.GetArray()) out.push_back(x.GetInt());
    return out;
}

bool python_networkx_present() {
    return std::system((test::python3() + " -c 'import networkx' >/dev/null 2>&1").c_str()) == 0;
}

std::string run_script(const std::string& script, const std::string& file) {
    const auto r = test::run_python(script, {file});
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("shortest, k shortest and all simple paths agree with NetworkX on random graphs") {
    if (!python_networkx_present()) {
        WARN("SKIPPED: python3 with networkx not found (Debian: python3-networkx)");
        return;
    }
    constexpr std::size_t k = 6, cutoff = 4;
    std::vector<RandomCase> cases;
    std::ostringstream file;
    for (unsigned seed = 1; seed <= 20; ++seed) {
        cases.push_back(random_case(seed));
        const auto& c = cases.back();
        file << "graph directed=" << c.directed << " nodes=" << c.nodes
             << " source=0 target=" << c.nodes - 1 << " k=" << k << " cutoff=" << cutoff << '\n';
        for (const auto& [x, y] : c.simple_edges) file << x << ' ' << y << '\n';
        file << '\n';
    }
    const std::string path = test::temp_dir("paths-networkx") + "/graphs.txt";
    std::ofstream(path) << file.str();
    rapidjson::Document answers;
    answers.Parse(run_script(test::source_path("tests/query/networkx_paths.py"), path).c_str());
    REQUIRE_FALSE(answers.HasParseError());
    REQUIRE(answers.Size() == cases.size());

    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO("graph " << i + 1);
        const auto& c = cases[i];
        const auto& nx = answers[static_cast<rapidjson::SizeType>(i)];
        PathOptions options;
        options.directed = c.directed;
        const VertexId from = 0, to = static_cast<VertexId>(c.nodes - 1);

        const auto shortest = query::shortest_path(c.b.g, from, to, options);
        if (nx["shortest_path_length"].IsNull()) {
            CHECK_FALSE(shortest);
        } else {
            REQUIRE(shortest);
            CHECK(shortest->hops.size() == nx["shortest_path_length"].GetUint());
        }

        const auto ours = query::k_shortest_paths(c.b.g, from, to, k, options);
        std::vector<std::size_t> our_lengths, nx_lengths;
        std::set<std::vector<int>> distinct;
        for (const auto& p : ours) {
            our_lengths.push_back(p.hops.size());
            const auto seq = numbers(p);
            distinct.insert(seq);
            CHECK(std::set<int>(seq.begin(), seq.end()).size() == seq.size());  // loopless
            for (std::size_t j = 0; j + 1 < seq.size(); ++j)
                CHECK(c.simple_edges.count(pair_key(seq[j], seq[j + 1], c.directed)) == 1);
        }
        for (const auto& p : nx["k_shortest"].GetArray()) nx_lengths.push_back(p.Size() - 1);
        CHECK(our_lengths == nx_lengths);
        CHECK(distinct.size() == ours.size());
        if (shortest && !ours.empty()) CHECK(ours.front().vertices == shortest->vertices);

        std::set<std::vector<int>> our_simple, nx_simple;
        const auto simple = query::all_simple_paths(c.b.g, from, to, cutoff, options);
        for (const auto& p : simple) our_simple.insert(numbers(p));
        for (const auto& p : nx["all_simple_paths"].GetArray()) nx_simple.insert(json_path(p));
        CHECK(our_simple == nx_simple);
        CHECK(our_simple.size() == simple.size());
        for (std::size_t j = 1; j < simple.size(); ++j)
            CHECK(simple[j - 1].hops.size() <= simple[j].hops.size());
    }
}

// ---- Time-respecting paths against a brute force ----

namespace {

struct Span {
    int start, end;
};

// Days of a happening as numbers, as the brute force sees them.
std::optional<Span> span_of(const graph::Happening& h) {
    if (!h.date) return std::nullopt;
    return Span{static_cast<int>(date::sys_days(h.date->start).time_since_epoch().count()),
                static_cast<int>(date::sys_days(h.date->end).time_since_epoch().count())};
}

struct TemporalCost {
    int arrival;
    std::size_t hops;
    friend auto operator<=>(const TemporalCost&, const TemporalCost&) = default;
};

// Every simple path with its earliest arrival, by trying every choice of one
// happening per hop: a choice is time-respecting when no hop's span ends
// before an earlier hop's span starts, and then arrives on the latest start.
std::map<std::vector<int>, int> brute_force(const EventGraph& g, int nodes, int from, int to,
                                            bool directed) {
    std::map<std::pair<int, int>, std::vector<Span>> spans;
    for (const auto& e : boost::make_iterator_range(boost::edges(g.graph))) {
        const int s = static_cast<int>(boost::source(e, g.graph)),
                  t = static_cast<int>(boost::target(e, g.graph));
        if (s == t || !g.graph[e].asserted) continue;
        for (const auto h : g.graph[e].happenings)
            if (const auto sp = span_of(g.happenings[h])) {
                spans[{s, t}].push_back(*sp);
                if (!directed) spans[{t, s}].push_back(*sp);
            }
    }
    std::map<std::vector<int>, int> out;
    std::vector<int> path{from};
    std::function<void()> dfs = [&] {
        const int u = path.back();
        if (u == to) {
            std::vector<const std::vector<Span>*> hops;
            for (std::size_t i = 0; i + 1 < path.size(); ++i)
                hops.push_back(&spans[{path[i], path[i + 1]}]);
            std::vector<Span> chosen(hops.size());
            int best = INT_MAX;
            std::function<void(std::size_t)> choose = [&](std::size_t i) {
                if (i == hops.size()) {
                    int arrival = INT_MIN;
                    for (std::size_t a = 0; a < chosen.size(); ++a) {
                        for (std::size_t b = a; b < chosen.size(); ++b)
                            if (chosen[b].end < chosen[a].start) return;
                        arrival = std::max(arrival, chosen[a].start);
                    }
                    best = std::min(best, arrival);
                    return;
                }
                for (const auto& sp : *hops[i]) {
                    chosen[i] = sp;
                    choose(i + 1);
                }
            };
            choose(0);
            if (best != INT_MAX) out[path] = best;
            return;
        }
        for (int w = 0; w < nodes; ++w) {
            if (std::find(path.begin(), path.end(), w) != path.end() || !spans.count({u, w}))
                continue;
            path.push_back(w);
            dfs();
            path.pop_back();
        }
    };
    dfs();
    return out;
}

RandomCase random_temporal_case(unsigned seed) {
    std::mt19937 rng(seed * 7919);
    RandomCase c;
    c.directed = seed % 2 == 0;
    c.nodes = 5 + static_cast<int>(rng() % 3);
    for (int i = 0; i < c.nodes; ++i) c.b.actor("N" + std::to_string(i));
    const int edges =
        c.nodes * (c.directed ? 3 : 2) + static_cast<int>(rng() % static_cast<unsigned>(c.nodes));
    for (int i = 0; i < edges; ++i) {
        const int x = static_cast<int>(rng() % static_cast<unsigned>(c.nodes));
        const int y = static_cast<int>(rng() % static_cast<unsigned>(c.nodes));
        const int happenings = 1 + static_cast<int>(rng() % 3);
        for (int h = 0; h < happenings; ++h) {
            std::string when;
            const unsigned pick = rng() % 10;
            if (pick == 0)
                when = "";  // undated
            else if (pick < 3)
                when = "2024-0" + std::to_string(1 + rng() % 3);  // a month
            else {
                const unsigned month = 1 + rng() % 3, day = 1 + rng() % 28;
                when = "2024-0" + std::to_string(month) + (day < 10 ? "-0" : "-") +
                       std::to_string(day);
            }
            c.b.happen("N" + std::to_string(x), "N" + std::to_string(y),
                       rng() % 2 ? "aid" : "consult", when);
        }
    }
    return c;
}

}  // namespace

TEST_CASE("time-respecting paths agree with a brute force on random graphs") {
    for (unsigned seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        const auto c = random_temporal_case(seed);
        PathOptions options;
        options.temporal = true;
        options.directed = c.directed;
        const int from = 0, to = c.nodes - 1;
        const auto truth = brute_force(c.b.g, c.nodes, from, to, c.directed);
        std::vector<TemporalCost> costs;
        for (const auto& [p, arrival] : truth) costs.push_back({arrival, p.size() - 1});
        std::sort(costs.begin(), costs.end());

        const auto shortest = query::shortest_path(c.b.g, static_cast<VertexId>(from),
                                                   static_cast<VertexId>(to), options);
        if (costs.empty()) {
            CHECK_FALSE(shortest);
        } else {
            REQUIRE(shortest);
            REQUIRE(shortest->arrival);
            CHECK(TemporalCost{static_cast<int>(shortest->arrival->time_since_epoch().count()),
                               shortest->hops.size()} == costs.front());
            CHECK(truth.count(numbers(*shortest)) == 1);
        }

        const auto all =
            query::all_simple_paths(c.b.g, static_cast<VertexId>(from), static_cast<VertexId>(to),
                                    static_cast<std::size_t>(c.nodes), options);
        std::map<std::vector<int>, int> found;
        for (const auto& p : all) {
            REQUIRE(p.arrival);
            found[numbers(p)] = static_cast<int>(p.arrival->time_since_epoch().count());
            // Each hop's day lies in its happening's span, never before the hop before.
            for (std::size_t j = 0; j < p.hops.size(); ++j) {
                const auto& h = c.b.g.happenings[*p.hops[j].relations[0].happening];
                REQUIRE(p.hops[j].day);
                CHECK(*p.hops[j].day >= date::sys_days(h.date->start));
                CHECK(*p.hops[j].day <= date::sys_days(h.date->end));
                if (j > 0) CHECK(*p.hops[j].day >= *p.hops[j - 1].day);
            }
        }
        CHECK(found == truth);

        const std::size_t k = 5;
        const auto ranked = query::k_shortest_paths(c.b.g, static_cast<VertexId>(from),
                                                    static_cast<VertexId>(to), k, options);
        std::vector<TemporalCost> ours;
        for (const auto& p : ranked)
            ours.push_back(
                {static_cast<int>(p.arrival->time_since_epoch().count()), p.hops.size()});
        costs.resize(std::min(costs.size(), k));
        CHECK(ours == costs);
    }
}

TEST_CASE("no path goes through the unknown vertex, which is every unnamed actor and not one") {
    // GBR and USA were both attacked by someone unnamed: that joins them through ? only.
    const EventGraph g = graph::build_graph(test::read_events("unknown/events.jsonl"));
    const VertexId usa = g.vertex_by_id.at("USA"), gbr = g.vertex_by_id.at("GBR"),
                   rus = g.vertex_by_id.at("RUS"), unknown = g.vertex_by_id.at("?");
    for (const bool temporal : {false, true}) {
        PathOptions o;
        o.temporal = temporal;
        CHECK_FALSE(query::shortest_path(g, usa, gbr, o));
        CHECK(query::k_shortest_paths(g, usa, gbr, 3, o).empty());
        CHECK(query::all_simple_paths(g, usa, gbr, 4, o).empty());
        CHECK_FALSE(query::shortest_path(g, unknown, usa, o));
    }
    // USA → UKR ← RUS, not USA ← ? → UKR ← RUS.
    for (const auto& p : query::all_simple_paths(g, usa, rus, 4))
        CHECK(std::find(p.vertices.begin(), p.vertices.end(), unknown) == p.vertices.end());
    const auto p = query::shortest_path(g, usa, rus);
    REQUIRE(p);
    CHECK(p->vertices.size() == 3);
}

namespace {

// Everything a path says, to compare answers whole.
std::string describe(const EventGraph& g, const query::Path& p) {
    std::ostringstream out;
    for (const auto v : p.vertices) out << g.graph[v].id << ' ';
    if (p.arrival) out << '@' << p.arrival->time_since_epoch().count();
    for (const auto& h : p.hops) {
        out << " |" << h.from << '>' << h.to;
        if (h.day) out << " d" << h.day->time_since_epoch().count();
        for (const auto& r : h.relations)
            out << " [" << boost::source(r.edge, g.graph) << '-' << boost::target(r.edge, g.graph)
                << ' ' << g.graph[r.edge].type << ' ' << (r.happening ? long(*r.happening) : -1)
                << ' ' << (r.report ? long(*r.report) : -1) << ']';
    }
    return out.str();
}

std::string describe(const EventGraph& g, const std::vector<query::Path>& paths) {
    std::string out;
    for (const auto& p : paths) out += describe(g, p) + '\n';
    return out;
}

// Every kind of query between every two vertices, as one text.
std::string answers(const EventGraph& g, const query::PathFinder& f, bool backwards) {
    const std::size_t n = boost::num_vertices(g.graph);
    std::vector<std::string> out(n * n);
    for (std::size_t i = 0; i < n * n; ++i) {
        const std::size_t at = backwards ? n * n - 1 - i : i;
        const VertexId u = at / n, w = at % n;
        const auto p = f.shortest(u, w);
        out[at] = (p ? describe(g, *p) : "none") + '\n' + describe(g, f.k_shortest(u, w, 4)) +
                  describe(g, f.simple_paths(u, w, 3)) + describe(g, f.simple_paths(u, w, 4, 3));
    }
    std::string all;
    for (const auto& s : out) all += s;
    return all;
}

}  // namespace

TEST_CASE("a path finder answers the same whatever it answered before, and from many threads") {
    const auto c = random_temporal_case(7);
    for (int mode = 0; mode < 4; ++mode) {
        INFO("mode " << mode);
        PathOptions o;
        o.directed = mode & 1;
        o.temporal = mode & 2;
        // One finder a query: nothing reused.
        std::string fresh;
        const std::size_t n = boost::num_vertices(c.b.g.graph);
        for (VertexId u = 0; u < n; ++u)
            for (VertexId w = 0; w < n; ++w) {
                const auto p = query::shortest_path(c.b.g, u, w, o);
                fresh += (p ? describe(c.b.g, *p) : "none") + '\n' +
                         describe(c.b.g, query::k_shortest_paths(c.b.g, u, w, 4, o)) +
                         describe(c.b.g, query::all_simple_paths(c.b.g, u, w, 3, o)) +
                         describe(c.b.g, query::all_simple_paths(c.b.g, u, w, 4, o, 3));
            }
        const query::PathFinder finder(c.b.g, o);
        CHECK(answers(c.b.g, finder, true) == fresh);
        CHECK(answers(c.b.g, finder, false) == fresh);
        std::vector<std::string> parallel(3);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < parallel.size(); ++t)
            threads.emplace_back([&, t] { parallel[t] = answers(c.b.g, finder, t % 2 == 0); });
        for (auto& t : threads) t.join();
        for (const auto& p : parallel) CHECK(p == fresh);
    }
}

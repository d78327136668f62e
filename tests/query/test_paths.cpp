#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "eventgraph/error.hpp"
#include "eventgraph/graph/graph.hpp"
#include "eventgraph/query/paths.hpp"
#include "query/path_builder.hpp"

using namespace eventgraph;
using graph::EdgeId;
using graph::EventGraph;
using graph::VertexId;
using query::PathOptions;
using test_paths::Builder;
using test_paths::evidence;
using test_paths::ids;

namespace {

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
    CHECK(b.g.date(b.g.happenings[*k[1].hops[1].relations[0].happening])->start ==
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

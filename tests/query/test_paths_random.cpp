#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "eventgraph/graph/graph.hpp"
#include "eventgraph/query/paths.hpp"
#include "query/path_builder.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using graph::EdgeId;
using graph::EventGraph;
using graph::VertexId;
using query::PathOptions;
using test_paths::Builder;

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
std::optional<Span> span_of(const graph::EventGraph& g, const graph::Happening& h) {
    const model::DateSpan* d = g.date(h);
    if (!d) return std::nullopt;
    return Span{static_cast<int>(date::sys_days(d->start).time_since_epoch().count()),
                static_cast<int>(date::sys_days(d->end).time_since_epoch().count())};
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
            if (const auto sp = span_of(g, g.happenings[h])) {
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
                CHECK(*p.hops[j].day >= date::sys_days(c.b.g.date(h)->start));
                CHECK(*p.hops[j].day <= date::sys_days(c.b.g.date(h)->end));
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

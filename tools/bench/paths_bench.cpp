// Path query figures on a big events file (tools/bench/paths_bench.py generates
// one and times NetworkX on the same queries; `paths_bench.py compare` runs
// both). Not built by CMake; after a release build in build/release:
//
//   g++ -O2 -std=c++20 -Iinclude -Ibuild/release/generated tools/bench/paths_bench.cpp \
//       build/release/libeventgraph.a -o build/release/paths_bench
//   build/release/paths_bench /tmp/paths-bench-1m.jsonl
//
// Each kind of query runs over the same pairs three times; the best round's
// wall and CPU milliseconds per query are printed (the machine may be shared).

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "eventgraph/graph/graph.hpp"
#include "eventgraph/io/event_json.hpp"
#include "eventgraph/query/paths.hpp"

using namespace eventgraph;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// This process's CPU time in seconds (one thread answers the queries).
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The same pseudo-random pairs as paths_bench.py.
std::vector<std::pair<std::string, std::string>> pairs(std::size_t n) {
    std::vector<std::pair<std::string, std::string>> out;
    unsigned long x = 12345;
    auto code = [](unsigned long i) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "A%03lu", i);
        return std::string(buf);
    };
    while (out.size() < n) {
        x = (x * 1103515245 + 12345) % 2147483648UL;
        const auto a = x % 200;
        x = (x * 1103515245 + 12345) % 2147483648UL;
        const auto b = x % 200;
        if (a != b) out.emplace_back(code(a), code(b));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: paths_bench EVENTS\n";
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    auto t = Clock::now();
    std::vector<model::Event> events;
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << '\n';
        return 1;
    }
    io::read_events_json(
        in, argv[1], {}, [&](model::Event e) { events.push_back(std::move(e)); },
        [](const std::exception& e) { std::cerr << e.what() << '\n'; });
    std::printf("read %zu events in %.1f s\n", events.size(), seconds_since(t));
    t = Clock::now();
    const auto g = graph::build_graph(std::move(events));
    std::printf("built %zu vertices, %zu edges, %zu happenings in %.1f s\n",
                boost::num_vertices(g.graph), boost::num_edges(g.graph), g.happenings.size(),
                seconds_since(t));

    const auto all = pairs(100);
    auto timed = [&](const char* label, std::size_t n,
                     const std::function<std::size_t(graph::VertexId, graph::VertexId)>& f) {
        double best_wall = 0, best_cpu = 0;
        std::size_t first = 0;
        for (int round = 0; round < 3; ++round) {
            const auto start = Clock::now();
            const double cpu = cpu_seconds();
            for (std::size_t i = 0; i < n; ++i) {
                const auto r = f(g.vertex_by_id.at(all[i].first), g.vertex_by_id.at(all[i].second));
                if (i == 0) first = r;
            }
            const double wall_ms = seconds_since(start) * 1000 / double(n),
                         cpu_ms = (cpu_seconds() - cpu) * 1000 / double(n);
            if (round == 0 || cpu_ms < best_cpu) {
                best_cpu = cpu_ms;
                best_wall = wall_ms;
            }
        }
        std::printf("%-40s %10.4f ms/query wall %10.4f cpu  (%zu)\n", label, best_wall, best_cpu,
                    first);
    };
    query::PathOptions undirected, directed, temporal;
    directed.directed = true;
    temporal.temporal = true;
    auto index = [&](const char* label, const query::PathOptions& o) {
        const auto start = Clock::now();
        query::PathFinder finder(g, o);
        std::printf("index (%s) built in %.1f ms\n", label, seconds_since(start) * 1000);
        return finder;
    };
    const auto u = index("undirected", undirected), d = index("directed", directed),
               tm = index("temporal", temporal);
    auto hops = [&](const query::PathFinder& f) {
        return [&](graph::VertexId a, graph::VertexId b) {
            const auto p = f.shortest(a, b);
            return p ? p->hops.size() : 0;
        };
    };
    timed("shortest (undirected)", 100, hops(u));
    timed("shortest (directed)", 100, hops(d));
    timed("shortest (temporal, earliest arrival)", 100, hops(tm));
    timed("k=10 shortest simple (undirected)", 100,
          [&](auto a, auto b) { return u.k_shortest(a, b, 10).size(); });
    timed("k=10 shortest simple (directed)", 100,
          [&](auto a, auto b) { return d.k_shortest(a, b, 10).size(); });
    timed("k=10 shortest simple (temporal)", 20,
          [&](auto a, auto b) { return tm.k_shortest(a, b, 10).size(); });
    timed("all simple paths, cutoff 2", 100,
          [&](auto a, auto b) { return u.simple_paths(a, b, 2).size(); });
    timed("all simple paths, cutoff 2 (directed)", 100,
          [&](auto a, auto b) { return d.simple_paths(a, b, 2).size(); });
    timed("all simple paths, cutoff 3", 10,
          [&](auto a, auto b) { return u.simple_paths(a, b, 3).size(); });
    timed("one-shot shortest_path (index each time)", 10, [&](auto a, auto b) {
        const auto p = query::shortest_path(g, a, b);
        return p ? p->hops.size() : 0;
    });
    timed("one-shot temporal shortest_path", 10, [&](auto a, auto b) {
        const auto p = query::shortest_path(g, a, b, temporal);
        return p ? p->hops.size() : 0;
    });
    return 0;
}

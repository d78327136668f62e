#include "eventgraph/query/paths.hpp"

#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <climits>
#include <functional>
#include <queue>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "eventgraph/error.hpp"
#include "eventgraph/text/ascii.hpp"

namespace eventgraph::query {

namespace {

using graph::EdgeId;
using graph::EventGraph;
using graph::Graph;
using graph::VertexId;

// Days as whole numbers; a path's start has no constraint yet.
constexpr int no_constraint = INT_MIN;
constexpr int never = INT_MAX;

int day_number(const date::year_month_day& d) {
    return static_cast<int>(date::sys_days(d).time_since_epoch().count());
}

date::sys_days to_sys_days(int day) { return date::sys_days(date::days(day)); }

// A relation's happenings by end day, with the smallest start among those
// ending at or after each one: the earliest day the relation can be used on
// or after a day is found with one binary search.
struct Timeline {
    std::vector<int> ends;
    std::vector<int> min_start_from;  // over ends[i…]

    int earliest_day(int after) const {
        const auto it = std::lower_bound(ends.begin(), ends.end(), after);
        if (it == ends.end()) return never;
        return std::max(after, min_start_from[static_cast<std::size_t>(it - ends.begin())]);
    }
};

// Paths are sequences of vertices, so searches run on the graph of the
// pairs a hop can join: one arc from u to w if some usable relation joins
// them that way (either way round, unless directed), whatever its type. A
// million events between 200 actors fold into 260,000 relations but only
// 20,000 pairs. Arcs are added by source then target, so each vertex's arcs
// come in vertex order.
using PairGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_index_t, std::size_t>>;
using Arc = boost::graph_traits<PairGraph>::edge_descriptor;

// Which arcs a search may use: not those Yen's algorithm has cut.
struct ArcMask {
    const PairGraph* g = nullptr;
    const std::vector<char>* cut = nullptr;
    bool operator()(const Arc& a) const {
        return !cut || !(*cut)[boost::get(boost::edge_index, *g, a)];
    }
};

// Not the vertices of the root path, which a spur path must not pass through again.
struct VertexMask {
    const std::vector<char>* removed = nullptr;
    bool operator()(const VertexId& v) const { return !removed || !(*removed)[v]; }
};

using View = boost::filtered_graph<PairGraph, ArcMask, VertexMask>;

bool stronger_edge(const Graph& g, const EdgeId& a, const EdgeId& b) {
    const auto &ea = g[a], &eb = g[b];
    if (ea.count != eb.count) return ea.count > eb.count;
    if (ea.mentions != eb.mentions) return ea.mentions > eb.mentions;
    if (ea.type != eb.type) return ea.type < eb.type;
    return std::pair{boost::source(a, g), boost::target(a, g)} <
           std::pair{boost::source(b, g), boost::target(b, g)};
}

// What Yen's algorithm ranks paths by: (arrival, hops) for time-respecting
// paths, (0, hops) otherwise; then the vertex sequence.
using Candidate = std::tuple<int, std::size_t, std::vector<VertexId>>;

}  // namespace

std::optional<std::size_t> strongest_report(const EventGraph& g, std::size_t happening) {
    std::optional<std::size_t> best;
    for (const std::size_t r : g.happenings.at(happening).reports) {
        const auto& e = g.reports.at(r);
        if (!best || e.confidence > g.reports[*best].confidence ||
            (e.confidence == g.reports[*best].confidence && e.id < g.reports[*best].id))
            best = r;
    }
    return best;
}

std::optional<std::size_t> strongest_happening(const EventGraph& g, EdgeId edge) {
    std::optional<std::size_t> best;
    // Undated happenings sort after every dated one.
    auto key = [&](std::size_t h) {
        const auto& hp = g.happenings.at(h);
        return std::tuple{-static_cast<long>(hp.mentions), !hp.date,
                          hp.date ? day_number(hp.date->start) : 0, h};
    };
    for (const std::size_t h : g.graph[edge].happenings)
        if (!best || key(h) < key(*best)) best = h;
    return best;
}

class PathFinder::Index {
public:
    Index(const EventGraph& g, const PathOptions& options)
        : g_(g), options_(options), n_(boost::num_vertices(g.graph)), adjacency_(n_) {
        // The usable relations of each ordered pair, in the graph's edge order.
        std::vector<std::vector<std::pair<VertexId, EdgeId>>> relations(n_);
        for (const auto& e : boost::make_iterator_range(boost::edges(g.graph))) {
            const VertexId s = boost::source(e, g.graph), t = boost::target(e, g.graph);
            if (s == t) continue;  // a path never stays put
            // The unknown vertex is every unnamed actor, not one: no path goes through it.
            if (g.graph[s].kind == model::ActorKind::unknown ||
                g.graph[t].kind == model::ActorKind::unknown)
                continue;
            if (options.asserted_only && !g.graph[e].asserted) continue;
            relations[s].emplace_back(t, e);
            if (!options.directed) relations[t].emplace_back(s, e);
        }
        for (VertexId u = 0; u < n_; ++u) {
            auto& r = relations[u];
            std::stable_sort(r.begin(), r.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t i = 0; i < r.size();) {
                Pair pair;
                pair.from = u;
                pair.to = r[i].first;
                for (; i < r.size() && r[i].first == pair.to; ++i)
                    pair.edges.push_back(r[i].second);
                adjacency_[u].emplace_back(pair.to, pairs_.size());
                boost::add_edge(u, pair.to, pairs_.size(), pairs_graph_);
                pairs_.push_back(std::move(pair));
            }
        }
        // adjacency_list grows to the largest vertex added; isolated ones too.
        while (boost::num_vertices(pairs_graph_) < n_) boost::add_vertex(pairs_graph_);
        if (!options.directed)
            for (auto& p : pairs_) p.reverse = pair_index(p.to, p.from);
        if (options.temporal)
            for (auto& p : pairs_) p.timeline = timeline(p.edges);
    }

    std::optional<Path> shortest(VertexId from, VertexId to) const {
        check(from, to);
        const auto vertices = best(view(nullptr, nullptr), from, to, no_constraint);
        if (!vertices) return std::nullopt;
        return assemble(*vertices);
    }

    // Yen's algorithm: each new path is the best deviation from a path already
    // found. For each vertex of the last path found (the spur), the path up
    // to it (the root) is kept; the root's other vertices are masked out, and
    // so is the next hop of every path found so far that shares this root;
    // the best path from the spur to the target in what remains completes a
    // candidate. The best candidate is the next path.
    std::vector<Path> k_shortest(VertexId from, VertexId to, std::size_t k) const {
        check(from, to);
        std::vector<Path> out;
        if (k == 0) return out;
        const auto first = best(view(nullptr, nullptr), from, to, no_constraint);
        if (!first) return out;

        std::vector<std::vector<VertexId>> found{*first};
        std::set<std::vector<VertexId>> seen{*first};
        std::set<Candidate> candidates;
        std::vector<char> removed(n_, 0), cut(pairs_.size(), 0);
        while (found.size() < k) {
            const std::vector<VertexId> last = found.back();
            for (std::size_t i = 0; i + 1 < last.size(); ++i) {
                const VertexId spur = last[i];
                std::vector<std::size_t> cut_now;
                for (const auto& p : found)
                    if (p.size() > i + 1 &&
                        std::equal(last.begin(), last.begin() + static_cast<long>(i) + 1,
                                   p.begin())) {
                        const std::size_t arc = pair_index(p[i], p[i + 1]);
                        cut_now.push_back(arc);
                        if (!options_.directed) cut_now.push_back(pairs_[arc].reverse);
                    }
                for (const auto a : cut_now) cut[a] = 1;
                for (std::size_t j = 0; j < i; ++j) removed[last[j]] = 1;
                const int start = options_.temporal ? arrival_along(last, i) : no_constraint;
                const auto spur_path = best(view(&cut, &removed), spur, to, start);
                for (const auto a : cut_now) cut[a] = 0;
                for (std::size_t j = 0; j < i; ++j) removed[last[j]] = 0;
                if (!spur_path) continue;
                std::vector<VertexId> total(last.begin(), last.begin() + static_cast<long>(i));
                total.insert(total.end(), spur_path->begin(), spur_path->end());
                if (seen.count(total)) continue;
                const std::size_t hops = total.size() - 1;
                const int arrival = options_.temporal ? arrival_along(total, hops) : 0;
                candidates.emplace(arrival, hops, std::move(total));
            }
            if (candidates.empty()) break;
            auto next = candidates.extract(candidates.begin());
            seen.insert(std::get<2>(next.value()));
            found.push_back(std::move(std::get<2>(next.value())));
        }
        Memo memo;
        for (const auto& p : found) out.push_back(assemble(p, &memo));
        return out;
    }

    std::vector<Path> simple_paths(VertexId from, VertexId to, std::size_t max_hops,
                                   std::size_t limit) const {
        check(from, to);
        std::vector<Path> out;
        if (from == to) {
            if (limit > 0) out.push_back(assemble({from}));
            return out;
        }
        Memo memo;
        std::vector<VertexId> path{from};
        std::vector<char> on_path(n_, 0);
        on_path[from] = 1;
        // Depth first with neighbours in vertex order gives the paths of one
        // length in vertex order; deepening one hop at a time gives them by
        // length, and lets `limit` stop early.
        std::function<void(std::size_t, int)> extend = [&](std::size_t hops_left, int day) {
            const VertexId u = path.back();
            if (out.size() >= limit) return;
            if (hops_left == 0) {
                if (u == to) out.push_back(assemble(path, &memo));
                return;
            }
            if (u == to) return;
            for (const auto& [w, arc] : adjacency_[u]) {
                if (on_path[w]) continue;
                const int next_day =
                    options_.temporal ? pairs_[arc].timeline.earliest_day(day) : day;
                if (next_day == never) continue;
                path.push_back(w);
                on_path[w] = 1;
                extend(hops_left - 1, next_day);
                on_path[w] = 0;
                path.pop_back();
            }
        };
        for (std::size_t hops = 1; hops <= max_hops && hops < n_ && out.size() < limit; ++hops)
            extend(hops, no_constraint);
        return out;
    }

private:
    struct Pair {
        VertexId from = 0, to = 0;
        std::vector<EdgeId> edges;  // the relations joining them this way round
        std::size_t reverse = 0;    // undirected: the arc from `to` to `from`
        Timeline timeline;          // temporal: the dated happenings of `edges`
    };

    void check(VertexId from, VertexId to) const {
        if (from >= n_ || to >= n_) throw usage_error("path query: no such vertex in the graph");
    }

    View view(const std::vector<char>* cut, const std::vector<char>* removed) const {
        return View(pairs_graph_, ArcMask{&pairs_graph_, cut}, VertexMask{removed});
    }

    std::size_t pair_index(VertexId u, VertexId w) const {
        const auto& a = adjacency_[u];
        const auto it = std::lower_bound(a.begin(), a.end(), std::pair{w, std::size_t{0}});
        return it->second;  // only asked for pairs a path has used
    }

    Timeline timeline(const std::vector<EdgeId>& edges) const {
        std::vector<std::pair<int, int>> slots;  // (end, start)
        for (const auto& e : edges)
            for (const std::size_t h : g_.graph[e].happenings)
                if (const auto& date = g_.happenings.at(h).date)
                    slots.emplace_back(day_number(date->end), day_number(date->start));
        std::sort(slots.begin(), slots.end());
        Timeline t;
        t.ends.resize(slots.size());
        t.min_start_from.resize(slots.size());
        int min_start = never;
        for (std::size_t i = slots.size(); i-- > 0;) {
            min_start = std::min(min_start, slots[i].second);
            t.ends[i] = slots[i].first;
            t.min_start_from[i] = min_start;
        }
        return t;
    }

    int earliest_day(const View& view, const Arc& a, int after) const {
        return pairs_[boost::get(boost::edge_index, view, a)].timeline.earliest_day(after);
    }

    // Fewest hops, then the smallest vertex sequence: breadth first with each
    // vertex's arcs in vertex order gives each vertex the smallest parent.
    std::optional<std::vector<VertexId>> fewest_hops(const View& view, VertexId from,
                                                     VertexId to) const {
        std::vector<VertexId> parent(n_, n_);
        std::vector<VertexId> queue{from};
        parent[from] = from;
        for (std::size_t head = 0; head < queue.size() && parent[to] == n_; ++head) {
            const VertexId u = queue[head];
            for (const auto& a : boost::make_iterator_range(boost::out_edges(u, view))) {
                const VertexId w = boost::target(a, view);
                if (parent[w] != n_) continue;
                parent[w] = u;
                queue.push_back(w);
            }
        }
        if (parent[to] == n_) return std::nullopt;
        std::vector<VertexId> path{to};
        for (VertexId v = to; v != from;) path.push_back(v = parent[v]);
        std::reverse(path.begin(), path.end());
        return path;
    }

    // The earliest arrival at `to`, by Dijkstra's algorithm on days (a later
    // start never allows an earlier day, so the first day a vertex is taken
    // from the queue is its earliest).
    int earliest_arrival_day(const View& view, VertexId from, VertexId to, int start) const {
        std::vector<int> arrival(n_, never);
        std::vector<char> done(n_, 0);
        using Item = std::pair<int, VertexId>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        arrival[from] = start;
        queue.emplace(start, from);
        while (!queue.empty()) {
            const auto [day, u] = queue.top();
            queue.pop();
            if (done[u]) continue;
            done[u] = 1;
            if (u == to) return day;
            for (const auto& a : boost::make_iterator_range(boost::out_edges(u, view))) {
                const VertexId w = boost::target(a, view);
                if (done[w]) continue;
                const int next = earliest_day(view, a, day);
                if (next < arrival[w]) {
                    arrival[w] = next;
                    queue.emplace(next, w);
                }
            }
        }
        return never;
    }

    // Earliest arrival, then fewest hops: the earliest day first, then
    // arrival days by number of hops (Bellman-Ford in layers) up to the first
    // layer that reaches it, never following a day later than it. The walk
    // found is simple: a walk through a vertex twice could skip the loop and
    // arrive no later in fewer hops.
    std::optional<std::vector<VertexId>> earliest_arrival(const View& view, VertexId from,
                                                          VertexId to, int start) const {
        const int target_day = earliest_arrival_day(view, from, to, start);
        if (target_day == never) return std::nullopt;
        std::vector<int> arrival(n_, never);
        arrival[from] = start;
        // parents[h][v]: the vertex v was reached from at its improvement with h hops.
        std::vector<std::vector<VertexId>> parents{std::vector<VertexId>(n_, n_)};
        std::vector<VertexId> changed{from};
        std::size_t best_layer = 0;
        for (std::size_t h = 1; from != to && arrival[to] != target_day && !changed.empty(); ++h) {
            std::vector<int> next = arrival;
            std::vector<VertexId> parent(n_, n_);
            for (const VertexId u : changed)
                for (const auto& a : boost::make_iterator_range(boost::out_edges(u, view))) {
                    const VertexId w = boost::target(a, view);
                    const int day = earliest_day(view, a, arrival[u]);
                    if (day <= target_day && day < next[w]) {
                        next[w] = day;
                        parent[w] = u;
                    }
                }
            changed.clear();
            for (VertexId v = 0; v < n_; ++v)
                if (parent[v] != n_) changed.push_back(v);
            best_layer = h;
            arrival = std::move(next);
            parents.push_back(std::move(parent));
        }
        std::vector<VertexId> path{to};
        std::size_t layer = best_layer;
        for (VertexId v = to; layer > 0;) {
            while (layer > 0 && parents[layer][v] == n_) --layer;
            if (layer == 0) break;
            v = parents[layer][v];
            --layer;
            path.push_back(v);
        }
        std::reverse(path.begin(), path.end());
        return path;
    }

    // The best path from `from` to `to` in the view, starting no earlier than `start`.
    std::optional<std::vector<VertexId>> best(const View& view, VertexId from, VertexId to,
                                              int start) const {
        return options_.temporal ? earliest_arrival(view, from, to, start)
                                 : fewest_hops(view, from, to);
    }

    // The day of the last of the first `hops` hops of a path, taking the
    // earliest feasible day at each; never if they are not time-respecting.
    int arrival_along(const std::vector<VertexId>& vertices, std::size_t hops) const {
        int day = no_constraint;
        for (std::size_t i = 0; i < hops && day != never; ++i)
            day = pairs_[pair_index(vertices[i], vertices[i + 1])].timeline.earliest_day(day);
        return day;
    }

    // Relations of hops already assembled, by arc: without time a hop's
    // relations and evidence depend on its arc only, and listing thousands of
    // paths meets the same arcs again and again.
    using Memo = std::unordered_map<std::size_t, std::vector<Relation>>;

    Path assemble(const std::vector<VertexId>& vertices, Memo* memo = nullptr) const {
        Path path;
        path.vertices = vertices;
        int day = no_constraint;
        for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
            Hop hop;
            hop.from = vertices[i];
            hop.to = vertices[i + 1];
            const std::size_t arc = pair_index(hop.from, hop.to);
            if (memo && !options_.temporal) {
                if (const auto it = memo->find(arc); it != memo->end()) {
                    hop.relations = it->second;
                    path.hops.push_back(std::move(hop));
                    continue;
                }
            }
            std::vector<EdgeId> edges = pairs_[arc].edges;
            std::sort(edges.begin(), edges.end(), [&](const EdgeId& a, const EdgeId& b) {
                return stronger_edge(g_.graph, a, b);
            });

            std::optional<std::size_t> used_edge, used_happening;
            if (options_.temporal) {
                // The happening allowing the earliest day, then the most mentioned, then the first.
                std::tuple<int, long, std::size_t> earliest{never, 0, 0};
                for (std::size_t j = 0; j < edges.size(); ++j)
                    for (const std::size_t h : g_.graph[edges[j]].happenings) {
                        const auto& hp = g_.happenings.at(h);
                        if (!hp.date || day_number(hp.date->end) < day) continue;
                        const std::tuple<int, long, std::size_t> key{
                            std::max(day, day_number(hp.date->start)),
                            -static_cast<long>(hp.mentions), h};
                        if (key < earliest) {
                            earliest = key;
                            used_edge = j;
                            used_happening = h;
                        }
                    }
                day = std::get<0>(earliest);
                if (day != never) hop.day = to_sys_days(day);
                if (used_edge)
                    std::rotate(edges.begin(), edges.begin() + static_cast<long>(*used_edge),
                                edges.begin() + static_cast<long>(*used_edge) + 1);
            }
            for (std::size_t j = 0; j < edges.size(); ++j) {
                Relation r{edges[j], std::nullopt, std::nullopt};
                r.happening =
                    (j == 0 && used_happening) ? used_happening : strongest_happening(g_, edges[j]);
                if (r.happening) r.report = strongest_report(g_, *r.happening);
                hop.relations.push_back(r);
            }
            if (memo && !options_.temporal) memo->emplace(arc, hop.relations);
            path.hops.push_back(std::move(hop));
        }
        if (options_.temporal && !path.hops.empty()) path.arrival = path.hops.back().day;
        return path;
    }

    const EventGraph& g_;
    PathOptions options_;
    std::size_t n_;
    std::vector<Pair> pairs_;  // by arc index
    std::vector<std::vector<std::pair<VertexId, std::size_t>>>
        adjacency_;  // (neighbour, arc), sorted
    PairGraph pairs_graph_;
};

PathFinder::PathFinder(const EventGraph& g, const PathOptions& options)
    : index_(std::make_unique<Index>(g, options)) {}
PathFinder::~PathFinder() = default;
PathFinder::PathFinder(PathFinder&&) noexcept = default;
PathFinder& PathFinder::operator=(PathFinder&&) noexcept = default;

std::optional<Path> PathFinder::shortest(VertexId from, VertexId to) const {
    return index_->shortest(from, to);
}

std::vector<Path> PathFinder::k_shortest(VertexId from, VertexId to, std::size_t k) const {
    return index_->k_shortest(from, to, k);
}

std::vector<Path> PathFinder::simple_paths(VertexId from, VertexId to, std::size_t max_hops,
                                           std::size_t limit) const {
    return index_->simple_paths(from, to, max_hops, limit);
}

std::optional<Path> shortest_path(const EventGraph& g, VertexId from, VertexId to,
                                  const PathOptions& options) {
    return PathFinder(g, options).shortest(from, to);
}

std::vector<Path> k_shortest_paths(const EventGraph& g, VertexId from, VertexId to, std::size_t k,
                                   const PathOptions& options) {
    return PathFinder(g, options).k_shortest(from, to, k);
}

std::vector<Path> all_simple_paths(const EventGraph& g, VertexId from, VertexId to,
                                   std::size_t max_hops, const PathOptions& options,
                                   std::size_t limit) {
    return PathFinder(g, options).simple_paths(from, to, max_hops, limit);
}

std::vector<VertexId> find_vertices(const EventGraph& g, std::string_view name) {
    std::vector<VertexId> by_id, by_code, by_name;
    for (const auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
        const auto& x = g.graph[v];
        if (text::iequals(x.id, name)) by_id.push_back(v);
        if (text::iequals(x.code, name)) by_code.push_back(v);
        if (text::iequals(x.name, name)) by_name.push_back(v);
    }
    if (!by_id.empty()) return by_id;
    if (!by_code.empty()) return by_code;
    return by_name;
}

}  // namespace eventgraph::query

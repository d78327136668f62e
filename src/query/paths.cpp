#include "eventgraph/query/paths.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <functional>
#include <queue>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <boost/graph/filtered_graph.hpp>

#include "eventgraph/error.hpp"

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

using Cut = std::set<std::pair<VertexId, VertexId>>;

// The pair of vertices an edge joins, as a cut knows it: ordered only when directed.
std::pair<VertexId, VertexId> pair_key(VertexId s, VertexId t, bool directed) {
    if (directed || s < t) return {s, t};
    return {t, s};
}

// Which edges a search may use: no self-loops (a path never stays put), the
// polarity asked for, and none of the vertex pairs Yen's algorithm has cut.
struct EdgeMask {
    const Graph* g = nullptr;
    const Cut* cut = nullptr;
    bool asserted_only = true;
    bool directed = false;

    bool operator()(const EdgeId& e) const {
        const VertexId s = boost::source(e, *g), t = boost::target(e, *g);
        if (s == t) return false;
        if (asserted_only && !(*g)[e].asserted) return false;
        if (cut && !cut->empty())
            return cut->count(pair_key(s, t, directed)) == 0;
        return true;
    }
};

// The vertices of the root path, which a spur path must not pass through again.
struct VertexMask {
    const std::vector<char>* removed = nullptr;
    bool operator()(const VertexId& v) const { return !removed || !(*removed)[v]; }
};

using View = boost::filtered_graph<Graph, EdgeMask, VertexMask>;

// A step from a vertex: the neighbour and the edge that leads there.
using Step = std::pair<VertexId, EdgeId>;

// The steps out of u (an undirected search walks edges both ways, so
// in-edges count too), in the graph's edge order.
std::vector<Step> steps_of(const View& view, VertexId u, bool directed) {
    std::vector<Step> steps;
    for (const auto& e : boost::make_iterator_range(boost::out_edges(u, view)))
        steps.emplace_back(boost::target(e, view), e);
    if (!directed)
        for (const auto& e : boost::make_iterator_range(boost::in_edges(u, view)))
            steps.emplace_back(boost::source(e, view), e);
    return steps;
}

bool by_neighbour(const Step& a, const Step& b) { return a.first < b.first; }

// One dated happening of a relation, as a span of day numbers.
struct Slot {
    int start = 0;
    int end = 0;
};

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

class Search {
public:
    Search(const EventGraph& g, const PathOptions& options) : g_(g), options_(options) {
        if (options.temporal) build_timelines();
    }

    View view(const Cut* cut, const std::vector<char>* removed) const {
        return View(g_.graph, EdgeMask{&g_.graph, cut, options_.asserted_only, options_.directed},
                    VertexMask{removed});
    }

    std::size_t vertex_count() const { return boost::num_vertices(g_.graph); }

    // The earliest day the hop from u to w can be taken on or after `after`,
    // over every usable relation between them, or never.
    int earliest_day(VertexId u, VertexId w, int after) const {
        const auto it = timeline_of_.find(pair_number(u, w));
        return it == timeline_of_.end() ? never : it->second.earliest_day(after);
    }

    // Fewest hops, then the smallest vertex sequence. Breadth first, one
    // level at a time with the level in order of its vertices' smallest
    // paths: each vertex takes as parent the first vertex of the level before
    // that reaches it, so its path is the smallest of its length. Only a
    // level is sorted, never an adjacency list.
    std::optional<std::vector<VertexId>> fewest_hops(const View& view, VertexId from,
                                                     VertexId to) const {
        const std::size_t n = vertex_count();
        std::vector<VertexId> parent(n, n);
        std::vector<std::size_t> rank(n, 0);  // position in its level
        std::vector<VertexId> level{from};
        parent[from] = from;
        while (!level.empty() && parent[to] == n) {
            std::vector<VertexId> next;
            for (const VertexId u : level)
                for (const auto& [w, e] : steps_of(view, u, options_.directed)) {
                    if (parent[w] != n) continue;
                    parent[w] = u;
                    next.push_back(w);
                }
            std::sort(next.begin(), next.end(), [&](VertexId a, VertexId b) {
                return std::pair{rank[parent[a]], a} < std::pair{rank[parent[b]], b};
            });
            for (std::size_t i = 0; i < next.size(); ++i) rank[next[i]] = i;
            level = std::move(next);
        }
        if (parent[to] == n) return std::nullopt;
        return walk_back(parent, from, to);
    }

    // The usable steps out of u in the whole graph, by neighbour (cached:
    // assembling hops and listing simple paths ask for the same vertices
    // again and again).
    const std::vector<Step>& sorted_steps(VertexId u) const {
        if (sorted_steps_.empty()) sorted_steps_.resize(vertex_count());
        auto& s = sorted_steps_[u];
        if (!s) {
            s = steps_of(view(nullptr, nullptr), u, options_.directed);
            std::stable_sort(s->begin(), s->end(), by_neighbour);
        }
        return *s;
    }

    // The usable edges from u to w, in the graph's order.
    std::vector<EdgeId> edges_between(VertexId u, VertexId w) const {
        const auto& s = sorted_steps(u);
        const auto [first, last] =
            std::equal_range(s.begin(), s.end(), Step{w, EdgeId{}}, by_neighbour);
        std::vector<EdgeId> out;
        for (auto it = first; it != last; ++it) out.push_back(it->second);
        return out;
    }

    // The earliest arrival at `to`, by Dijkstra's algorithm on days (a later
    // start never allows an earlier day, so the first day a vertex is taken
    // from the queue is its earliest). Edges to the same neighbour make one
    // hop, looked up once.
    int earliest_arrival_day(const View& view, VertexId from, VertexId to, int start) const {
        const std::size_t n = vertex_count();
        std::vector<int> arrival(n, never);
        std::vector<char> done(n, 0);
        std::vector<std::size_t> seen(n, 0);
        std::size_t stamp = 0;
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
            ++stamp;
            for (const auto& [w, e] : steps_of(view, u, options_.directed)) {
                if (done[w] || seen[w] == stamp) continue;
                seen[w] = stamp;
                const int next = earliest_day(u, w, day);
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
        const std::size_t n = vertex_count();
        std::vector<int> arrival(n, never);
        arrival[from] = start;
        // parents[h][v]: the vertex v was reached from at its improvement with h hops.
        std::vector<std::vector<VertexId>> parents{std::vector<VertexId>(n, n)};
        std::vector<VertexId> changed{from};
        std::vector<std::size_t> seen(n, 0);
        std::size_t stamp = 0;
        std::size_t best_layer = 0;
        for (std::size_t h = 1; from != to && arrival[to] != target_day && !changed.empty(); ++h) {
            std::vector<int> next = arrival;
            std::vector<VertexId> parent(n, n);
            for (const VertexId u : changed) {
                ++stamp;
                for (const auto& [w, e] : steps_of(view, u, options_.directed)) {
                    if (seen[w] == stamp) continue;
                    seen[w] = stamp;
                    const int day = earliest_day(u, w, arrival[u]);
                    if (day <= target_day && day < next[w]) {
                        next[w] = day;
                        parent[w] = u;
                    }
                }
            }
            changed.clear();
            for (VertexId v = 0; v < n; ++v)
                if (parent[v] != n) changed.push_back(v);
            best_layer = h;
            arrival = std::move(next);
            parents.push_back(std::move(parent));
        }
        std::vector<VertexId> path{to};
        std::size_t layer = best_layer;
        for (VertexId v = to; layer > 0;) {
            while (layer > 0 && parents[layer][v] == n) --layer;
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

    // The arrival day along a vertex sequence, choosing the earliest feasible
    // day at each hop; never if the sequence is not time-respecting.
    int arrival_along(const std::vector<VertexId>& vertices, std::size_t hops) const {
        int day = no_constraint;
        for (std::size_t i = 0; i < hops && day != never; ++i) {
            day = earliest_day(vertices[i], vertices[i + 1], day);
        }
        return day;
    }

    Path assemble(const std::vector<VertexId>& vertices) const;

    const EventGraph& graph() const { return g_; }
    const PathOptions& options() const { return options_; }

private:
    static std::vector<VertexId> walk_back(const std::vector<VertexId>& parent, VertexId from,
                                           VertexId to) {
        std::vector<VertexId> path{to};
        for (VertexId v = to; v != from;) path.push_back(v = parent[v]);
        std::reverse(path.begin(), path.end());
        return path;
    }

    std::uint64_t pair_number(VertexId u, VertexId w) const {
        return static_cast<std::uint64_t>(u) * vertex_count() + w;
    }

    // One timeline for each ordered pair of vertices a hop can join, of the
    // happenings of every usable relation between them (both ways round
    // unless directed): a hop is one step whichever relation it takes.
    void build_timelines() {
        std::unordered_map<std::uint64_t, std::vector<Slot>> slots_of;
        const View base = view(nullptr, nullptr);
        for (const auto& e : boost::make_iterator_range(boost::edges(base))) {
            const VertexId s = boost::source(e, base), t = boost::target(e, base);
            for (const std::size_t h : g_.graph[e].happenings) {
                const auto& date = g_.happenings.at(h).date;
                if (!date) continue;
                const Slot slot{day_number(date->start), day_number(date->end)};
                slots_of[pair_number(s, t)].push_back(slot);
                if (!options_.directed) slots_of[pair_number(t, s)].push_back(slot);
            }
        }
        for (auto& [pair, slots] : slots_of) {
            std::sort(slots.begin(), slots.end(),
                      [](const Slot& a, const Slot& b) { return a.end < b.end; });
            Timeline t;
            t.ends.resize(slots.size());
            t.min_start_from.resize(slots.size());
            int min_start = never;
            for (std::size_t i = slots.size(); i-- > 0;) {
                min_start = std::min(min_start, slots[i].start);
                t.ends[i] = slots[i].end;
                t.min_start_from[i] = min_start;
            }
            timeline_of_.emplace(pair, std::move(t));
        }
    }

    const EventGraph& g_;
    PathOptions options_;
    std::unordered_map<std::uint64_t, Timeline> timeline_of_;
    mutable std::vector<std::optional<std::vector<Step>>> sorted_steps_;
};

bool stronger_edge(const Graph& g, const EdgeId& a, const EdgeId& b) {
    const auto &ea = g[a], &eb = g[b];
    if (ea.count != eb.count) return ea.count > eb.count;
    if (ea.mentions != eb.mentions) return ea.mentions > eb.mentions;
    if (ea.type != eb.type) return ea.type < eb.type;
    return std::pair{boost::source(a, g), boost::target(a, g)} <
           std::pair{boost::source(b, g), boost::target(b, g)};
}

Path Search::assemble(const std::vector<VertexId>& vertices) const {
    Path path;
    path.vertices = vertices;
    int day = no_constraint;
    for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
        Hop hop;
        hop.from = vertices[i];
        hop.to = vertices[i + 1];
        std::vector<EdgeId> edges = edges_between(hop.from, hop.to);
        std::sort(edges.begin(), edges.end(),
                  [&](const EdgeId& a, const EdgeId& b) { return stronger_edge(g_.graph, a, b); });

        std::optional<std::size_t> used_edge, used_happening;
        if (options_.temporal) {
            // The happening allowing the earliest day, then the most mentioned, then the first.
            std::tuple<int, long, std::size_t> best{never, 0, 0};
            for (std::size_t j = 0; j < edges.size(); ++j)
                for (const std::size_t h : g_.graph[edges[j]].happenings) {
                    const auto& hp = g_.happenings.at(h);
                    if (!hp.date || day_number(hp.date->end) < day) continue;
                    const std::tuple<int, long, std::size_t> key{
                        std::max(day, day_number(hp.date->start)),
                        -static_cast<long>(hp.mentions), h};
                    if (key < best) {
                        best = key;
                        used_edge = j;
                        used_happening = h;
                    }
                }
            day = std::get<0>(best);
            if (day != never) hop.day = to_sys_days(day);
            if (used_edge) std::rotate(edges.begin(), edges.begin() + static_cast<long>(*used_edge),
                                       edges.begin() + static_cast<long>(*used_edge) + 1);
        }
        for (std::size_t j = 0; j < edges.size(); ++j) {
            Relation r{edges[j], std::nullopt, std::nullopt};
            r.happening = (j == 0 && used_happening) ? used_happening
                                                     : strongest_happening(g_, edges[j]);
            if (r.happening) r.report = strongest_report(g_, *r.happening);
            hop.relations.push_back(r);
        }
        path.hops.push_back(std::move(hop));
    }
    if (options_.temporal && !path.hops.empty()) path.arrival = path.hops.back().day;
    return path;
}

// What Yen's algorithm ranks paths by: (arrival, hops) for time-respecting
// paths, (0, hops) otherwise; then the vertex sequence.
using Candidate = std::tuple<int, std::size_t, std::vector<VertexId>>;

Candidate candidate(const Search& search, std::vector<VertexId> vertices) {
    const std::size_t hops = vertices.size() - 1;
    const int arrival = search.options().temporal ? search.arrival_along(vertices, hops) : 0;
    return {arrival, hops, std::move(vertices)};
}

// Simple paths of exactly `hops` hops, depth first with neighbours in graph
// order, so they come out in vertex order.
class SimplePaths {
public:
    SimplePaths(const Search& search, VertexId to, std::size_t limit, std::vector<Path>& out)
        : search_(search), to_(to), limit_(limit), out_(out), on_path_(search.vertex_count(), 0) {}

    void run(VertexId from, std::size_t hops) {
        path_.assign(1, from);
        on_path_[from] = 1;
        extend(hops, no_constraint);
        on_path_[from] = 0;
    }

private:
    void extend(std::size_t hops_left, int day) {
        const VertexId u = path_.back();
        if (out_.size() >= limit_) return;
        if (hops_left == 0) {
            if (u == to_) out_.push_back(search_.assemble(path_));
            return;
        }
        if (u == to_) return;
        const auto& s = search_.sorted_steps(u);
        for (std::size_t i = 0; i < s.size(); ++i) {
            const VertexId w = s[i].first;
            if (on_path_[w]) continue;
            // Several edges to the same neighbour make one hop.
            const int next_day = search_.options().temporal ? search_.earliest_day(u, w, day) : day;
            while (i + 1 < s.size() && s[i + 1].first == w) ++i;
            if (next_day == never) continue;
            path_.push_back(w);
            on_path_[w] = 1;
            extend(hops_left - 1, next_day);
            on_path_[w] = 0;
            path_.pop_back();
        }
    }

    const Search& search_;
    VertexId to_;
    std::size_t limit_;
    std::vector<Path>& out_;
    std::vector<char> on_path_;
    std::vector<VertexId> path_;
};

void check_vertices(const EventGraph& g, VertexId from, VertexId to) {
    const auto n = boost::num_vertices(g.graph);
    if (from >= n || to >= n) throw usage_error("path query: no such vertex in the graph");
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::optional<std::size_t> strongest_report(const EventGraph& g, std::size_t happening) {
    std::optional<std::size_t> best;
    for (const std::size_t r : g.happenings.at(happening).reports) {
        const auto& e = g.events.at(r);
        if (!best || e.confidence > g.events[*best].confidence ||
            (e.confidence == g.events[*best].confidence && e.id < g.events[*best].id))
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

std::optional<Path> shortest_path(const EventGraph& g, VertexId from, VertexId to,
                                  const PathOptions& options) {
    check_vertices(g, from, to);
    const Search search(g, options);
    const auto vertices = search.best(search.view(nullptr, nullptr), from, to, no_constraint);
    if (!vertices) return std::nullopt;
    return search.assemble(*vertices);
}

// Yen's algorithm: each new path is the best deviation from a path already
// found. For each vertex of the last path found (the spur), the path up to
// it (the root) is kept; the root's other vertices are masked out, and so is
// the next hop of every path found so far that shares this root; the best
// path from the spur to the target in what remains completes a candidate.
// The best candidate is the next path.
std::vector<Path> k_shortest_paths(const EventGraph& g, VertexId from, VertexId to,
                                   std::size_t k, const PathOptions& options) {
    check_vertices(g, from, to);
    std::vector<Path> out;
    if (k == 0) return out;
    const Search search(g, options);
    const auto first = search.best(search.view(nullptr, nullptr), from, to, no_constraint);
    if (!first) return out;

    std::vector<std::vector<VertexId>> found{*first};
    std::set<std::vector<VertexId>> seen{*first};
    std::set<Candidate> candidates;
    std::vector<char> removed(search.vertex_count(), 0);
    while (found.size() < k) {
        const std::vector<VertexId> last = found.back();
        for (std::size_t i = 0; i + 1 < last.size(); ++i) {
            const VertexId spur = last[i];
            Cut cut;
            for (const auto& p : found)
                if (p.size() > i + 1 && std::equal(last.begin(), last.begin() + static_cast<long>(i) + 1,
                                                   p.begin()))
                    cut.insert(pair_key(p[i], p[i + 1], options.directed));
            std::fill(removed.begin(), removed.end(), 0);
            for (std::size_t j = 0; j < i; ++j) removed[last[j]] = 1;
            const int start = options.temporal ? search.arrival_along(last, i) : no_constraint;
            const auto spur_path = search.best(search.view(&cut, &removed), spur, to, start);
            if (!spur_path) continue;
            std::vector<VertexId> total(last.begin(), last.begin() + static_cast<long>(i));
            total.insert(total.end(), spur_path->begin(), spur_path->end());
            if (!seen.count(total)) candidates.insert(candidate(search, std::move(total)));
        }
        if (candidates.empty()) break;
        auto next = candidates.extract(candidates.begin());
        seen.insert(std::get<2>(next.value()));
        found.push_back(std::move(std::get<2>(next.value())));
    }
    for (const auto& p : found) out.push_back(search.assemble(p));
    return out;
}

std::vector<Path> all_simple_paths(const EventGraph& g, VertexId from, VertexId to,
                                   std::size_t max_hops, const PathOptions& options,
                                   std::size_t limit) {
    check_vertices(g, from, to);
    std::vector<Path> out;
    const Search search(g, options);
    if (from == to) {
        if (limit > 0) out.push_back(search.assemble({from}));
        return out;
    }
    SimplePaths paths(search, to, limit, out);
    // Deepening one hop at a time gives the paths by hops, and lets `limit` stop early.
    for (std::size_t hops = 1; hops <= max_hops && hops < search.vertex_count() && out.size() < limit;
         ++hops)
        paths.run(from, hops);
    return out;
}

std::vector<VertexId> find_vertices(const EventGraph& g, std::string_view name) {
    std::vector<VertexId> by_id, by_code, by_name;
    for (const auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
        const auto& x = g.graph[v];
        if (same_ignoring_case(x.id, name)) by_id.push_back(v);
        if (same_ignoring_case(x.code, name)) by_code.push_back(v);
        if (same_ignoring_case(x.name, name)) by_name.push_back(v);
    }
    if (!by_id.empty()) return by_id;
    if (!by_code.empty()) return by_code;
    return by_name;
}

}  // namespace eventgraph::query

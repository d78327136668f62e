#include "eventgraph/query/paths.hpp"

#include <algorithm>
#include <climits>
#include <functional>
#include <mutex>
#include <set>
#include <tuple>
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
// 20,000 pairs. Arcs are numbered by source then target, so each vertex's
// arcs are a run of numbers in vertex order (compressed rows).

// What searches mask out: the arcs Yen's algorithm has cut and the vertices
// of its root path, which a spur path must not pass through again.
struct Masks {
    const std::vector<char>* cut = nullptr;
    const std::vector<char>* removed = nullptr;
};

// Buffers a thread's searches reuse from one query to the next (finders of
// any size share them; each search sizes them to its graph). A vertex whose
// stamp is not the search's own has not been reached yet, so nothing is
// cleared between queries.
struct Scratch {
    std::vector<unsigned> stamp;
    unsigned now = 0;
    std::vector<VertexId> parent, queue;
    std::vector<std::size_t> distance;  // simple paths: hops to the target
    std::vector<char> on_path;
    std::vector<int> arrival, next;
    std::vector<char> done;
    std::vector<std::pair<int, VertexId>> heap;
    std::vector<VertexId> parents, changed;  // layers of parents, flat

    // A new search over n vertices: every vertex unreached.
    void start(std::size_t n) {
        if (stamp.size() < n) stamp.resize(n, 0);
        if (parent.size() < n) parent.resize(n);
        if (++now == 0) {  // wrapped: old stamps could pass for new ones
            std::fill(stamp.begin(), stamp.end(), 0);
            now = 1;
        }
    }
    bool reached(VertexId v) const { return stamp[v] == now; }
    void reach(VertexId v, VertexId from) {
        stamp[v] = now;
        parent[v] = from;
    }
};

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

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
    for (const std::size_t r : g.reports_of(g.happenings.at(happening))) {
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
        const model::DateSpan* date = g.date(hp);
        return std::tuple{-static_cast<long>(hp.mentions), !date,
                          date ? day_number(date->start) : 0, h};
    };
    for (const std::size_t h : g.graph[edge].happenings)
        if (!best || key(h) < key(*best)) best = h;
    return best;
}

class PathFinder::Index {
public:
    Index(const EventGraph& g, const PathOptions& options)
        : g_(g), options_(options), n_(boost::num_vertices(g.graph)), offsets_(n_ + 1, 0) {
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
                heads_.push_back(pair.to);
                pairs_.push_back(std::move(pair));
            }
            offsets_[u + 1] = pairs_.size();
            r = {};
        }
        if (options.directed) {
            // Arcs into each vertex, for the hop distance to a target.
            in_offsets_.assign(n_ + 1, 0);
            for (const VertexId w : heads_) ++in_offsets_[w + 1];
            for (VertexId v = 0; v < n_; ++v) in_offsets_[v + 1] += in_offsets_[v];
            tails_.resize(heads_.size());
            std::vector<std::size_t> fill(in_offsets_.begin(), in_offsets_.end() - 1);
            for (VertexId u = 0; u < n_; ++u)
                for (std::size_t a = offsets_[u]; a < offsets_[u + 1]; ++a)
                    tails_[fill[heads_[a]]++] = u;
        } else {
            for (auto& p : pairs_) p.reverse = pair_index(p.to, p.from);
        }
        if (options.temporal) {
            // Each happening's days once, read in order, rather than from each pair.
            std::vector<std::pair<int, int>> days(g.happenings.size(), {never, never});
            for (std::size_t h = 0; h < g.happenings.size(); ++h)
                if (const model::DateSpan* date = g.date(g.happenings[h]))
                    days[h] = {day_number(date->end), day_number(date->start)};
            for (auto& p : pairs_) {
                // Undirected, the arc back has the same relations, so the same timeline.
                if (!options.directed && p.to < p.from)
                    p.timeline = pairs_[p.reverse].timeline;
                else
                    p.timeline = timeline(p.edges, days);
            }
        }
        relations_.resize(pairs_.size());
        relations_once_ = std::make_unique<std::once_flag[]>(pairs_.size());
    }

    std::optional<Path> shortest(VertexId from, VertexId to) const {
        check(from, to);
        std::vector<VertexId> vertices;
        if (!best({}, from, to, no_constraint, vertices)) return std::nullopt;
        return assemble(vertices);
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
        std::vector<VertexId> first;
        if (!best({}, from, to, no_constraint, first)) return out;

        std::vector<std::vector<VertexId>> found{first};
        std::set<std::vector<VertexId>> seen{first};
        std::set<Candidate> candidates;
        std::vector<char> removed(n_, 0), cut(pairs_.size(), 0);
        std::vector<std::size_t> cut_now;
        std::vector<VertexId> spur_path;
        const Masks masks{&cut, &removed};
        while (found.size() < k) {
            const std::vector<VertexId> last = found.back();
            for (std::size_t i = 0; i + 1 < last.size(); ++i) {
                const VertexId spur = last[i];
                cut_now.clear();
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
                const bool reached = best(masks, spur, to, start, spur_path);
                for (const auto a : cut_now) cut[a] = 0;
                for (std::size_t j = 0; j < i; ++j) removed[last[j]] = 0;
                if (!reached) continue;
                std::vector<VertexId> total;
                total.reserve(i + spur_path.size());
                total.assign(last.begin(), last.begin() + static_cast<long>(i));
                total.insert(total.end(), spur_path.begin(), spur_path.end());
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
        out.reserve(found.size());
        for (const auto& p : found) out.push_back(assemble(p));
        return out;
    }

    // Depth first with neighbours in vertex order gives the paths of one
    // length in vertex order; deepening one hop at a time gives them by
    // length, and lets `limit` stop early. A vertex farther from the target
    // than the hops left is never entered (a breadth-first search back from
    // the target tells how far each is), and the last hop is looked up
    // rather than searched for, so a search with a cutoff of 2 costs one
    // look-up per neighbour of `from`.
    std::vector<Path> simple_paths(VertexId from, VertexId to, std::size_t max_hops,
                                   std::size_t limit) const {
        check(from, to);
        std::vector<Path> out;
        if (from == to) {
            if (limit > 0) out.push_back(assemble({from}));
            return out;
        }
        if (limit == 0) return out;
        max_hops = std::min(max_hops, n_ - 1);  // a simple path has fewer hops than vertices
        Scratch& s = scratch();
        distances_to(to, max_hops, s);
        const std::size_t nearest = s.distance[from];
        if (nearest > max_hops) return out;
        s.on_path.assign(n_, 0);
        Walk walk{to, limit, s.distance, s.on_path, {from}, out};
        s.on_path[from] = 1;
        for (std::size_t hops = nearest; hops <= max_hops && out.size() < limit; ++hops)
            extend(walk, hops, no_constraint);
        return out;
    }

private:
    struct Pair {
        VertexId from = 0, to = 0;
        std::vector<EdgeId> edges;  // the relations joining them this way round
        std::size_t reverse = 0;    // undirected: the arc from `to` to `from`
        Timeline timeline;          // temporal: the dated happenings of `edges`
    };

    // One simple-path search: the path so far and where it must end.
    struct Walk {
        VertexId to;
        std::size_t limit;
        const std::vector<std::size_t>& distance;
        std::vector<char>& on_path;
        std::vector<VertexId> path;
        std::vector<Path>& out;
    };

    void check(VertexId from, VertexId to) const {
        if (from >= n_ || to >= n_) throw usage_error("path query: no such vertex in the graph");
    }

    // The arc from u to w, or none.
    std::optional<std::size_t> find_arc(VertexId u, VertexId w) const {
        const auto first = heads_.begin() + static_cast<long>(offsets_[u]),
                   last = heads_.begin() + static_cast<long>(offsets_[u + 1]);
        const auto it = std::lower_bound(first, last, w);
        if (it == last || *it != w) return std::nullopt;
        return static_cast<std::size_t>(it - heads_.begin());
    }

    std::size_t pair_index(VertexId u, VertexId w) const {
        return *find_arc(u, w);  // only asked for pairs a path has used
    }

    // Hops from every vertex to `to`, up to `max_hops` (farther ones are left
    // at max_hops + 1), by a breadth-first search along arcs backwards.
    void distances_to(VertexId to, std::size_t max_hops, Scratch& s) const {
        s.distance.assign(n_, max_hops + 1);
        s.queue.clear();
        s.queue.push_back(to);
        s.distance[to] = 0;
        const auto& offsets = options_.directed ? in_offsets_ : offsets_;
        const auto& ends = options_.directed ? tails_ : heads_;
        for (std::size_t head = 0; head < s.queue.size(); ++head) {
            const VertexId w = s.queue[head];
            const std::size_t d = s.distance[w] + 1;
            if (d > max_hops) break;
            for (std::size_t a = offsets[w]; a < offsets[w + 1]; ++a) {
                const VertexId u = ends[a];
                if (s.distance[u] <= max_hops) continue;
                s.distance[u] = d;
                s.queue.push_back(u);
            }
        }
    }

    void extend(Walk& walk, std::size_t hops_left, int day) const {
        if (walk.out.size() >= walk.limit) return;
        const VertexId u = walk.path.back();
        if (hops_left == 1) {
            const auto arc = find_arc(u, walk.to);
            if (!arc) return;
            if (options_.temporal && pairs_[*arc].timeline.earliest_day(day) == never) return;
            walk.path.push_back(walk.to);
            walk.out.push_back(assemble(walk.path));
            walk.path.pop_back();
            return;
        }
        for (std::size_t a = offsets_[u]; a < offsets_[u + 1]; ++a) {
            const VertexId w = heads_[a];
            // The target only ends a path; a vertex too far cannot reach it in time.
            if (walk.on_path[w] || w == walk.to || walk.distance[w] > hops_left - 1) continue;
            const int next_day = options_.temporal ? pairs_[a].timeline.earliest_day(day) : day;
            if (next_day == never) continue;
            walk.path.push_back(w);
            walk.on_path[w] = 1;
            extend(walk, hops_left - 1, next_day);
            walk.on_path[w] = 0;
            walk.path.pop_back();
            if (walk.out.size() >= walk.limit) return;
        }
    }

    // `days`: each happening's (end, start), never for undated ones.
    Timeline timeline(const std::vector<EdgeId>& edges,
                      const std::vector<std::pair<int, int>>& days) const {
        std::vector<std::pair<int, int>> slots;  // (end, start)
        for (const auto& e : edges)
            for (const std::size_t h : g_.graph[e].happenings)
                if (days.at(h).first != never) slots.push_back(days[h]);
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

    bool usable(const Masks& m, std::size_t arc) const {
        return (!m.cut || !(*m.cut)[arc]) && (!m.removed || !(*m.removed)[heads_[arc]]);
    }

    // Fewest hops, then the smallest vertex sequence: breadth first with each
    // vertex's arcs in vertex order gives each vertex the smallest parent.
    bool fewest_hops(const Masks& m, VertexId from, VertexId to,
                     std::vector<VertexId>& path) const {
        Scratch& s = scratch();
        s.start(n_);
        s.queue.clear();
        s.queue.push_back(from);
        s.reach(from, from);
        for (std::size_t head = 0; head < s.queue.size() && !s.reached(to); ++head) {
            const VertexId u = s.queue[head];
            for (std::size_t a = offsets_[u]; a < offsets_[u + 1]; ++a) {
                const VertexId w = heads_[a];
                if (s.reached(w) || !usable(m, a)) continue;
                s.reach(w, u);
                if (w == to) break;  // its parent is settled, and with it the path
                s.queue.push_back(w);
            }
        }
        if (!s.reached(to)) return false;
        path.assign(1, to);
        for (VertexId v = to; v != from;) path.push_back(v = s.parent[v]);
        std::reverse(path.begin(), path.end());
        return true;
    }

    // The earliest arrival at `to`, by Dijkstra's algorithm on days (a later
    // start never allows an earlier day, so the first day a vertex is taken
    // from the queue is its earliest).
    int earliest_arrival_day(const Masks& m, VertexId from, VertexId to, int start) const {
        Scratch& s = scratch();
        s.arrival.assign(n_, never);
        s.done.assign(n_, 0);
        auto& heap = s.heap;
        heap.clear();
        const auto later = std::greater<>();
        s.arrival[from] = start;
        heap.emplace_back(start, from);
        while (!heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), later);
            const auto [day, u] = heap.back();
            heap.pop_back();
            if (s.done[u]) continue;
            s.done[u] = 1;
            // Nothing left in the queue can reach `to` before the day it already has.
            if (u == to || s.arrival[to] <= day) return s.arrival[to];
            for (std::size_t a = offsets_[u]; a < offsets_[u + 1]; ++a) {
                const VertexId w = heads_[a];
                // No hop arrives before the day it leaves.
                if (s.done[w] || s.arrival[w] <= day || !usable(m, a)) continue;
                const int next = pairs_[a].timeline.earliest_day(day);
                if (next < s.arrival[w] && next < s.arrival[to]) {
                    s.arrival[w] = next;
                    heap.emplace_back(next, w);
                    std::push_heap(heap.begin(), heap.end(), later);
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
    bool earliest_arrival(const Masks& m, VertexId from, VertexId to, int start,
                          std::vector<VertexId>& path) const {
        const int target_day = earliest_arrival_day(m, from, to, start);
        if (target_day == never) return false;
        Scratch& s = scratch();
        auto &arrival = s.arrival, &next = s.next;
        arrival.assign(n_, never);
        arrival[from] = start;
        // parents[h * n + v]: the vertex v was reached from at its improvement with h hops.
        auto& parents = s.parents;
        parents.assign(n_, n_);
        auto& changed = s.changed;
        changed.assign(1, from);
        std::size_t best_layer = 0;
        for (std::size_t h = 1; from != to && arrival[to] != target_day && !changed.empty(); ++h) {
            parents.resize((h + 1) * n_, n_);
            VertexId* parent = parents.data() + h * n_;
            // If this layer reaches `to` on the day, it is the last, and nothing
            // but `to`'s parent in it is ever read: look that up alone.
            int to_day = arrival[to];
            VertexId to_parent = n_;
            for (const VertexId u : changed) {
                const int leave = arrival[u];
                if (leave > target_day || leave >= to_day) continue;
                const auto arc = find_arc(u, to);
                if (!arc || !usable(m, *arc)) continue;
                const int day = pairs_[*arc].timeline.earliest_day(leave);
                if (day <= target_day && day < to_day) {
                    to_day = day;
                    to_parent = u;
                }
            }
            if (to_day == target_day) {
                parent[to] = to_parent;
                best_layer = h;
                break;
            }
            next = arrival;
            for (const VertexId u : changed) {
                const int leave = arrival[u];
                if (leave > target_day) continue;  // every hop from it arrives too late
                for (std::size_t a = offsets_[u]; a < offsets_[u + 1]; ++a) {
                    const VertexId w = heads_[a];
                    if (next[w] <= leave || !usable(m, a)) continue;  // cannot improve w
                    const int day = pairs_[a].timeline.earliest_day(leave);
                    if (day <= target_day && day < next[w]) {
                        next[w] = day;
                        parent[w] = u;
                    }
                }
            }
            changed.clear();
            for (VertexId v = 0; v < n_; ++v)
                if (parent[v] != n_) changed.push_back(v);
            best_layer = h;
            std::swap(arrival, next);
        }
        path.assign(1, to);
        std::size_t layer = best_layer;
        for (VertexId v = to; layer > 0;) {
            while (layer > 0 && parents[layer * n_ + v] == n_) --layer;
            if (layer == 0) break;
            v = parents[layer * n_ + v];
            --layer;
            path.push_back(v);
        }
        std::reverse(path.begin(), path.end());
        return true;
    }

    // The best path from `from` to `to` through what the masks leave, starting
    // no earlier than `start`, into `path`; false if there is none.
    bool best(const Masks& m, VertexId from, VertexId to, int start,
              std::vector<VertexId>& path) const {
        return options_.temporal ? earliest_arrival(m, from, to, start, path)
                                 : fewest_hops(m, from, to, path);
    }

    // The day of the last of the first `hops` hops of a path, taking the
    // earliest feasible day at each; never if they are not time-respecting.
    int arrival_along(const std::vector<VertexId>& vertices, std::size_t hops) const {
        int day = no_constraint;
        for (std::size_t i = 0; i < hops && day != never; ++i)
            day = pairs_[pair_index(vertices[i], vertices[i + 1])].timeline.earliest_day(day);
        return day;
    }

    // The relations of an arc, strongest first, each with its strongest
    // happening and report: what a hop lists without time. Worked out the
    // first time a query meets the arc and kept (queries may run in parallel).
    const std::vector<Relation>& arc_relations(std::size_t arc) const {
        std::call_once(relations_once_[arc], [&] {
            std::vector<EdgeId> edges = pairs_[arc].edges;
            std::sort(edges.begin(), edges.end(), [&](const EdgeId& a, const EdgeId& b) {
                return stronger_edge(g_.graph, a, b);
            });
            auto& out = relations_[arc];
            out.reserve(edges.size());
            for (const auto& e : edges) {
                Relation r{e, strongest_happening(g_, e), std::nullopt};
                if (r.happening) r.report = strongest_report(g_, *r.happening);
                out.push_back(r);
            }
        });
        return relations_[arc];
    }

    Path assemble(const std::vector<VertexId>& vertices) const {
        Path path;
        path.vertices = vertices;
        path.hops.reserve(vertices.size() - 1);
        int day = no_constraint;
        for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
            Hop hop;
            hop.from = vertices[i];
            hop.to = vertices[i + 1];
            const std::size_t arc = pair_index(hop.from, hop.to);
            hop.relations = arc_relations(arc);
            if (options_.temporal) {
                // The happening allowing the earliest day, then the most mentioned, then the first.
                std::optional<std::size_t> used_edge, used_happening;
                std::tuple<int, long, std::size_t> earliest{never, 0, 0};
                for (std::size_t j = 0; j < hop.relations.size(); ++j)
                    for (const std::size_t h : g_.graph[hop.relations[j].edge].happenings) {
                        const auto& hp = g_.happenings.at(h);
                        const model::DateSpan* date = g_.date(hp);
                        if (!date || day_number(date->end) < day) continue;
                        const std::tuple<int, long, std::size_t> key{
                            std::max(day, day_number(date->start)), -static_cast<long>(hp.mentions),
                            h};
                        if (key < earliest) {
                            earliest = key;
                            used_edge = j;
                            used_happening = h;
                        }
                    }
                day = std::get<0>(earliest);
                if (day != never) hop.day = to_sys_days(day);
                if (used_edge) {
                    auto& r = hop.relations;
                    std::rotate(r.begin(), r.begin() + static_cast<long>(*used_edge),
                                r.begin() + static_cast<long>(*used_edge) + 1);
                    r.front().happening = used_happening;
                    r.front().report = strongest_report(g_, *used_happening);
                }
            }
            path.hops.push_back(std::move(hop));
        }
        if (options_.temporal && !path.hops.empty()) path.arrival = path.hops.back().day;
        return path;
    }

    const EventGraph& g_;
    PathOptions options_;
    std::size_t n_;
    std::vector<Pair> pairs_;              // by arc number
    std::vector<std::size_t> offsets_;     // the arcs from u are offsets_[u] … offsets_[u + 1]
    std::vector<VertexId> heads_;          // by arc number: where it goes
    std::vector<std::size_t> in_offsets_;  // directed: the arcs into v, as tails_
    std::vector<VertexId> tails_;          // directed: where the arcs into each vertex come from
    mutable std::vector<std::vector<Relation>> relations_;  // by arc, once worked out
    std::unique_ptr<std::once_flag[]> relations_once_;
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

#include "eventgraph/graph/graph.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <tuple>

namespace eventgraph::graph {

using model::Actor;
using model::DateSpan;
using model::Event;

std::string vertex_key(const Actor& actor, Level level) {
    if (level == Level::actor) return actor.id.empty() ? actor.code : actor.id;
    if (level == Level::cameo && !actor.cameo.empty()) return actor.cameo;
    return actor.code.empty() ? actor.id : actor.code;
}

std::string source_key(const std::optional<Actor>& source, Level level) {
    return source ? vertex_key(*source, level) : unknown_vertex_id;
}

std::string_view article_page(std::string_view article) {
    return article.substr(0, article.find('#'));
}

const char* to_string(Level level) {
    switch (level) {
        case Level::code:
            return "code";
        case Level::actor:
            return "actor";
        case Level::cameo:
            return "cameo";
    }
    return "code";
}

namespace {

int day_number(date::year_month_day d) {
    return static_cast<int>(date::sys_days(d).time_since_epoch().count());
}

// An explicit date is worth more than a relative one, which is worth more
// than the article's own date.
int basis_rank(model::DateBasis b) {
    switch (b) {
        case model::DateBasis::explicit_date:
            return 0;
        case model::DateBasis::relative:
            return 1;
        case model::DateBasis::publication:
            return 2;
    }
    return 3;
}

// Events in id order; ties broken on enough of the rest that the order does
// not depend on the input's.
using Str = const std::string&;
std::tuple<Str, Str, int, std::size_t, Str, Str, Str, model::Polarity, Str, int, double, Str>
event_order_key(const Event& e) {
    static const std::string none;
    return {e.id,
            e.article,
            e.evidence.sentence,
            e.evidence.begin,
            e.type,
            e.source ? e.source->id : none,
            e.target ? e.target->id : none,
            e.polarity,
            e.evidence.text,
            e.date ? day_number(e.date->start) : 0,
            e.confidence,
            e.mode};
}

// The first 16 bytes of a string as two big-endian numbers: sorting on them
// sorts by the string's start without chasing a pointer per comparison.
std::pair<std::uint64_t, std::uint64_t> prefix_key(const std::string& s) {
    std::uint64_t hi = 0, lo = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        const std::uint64_t c = i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
        (i < 8 ? hi : lo) = ((i < 8 ? hi : lo) << 8) | c;
    }
    return {hi, lo};
}

std::vector<Event> sorted_unique(std::vector<Event> events) {
    struct Key {
        std::uint64_t hi, lo;
        std::size_t index;
    };
    std::vector<Key> keys(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto [hi, lo] = prefix_key(events[i].id);
        keys[i] = {hi, lo, i};
    }
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        if (a.hi != b.hi) return a.hi < b.hi;
        if (a.lo != b.lo) return a.lo < b.lo;
        return event_order_key(events[a.index]) < event_order_key(events[b.index]);
    });
    // Permuted in place, cycle by cycle: a second vector of a million events
    // would cost more in fresh memory than the moves themselves.
    std::vector<std::size_t> from(events.size());
    for (std::size_t i = 0; i < keys.size(); ++i) from[i] = keys[i].index;
    keys = {};
    for (std::size_t start = 0; start < from.size(); ++start) {
        if (from[start] == start) continue;
        Event held = std::move(events[start]);
        std::size_t at = start;
        while (from[at] != start) {
            events[at] = std::move(events[from[at]]);
            const std::size_t next = from[at];
            from[at] = at;
            at = next;
        }
        events[at] = std::move(held);
        from[at] = at;
    }
    const auto duplicate =
        std::unique(events.begin(), events.end(), [](const Event& a, const Event& b) {
            return !b.id.empty() && a.id == b.id && a.article == b.article;
        });
    events.erase(duplicate, events.end());
    return events;
}

// What is known of an actor id from the events: the first mention (in event
// order) gives its name, kind and code.
struct Known {
    std::string name;
    std::string code;
    model::ActorKind kind = model::ActorKind::country;
};

// Without an actor of that id in the events, a three-letter code is taken
// for a country (ISO 3166-1 alpha-3), anything else for an organisation.
model::ActorKind guess_kind(const std::string& code) {
    const bool three_letters =
        code.size() == 3 &&
        std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return three_letters ? model::ActorKind::country : model::ActorKind::organisation;
}

// One report, reduced to what grouping needs.
struct Report {
    int type = 0;
    int source = 0;
    int target = -1;  // none
    int polarity = 0;
    bool dated = false;
    int start = 0, end = 0;
    int basis = 0;
    std::size_t event = 0;

    int length() const { return end - start; }
    auto group() const { return std::make_tuple(type, source, target, polarity); }
};

struct Cluster {
    std::vector<std::size_t> reports;  // event indices
    // The narrowest report on the surest basis: its date is the happening's.
    std::size_t founder = 0;
    int type = 0, source = 0, target = -1;  // interned, as in Report
    bool dated = false;
    int start = 0, end = 0;
};

// Groups the reports of one key into happenings (see build_graph's doc).
// `reports` are sorted: dated before undated, narrowest span first.
void cluster_group(const std::vector<Report>& reports, std::vector<Cluster>& out) {
    const std::size_t first = out.size();
    std::multimap<int, std::size_t> by_start;  // start day → index in out
    int widest = 0;                            // the widest span found so far, to bound the search
    std::size_t dated = 0;
    std::optional<std::size_t> undated;
    for (const Report& r : reports) {
        if (!r.dated) {
            if (dated == 1) {
                out[first].reports.push_back(r.event);
            } else {
                if (!undated) {
                    undated = out.size();
                    out.emplace_back();
                    out.back().founder = r.event;
                }
                out[*undated].reports.push_back(r.event);
            }
            continue;
        }
        std::optional<std::size_t> best;
        const auto lo = by_start.lower_bound(r.start - widest), hi = by_start.upper_bound(r.end);
        for (auto it = lo; it != hi; ++it) {
            const Cluster& c = out[it->second];
            if (c.end < r.start) continue;
            if (!best || c.reports.size() > out[*best].reports.size() ||
                (c.reports.size() == out[*best].reports.size() && c.start < out[*best].start))
                best = it->second;
        }
        if (best) {
            out[*best].reports.push_back(r.event);
            continue;
        }
        Cluster c;
        c.dated = true;
        c.start = r.start;
        c.end = r.end;
        c.reports.push_back(r.event);
        c.founder = r.event;
        by_start.emplace(r.start, out.size());
        widest = std::max(widest, r.length());
        out.push_back(std::move(c));
        ++dated;
    }
}

class Interner {
public:
    int operator()(const std::string& s) {
        const auto [it, added] = index_.try_emplace(s, static_cast<int>(names_.size()));
        if (added) names_.push_back(s);
        return it->second;
    }
    const std::vector<std::string>& names() const { return names_; }

private:
    std::unordered_map<std::string, int> index_;
    std::vector<std::string> names_;
};

struct EdgeKey {
    VertexId source, target;
    std::string type;
    bool asserted;
    bool operator<(const EdgeKey& o) const {
        return std::tie(source, target, type, o.asserted) <
               std::tie(o.source, o.target, o.type, asserted);
    }
};

template <typename T>
void sort_unique(std::vector<T>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

EventGraph build_graph(std::vector<Event> input, Level level) {
    EventGraph g;
    g.level = level;
    g.events = sorted_unique(std::move(input));
    const auto& events = g.events;

    // What the events tell of each actor id, in event order.
    std::unordered_map<std::string, Known> known;
    const auto learn = [&](const Actor& a) {
        if (a.id.empty()) return;
        known.try_emplace(
            a.id, Known{a.name.empty() ? a.id : a.name, a.code.empty() ? a.id : a.code, a.kind});
        // A CAMEO code that is no actor's id (RUSGOV) is named by itself, of
        // its actor's code, an agent of it unless an organisation's own.
        if (level == Level::cameo && !a.cameo.empty() && a.cameo != a.id) {
            const bool agent = a.kind == model::ActorKind::person ||
                               a.kind == model::ActorKind::agent ||
                               a.kind == model::ActorKind::country;
            known.try_emplace(a.cameo, Known{a.cameo, a.code.empty() ? a.id : a.code,
                                             agent ? model::ActorKind::agent : a.kind});
        }
    };
    for (const Event& e : events) {
        if (e.source) learn(*e.source);
        if (e.target) learn(*e.target);
        if (e.attributed_to) learn(*e.attributed_to);
        if (e.location) learn(*e.location);
    }
    // The vertex an id stands for at the level: a code's name is the name of
    // the actor whose id is the code, if the events have one.
    const auto vertex_of = [&](const std::string& id) {
        Vertex v;
        v.id = id;
        if (id == unknown_vertex_id) {
            v.code = id;
            v.name = "unknown actor";
            v.kind = model::ActorKind::unknown;
            return v;
        }
        if (const auto it = known.find(id); it != known.end()) {
            v.code = it->second.code;
            v.name = it->second.name;
            v.kind = it->second.kind;
        } else {
            v.code = id;
            v.name = id;
            v.kind = guess_kind(id);
        }
        if (level == Level::code) v.code = id;
        return v;
    };

    Interner types, vertices;
    std::vector<Report> reports(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        Report& r = reports[i];
        r.event = i;
        r.type = types(e.type);
        r.source = vertices(source_key(e.source, level));
        if (e.target) r.target = vertices(vertex_key(*e.target, level));
        r.polarity = static_cast<int>(e.polarity);
        if (e.date) {
            r.dated = true;
            r.start = day_number(e.date->start);
            r.end = std::max(r.start, day_number(e.date->end));
            r.basis = basis_rank(e.date->basis);
        }
    }
    std::sort(reports.begin(), reports.end(), [](const Report& a, const Report& b) {
        return std::make_tuple(a.group(), !a.dated, a.length(), a.basis, a.start, a.event) <
               std::make_tuple(b.group(), !b.dated, b.length(), b.basis, b.start, b.event);
    });

    std::vector<Cluster> clusters;
    std::vector<Report> group;
    for (std::size_t i = 0; i < reports.size();) {
        std::size_t j = i;
        while (j < reports.size() && reports[j].group() == reports[i].group()) ++j;
        group.assign(reports.begin() + static_cast<std::ptrdiff_t>(i),
                     reports.begin() + static_cast<std::ptrdiff_t>(j));
        const std::size_t before = clusters.size();
        cluster_group(group, clusters);
        for (std::size_t k = before; k < clusters.size(); ++k) {
            clusters[k].type = group.front().type;
            clusters[k].source = group.front().source;
            clusters[k].target = group.front().target;
        }
        i = j;
    }

    // Vertices in id order; interned index → final vertex.
    std::vector<std::string> ids = vertices.names();
    if (level == Level::actor)
        for (const auto& id : vertices.names()) {
            const Vertex v = vertex_of(id);
            if (!v.code.empty() && v.code != id) ids.push_back(v.code);
        }
    sort_unique(ids);
    for (const auto& id : ids) {
        const VertexId v = boost::add_vertex(vertex_of(id), g.graph);
        g.vertex_by_id.emplace(id, v);
    }
    std::vector<VertexId> vertex_of_index(vertices.names().size());
    for (std::size_t i = 0; i < vertex_of_index.size(); ++i)
        vertex_of_index[i] = g.vertex_by_id.at(vertices.names()[i]);

    // At Level::code the code's vertex stands in for the actor.
    std::vector<std::optional<Actor>> levelled_cache(vertices.names().size());
    const auto levelled = [&](const Actor& a, int index) -> Actor {
        if (level == Level::actor) return a;
        auto& cached = levelled_cache[static_cast<std::size_t>(index)];
        if (!cached) {
            const Vertex& v = g.graph[vertex_of_index[static_cast<std::size_t>(index)]];
            cached = Actor{
                v.id,        v.code, v.name, v.kind, "", "", level == Level::cameo ? v.id : "",
                std::nullopt};
        }
        return *cached;
    };

    // Happenings in date order (undated last), then by what they are,
    // ordered before they are made, so that each is made once in its place.
    // Ranks: vertices by id (their final index), types by name.
    std::vector<int> type_rank(types.names().size());
    {
        std::vector<int> by_name(types.names().size());
        std::iota(by_name.begin(), by_name.end(), 0);
        const auto name = [&](int t) -> const std::string& {
            return types.names()[static_cast<std::size_t>(t)];
        };
        std::sort(by_name.begin(), by_name.end(), [&](int a, int b) { return name(a) < name(b); });
        for (std::size_t r = 0; r < by_name.size(); ++r)
            type_rank[static_cast<std::size_t>(by_name[r])] = static_cast<int>(r);
    }
    struct Order {
        bool undated;
        int start, length, type;
        std::size_t source, target;  // target: vertex index + 1, 0 for none
        int polarity;
        std::size_t index;
        auto key() const {
            return std::tie(undated, start, length, type, source, target, polarity);
        }
    };
    std::vector<Order> order(clusters.size());
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        Cluster& c = clusters[i];
        std::sort(c.reports.begin(), c.reports.end());
        const auto& d = events[c.founder].date;
        const int start = d ? day_number(d->start) : 0;
        order[i] = {!d,
                    start,
                    d ? day_number(d->end) - start : 0,
                    type_rank[static_cast<std::size_t>(c.type)],
                    vertex_of_index[static_cast<std::size_t>(c.source)],
                    c.target < 0 ? 0 : vertex_of_index[static_cast<std::size_t>(c.target)] + 1,
                    static_cast<int>(events[c.founder].polarity),
                    i};
    }
    std::sort(order.begin(), order.end(), [&](const Order& a, const Order& b) {
        if (a.key() != b.key()) return a.key() < b.key();
        // The happening's id is its first report's (reports are in id order).
        return events[clusters[a.index].reports.front()].id <
               events[clusters[b.index].reports.front()].id;
    });

    g.happenings.reserve(clusters.size());
    std::vector<const Cluster*> cluster_of;
    cluster_of.reserve(clusters.size());
    std::vector<std::string_view> pages;
    for (const Order& o : order) {
        Cluster& c = clusters[o.index];
        cluster_of.push_back(&c);
        Happening h;
        h.reports = std::move(c.reports);
        const Event& first = events[h.reports.front()];
        h.id = first.id;
        h.type = first.type;
        h.quad = first.quad;
        for (const std::size_t r : h.reports)
            if (!events[r].mode.empty()) {
                h.mode = events[r].mode;
                break;
            }
        if (first.source) h.source = levelled(*first.source, c.source);
        if (first.target) h.target = levelled(*first.target, c.target);
        h.polarity = first.polarity;
        h.date = events[c.founder].date;
        h.mentions = h.reports.size();
        pages.clear();
        for (const std::size_t r : h.reports) pages.push_back(article_page(events[r].article));
        sort_unique(pages);
        h.sources = pages.size();
        g.happenings.push_back(std::move(h));
    }

    // Relations: one edge per source, target, type and polarity class.
    struct Slot {
        VertexId source, target;
        int type;
        bool asserted;
        Edge edge;
        std::vector<std::string_view> articles, attributions;
    };
    struct SlotKey {
        VertexId source, target;
        int type;
        bool asserted;
        bool operator==(const SlotKey&) const = default;
    };
    struct SlotHash {
        std::size_t operator()(const SlotKey& k) const noexcept {
            std::uint64_t h = k.source * 0x9E3779B97F4A7C15ULL;
            h ^= (k.target + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2));
            h ^= (static_cast<std::uint64_t>(k.type) * 2 + k.asserted + (h << 6) + (h >> 2));
            return static_cast<std::size_t>(h);
        }
    };
    std::vector<Slot> slots;
    std::unordered_map<SlotKey, std::size_t, SlotHash> slot_of;
    const auto attribution_key = [&](const Actor& a) -> const std::string& {
        if (level == Level::actor) return a.id.empty() ? a.code : a.id;
        if (level == Level::cameo && !a.cameo.empty()) return a.cameo;
        return a.code.empty() ? a.id : a.code;
    };
    for (std::size_t i = 0; i < g.happenings.size(); ++i) {
        const Happening& h = g.happenings[i];
        const Cluster& c = *cluster_of[i];
        if (!h.target) continue;
        const SlotKey key{vertex_of_index[static_cast<std::size_t>(c.source)],
                          vertex_of_index[static_cast<std::size_t>(c.target)], c.type,
                          h.polarity == model::Polarity::asserted};
        const auto [it, added] = slot_of.try_emplace(key, slots.size());
        const std::size_t index = it->second;
        if (added) {
            Slot s{key.source, key.target, key.type, key.asserted, {}, {}, {}};
            s.edge.type = h.type;
            s.edge.quad = h.quad;
            s.edge.asserted = key.asserted;
            slots.push_back(std::move(s));
        }
        Edge& e = slots[index].edge;
        ++e.count;
        e.mentions += h.mentions;
        e.happenings.push_back(i);
        if (h.date) {
            // Happenings are in date order, so the first dated one is the earliest.
            if (!e.first) e.first = h.date;
            if (!e.last || std::make_pair(day_number(h.date->start), day_number(h.date->end)) >=
                               std::make_pair(day_number(e.last->start), day_number(e.last->end)))
                e.last = h.date;
        }
        for (const std::size_t r : h.reports) {
            const Event& ev = events[r];
            slots[index].articles.push_back(ev.article);
            if (ev.attributed_to)
                slots[index].attributions.push_back(attribution_key(*ev.attributed_to));
        }
    }
    clusters.clear();
    const int member_of = -1;
    if (level == Level::actor)
        for (const auto& [id, v] : g.vertex_by_id) {
            const Vertex& vx = g.graph[v];
            if (vx.code.empty() || vx.code == id) continue;
            Slot s{v, g.vertex_by_id.at(vx.code), member_of, true, {}, {}, {}};
            s.edge.type = "member-of";
            s.edge.weight = 1;
            slots.push_back(std::move(s));
        }
    const auto rank = [&](const Slot& s) -> const std::string& {
        // "member-of" sorts among the type names as its name says.
        return s.type == member_of ? s.edge.type : types.names()[static_cast<std::size_t>(s.type)];
    };
    std::vector<std::size_t> edge_order(slots.size());
    std::iota(edge_order.begin(), edge_order.end(), std::size_t{0});
    std::sort(edge_order.begin(), edge_order.end(), [&](std::size_t a, std::size_t b) {
        const Slot& x = slots[a];
        const Slot& y = slots[b];
        if (x.source != y.source) return x.source < y.source;
        if (x.target != y.target) return x.target < y.target;
        if (x.type != y.type) return rank(x) < rank(y);
        return x.asserted && !y.asserted;
    });
    for (const std::size_t k : edge_order) {
        Slot& s = slots[k];
        sort_unique(s.articles);
        sort_unique(s.attributions);
        s.edge.articles.assign(s.articles.begin(), s.articles.end());
        s.edge.attributions.assign(s.attributions.begin(), s.attributions.end());
        if (s.edge.type != "member-of") s.edge.weight = static_cast<double>(s.edge.count);
        boost::add_edge(s.source, s.target, s.edge, g.graph);  // (Boost copies the property)
    }
    return g;
}

}  // namespace eventgraph::graph

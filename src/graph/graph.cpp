#include "eventgraph/graph/graph.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

namespace eventgraph::graph {

using model::Actor;
using model::DateSpan;
using model::Event;

std::string vertex_key(const Actor& actor, Level level) {
    if (level == Level::actor) return actor.id.empty() ? actor.code : actor.id;
    return actor.code.empty() ? actor.id : actor.code;
}

std::string_view article_page(std::string_view article) {
    return article.substr(0, article.find('#'));
}

const char* to_string(Level level) { return level == Level::code ? "code" : "actor"; }

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
            e.source.id,
            e.target ? e.target->id : none,
            e.polarity,
            e.evidence.text,
            e.date ? day_number(e.date->start) : 0,
            e.confidence,
            e.mode};
}

std::vector<Event> sorted_unique(std::vector<Event> events) {
    std::vector<std::size_t> order(events.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return event_order_key(events[a]) < event_order_key(events[b]);
    });
    std::vector<Event> out;
    out.reserve(events.size());
    for (const std::size_t i : order) {
        Event& e = events[i];
        if (!out.empty() && !e.id.empty() && out.back().id == e.id &&
            out.back().article == e.article)
            continue;
        out.push_back(std::move(e));
    }
    return out;
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
    std::size_t founder =
        0;  // the narrowest report on the surest basis: its date is the happening's
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
    };
    for (const Event& e : events) {
        learn(e.source);
        if (e.target) learn(*e.target);
        if (e.attributed_to) learn(*e.attributed_to);
        if (e.location) learn(*e.location);
    }
    // The vertex an id stands for at the level: a code's name is the name of
    // the actor whose id is the code, if the events have one.
    const auto vertex_of = [&](const std::string& id) {
        Vertex v;
        v.id = id;
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
        r.source = vertices(vertex_key(e.source, level));
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
        cluster_group(group, clusters);
        i = j;
    }

    // Levelled actors: at Level::code the code's vertex stands in for the actor.
    const auto levelled = [&](const Actor& a) {
        if (level == Level::actor) return a;
        const Vertex v = vertex_of(vertex_key(a, level));
        return Actor{v.id, v.code, v.name, v.kind, "", ""};
    };

    g.happenings.reserve(clusters.size());
    std::vector<std::string_view> pages;
    for (Cluster& c : clusters) {
        std::sort(c.reports.begin(), c.reports.end());
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
        h.source = levelled(first.source);
        if (first.target) h.target = levelled(*first.target);
        h.polarity = first.polarity;
        h.date = events[c.founder].date;
        h.mentions = h.reports.size();
        pages.clear();
        for (const std::size_t r : h.reports) pages.push_back(article_page(events[r].article));
        sort_unique(pages);
        h.sources = pages.size();
        g.happenings.push_back(std::move(h));
    }
    clusters.clear();

    std::sort(g.happenings.begin(), g.happenings.end(), [](const Happening& a, const Happening& b) {
        const auto key = [](const Happening& h) {
            static const std::string none;
            const int start = h.date ? day_number(h.date->start) : 0;
            const int length = h.date ? day_number(h.date->end) - start : 0;
            return std::tuple<bool, int, int, Str, Str, Str, model::Polarity, Str>(
                !h.date.has_value(), start, length, h.type, h.source.id,
                h.target ? h.target->id : none, h.polarity, h.id);
        };
        return key(a) < key(b);
    });

    // Vertices in id order.
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

    // Relations: one edge per source, target, type and polarity class.
    std::map<EdgeKey, Edge> edges;
    for (std::size_t i = 0; i < g.happenings.size(); ++i) {
        const Happening& h = g.happenings[i];
        if (!h.target) continue;
        const EdgeKey key{g.vertex_by_id.at(h.source.id), g.vertex_by_id.at(h.target->id), h.type,
                          h.polarity == model::Polarity::asserted};
        auto [it, added] = edges.try_emplace(key);
        Edge& e = it->second;
        if (added) {
            e.type = h.type;
            e.quad = h.quad;
            e.asserted = key.asserted;
        }
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
            e.articles.push_back(ev.article);
            if (ev.attributed_to) e.attributions.push_back(vertex_key(*ev.attributed_to, level));
        }
    }
    if (level == Level::actor)
        for (const auto& [id, v] : g.vertex_by_id) {
            const Vertex& vx = g.graph[v];
            if (vx.code.empty() || vx.code == id) continue;
            Edge e;
            e.type = "member-of";
            e.weight = 1;
            edges.emplace(EdgeKey{v, g.vertex_by_id.at(vx.code), e.type, true}, std::move(e));
        }
    for (auto& [key, e] : edges) {
        sort_unique(e.articles);
        sort_unique(e.attributions);
        if (e.type != "member-of") e.weight = static_cast<double>(e.count);
        boost::add_edge(key.source, key.target, std::move(e), g.graph);
    }
    return g;
}

}  // namespace eventgraph::graph

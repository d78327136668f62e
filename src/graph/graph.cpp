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

std::string source_key(const Actor* source, Level level) {
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

// What of an event not kept whole the order needs beyond its record: the
// sentence's text by its hash (events equal up to it are told apart by it,
// not by the text's order).
struct Tie {
    int sentence = 0;
    std::size_t begin = 0;
    std::uint64_t text = 0;
};

std::uint64_t text_hash(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h;
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

// Permuted in place, cycle by cycle: a second vector of a million events
// would cost more in fresh memory than the moves themselves.
template <typename T>
void permute(std::vector<T>& v, std::vector<std::size_t> from) {
    for (std::size_t start = 0; start < from.size(); ++start) {
        if (from[start] == start) continue;
        T held = std::move(v[start]);
        std::size_t at = start;
        while (from[at] != start) {
            v[at] = std::move(v[from[at]]);
            const std::size_t next = from[at];
            from[at] = at;
            at = next;
        }
        v[at] = std::move(held);
        from[at] = at;
    }
}

// Sorts the records (and the events, when kept) into event order and drops a
// second event with the id and article of an earlier one.
void sort_unique(EventGraph& g, const std::vector<Tie>& ties) {
    auto& reports = g.reports;
    const bool kept = !g.events.empty();
    struct Key {
        std::uint64_t hi, lo;
        std::size_t index;
    };
    std::vector<Key> keys(reports.size());
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const auto [hi, lo] = prefix_key(reports[i].id);
        keys[i] = {hi, lo, i};
    }
    static const std::string no_actor;
    const auto record_key = [&](std::size_t i) {
        const Report& r = reports[i];
        const Tie& t = ties[i];
        const DateSpan* d = g.date(r.date);
        return std::tuple<Str, Str, int, std::size_t, Str, Str, Str, model::Polarity,
                          std::string_view, std::uint64_t, int, double, Str>{
            r.id,
            g.articles[r.article],
            t.sentence,
            t.begin,
            g.types[r.type],
            r.source == none ? no_actor : g.actors[r.source].id,
            r.target == none ? no_actor : g.actors[r.target].id,
            r.polarity,
            g.text(r),
            t.text,
            d ? day_number(d->start) : 0,
            r.confidence,
            g.modes[r.mode]};
    };
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        if (a.hi != b.hi) return a.hi < b.hi;
        if (a.lo != b.lo) return a.lo < b.lo;
        if (kept) return event_order_key(g.events[a.index]) < event_order_key(g.events[b.index]);
        return record_key(a.index) < record_key(b.index);
    });
    std::vector<std::size_t> from(reports.size());
    for (std::size_t i = 0; i < keys.size(); ++i) from[i] = keys[i].index;
    keys = {};
    if (kept) permute(g.events, from);
    permute(reports, std::move(from));
    std::size_t out = 0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        if (out > 0 && !reports[i].id.empty() && reports[i].id == reports[out - 1].id &&
            reports[i].article == reports[out - 1].article)
            continue;
        if (out != i) {
            reports[out] = std::move(reports[i]);
            if (kept) g.events[out] = std::move(g.events[i]);
        }
        ++out;
    }
    reports.resize(out);
    if (kept) g.events.resize(out);
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
struct Grouped {
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
    int type = 0, source = 0, target = -1;  // interned, as in Grouped
    bool dated = false;
    int start = 0, end = 0;
};

// Groups the reports of one key into happenings (see build_graph's doc).
// `reports` are sorted: dated before undated, narrowest span first.
void cluster_group(const std::vector<Grouped>& reports, std::vector<Cluster>& out) {
    const std::size_t first = out.size();
    std::multimap<int, std::size_t> by_start;  // start day → index in out
    int widest = 0;                            // the widest span found so far, to bound the search
    std::size_t dated = 0;
    std::optional<std::size_t> undated;
    for (const Grouped& r : reports) {
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

// The graph of the records in `g` (see build_graph's doc).
void build(EventGraph& g, std::vector<Tie>& ties) {
    const Level level = g.level;
    sort_unique(g, ties);
    ties = {};
    const auto& records = g.reports;
    const std::size_t table_actors = g.actors.size();  // the levelled ones come after

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
    // Learning an actor again changes nothing: each is learnt once.
    std::vector<char> learnt(table_actors, 0);
    const auto learn_index = [&](Index i) {
        if (i == none || learnt[i]) return;
        learnt[i] = 1;
        learn(g.actors[i]);
    };
    for (const Report& r : records) {
        learn_index(r.source);
        learn_index(r.target);
        learn_index(r.attributed_to);
        learn_index(r.location);
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

    // Interned in event order, as the strings first come (the order of
    // groups below follows it).
    Interner types, vertices;
    std::vector<int> type_of(g.types.size(), -1), vertex_of_actor(table_actors, -1);
    int unknown_vertex = -1;
    const auto vertex_index = [&](Index actor) {
        if (actor == none) {
            if (unknown_vertex < 0) unknown_vertex = vertices(unknown_vertex_id);
            return unknown_vertex;
        }
        int& v = vertex_of_actor[actor];
        if (v < 0) v = vertices(vertex_key(g.actors[actor], level));
        return v;
    };
    std::vector<Grouped> reports(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Report& e = records[i];
        Grouped& r = reports[i];
        r.event = i;
        int& t = type_of[e.type];
        if (t < 0) t = types(g.types[e.type]);
        r.type = t;
        r.source = vertex_index(e.source);
        if (e.target != none) r.target = vertex_index(e.target);
        r.polarity = static_cast<int>(e.polarity);
        if (const DateSpan* d = g.date(e.date)) {
            r.dated = true;
            r.start = day_number(d->start);
            r.end = std::max(r.start, day_number(d->end));
            r.basis = basis_rank(d->basis);
        }
    }
    std::sort(reports.begin(), reports.end(), [](const Grouped& a, const Grouped& b) {
        return std::make_tuple(a.group(), !a.dated, a.length(), a.basis, a.start, a.event) <
               std::make_tuple(b.group(), !b.dated, b.length(), b.basis, b.start, b.event);
    });

    std::vector<Cluster> clusters;
    std::vector<Grouped> group;
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
    reports = {};  // a million of them are worth freeing before the happenings are made
    group = {};

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
    std::vector<Index> levelled_cache(vertices.names().size(), none);
    const auto levelled = [&](Index a, int index) -> Index {
        if (level == Level::actor) return a;
        auto& cached = levelled_cache[static_cast<std::size_t>(index)];
        if (cached == none) {
            const Vertex& v = g.graph[vertex_of_index[static_cast<std::size_t>(index)]];
            cached = static_cast<Index>(g.actors.size());
            g.actors.push_back(Actor{v.id, v.code, v.name, v.kind, "", "",
                                     level == Level::cameo ? v.id : "", std::nullopt});
        }
        return cached;
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
        std::uint32_t source, target;  // target: vertex index + 1, 0 for none
        int polarity;
        std::uint32_t index;
        auto key() const {
            return std::tie(undated, start, length, type, source, target, polarity);
        }
    };
    std::vector<Order> order(clusters.size());
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        Cluster& c = clusters[i];
        std::sort(c.reports.begin(), c.reports.end());
        const DateSpan* d = g.date(records[c.founder].date);
        const int start = d ? day_number(d->start) : 0;
        order[i] = {!d,
                    start,
                    d ? day_number(d->end) - start : 0,
                    type_rank[static_cast<std::size_t>(c.type)],
                    static_cast<std::uint32_t>(vertex_of_index[static_cast<std::size_t>(c.source)]),
                    c.target < 0 ? 0
                                 : static_cast<std::uint32_t>(
                                       vertex_of_index[static_cast<std::size_t>(c.target)] + 1),
                    static_cast<int>(records[c.founder].polarity),
                    static_cast<std::uint32_t>(i)};
    }
    std::sort(order.begin(), order.end(), [&](const Order& a, const Order& b) {
        if (a.key() != b.key()) return a.key() < b.key();
        // The happening's id is its first report's (reports are in id order).
        return records[clusters[a.index].reports.front()].id <
               records[clusters[b.index].reports.front()].id;
    });

    g.happenings.reserve(clusters.size());
    struct Of {
        int type, source, target;
    };
    std::vector<Of> cluster_of;  // what the relations need of each happening's cluster
    cluster_of.reserve(clusters.size());
    std::vector<std::string_view> pages;
    for (const Order& o : order) {
        Cluster& c = clusters[o.index];
        cluster_of.push_back({c.type, c.source, c.target});
        Happening h;
        h.reports = std::move(c.reports);
        const Report& first = records[h.reports.front()];
        h.id = first.id;
        h.type = g.types[first.type];
        h.quad = first.quad;
        for (const std::size_t r : h.reports)
            if (records[r].mode != 0) {
                h.mode = g.modes[records[r].mode];
                break;
            }
        if (first.source != none) h.source = levelled(first.source, c.source);
        if (first.target != none) h.target = levelled(first.target, c.target);
        h.polarity = first.polarity;
        if (const DateSpan* d = g.date(records[c.founder].date)) h.date = *d;
        h.mentions = h.reports.size();
        pages.clear();
        for (const std::size_t r : h.reports)
            pages.push_back(article_page(g.articles[records[r].article]));
        sort_unique(pages);
        h.sources = pages.size();
        g.happenings.push_back(std::move(h));
    }
    order = {};
    clusters = {};

    // Relations: one edge per source, target, type and polarity class. A
    // slot holds what its edge will, light: there are hundreds of thousands.
    struct Slot {
        VertexId source, target;
        int type;
        bool asserted;
        std::uint32_t founder = 0;                // the happening that opened it
        std::uint32_t first = none, last = none;  // happenings: earliest, latest dates
        std::size_t count = 0, mentions = 0;
        std::vector<std::size_t> happenings{};
        std::vector<Index> articles{};  // EventGraph::articles (interned: one index a string)
        std::vector<std::string_view> attributions{};
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
    const auto attribution_key = [&](const Actor& a) -> const std::string& {
        if (level == Level::actor) return a.id.empty() ? a.code : a.id;
        if (level == Level::cameo && !a.cameo.empty()) return a.cameo;
        return a.code.empty() ? a.id : a.code;
    };
    // Numbered first, so that the slots are made once, in place.
    std::vector<Index> slot_index(g.happenings.size(), none);
    std::vector<SlotKey> keys;
    {
        std::unordered_map<SlotKey, Index, SlotHash> slot_of;
        for (std::size_t i = 0; i < g.happenings.size(); ++i) {
            const Happening& h = g.happenings[i];
            const Of& c = cluster_of[i];
            if (h.target == none) continue;
            const SlotKey key{vertex_of_index[static_cast<std::size_t>(c.source)],
                              vertex_of_index[static_cast<std::size_t>(c.target)], c.type,
                              h.polarity == model::Polarity::asserted};
            const auto [it, added] = slot_of.try_emplace(key, static_cast<Index>(keys.size()));
            if (added) keys.push_back(key);
            slot_index[i] = it->second;
        }
    }
    cluster_of = {};
    const int member_of = -1;
    std::vector<std::pair<VertexId, VertexId>> members;
    if (level == Level::actor)
        for (const auto& [id, v] : g.vertex_by_id) {
            const Vertex& vx = g.graph[v];
            if (vx.code.empty() || vx.code == id) continue;
            members.emplace_back(v, g.vertex_by_id.at(vx.code));
        }
    std::vector<Slot> slots;
    slots.reserve(keys.size() + members.size());
    for (const SlotKey& k : keys) slots.push_back(Slot{k.source, k.target, k.type, k.asserted});
    keys = {};
    for (std::size_t i = 0; i < g.happenings.size(); ++i) {
        if (slot_index[i] == none) continue;
        const Happening& h = g.happenings[i];
        Slot& s = slots[slot_index[i]];
        if (s.count == 0) s.founder = static_cast<std::uint32_t>(i);
        ++s.count;
        s.mentions += h.mentions;
        s.happenings.push_back(i);
        if (h.date) {
            // Happenings are in date order, so the first dated one is the earliest.
            if (s.first == none) s.first = static_cast<std::uint32_t>(i);
            const auto& last = g.happenings[s.last == none ? i : s.last].date;
            if (s.last == none ||
                std::make_pair(day_number(h.date->start), day_number(h.date->end)) >=
                    std::make_pair(day_number(last->start), day_number(last->end)))
                s.last = static_cast<std::uint32_t>(i);
        }
        for (const std::size_t r : h.reports) {
            const Report& ev = records[r];
            s.articles.push_back(ev.article);
            if (ev.attributed_to != none)
                s.attributions.push_back(attribution_key(g.actors[ev.attributed_to]));
        }
    }
    slot_index = {};
    for (const auto& [from, to] : members) slots.push_back(Slot{from, to, member_of, true});
    static const std::string member_of_name = "member-of";
    const auto rank = [&](const Slot& s) -> const std::string& {
        // "member-of" sorts among the type names as its name says.
        return s.type == member_of ? member_of_name
                                   : types.names()[static_cast<std::size_t>(s.type)];
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
        std::sort(s.articles.begin(), s.articles.end(),
                  [&](Index a, Index b) { return g.articles[a] < g.articles[b]; });
        s.articles.erase(std::unique(s.articles.begin(), s.articles.end()), s.articles.end());
        sort_unique(s.attributions);
        Edge e;
        if (s.type == member_of) {
            e.type = member_of_name;
            e.weight = 1;
        } else {
            const Happening& founder = g.happenings[s.founder];
            e.type = founder.type;
            e.quad = founder.quad;
            e.count = s.count;
            e.mentions = s.mentions;
            if (s.first != none) e.first = g.happenings[s.first].date;
            if (s.last != none) e.last = g.happenings[s.last].date;
            e.happenings = std::move(s.happenings);
            // (an event type spelt "member-of" keeps no weight, as before)
            if (e.type != member_of_name) e.weight = static_cast<double>(s.count);
        }
        e.asserted = s.asserted;
        e.articles.reserve(s.articles.size());
        for (const Index a : s.articles) e.articles.push_back(g.articles[a]);
        e.attributions.assign(s.attributions.begin(), s.attributions.end());
        s.articles = {};
        s.attributions = {};
        // Moved in: Boost's add_edge would copy it.
        const EdgeId id = boost::add_edge(s.source, s.target, g.graph).first;
        g.graph[id] = std::move(e);
    }
}

// Actors and dates are interned by value: a few keys stand for millions of mentions.
std::string actor_key(const Actor& a) {
    std::string k;
    k.reserve(a.id.size() + a.code.size() + a.name.size() + a.cameo.size() + 4);
    k += a.id;
    k += '\x1f';
    k += a.code;
    k += '\x1f';
    k += a.name;
    k += '\x1f';
    k += a.cameo;
    return k;
}

}  // namespace

TextStore::Ref TextStore::add(std::string_view s) {
    // Blocks are never grown past what they were given: what they hold stays where it is.
    constexpr std::size_t block = std::size_t{1} << 20;
    if (s.empty()) return {};
    if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < s.size()) {
        blocks_.emplace_back();
        blocks_.back().reserve(std::max(block, s.size()));
    }
    std::string& b = blocks_.back();
    const Ref r{static_cast<std::uint32_t>(blocks_.size() - 1),
                static_cast<std::uint32_t>(b.size()), static_cast<std::uint32_t>(s.size())};
    b.append(s);
    return r;
}

struct GraphBuilder::State {
    EventGraph g;
    Keep keep = Keep::events;
    std::vector<Tie> ties;  // when the events are not kept
    std::unordered_map<std::string, Index> articles, types, modes, words;
    std::unordered_map<std::string, std::vector<Index>> actors;  // actor_key → candidates
    std::unordered_map<std::uint64_t, std::vector<Index>> dates;

    static Index intern(std::unordered_map<std::string, Index>& index,
                        std::vector<std::string>& names, const std::string& s) {
        const auto [it, added] = index.try_emplace(s, static_cast<Index>(names.size()));
        if (added) names.push_back(s);
        return it->second;
    }
    Index actor(const Actor& a) {
        auto& candidates = actors[actor_key(a)];
        for (const Index i : candidates)
            if (g.actors[i] == a) return i;
        candidates.push_back(static_cast<Index>(g.actors.size()));
        g.actors.push_back(a);
        return candidates.back();
    }
    Index date(const DateSpan& d) {
        const std::uint64_t key =
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day_number(d.start))) << 32) ^
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day_number(d.end))) << 4) ^
            (static_cast<std::uint64_t>(d.granularity) << 2) ^ static_cast<std::uint64_t>(d.basis);
        auto& candidates = dates[key];
        for (const Index i : candidates)
            if (g.dates[i] == d) return i;
        candidates.push_back(static_cast<Index>(g.dates.size()));
        g.dates.push_back(d);
        return candidates.back();
    }
};

GraphBuilder::GraphBuilder(Level level, Keep keep) : state_(std::make_unique<State>()) {
    state_->g.level = level;
    state_->keep = keep;
    state_->g.modes.emplace_back();
    state_->modes.emplace("", 0);
}

GraphBuilder::GraphBuilder(Level level, bool keep_events)
    : GraphBuilder(level, keep_events ? Keep::events : Keep::records) {}

GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::add_input(const std::string& name) { state_->g.inputs.push_back(name); }

void GraphBuilder::add(Event&& e, Position position) {
    State& s = *state_;
    EventGraph& g = s.g;
    Report r;
    r.article = State::intern(s.articles, g.articles, e.article);
    r.type = State::intern(s.types, g.types, e.type);
    r.mode = State::intern(s.modes, g.modes, e.mode);
    if (e.source) r.source = s.actor(*e.source);
    if (e.target) r.target = s.actor(*e.target);
    if (e.attributed_to) r.attributed_to = s.actor(*e.attributed_to);
    if (e.location) r.location = s.actor(*e.location);
    if (e.date) r.date = s.date(*e.date);
    r.quad = static_cast<std::int8_t>(e.quad);
    r.polarity = e.polarity;
    r.confidence = e.confidence;
    r.position = position;
    if (s.keep != Keep::records) {
        EvidenceTable& t = g.evidence;
        r.evidence = static_cast<Index>(t.rows.size());
        t.rows.push_back({e.evidence.sentence, t.texts.add(e.evidence.text),
                          State::intern(s.words, t.words, e.evidence.trigger),
                          State::intern(s.words, t.words, e.cameo)});
    }
    if (s.keep == Keep::events) {
        r.id = e.id;
        g.events.push_back(std::move(e));
    } else {
        r.id = std::move(e.id);
        s.ties.push_back({e.evidence.sentence, e.evidence.begin, text_hash(e.evidence.text)});
    }
    g.reports.push_back(std::move(r));
}

EventGraph GraphBuilder::finish() {
    State& s = *state_;
    // The tables' indices are all the graph needs of them now.
    s.articles = {};
    s.types = {};
    s.modes = {};
    s.actors = {};
    s.dates = {};
    s.words = {};
    build(s.g, s.ties);
    s.ties = {};
    EventGraph g = std::move(s.g);
    s.g = EventGraph{};
    s.g.level = g.level;
    s.g.modes.emplace_back();
    s.modes.emplace("", 0);
    return g;
}

EventGraph build_graph(std::vector<Event> events, Level level) {
    GraphBuilder builder(level, Keep::events);
    for (Event& e : events) builder.add(std::move(e));
    events = {};
    return builder.finish();
}

}  // namespace eventgraph::graph

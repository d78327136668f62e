#include "eventgraph/graph/graph.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <string_view>
#include <tuple>

#include "detail_build.hpp"
#include "parallel.hpp"

namespace eventgraph::graph {

using detail::day_number;
using detail::prefix_key;
using detail::text_hash;
using detail::Tie;
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

// One report, reduced to what grouping needs: 32 bytes, sorted by the million.
struct Grouped {
    int type = 0;
    int source = 0;
    int target = -1;  // none
    int start = 0, end = 0;
    std::uint32_t event = 0;
    Index date = none;  // EventGraph::dates
    std::uint8_t polarity = 0;
    std::uint8_t basis = 0;
    bool dated = false;

    int length() const { return end - start; }
    auto group() const { return std::make_tuple(type, source, target, polarity); }
};

// A happening while it is found: its reports are numbered in `cluster_of`
// rather than listed, so that none needs a vector of its own until it is made.
struct Cluster {
    std::uint32_t size = 0;  // reports
    // The narrowest report on the surest basis: its date is the happening's.
    Index date = none;
    int type = 0, source = 0, target = -1;  // interned, as in Grouped
    std::uint8_t polarity = 0;
    bool dated = false;
    int start = 0, end = 0;
    Index slot = none;  // its relation's, none without a target
};

// Groups the reports of one key into happenings (see build_graph's doc),
// numbering each report's in `cluster_of`. The reports are sorted: dated
// before undated, narrowest span first.
void cluster_group(const Grouped* begin, const Grouped* end, std::vector<Cluster>& out,
                   std::vector<Index>& cluster_of) {
    const std::size_t first = out.size();
    // A few reports are searched one by one; many through their clusters' starts.
    const bool indexed = end - begin > 32;
    std::multimap<int, std::size_t> by_start;  // start day → index in out
    int widest = 0;                            // the widest span found so far, to bound the search
    std::size_t dated = 0;
    std::optional<std::size_t> undated;
    const auto join = [&](std::size_t c, const Grouped& r) {
        ++out[c].size;
        cluster_of[r.event] = static_cast<Index>(c);
    };
    const auto open = [&](const Grouped& r) {
        Cluster c;
        c.date = r.date;
        c.type = r.type;
        c.source = r.source;
        c.target = r.target;
        c.polarity = r.polarity;
        c.dated = r.dated;
        c.start = r.start;
        c.end = r.end;
        out.push_back(c);
        join(out.size() - 1, r);
        return out.size() - 1;
    };
    // Of two overlapping clusters, the one with more reports, then the
    // earlier (no two of one key start on the same day: they would overlap).
    const auto better = [&](std::size_t c, const std::optional<std::size_t>& best) {
        return !best || out[c].size > out[*best].size ||
               (out[c].size == out[*best].size && out[c].start < out[*best].start);
    };
    for (const Grouped* it = begin; it != end; ++it) {
        const Grouped& r = *it;
        if (!r.dated) {
            if (dated == 1)
                join(first, r);
            else if (!undated)
                undated = open(r);
            else
                join(*undated, r);
            continue;
        }
        std::optional<std::size_t> best;
        if (indexed) {
            const auto lo = by_start.lower_bound(r.start - widest),
                       hi = by_start.upper_bound(r.end);
            for (auto at = lo; at != hi; ++at)
                if (out[at->second].end >= r.start && better(at->second, best)) best = at->second;
        } else {
            for (std::size_t c = first; c < out.size(); ++c)
                if (out[c].start <= r.end && out[c].end >= r.start && better(c, best)) best = c;
        }
        if (best) {
            join(*best, r);
            continue;
        }
        const std::size_t c = open(r);
        if (indexed) by_start.emplace(r.start, c);
        widest = std::max(widest, r.length());
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

template <typename T>
void sort_unique(std::vector<T>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

namespace detail {

int day_number(date::year_month_day d) {
    return static_cast<int>(date::sys_days(d).time_since_epoch().count());
}

std::uint64_t text_hash(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h;
}

// The graph of the records in `g` (see build_graph's doc).
void build(EventGraph& g, std::vector<Tie>& ties, unsigned threads) {
    const Level level = g.level;
    detail::sort_events(g, ties, threads);
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
    // Day numbers of the dates' table, worked out once.
    std::vector<int> date_start(g.dates.size()), date_end(g.dates.size());
    for (std::size_t i = 0; i < g.dates.size(); ++i) {
        date_start[i] = day_number(g.dates[i].start);
        date_end[i] = day_number(g.dates[i].end);
    }
    std::vector<Grouped> reports(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Report& e = records[i];
        Grouped& r = reports[i];
        r.event = static_cast<std::uint32_t>(i);
        int& t = type_of[e.type];
        if (t < 0) t = types(g.types[e.type]);
        r.type = t;
        r.source = vertex_index(e.source);
        if (e.target != none) r.target = vertex_index(e.target);
        r.polarity = static_cast<std::uint8_t>(e.polarity);
        if (e.date != none) {
            r.dated = true;
            r.date = e.date;
            r.start = date_start[e.date];
            r.end = std::max(r.start, date_end[e.date]);
            r.basis = static_cast<std::uint8_t>(basis_rank(g.dates[e.date].basis));
        }
    }
    // (a total order: no two reports share an event index)
    sort_in_parts(reports.begin(), reports.end(), threads, [](const Grouped& a, const Grouped& b) {
        return std::make_tuple(a.group(), !a.dated, a.length(), a.basis, a.start, a.event) <
               std::make_tuple(b.group(), !b.dated, b.length(), b.basis, b.start, b.event);
    });

    // Happenings, and the relations they fall into: the groups of one
    // source, target, type and polarity class are next to each other.
    std::vector<Cluster> clusters;
    std::vector<Index> cluster_of(records.size());  // report → its happening
    Index slots = 0;
    for (std::size_t i = 0; i < reports.size();) {
        std::size_t j = i;
        while (j < reports.size() && reports[j].group() == reports[i].group()) ++j;
        const std::size_t before = clusters.size();
        cluster_group(reports.data() + i, reports.data() + j, clusters, cluster_of);
        const Grouped& r = reports[i];
        if (r.target >= 0) {
            const bool same_slot = i > 0 && reports[i - 1].type == r.type &&
                                   reports[i - 1].source == r.source &&
                                   reports[i - 1].target == r.target &&
                                   (reports[i - 1].polarity == 0) == (r.polarity == 0);
            if (!same_slot) ++slots;
            for (std::size_t k = before; k < clusters.size(); ++k) clusters[k].slot = slots - 1;
        }
        i = j;
    }
    reports = {};  // a million of them are worth freeing before the happenings are made

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
    const auto make_levelled = [&](int index) {
        auto& cached = levelled_cache[static_cast<std::size_t>(index)];
        if (cached != none) return;
        const Vertex& v = g.graph[vertex_of_index[static_cast<std::size_t>(index)]];
        cached = static_cast<Index>(g.actors.size());
        g.actors.push_back(Actor{v.id, v.code, v.name, v.kind, "", "",
                                 level == Level::cameo ? v.id : "", std::nullopt});
    };
    const auto levelled = [&](Index a, int index) {
        return level == Level::actor ? a : levelled_cache[static_cast<std::size_t>(index)];
    };

    // Ranks of the type names, "member-of" among them (a type of that name
    // has its rank).
    static const std::string member_of_name = "member-of";
    std::vector<int> type_rank(types.names().size());
    int member_rank = 0;
    {
        std::vector<int> by_name(types.names().size() + 1);
        std::iota(by_name.begin(), by_name.end(), 0);
        const auto name = [&](int t) -> const std::string& {
            return static_cast<std::size_t>(t) == types.names().size()
                       ? member_of_name
                       : types.names()[static_cast<std::size_t>(t)];
        };
        std::sort(by_name.begin(), by_name.end(), [&](int a, int b) { return name(a) < name(b); });
        int rank = 0;
        for (std::size_t r = 0; r < by_name.size(); ++r) {
            if (r > 0 && name(by_name[r]) != name(by_name[r - 1])) ++rank;
            if (static_cast<std::size_t>(by_name[r]) == types.names().size())
                member_rank = rank;
            else
                type_rank[static_cast<std::size_t>(by_name[r])] = rank;
        }
    }

    // Happenings in date order (undated last), then by what they are:
    // type by name, source and target by id, polarity. No two share all of
    // it (a key's happenings do not share a span), so nothing else decides.
    struct Order {
        std::uint64_t when, what, who;
        std::uint32_t polarity, cluster;
        bool operator<(const Order& o) const {
            return std::tie(when, what, who, polarity, cluster) <
                   std::tie(o.when, o.what, o.who, o.polarity, o.cluster);
        }
    };
    const auto biased = [](int v) {
        return static_cast<std::uint64_t>(static_cast<std::uint32_t>(v) ^ 0x80000000U);
    };
    std::vector<Order> order(clusters.size());
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const Cluster& c = clusters[i];
        const bool dated = c.date != none;
        const int start = dated ? date_start[c.date] : 0;
        const int length = dated ? date_end[c.date] - start : 0;
        const std::uint64_t target =
            c.target < 0 ? 0 : vertex_of_index[static_cast<std::size_t>(c.target)] + 1;
        order[i] = {(static_cast<std::uint64_t>(!dated) << 32) | biased(start),
                    (biased(length) << 32) |
                        static_cast<std::uint32_t>(type_rank[static_cast<std::size_t>(c.type)]),
                    (static_cast<std::uint64_t>(vertex_of_index[static_cast<std::size_t>(c.source)])
                     << 32) |
                        target,
                    c.polarity, static_cast<std::uint32_t>(i)};
    }
    sort_in_parts(order.begin(), order.end(), threads, std::less<>{});
    {
        std::vector<std::size_t> from(order.size());
        std::vector<Index> happening_of(order.size());
        for (std::size_t p = 0; p < order.size(); ++p) {
            from[p] = order[p].cluster;
            happening_of[order[p].cluster] = static_cast<Index>(p);
        }
        order = {};
        // Gathered rather than permuted in place: a cycle of random moves
        // costs more than the second vector for the while.
        std::vector<Cluster> sorted(clusters.size());
        for (std::size_t p = 0; p < sorted.size(); ++p) sorted[p] = clusters[from[p]];
        clusters = std::move(sorted);
        for (Index& c : cluster_of) c = happening_of[c];
    }
    const std::size_t happenings = clusters.size();

    // An article's page, numbered (only equality counts); and its rank by name.
    const std::size_t articles = g.articles.size();
    const bool paged = std::any_of(g.articles.begin(), g.articles.end(), [](const std::string& a) {
        return a.find('#') != std::string::npos;
    });
    std::vector<Index> page_of(paged ? articles : 0);
    if (paged) {
        std::unordered_map<std::string_view, Index> pages;
        pages.reserve(articles);
        for (std::size_t a = 0; a < articles; ++a)
            page_of[a] =
                pages.try_emplace(article_page(g.articles[a]), static_cast<Index>(pages.size()))
                    .first->second;
    }
    std::vector<Index> article_by_rank;  // empty: the table is in name order
    if (!std::is_sorted(g.articles.begin(), g.articles.end())) {
        article_by_rank.resize(articles);
        std::iota(article_by_rank.begin(), article_by_rank.end(), Index{0});
        std::vector<std::pair<std::uint64_t, std::uint64_t>> prefix(articles);
        for (std::size_t a = 0; a < articles; ++a) prefix[a] = prefix_key(g.articles[a]);
        std::sort(article_by_rank.begin(), article_by_rank.end(), [&](Index a, Index b) {
            if (prefix[a] != prefix[b]) return prefix[a] < prefix[b];
            return g.articles[a] < g.articles[b];
        });
    }
    std::vector<Index> rank_of_article(article_by_rank.empty() ? 0 : articles);
    for (std::size_t r = 0; r < article_by_rank.size(); ++r)
        rank_of_article[article_by_rank[r]] = static_cast<Index>(r);

    // Who claims them, at the level, ranked by that name.
    const auto attribution_key = [&](const Actor& a) -> const std::string& {
        if (level == Level::actor) return a.id.empty() ? a.code : a.id;
        if (level == Level::cameo && !a.cameo.empty()) return a.cameo;
        return a.code.empty() ? a.id : a.code;
    };
    // (copies: the levelled actors are added to the table below)
    std::vector<std::string> attribution_names;
    std::vector<Index> attribution_of(table_actors, none);
    {
        std::vector<char> claims(table_actors, 0);
        for (const Report& r : records)
            if (r.attributed_to != none) claims[r.attributed_to] = 1;
        for (std::size_t a = 0; a < table_actors; ++a)
            if (claims[a]) attribution_names.push_back(attribution_key(g.actors[a]));
        sort_unique(attribution_names);
        for (std::size_t a = 0; a < table_actors; ++a)
            if (claims[a])
                attribution_of[a] = static_cast<Index>(
                    std::lower_bound(attribution_names.begin(), attribution_names.end(),
                                     attribution_key(g.actors[a])) -
                    attribution_names.begin());
    }

    // Relations: one edge per source, target, type and polarity class, its
    // happenings in order (slots numbered as their groups were).
    struct Slot {
        VertexId source = 0, target = 0;
        int type = 0;  // interned, member_of for the member-of edges
        int rank = 0;  // of the type's name
        bool asserted = true;
        Index founder = none;             // the happening that opened it
        Index first = none, last = none;  // happenings: earliest, latest dates
        int last_start = 0, last_end = 0;
        Index mentions = 0;
    };
    const int member_of = -1;
    std::vector<Slot> slot(slots);
    std::vector<Index> first_happening(slots + 1, 0);
    for (std::size_t p = 0; p < happenings; ++p) {
        const Cluster& c = clusters[p];
        if (c.slot == none) continue;
        Slot& s = slot[c.slot];
        ++first_happening[c.slot + 1];
        s.mentions += c.size;
        if (s.founder == none) {
            s.founder = static_cast<Index>(p);
            s.source = vertex_of_index[static_cast<std::size_t>(c.source)];
            s.target = vertex_of_index[static_cast<std::size_t>(c.target)];
            s.type = c.type;
            s.rank = type_rank[static_cast<std::size_t>(c.type)];
            s.asserted = c.polarity == static_cast<std::uint8_t>(model::Polarity::asserted);
        }
        if (c.date != none) {
            // Happenings are in date order, so the first dated one is the earliest.
            if (s.first == none) s.first = static_cast<Index>(p);
            const int start = date_start[c.date], end = date_end[c.date];
            if (s.last == none ||
                std::make_pair(start, end) >= std::make_pair(s.last_start, s.last_end)) {
                s.last = static_cast<Index>(p);
                s.last_start = start;
                s.last_end = end;
            }
        }
    }
    std::vector<Index> first_slot_report(slots + 1, 0);
    for (std::size_t k = 0; k < slots; ++k) {
        first_happening[k + 1] += first_happening[k];
        first_slot_report[k + 1] = first_slot_report[k] + slot[k].mentions;
    }
    std::vector<Index> slot_happenings(first_happening.back());
    {
        std::vector<Index> next(first_happening.begin(), first_happening.end() - 1);
        for (std::size_t p = 0; p < happenings; ++p)
            if (clusters[p].slot != none)
                slot_happenings[next[clusters[p].slot]++] = static_cast<Index>(p);
    }

    // The reports of each happening, in event order, with their pages; and
    // each relation's articles and who claims them: one pass over the records.
    std::vector<Index> first_report(happenings + 1, 0);
    for (std::size_t p = 0; p < happenings; ++p)
        first_report[p + 1] = first_report[p] + clusters[p].size;
    std::vector<Index> members(records.size()), pages(records.size()),
        slot_articles(first_slot_report.back()),
        slot_claims(attribution_names.empty() ? 0 : first_slot_report.back());
    std::vector<Index> mode_of(happenings, 0);
    {
        std::vector<Index> next(first_report.begin(), first_report.end() - 1);
        std::vector<Index> next_in_slot(first_slot_report.begin(), first_slot_report.end() - 1);
        for (std::size_t i = 0; i < records.size(); ++i) {
            const Report& e = records[i];
            const Index p = cluster_of[i];
            const Index at = next[p]++;
            members[at] = static_cast<Index>(i);
            // (distinct articles are distinct pages when no id has a '#')
            pages[at] = paged ? page_of[e.article] : e.article;
            if (e.mode != 0 && mode_of[p] == 0) mode_of[p] = e.mode;
            const Index k = clusters[p].slot;
            if (k == none) continue;
            const Index in_slot = next_in_slot[k]++;
            slot_articles[in_slot] =
                rank_of_article.empty() ? e.article : rank_of_article[e.article];
            if (!slot_claims.empty())
                slot_claims[in_slot] =
                    e.attributed_to == none ? none : attribution_of[e.attributed_to];
        }
    }
    cluster_of = {};
    page_of = {};
    rank_of_article = {};

    // The levelled actors are added in happening order, as each is first
    // needed, before the happenings are made at once.
    const auto first_of = [&](std::size_t p) -> const Report& {
        return records[members[first_report[p]]];
    };
    if (level != Level::actor)
        for (std::size_t p = 0; p < happenings; ++p) {
            const Cluster& c = clusters[p];
            // (an unknown source's vertex may be an actor's too, of id "?")
            if (c.source != unknown_vertex || first_of(p).source != none) make_levelled(c.source);
            if (c.target >= 0) make_levelled(c.target);
        }
    g.happenings.resize(happenings);
    in_parts(happenings, threads, [&](std::size_t begin, std::size_t end) {
        std::vector<Index> page_list;
        for (std::size_t p = begin; p < end; ++p) {
            const Cluster& c = clusters[p];
            Happening& h = g.happenings[p];
            h.first_report = first_report[p];
            h.mentions = first_report[p + 1] - first_report[p];
            const Report& first = records[members[first_report[p]]];
            h.type = first.type;
            h.quad = first.quad;
            h.mode = mode_of[p];
            if (first.source != none) h.source = levelled(first.source, c.source);
            if (first.target != none) h.target = levelled(first.target, c.target);
            h.polarity = first.polarity;
            h.date = {c.date};
            if (h.mentions == 1) {
                h.sources = 1;
            } else {
                page_list.assign(pages.begin() + first_report[p],
                                 pages.begin() + first_report[p + 1]);
                sort_unique(page_list);
                h.sources = page_list.size();
            }
        }
    });
    g.report_lists = std::move(members);
    pages = {};
    mode_of = {};
    clusters = {};
    if (level == Level::actor)
        for (const auto& [id, v] : g.vertex_by_id) {
            const Vertex& vx = g.graph[v];
            if (vx.code.empty() || vx.code == id) continue;
            Slot s;
            s.source = v;
            s.target = g.vertex_by_id.at(vx.code);
            s.type = member_of;
            s.rank = member_rank;
            slot.push_back(s);
        }
    std::vector<Index> edge_order(slot.size());
    std::iota(edge_order.begin(), edge_order.end(), Index{0});
    std::sort(edge_order.begin(), edge_order.end(), [&](Index a, Index b) {
        const Slot& x = slot[a];
        const Slot& y = slot[b];
        if (x.source != y.source) return x.source < y.source;
        if (x.target != y.target) return x.target < y.target;
        if (x.rank != y.rank) return x.rank < y.rank;
        // An event type spelt "member-of" beside the member-of edge: asserted
        // first, then the event type's.
        if (x.asserted != y.asserted) return x.asserted;
        return x.type != member_of && y.type == member_of;
    });
    // The edges added in order, then made where they are, at once.
    std::vector<EdgeId> edges(edge_order.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Slot& s = slot[edge_order[i]];
        edges[i] = boost::add_edge(s.source, s.target, g.graph).first;
    }
    in_parts(edges.size(), threads, [&](std::size_t begin, std::size_t end) {
        std::vector<Index> article_list, claim_list;
        for (std::size_t i = begin; i < end; ++i) {
            const Index k = edge_order[i];
            const Slot& s = slot[k];
            Edge& e = g.graph[edges[i]];
            e.asserted = s.asserted;
            if (s.type == member_of) {
                e.type = member_of_name;
                e.weight = 1;
                continue;
            }
            const Happening& founder = g.happenings[s.founder];
            e.type = g.type(founder);
            e.quad = founder.quad;
            e.count = first_happening[k + 1] - first_happening[k];
            e.mentions = s.mentions;
            if (s.first != none) e.first = g.happenings[s.first].date;
            if (s.last != none) e.last = g.happenings[s.last].date;
            e.happenings.assign(slot_happenings.begin() + first_happening[k],
                                slot_happenings.begin() + first_happening[k + 1]);
            // (an event type spelt "member-of" keeps no weight, as before)
            if (e.type != member_of_name) e.weight = static_cast<double>(e.count);
            const auto from = first_slot_report[k], to = first_slot_report[k + 1];
            article_list.assign(slot_articles.begin() + from, slot_articles.begin() + to);
            claim_list.clear();
            if (!slot_claims.empty())
                for (auto r = from; r < to; ++r)
                    if (slot_claims[r] != none) claim_list.push_back(slot_claims[r]);
            sort_unique(article_list);
            sort_unique(claim_list);
            e.articles.reserve(article_list.size());
            for (const Index a : article_list)
                e.articles.push_back(article_by_rank.empty() ? a : article_by_rank[a]);
            e.attributions.reserve(claim_list.size());
            for (const Index a : claim_list) e.attributions.push_back(attribution_names[a]);
        }
    });
}

}  // namespace detail
}  // namespace eventgraph::graph

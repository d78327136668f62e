#include "eventgraph/graph/stats.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

namespace eventgraph::graph {

namespace {

std::string month_of(const model::DateSpan* d) {
    if (!d) return "undated";
    const std::string iso = model::date_value(*d);
    return d->granularity == model::Granularity::year ? iso.substr(0, 4) : iso.substr(0, 7);
}

// What month_of depends on, as a number: the start's year and month, and
// whether the span is a year's.
int month_key(const model::DateSpan& d) {
    const int year = static_cast<int>(d.start.year());
    const auto month = static_cast<unsigned>(d.start.month());
    return (year * 16 + static_cast<int>(month)) * 2 + (d.granularity == model::Granularity::year);
}

std::vector<std::pair<std::string, Count>> ranked(const std::map<std::string, Count>& m) {
    std::vector<std::pair<std::string, Count>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return std::make_pair(a.second.happenings, a.second.events) >
               std::make_pair(b.second.happenings, b.second.events);
    });
    return v;
}

}  // namespace

Statistics statistics(const EventGraph& g, std::size_t top) {
    Statistics s;
    s.events = g.reports.size();
    s.happenings = g.happenings.size();
    s.actors = boost::num_vertices(g.graph);
    std::map<std::string, Count> by_type, by_actor, by_month;
    // Counted by table index, then named: a million lookups by string are
    // the bulk of the work otherwise.
    std::vector<char> article_seen(g.articles.size(), 0);
    std::vector<std::size_t> per_type(g.types.size(), 0), per_date(g.dates.size(), 0);
    std::size_t undated = 0;
    std::vector<std::string> key(g.actors.size());
    std::vector<char> keyed(g.actors.size(), 0);
    const auto key_of = [&](Index a) -> const std::string& {
        if (!keyed[a]) key[a] = vertex_key(g.actors[a], g.level), keyed[a] = 1;
        return key[a];
    };
    std::vector<std::size_t> per_actor(g.actors.size(), 0);
    std::size_t unknown_source = 0;
    const std::string unknown = unknown_vertex_id;
    for (const Report& r : g.reports) {
        article_seen[r.article] = 1;
        ++per_type[r.type];
        ++(r.date == none ? undated : per_date[r.date]);
        ++(r.source == none ? unknown_source : per_actor[r.source]);
        const std::string& source = r.source == none ? unknown : key_of(r.source);
        if (r.target != none && key_of(r.target) != source) ++per_actor[r.target];
    }
    s.articles = static_cast<std::size_t>(std::count(article_seen.begin(), article_seen.end(), 1));
    for (std::size_t t = 0; t < per_type.size(); ++t)
        if (per_type[t]) by_type[g.types[t]].events += per_type[t];
    for (std::size_t d = 0; d < per_date.size(); ++d)
        if (per_date[d]) by_month[month_of(&g.dates[d])].events += per_date[d];
    if (undated) by_month["undated"].events += undated;
    if (unknown_source) by_actor[unknown].events += unknown_source;
    for (std::size_t a = 0; a < per_actor.size(); ++a)
        if (per_actor[a]) by_actor[key_of(static_cast<Index>(a))].events += per_actor[a];
    // Happenings counted the same way: by type name, month and actor index,
    // each named once after.
    std::unordered_map<std::string_view, std::size_t> happenings_of_type;
    std::unordered_map<int, std::size_t> happenings_of_month;  // month_key
    std::unordered_map<int, const model::DateSpan*> month_named;
    std::size_t undated_happenings = 0, unknown_sources = 0;
    std::vector<std::size_t> happenings_of_actor(g.actors.size(), 0);
    for (const auto& h : g.happenings) {
        ++happenings_of_type[g.type(h)];
        if (const model::DateSpan* date = g.date(h)) {
            const int month = month_key(*date);
            ++happenings_of_month[month];
            month_named.try_emplace(month, date);
        } else {
            ++undated_happenings;
        }
        if (h.source == none)
            ++unknown_sources;
        else
            ++happenings_of_actor[h.source];
        const std::string& source = h.source == none ? unknown : g.actors[h.source].id;
        if (h.target != none && g.actors[h.target].id != source) ++happenings_of_actor[h.target];
    }
    for (const auto& [type, n] : happenings_of_type) by_type[std::string(type)].happenings += n;
    for (const auto& [month, n] : happenings_of_month)
        by_month[month_of(month_named.at(month))].happenings += n;
    if (undated_happenings) by_month["undated"].happenings += undated_happenings;
    if (unknown_sources) by_actor[unknown].happenings += unknown_sources;
    for (std::size_t a = 0; a < happenings_of_actor.size(); ++a)
        if (happenings_of_actor[a]) by_actor[g.actors[a].id].happenings += happenings_of_actor[a];
    s.by_type = ranked(by_type);
    for (auto& [id, c] : ranked(by_actor)) {
        const auto it = g.vertex_by_id.find(id);
        std::string name = it == g.vertex_by_id.end() ? id : g.graph[it->second].name;
        s.by_actor.push_back({std::move(id), std::move(name), c});
    }
    s.by_month.assign(by_month.begin(), by_month.end());
    // The strongest `top` in edge order among equals: a partial sort on the
    // counts copied out, rather than a sort of every edge through the graph.
    struct Strength {
        std::size_t count, mentions, order;
        EdgeId edge;
    };
    std::vector<Strength> strengths;
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
        if (const Edge& r = g.graph[e]; r.type != "member-of")
            strengths.push_back({r.count, r.mentions, strengths.size(), e});
    const auto stronger = [](const Strength& a, const Strength& b) {
        if (a.count != b.count) return a.count > b.count;
        if (a.mentions != b.mentions) return a.mentions > b.mentions;
        return a.order < b.order;
    };
    const std::size_t n = std::min(top, strengths.size());
    std::partial_sort(strengths.begin(), strengths.begin() + static_cast<std::ptrdiff_t>(n),
                      strengths.end(), stronger);
    for (std::size_t i = 0; i < n; ++i) s.relations.push_back(strengths[i].edge);
    return s;
}

}  // namespace eventgraph::graph

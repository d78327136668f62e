#include "eventgraph/graph/stats.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace eventgraph::graph {

namespace {

std::string month_of(const model::DateSpan* d) {
    if (!d) return "undated";
    const std::string iso = model::date_value(*d);
    return d->granularity == model::Granularity::year ? iso.substr(0, 4) : iso.substr(0, 7);
}

std::string month_of(const std::optional<model::DateSpan>& d) {
    return month_of(d ? &*d : nullptr);
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
    std::unordered_map<std::string, std::size_t> per_actor;
    const std::string unknown = unknown_vertex_id;
    for (const Report& r : g.reports) {
        article_seen[r.article] = 1;
        ++per_type[r.type];
        ++(r.date == none ? undated : per_date[r.date]);
        const std::string& source = r.source == none ? unknown : key_of(r.source);
        ++per_actor[source];
        if (r.target != none && key_of(r.target) != source) ++per_actor[key_of(r.target)];
    }
    s.articles = static_cast<std::size_t>(std::count(article_seen.begin(), article_seen.end(), 1));
    for (std::size_t t = 0; t < per_type.size(); ++t)
        if (per_type[t]) by_type[g.types[t]].events += per_type[t];
    for (std::size_t d = 0; d < per_date.size(); ++d)
        if (per_date[d]) by_month[month_of(&g.dates[d])].events += per_date[d];
    if (undated) by_month["undated"].events += undated;
    for (const auto& [id, n] : per_actor) by_actor[id].events += n;
    for (const auto& h : g.happenings) {
        ++by_type[h.type].happenings;
        ++by_month[month_of(h.date)].happenings;
        const std::string& source = h.source == none ? unknown : g.actors[h.source].id;
        ++by_actor[source].happenings;
        if (h.target != none && g.actors[h.target].id != source)
            ++by_actor[g.actors[h.target].id].happenings;
    }
    s.by_type = ranked(by_type);
    for (auto& [id, c] : ranked(by_actor)) {
        const auto it = g.vertex_by_id.find(id);
        std::string name = it == g.vertex_by_id.end() ? id : g.graph[it->second].name;
        s.by_actor.push_back({std::move(id), std::move(name), c});
    }
    s.by_month.assign(by_month.begin(), by_month.end());
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
        if (g.graph[e].type != "member-of") s.relations.push_back(e);
    std::stable_sort(s.relations.begin(), s.relations.end(), [&](EdgeId a, EdgeId b) {
        return std::make_pair(g.graph[a].count, g.graph[a].mentions) >
               std::make_pair(g.graph[b].count, g.graph[b].mentions);
    });
    if (s.relations.size() > top) s.relations.resize(top);
    return s;
}

}  // namespace eventgraph::graph

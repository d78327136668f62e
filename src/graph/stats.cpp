#include "eventgraph/graph/stats.hpp"

#include <algorithm>
#include <map>

namespace eventgraph::graph {

namespace {

std::string month_of(const std::optional<model::DateSpan>& d) {
    if (!d) return "undated";
    const std::string iso = model::date_value(*d);
    return d->granularity == model::Granularity::year ? iso.substr(0, 4) : iso.substr(0, 7);
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
    s.events = g.events.size();
    s.happenings = g.happenings.size();
    s.actors = boost::num_vertices(g.graph);
    std::map<std::string, Count> by_type, by_actor, by_month;
    std::vector<std::string_view> articles;
    for (const auto& e : g.events) {
        articles.push_back(e.article);
        ++by_type[e.type].events;
        ++by_month[month_of(e.date)].events;
        const std::string source = source_key(e.source, g.level);
        ++by_actor[source].events;
        if (e.target && vertex_key(*e.target, g.level) != source)
            ++by_actor[vertex_key(*e.target, g.level)].events;
    }
    std::sort(articles.begin(), articles.end());
    s.articles =
        static_cast<std::size_t>(std::unique(articles.begin(), articles.end()) - articles.begin());
    for (const auto& h : g.happenings) {
        ++by_type[h.type].happenings;
        ++by_month[month_of(h.date)].happenings;
        const std::string source = h.source ? h.source->id : unknown_vertex_id;
        ++by_actor[source].happenings;
        if (h.target && h.target->id != source) ++by_actor[h.target->id].happenings;
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

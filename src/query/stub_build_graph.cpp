// TEMPORARY: a simple graph::build_graph so that the path command links and
// can be tested before the real one (graph-building branch) lands. Delete
// this file when merging with it. One vertex per code, one happening per
// event, one edge per (source, target, type, asserted); Level is ignored.

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::graph {

namespace {

model::Actor folded(const model::Actor& a) {
    model::Actor f;
    f.id = f.code = a.code;
    f.name = a.id == a.code ? a.name : a.code;
    f.kind = a.id == a.code ? a.kind : model::ActorKind::country;
    return f;
}

}  // namespace

EventGraph build_graph(std::vector<model::Event> events, Level level) {
    EventGraph g;
    g.level = level;
    std::sort(events.begin(), events.end(),
              [](const model::Event& a, const model::Event& b) { return a.id < b.id; });
    g.events = std::move(events);

    std::map<std::string, model::Actor> actors;
    for (const auto& e : g.events) {
        const auto s = folded(e.source);
        if (!actors.count(s.id) || actors[s.id].name == s.id) actors[s.id] = s;
        if (e.target) {
            const auto t = folded(*e.target);
            if (!actors.count(t.id) || actors[t.id].name == t.id) actors[t.id] = t;
        }
    }
    for (const auto& [id, a] : actors) {
        const auto v = boost::add_vertex(Vertex{a.id, a.code, a.name, a.kind}, g.graph);
        g.vertex_by_id.emplace(id, v);
    }

    using Key = std::tuple<std::string, std::string, std::string, bool>;
    std::map<Key, std::vector<std::size_t>> relations;
    for (std::size_t i = 0; i < g.events.size(); ++i) {
        const auto& e = g.events[i];
        Happening h;
        h.id = e.id;
        h.type = e.type;
        h.mode = e.mode;
        h.quad = e.quad;
        h.source = folded(e.source);
        if (e.target) h.target = folded(*e.target);
        h.date = e.date;
        h.polarity = e.polarity;
        h.reports = {i};
        h.mentions = h.sources = 1;
        g.happenings.push_back(std::move(h));
        if (e.target)
            relations[{e.source.code, e.target->code, e.type,
                       e.polarity == model::Polarity::asserted}]
                .push_back(i);
    }
    for (const auto& [key, hs] : relations) {
        Edge edge;
        edge.type = std::get<2>(key);
        edge.asserted = std::get<3>(key);
        edge.quad = g.happenings[hs.front()].quad;
        edge.count = edge.mentions = hs.size();
        edge.happenings = hs;
        std::set<std::string> articles, attributions;
        for (const auto h : hs) {
            const auto& e = g.events[h];
            articles.insert(e.article);
            if (e.attributed_to) attributions.insert(e.attributed_to->id);
            if (e.date) {
                if (!edge.first ||
                    date::sys_days(e.date->start) < date::sys_days(edge.first->start))
                    edge.first = e.date;
                if (!edge.last || date::sys_days(e.date->start) > date::sys_days(edge.last->start))
                    edge.last = e.date;
            }
        }
        edge.articles.assign(articles.begin(), articles.end());
        edge.attributions.assign(attributions.begin(), attributions.end());
        edge.weight = static_cast<double>(edge.count);
        boost::add_edge(g.vertex_by_id.at(std::get<0>(key)), g.vertex_by_id.at(std::get<1>(key)),
                        std::move(edge), g.graph);
    }
    return g;
}

}  // namespace eventgraph::graph

#pragma once
// Path tests' graphs, built by hand: events, happenings, vertices and edges
// kept consistent as build_graph would (tests/query/test_paths*.cpp).

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "eventgraph/graph/graph.hpp"
#include "eventgraph/query/paths.hpp"

namespace test_paths {

using eventgraph::graph::EdgeId;
using eventgraph::graph::EventGraph;
using eventgraph::graph::VertexId;
namespace graph = eventgraph::graph;
namespace model = eventgraph::model;
namespace query = eventgraph::query;

// Builds EventGraph values by hand, keeping events, happenings, vertices and
// edges consistent as build_graph would.
struct Builder {
    EventGraph g;

    VertexId actor(const std::string& code) {
        if (const auto it = g.vertex_by_id.find(code); it != g.vertex_by_id.end())
            return it->second;
        const auto v =
            boost::add_vertex(graph::Vertex{code, code, code, model::ActorKind::country}, g.graph);
        g.vertex_by_id.emplace(code, v);
        return v;
    }

    // "2024-09-10" a day, "2024-09" a month, "" undated.
    static std::optional<model::DateSpan> span(const std::string& text) {
        int y = 0;
        unsigned m = 0, d = 0;
        if (text.empty()) return std::nullopt;
        if (std::sscanf(text.c_str(), "%d-%u-%u", &y, &m, &d) == 3)
            return model::day_span(date::year{y} / date::month{m} / date::day{d},
                                   model::DateBasis::explicit_date);
        std::sscanf(text.c_str(), "%d-%u", &y, &m);
        return model::month_span(date::year{y} / date::month{m}, model::DateBasis::explicit_date);
    }

    EdgeId edge(VertexId s, VertexId t, const std::string& type, bool asserted) {
        for (const auto& e : boost::make_iterator_range(boost::out_edges(s, g.graph)))
            if (boost::target(e, g.graph) == t && g.graph[e].type == type &&
                g.graph[e].asserted == asserted)
                return e;
        graph::Edge props;
        props.type = type;
        props.asserted = asserted;
        return boost::add_edge(s, t, props, g.graph).first;
    }

    std::size_t add_event(const std::string& article, const std::string& sentence,
                          double confidence, const model::Actor& s, const model::Actor& t,
                          const std::string& type, const std::optional<model::DateSpan>& date,
                          bool asserted) {
        model::Event e;
        char id[32];
        std::snprintf(id, sizeof id, "ev-%04zu", g.events.size());
        e.id = id;
        e.article = article;
        e.type = type;
        e.source = s;
        e.target = t;
        e.date = date;
        e.polarity = asserted ? model::Polarity::asserted : model::Polarity::denied;
        e.confidence = confidence;
        e.evidence.text = sentence;
        g.events.push_back(e);
        graph::Report r;  // what the queries read of it
        r.id = e.id;
        const auto known = std::find(g.types.begin(), g.types.end(), type);
        r.type = static_cast<graph::Index>(known - g.types.begin());
        if (known == g.types.end()) g.types.push_back(type);
        r.polarity = e.polarity;
        r.confidence = e.confidence;
        g.reports.push_back(r);
        return g.events.size() - 1;
    }

    static model::Actor actor_value(const std::string& code) {
        model::Actor a;
        a.id = a.code = a.name = code;
        return a;
    }

    graph::Index add_actor(const model::Actor& a) {
        g.actors.push_back(a);
        return static_cast<graph::Index>(g.actors.size() - 1);
    }

    // A happening told by one report; returns its index.
    std::size_t happen(const std::string& source, const std::string& target,
                       const std::string& type, const std::string& date,
                       const std::string& sentence = "", const std::string& article = "a",
                       double confidence = 0.8, bool asserted = true) {
        const VertexId s = actor(source), t = actor(target);
        const auto ev = add_event(article, sentence, confidence, actor_value(source),
                                  actor_value(target), type, span(date), asserted);
        graph::Happening h;
        h.type = g.reports[ev].type;
        h.source = add_actor(*g.events[ev].source);
        h.target = add_actor(*g.events[ev].target);
        if (const auto d = span(date)) h.date = g.add_date(*d);
        h.polarity = g.events[ev].polarity;
        h.first_report = static_cast<graph::Index>(g.report_lists.size());
        g.report_lists.push_back(static_cast<graph::Index>(ev));
        h.mentions = h.sources = 1;
        g.happenings.push_back(h);
        const std::size_t index = g.happenings.size() - 1;
        auto& props = g.graph[edge(s, t, type, asserted)];
        props.happenings.push_back(index);
        ++props.count;
        ++props.mentions;
        props.weight = static_cast<double>(props.count);
        if (const model::DateSpan* d = g.date(h)) {
            const auto start = [](const model::DateSpan* s) { return date::sys_days(s->start); };
            if (!g.date(props.first) || start(d) < start(g.date(props.first))) props.first = h.date;
            if (!g.date(props.last) || start(d) > start(g.date(props.last))) props.last = h.date;
        }
        const graph::Index a = g.reports[ev].article;
        if (std::find(props.articles.begin(), props.articles.end(), a) == props.articles.end())
            props.articles.push_back(a);
        return index;
    }

    // Another report of a happening.
    void report(std::size_t happening, const std::string& article, const std::string& sentence,
                double confidence) {
        auto& h = g.happenings[happening];
        const model::Actor source = g.actors[h.source], target = g.actors[h.target];
        // A copy: add_event may add to the table the name is in.
        const std::string type = g.type(h);
        const model::DateSpan* d = g.date(h);
        const auto ev = add_event(article, sentence, confidence, source, target, type,
                                  d ? std::optional(*d) : std::nullopt,
                                  h.polarity == model::Polarity::asserted);
        // Into its list, where the lists of later happenings move up by one.
        const graph::Index end = h.first_report + static_cast<graph::Index>(h.mentions);
        g.report_lists.insert(g.report_lists.begin() + end, static_cast<graph::Index>(ev));
        for (auto& other : g.happenings)
            if (&other != &h && other.first_report >= end) ++other.first_report;
        ++h.mentions;
        ++h.sources;
        const auto e =
            edge(actor(source.id), actor(target.id), type, h.polarity == model::Polarity::asserted);
        ++g.graph[e].mentions;
    }

    VertexId v(const std::string& code) const { return g.vertex_by_id.at(code); }
};

inline std::vector<std::string> ids(const EventGraph& g, const query::Path& p) {
    std::vector<std::string> out;
    for (const auto v : p.vertices) out.push_back(g.graph[v].id);
    return out;
}

inline const model::Event& evidence(const EventGraph& g, const query::Relation& r) {
    REQUIRE(r.report);
    return g.events[*r.report];
}

}  // namespace test_paths

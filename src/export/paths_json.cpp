// `eventgraph path --json`: query::find_paths's answer as one JSON line.

#include "detail_json_writer.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/model/timestamp.hpp"

namespace eventgraph::exports {

namespace {

using Writer = detail::JsonWriter;
using graph::EventGraph;
using graph::VertexId;

std::string day_text(date::sys_days d) { return model::to_iso(date::year_month_day(d)); }

void write_relation(Writer& w, const EventGraph& g, const query::Relation& r) {
    w.StartObject();
    detail::relation_fields(w, g, r.edge);
    w.Key("happening");
    if (r.happening) {
        const auto& h = g.happenings[*r.happening];
        w.StartObject();
        w.Key("id");
        w.String(g.id(h));
        detail::date_field(w, "date", g.date(h));
        w.Key("mentions");
        w.Uint64(h.mentions);
        w.Key("sources");
        w.Uint64(h.sources);
        w.EndObject();
    } else {
        w.Null();
    }
    w.Key("evidence");
    if (r.report) {
        const auto& ev = g.events[*r.report];
        w.StartObject();
        w.Key("event");
        w.String(ev.id);
        w.Key("article");
        w.String(ev.article);
        w.Key("sentence");
        w.Int(ev.evidence.sentence);
        w.Key("text");
        w.String(ev.evidence.text);
        w.Key("trigger");
        w.String(ev.evidence.trigger);
        detail::date_field(w, "date", ev.date ? &*ev.date : nullptr);
        w.Key("confidence");
        w.Double(ev.confidence);
        w.EndObject();
    } else {
        w.Null();
    }
    w.EndObject();
}

}  // namespace

std::string to_paths_json(const EventGraph& g, VertexId from, VertexId to,
                          const query::PathOptions& options,
                          const std::vector<query::Path>& paths) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("from");
    w.String(g.graph[from].id);
    w.Key("to");
    w.String(g.graph[to].id);
    w.Key("directed");
    w.Bool(options.directed);
    w.Key("temporal");
    w.Bool(options.temporal);
    w.Key("paths");
    w.StartArray();
    for (const auto& p : paths) {
        w.StartObject();
        w.Key("hops");
        w.Uint64(p.hops.size());
        w.Key("vertices");
        w.StartArray();
        for (const auto v : p.vertices) {
            const auto& x = g.graph[v];
            w.StartObject();
            w.Key("id");
            w.String(x.id);
            w.Key("code");
            w.String(x.code);
            w.Key("name");
            w.String(x.name);
            w.Key("kind");
            w.String(model::to_string(x.kind));
            w.EndObject();
        }
        w.EndArray();
        w.Key("arrival");
        if (p.arrival)
            detail::string(w, day_text(*p.arrival));
        else
            w.Null();
        w.Key("steps");
        w.StartArray();
        for (const auto& hop : p.hops) {
            w.StartObject();
            w.Key("from");
            w.String(g.graph[hop.from].id);
            w.Key("to");
            w.String(g.graph[hop.to].id);
            w.Key("day");
            if (hop.day)
                detail::string(w, day_text(*hop.day));
            else
                w.Null();
            w.Key("relations");
            w.StartArray();
            for (const auto& r : hop.relations) write_relation(w, g, r);
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace eventgraph::exports

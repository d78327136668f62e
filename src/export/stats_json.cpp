// `eventgraph stats --json`: graph::statistics as JSON.

#include <rapidjson/prettywriter.h>

#include "detail_json_writer.hpp"
#include "eventgraph/export/writers.hpp"

namespace eventgraph::exports {

std::string to_stats_json(const graph::EventGraph& g, const graph::Statistics& s) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    const auto counts = [&](const graph::Count& c) {
        w.Key("count");
        w.Uint64(c.happenings);
        w.Key("mentions");
        w.Uint64(c.events);
    };
    w.StartObject();
    w.Key("events");
    w.Uint64(s.events);
    w.Key("happenings");
    w.Uint64(s.happenings);
    w.Key("articles");
    w.Uint64(s.articles);
    w.Key("actors");
    w.Uint64(s.actors);
    detail::field(w, "level", graph::to_string(g.level));
    w.Key("by_type");
    w.StartArray();
    for (const auto& [type, c] : s.by_type) {
        w.StartObject();
        detail::field(w, "type", type);
        counts(c);
        w.EndObject();
    }
    w.EndArray();
    w.Key("by_actor");
    w.StartArray();
    for (const auto& a : s.by_actor) {
        w.StartObject();
        detail::field(w, "id", a.id);
        detail::field(w, "name", a.name);
        counts(a.count);
        w.EndObject();
    }
    w.EndArray();
    w.Key("by_month");
    w.StartArray();
    for (const auto& [month, c] : s.by_month) {
        w.StartObject();
        detail::field(w, "month", month);
        counts(c);
        w.EndObject();
    }
    w.EndArray();
    w.Key("relations");
    w.StartArray();
    for (const auto e : s.relations) {
        w.StartObject();
        detail::relation_fields(w, g, e);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace eventgraph::exports

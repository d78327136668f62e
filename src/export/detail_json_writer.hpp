#pragma once
// What the JSON exports (timeline, the web page's data, stats, paths) share:
// one way to write a string, a date and a relation. Private to src/export.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string_view>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::exports::detail {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Writers are templates: rapidjson's PrettyWriter hides Writer's members
// rather than overriding them.

template <typename Writer>
void string(Writer& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <typename Writer>
void field(Writer& w, const char* key, std::string_view value) {
    w.Key(key);
    string(w, value);
}

/// "2024-09-10", "2024-07" or "2024" as precise as the date; null for none.
template <typename Writer>
void date_field(Writer& w, const char* key, const model::DateSpan* d) {
    w.Key(key);
    if (d)
        string(w, model::date_value(*d));
    else
        w.Null();
}

/// A relation's own keys, the same in every JSON output (the page, stats,
/// paths): source, target, type, quad, asserted, count (its happenings),
/// mentions (their reports), first and last (dates). The caller opens and
/// closes the object, and may add keys of its own.
template <typename Writer>
void relation_fields(Writer& w, const graph::EventGraph& g, graph::EdgeId e) {
    const graph::Edge& r = g.graph[e];
    field(w, "source", g.graph[boost::source(e, g.graph)].id);
    field(w, "target", g.graph[boost::target(e, g.graph)].id);
    field(w, "type", r.type);
    w.Key("quad");
    w.Int(r.quad);
    w.Key("asserted");
    w.Bool(r.asserted);
    w.Key("count");
    w.Uint64(r.count);
    w.Key("mentions");
    w.Uint64(r.mentions);
    date_field(w, "first", g.date(r.first));
    date_field(w, "last", g.date(r.last));
}

}  // namespace eventgraph::exports::detail

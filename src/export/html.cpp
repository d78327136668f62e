// The web page: tools/viewer's page (embedded at build time) with the graph,
// its happenings and the articles' titles and links as one JSON document in a
// <script type="application/json"> element, which the page's own JavaScript
// reads. The happenings are the timeline export's, so the page and
// timeline.json never disagree.

#include <cmath>
#include <set>
#include <string_view>

#include "detail_graphviz.hpp"
#include "detail_json_writer.hpp"
#include "detail_style.hpp"
#include "detail_viewer_page.hpp"
#include "detail_xml.hpp"
#include "eventgraph/export/writers.hpp"

#ifndef EVENTGRAPH_VIEWER
#define EVENTGRAPH_VIEWER 1  // set by the build (CMakeLists.txt)
#endif

namespace eventgraph::exports {

namespace {

using Writer = detail::JsonWriter;
using detail::field;
using detail::string;

void write_style(Writer& w, const graph::EventGraph& g) {
    w.Key("style");
    w.StartObject();
    w.Key("kinds");
    w.StartObject();
    for (const model::ActorKind kind : detail::all_kinds) {
        const bool unknown = kind == model::ActorKind::unknown;
        if (unknown && !g.vertex_by_id.count(graph::unknown_vertex_id)) continue;
        const detail::Style s = detail::style_of(kind);
        w.Key(model::to_string(kind));
        w.StartObject();
        field(w, "shape", s.web_shape);
        field(w, "fill", s.fill);
        field(w, "pen", s.pen);
        if (unknown) field(w, "border", "dashed");
        w.EndObject();
    }
    w.EndObject();
    w.Key("quads");
    w.StartArray();
    for (int quad = 0; quad <= 4; ++quad) {
        w.StartObject();
        w.Key("quad");
        w.Int(quad);
        field(w, "name", quad == 0 ? "other (member of)" : detail::quad_name(quad));
        field(w, "colour", detail::colour_of_quad(quad));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

// Actors with where Graphviz puts them: the page draws the graph as the
// diagrams do, and keeps each actor in its place when a filter hides others.
void write_actors(Writer& w, const graph::EventGraph& g) {
    const std::vector<detail::Point> points = detail::layout_positions(g);
    w.Key("actors");
    w.StartArray();
    for (const auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
        const graph::Vertex& a = g.graph[v];
        w.StartObject();
        field(w, "id", a.id);
        field(w, "code", a.code);
        field(w, "name", a.name.empty() ? a.id : a.name);
        field(w, "kind", model::to_string(a.kind));
        if (!points.empty()) {
            w.Key("x");
            w.Double(std::round(points[v].x));
            w.Key("y");
            w.Double(std::round(points[v].y));
        }
        w.EndObject();
    }
    w.EndArray();
}

void write_relations(Writer& w, const graph::EventGraph& g) {
    w.Key("relations");
    w.StartArray();
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph))) {
        const graph::Edge& r = g.graph[e];
        w.StartObject();
        detail::relation_fields(w, g, e);
        w.Key("width");
        w.Double(detail::pen_width(r.count));
        w.Key("happenings");
        w.StartArray();
        for (const std::size_t h : r.happenings) string(w, g.id(g.happenings[h]));
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
}

void write_articles(Writer& w, const graph::EventGraph& g, const ArticleLinks& links) {
    w.Key("articles");
    w.StartObject();
    std::set<std::string_view> written;
    for (const graph::Report& r : g.reports) {
        const std::string& article = g.article(r);
        if (!written.insert(article).second) continue;
        const ArticleLink link = link_of(links, article);
        w.Key(article.data(), static_cast<rapidjson::SizeType>(article.size()));
        w.StartObject();
        field(w, "title", link.title);
        field(w, "url", link.url);
        w.EndObject();
    }
    w.EndObject();
}

/// JSON that cannot end its <script> element or open a comment in it: every
/// '<' (only ever inside a string) written as \u003c.
std::string script_safe(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (const char c : json) {
        if (c == '<')
            out += "\\u003c";
        else
            out += c;
    }
    return out;
}

}  // namespace

bool has_web_page() { return EVENTGRAPH_VIEWER != 0; }

std::string to_html(const graph::EventGraph& g, const ArticleLinks& links,
                    const std::string& title) {
    const std::string timeline = to_timeline_json(g, links);
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    field(w, "format", "eventgraph-page");
    w.Key("version");
    w.Int(1);
    field(w, "title", title);
    field(w, "level", graph::to_string(g.level));
    write_style(w, g);
    write_actors(w, g);
    write_relations(w, g);
    w.Key("timeline");
    w.RawValue(timeline.data(), timeline.size(), rapidjson::kObjectType);
    write_articles(w, g, links);
    w.EndObject();

    const detail::ViewerPage& page = detail::viewer_page();
    std::string out = page.head;
    out += detail::xml_escape(title);
    out += page.middle;
    out += script_safe(std::string_view(buffer.GetString(), buffer.GetSize()));
    out += page.tail;
    return out;
}

}  // namespace eventgraph::exports

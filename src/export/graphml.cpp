// GraphML as NetworkX, Gephi, yEd and Cytoscape read it: every attribute
// declared by a <key> with its attr.type, "label" on nodes and edges and a
// double "weight" on edges (the names Gephi maps to its own columns), node ids
// that are the actors' ids. Parallel edges need no declaration: GraphML
// allows them in any graph (parse.* attributes are optional hints only).

#include <string>
#include <vector>

#include "detail_xml.hpp"
#include "eventgraph/export/writers.hpp"

namespace eventgraph::exports {

namespace {

using detail::xml_escape;

struct Key {
    const char* id;
    const char* domain;  // "node" or "edge"
    const char* name;
    const char* type;  // string, int, double, boolean
};

constexpr Key keys[] = {
    {"n_label", "node", "label", "string"},
    {"n_code", "node", "code", "string"},
    {"n_name", "node", "name", "string"},
    {"n_kind", "node", "kind", "string"},
    {"e_label", "edge", "label", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_quad", "edge", "quad", "int"},
    {"e_asserted", "edge", "asserted", "boolean"},
    {"e_count", "edge", "count", "int"},
    {"e_mentions", "edge", "mentions", "int"},
    {"e_first", "edge", "first", "string"},
    {"e_last", "edge", "last", "string"},
    {"e_articles", "edge", "articles", "string"},
    {"e_attributions", "edge", "attributions", "string"},
    {"e_weight", "edge", "weight", "double"},
};

void data(std::string& out, const char* key, const std::string& escaped_value) {
    out += "      <data key=\"";
    out += key;
    out += "\">";
    out += escaped_value;
    out += "</data>\n";
}

}  // namespace

std::string to_graphml(const graph::EventGraph& g) {
    const auto& graph = g.graph;
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
        "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const Key& k : keys) {
        out += "  <key id=\"";
        out += k.id;
        out += "\" for=\"";
        out += k.domain;
        out += "\" attr.name=\"";
        out += k.name;
        out += "\" attr.type=\"";
        out += k.type;
        out += "\"/>\n";
    }
    out += "  <graph id=\"eventgraph\" edgedefault=\"directed\">\n";

    const std::vector<std::string> ids = detail::xml_ids(graph);
    for (auto v : boost::make_iterator_range(boost::vertices(graph))) {
        const graph::Vertex& x = graph[v];
        out += "    <node id=\"" + ids[v] + "\">\n";
        data(out, "n_label", xml_escape(x.name.empty() ? x.id : x.name));
        data(out, "n_code", xml_escape(x.code));
        data(out, "n_name", xml_escape(x.name));
        data(out, "n_kind", model::to_string(x.kind));
        out += "    </node>\n";
    }

    std::size_t n = 0;
    for (auto e : boost::make_iterator_range(boost::edges(graph))) {
        const graph::Edge& r = graph[e];
        out += "    <edge id=\"e" + std::to_string(n++) + "\" source=\"" +
               ids[boost::source(e, graph)] + "\" target=\"" + ids[boost::target(e, graph)] +
               "\">\n";
        data(out, "e_label", xml_escape(r.asserted ? r.type : r.type + " (not asserted)"));
        data(out, "e_type", xml_escape(r.type));
        data(out, "e_quad", std::to_string(r.quad));
        data(out, "e_asserted", r.asserted ? "true" : "false");
        data(out, "e_count", std::to_string(r.count));
        data(out, "e_mentions", std::to_string(r.mentions));
        if (const model::DateSpan* first = g.date(r.first))
            data(out, "e_first", model::date_value(*first));
        if (const model::DateSpan* last = g.date(r.last))
            data(out, "e_last", model::date_value(*last));
        data(out, "e_articles", xml_escape(detail::joined(r.articles, g.articles)));
        data(out, "e_attributions", xml_escape(detail::joined(r.attributions)));
        data(out, "e_weight", detail::number_text(r.weight));
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace eventgraph::exports

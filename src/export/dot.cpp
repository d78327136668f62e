// DOT written through Graphviz's cgraph, so that the quoting of names is
// Graphviz's own. cgraph 2.42 still cannot write a string that ends in a
// backslash, and reads a backslash before a line break as a line
// continuation, so every string goes through dot_text() first: DOT text here
// is escString text (what labels use), where "\\" is one backslash and "\n" a
// line break, and that one rule holds for names and attributes alike.

#include <graphviz/cgraph.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "detail_graphviz.hpp"
#include "detail_style.hpp"
#include "detail_xml.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"

namespace eventgraph::exports {

namespace {

using detail::all_kinds;
using detail::colour_of_quad;
using detail::pen_width;
using detail::quad_name;
using detail::Style;
using detail::style_of;
using graph::EventGraph;
using model::ActorKind;

/// Text for a DOT string: valid UTF-8, backslashes doubled, line breaks as
/// "\n", other control characters dropped, tabs as spaces.
std::string dot_text(std::string_view raw) {
    const std::string s = detail::valid_utf8(raw);
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += ' ';
        } else if (u >= 0x20 && u != 0x7F) {
            out += c;
        }
    }
    return out;
}

// cgraph's API predates const; it copies every string it is given.
char* mutable_text(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* mutable_text(const char* s) { return const_cast<char*>(s); }

std::string fixed2(double x) { return detail::number_text(std::round(x * 100) / 100); }

std::string date_range(const graph::Edge& e) {
    if (!e.first && !e.last) return "";
    const std::string from = model::date_value(e.first ? *e.first : *e.last);
    const std::string to = model::date_value(e.last ? *e.last : *e.first);
    return from == to ? from : from + " \u2013 " + to;
}

/// "aid ×3" and the date range under it, as the analyst reads the edge.
std::string edge_label(const graph::Edge& e) {
    std::string label = dot_text(e.type);
    if (e.count > 1) label += " \u00D7" + std::to_string(e.count);
    if (!e.asserted) label += " (not asserted)";
    const std::string dates = date_range(e);
    if (!dates.empty()) label += "\\n" + dates;
    return label;
}

std::string node_label(const graph::Vertex& v) {
    std::string label = dot_text(v.name.empty() ? v.id : v.name);
    // A person or an agent drawn beside countries says whose it is.
    if (v.kind != ActorKind::country && v.kind != ActorKind::organisation && !v.code.empty() &&
        v.code != v.id && v.code != v.name)
        label += "\\n(" + dot_text(v.code) + ")";
    return label;
}

class DotBuilder {
public:
    explicit DotBuilder(const detail::GraphvizSession& session) : session_(session) {}

    std::string build(const EventGraph& g) {
        disc_ = {&AgMemDisc, &AgIdDisc, &io_};
        std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> root(
            agopen(mutable_text("eventgraph"), Agdirected, &disc_), agclose);
        if (!root) session_.fail("Graphviz could not create a graph");
        root_ = root.get();

        defaults();
        const auto& graph = g.graph;
        std::vector<Agnode_t*> nodes;
        std::set<ActorKind> kinds;
        for (auto v : boost::make_iterator_range(boost::vertices(graph))) {
            nodes.push_back(add_vertex(graph[v], "v" + std::to_string(v)));
            kinds.insert(graph[v].kind);
        }
        std::set<int> quads;
        bool not_asserted = false;
        for (auto e : boost::make_iterator_range(boost::edges(graph))) {
            add_edge(graph[e], nodes[boost::source(e, graph)], nodes[boost::target(e, graph)]);
            quads.insert(graph[e].quad >= 1 && graph[e].quad <= 4 ? graph[e].quad : 0);
            not_asserted = not_asserted || !graph[e].asserted;
        }
        if (boost::num_vertices(graph) > 0) legend(kinds, quads, not_asserted);

        out_.clear();
        if (agwrite(root_, &out_) == EOF) session_.fail("Graphviz could not write the DOT text");
        root_ = nullptr;
        return std::move(out_);
    }

private:
    void set(void* object, const char* name, const std::string& value) {
        if (agsafeset(object, mutable_text(name), mutable_text(value), mutable_text("")) != 0)
            session_.fail(std::string("Graphviz could not set the attribute ") + name);
    }

    void set_default(int kind, const char* name, const char* value) {
        session_.declare(root_, kind, name, value);
    }

    void defaults() {
        const char* font = "Helvetica,Arial,sans-serif";
        set_default(AGRAPH, "rankdir", "LR");
        set_default(AGRAPH, "overlap", "false");
        set_default(AGRAPH, "splines", "true");
        set_default(AGRAPH, "outputorder", "edgesfirst");
        set_default(AGRAPH, "nodesep", "0.4");
        set_default(AGRAPH, "ranksep", "1.0");
        set_default(AGRAPH, "pad", "0.3");
        set_default(AGRAPH, "fontname", font);
        set_default(AGRAPH, "fontsize", "11");
        set_default(AGRAPH, "label", "");
        set_default(AGNODE, "fontname", font);
        set_default(AGNODE, "fontsize", "11");
        set_default(AGNODE, "margin", "0.12,0.06");
        set_default(AGEDGE, "fontname", font);
        set_default(AGEDGE, "fontsize", "9");
        set_default(AGEDGE, "fontcolor", "#333333");
        set_default(AGEDGE, "arrowsize", "0.8");
    }

    /// A node name of its own: the actor's id where cgraph keeps it as it is
    /// (a name starting with '%' is one of cgraph's anonymous names).
    Agnode_t* new_node(const std::string& wanted, const std::string& fallback) {
        std::string name = wanted;
        if (name.empty() || name[0] == '%' || names_.count(name)) name = fallback;
        while (names_.count(name)) name += "_";
        names_.insert(name);
        Agnode_t* n = agnode(root_, mutable_text(name), 1);
        if (!n) session_.fail("Graphviz could not add the node " + name);
        return n;
    }

    void style_node(Agnode_t* n, ActorKind kind) {
        const Style s = style_of(kind);
        set(n, "shape", s.shape);
        set(n, "style", s.style);
        set(n, "fillcolor", s.fill);
        set(n, "color", s.pen);
    }

    Agnode_t* add_vertex(const graph::Vertex& v, const std::string& fallback) {
        Agnode_t* n = new_node(dot_text(v.id), fallback);
        set(n, "label", node_label(v));
        style_node(n, v.kind);
        // Not drawn: for programs that read the DOT back.
        set(n, "actor", dot_text(v.id));
        set(n, "code", dot_text(v.code));
        set(n, "name", dot_text(v.name));
        set(n, "kind", model::to_string(v.kind));
        return n;
    }

    /// Relations of different types between the same pair stay separate
    /// edges: cgraph tells them apart by their keys.
    Agedge_t* new_edge(Agnode_t* tail, Agnode_t* head, const std::string& wanted) {
        std::string key = wanted.empty() || wanted[0] == '%' ? "_" + wanted : wanted;
        while (agedge(root_, tail, head, mutable_text(key), 0)) key += "_";
        Agedge_t* e = agedge(root_, tail, head, mutable_text(key), 1);
        if (!e) session_.fail("Graphviz could not add the edge " + key);
        return e;
    }

    void add_edge(const graph::Edge& r, Agnode_t* tail, Agnode_t* head) {
        const std::string type = dot_text(r.type);
        Agedge_t* e = new_edge(tail, head, r.asserted ? type : type + " (not asserted)");
        const int quad = r.quad >= 1 && r.quad <= 4 ? r.quad : 0;
        set(e, "label", edge_label(r));
        set(e, "color", colour_of_quad(quad));
        set(e, "penwidth", fixed2(pen_width(r.count)));
        if (!r.asserted)
            set(e, "style", "dashed");
        else if (quad == 0)
            set(e, "style", "dotted");
        // dot wants an integer weight: stronger relations are drawn shorter and straighter.
        set(e, "weight", std::to_string(std::max<std::size_t>(r.count, 1)));
        // Not drawn: for programs that read the DOT back.
        set(e, "type", type);
        set(e, "quad", std::to_string(r.quad));
        set(e, "asserted", r.asserted ? "true" : "false");
        set(e, "count", std::to_string(r.count));
        set(e, "mentions", std::to_string(r.mentions));
        if (r.first) set(e, "first", model::date_value(*r.first));
        if (r.last) set(e, "last", model::date_value(*r.last));
    }

    /// A legend of the kinds and classes the diagram shows, in a cluster of
    /// its own (dot draws it boxed; other layouts place its nodes freely).
    void legend(const std::set<ActorKind>& kinds, const std::set<int>& quads, bool not_asserted) {
        Agraph_t* sub = agsubg(root_, mutable_text("cluster_legend"), 1);
        if (!sub) session_.fail("Graphviz could not add the legend");
        set(sub, "label", "Legend");
        set(sub, "style", "rounded");
        set(sub, "color", "#BBBBBB");
        set(sub, "fontsize", "10");

        auto node_in_legend = [&](const std::string& name) {
            Agnode_t* n = new_node(name, name);
            if (!agsubnode(sub, n, 1)) session_.fail("Graphviz could not add to the legend");
            return n;
        };
        for (const ActorKind kind : all_kinds) {
            if (!kinds.count(kind)) continue;
            Agnode_t* n = node_in_legend(std::string("legend ") + model::to_string(kind));
            set(n, "label", model::to_string(kind));
            style_node(n, kind);
        }
        auto line = [&](const std::string& name, const std::string& label, const char* colour,
                        const char* style, const char* width) {
            Agnode_t* from = node_in_legend("legend " + name + " from");
            Agnode_t* to = node_in_legend("legend " + name + " to");
            for (Agnode_t* n : {from, to}) {
                set(n, "shape", "point");
                set(n, "width", "0.05");
                set(n, "color", colour);
                set(n, "label", "");
            }
            Agedge_t* e = agedge(sub, from, to, nullptr, 1);
            if (!e) session_.fail("Graphviz could not add to the legend");
            set(e, "label", label);
            set(e, "color", colour);
            set(e, "penwidth", width);
            if (*style) set(e, "style", style);
        };
        for (const int quad : quads)
            line("quad " + std::to_string(quad),
                 quad == 0 ? "other (member of)" : std::string(quad_name(quad)),
                 colour_of_quad(quad), quad == 0 ? "dotted" : "", "2");
        if (not_asserted)
            line("not asserted", "denied, hypothetical or future", "#666666", "dashed", "2");
        if (!quads.empty()) line("count", "thicker: more happenings", "#666666", "", "5");
    }

    static int put(void* chan, const char* text) {
        try {
            static_cast<std::string*>(chan)->append(text);
            return 0;
        } catch (...) {
            return EOF;
        }
    }
    static int flush(void*) { return 0; }

    const detail::GraphvizSession& session_;
    Agiodisc_t io_{nullptr, &DotBuilder::put, &DotBuilder::flush};
    Agdisc_t disc_{};
    Agraph_t* root_ = nullptr;
    std::set<std::string> names_;
    std::string out_;
};

}  // namespace

std::string to_dot(const graph::EventGraph& g) {
    const detail::GraphvizSession session;
    DotBuilder builder(session);
    return builder.build(g);
}

}  // namespace eventgraph::exports

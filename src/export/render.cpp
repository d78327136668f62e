// Drawing in-process through Graphviz's gvc: the DOT text of to_dot() is read
// back by cgraph, laid out and rendered, so the picture and the DOT file are
// the same graph by construction.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "detail_graphviz.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"

namespace eventgraph::exports {

namespace {

constexpr std::array<std::string_view, 3> formats{"svg", "png", "pdf"};
constexpr std::array<std::string_view, 4> layouts{"dot", "neato", "sfdp", "circo"};

template <std::size_t N>
void check_choice(const std::array<std::string_view, N>& valid, const std::string& value,
                  const std::string& what) {
    if (std::find(valid.begin(), valid.end(), value) != valid.end()) return;
    std::string list;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) list += i + 1 == N ? " or " : ", ";
        list += valid[i];
    }
    throw usage_error("unknown " + what + " \"" + value + "\": expected " + list);
}

std::set<std::string> plugin_list(GVC_t* gvc, const char* kind) {
    int size = 0;
    char** list = gvPluginList(gvc, kind, &size, nullptr);
    std::set<std::string> names;
    for (int i = 0; i < size; ++i) {
        // Entries are "name" or, in some versions, "name:plugin".
        const std::string_view entry = list[i];
        names.emplace(entry.substr(0, entry.find(':')));
        free(list[i]);
    }
    free(list);
    return names;
}

// One context for the life of the process, never freed: Graphviz 2.42's pango
// plugin keeps a pointer to the last font name it measured, which
// gvFreeContext frees, so a second context reads freed memory (AddressSanitizer
// shows it on the second render). Used only under the GraphvizSession lock.
GVC_t* context() {
    static GVC_t* const gvc = gvContext();
    return gvc;
}

/// The layouts and output devices Graphviz found, asked once (gvPluginList
/// leaks a little at each call).
struct Plugins {
    std::set<std::string> layouts, devices;
};
const Plugins& plugins(GVC_t* gvc) {
    static const Plugins found{plugin_list(gvc, "layout"), plugin_list(gvc, "device")};
    return found;
}

std::string html_text(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

std::string attr(void* object, const char* name) {
    const char* v = agget(object, const_cast<char*>(name));
    return v ? v : "";
}

/// neato, sfdp and circo know no clusters: the legend's sample nodes and
/// lines would float among the actors. There it becomes a table under the
/// drawing (an HTML-like graph label), built from the same cluster.
void legend_as_table(Agraph_t* g, const detail::GraphvizSession& session) {
    Agraph_t* legend = agsubg(g, const_cast<char*>("cluster_legend"), 0);
    if (!legend) return;
    std::string kinds, lines;
    std::vector<Agnode_t*> nodes;
    for (Agnode_t* n = agfstnode(legend); n; n = agnxtnode(legend, n)) {
        nodes.push_back(n);
        if (attr(n, "shape") != "point") {
            kinds += "<TD BORDER=\"1\" COLOR=\"" + html_text(attr(n, "color")) + "\" BGCOLOR=\"" +
                     html_text(attr(n, "fillcolor")) + "\">" + html_text(attr(n, "label")) +
                     "</TD>";
        }
        for (Agedge_t* e = agfstout(legend, n); e; e = agnxtout(legend, e)) {
            const bool dashed = attr(e, "style") == "dashed";
            const bool dotted = attr(e, "style") == "dotted";
            const bool thick = std::stod("0" + attr(e, "penwidth")) > 3;
            const char* sample = dashed   ? "\u254C\u254C\u254C\u254C"
                                 : dotted ? "\u2508\u2508\u2508\u2508"
                                          : "\u2501\u2501\u2501\u2501";
            lines += "<TR><TD ALIGN=\"RIGHT\"><FONT COLOR=\"" + html_text(attr(e, "color")) +
                     "\" POINT-SIZE=\"" + (thick ? "22" : "11") + "\">" + sample +
                     "</FONT></TD><TD ALIGN=\"LEFT\" COLSPAN=\"5\">" + html_text(attr(e, "label")) +
                     "</TD></TR>";
        }
    }
    const std::string html = "<TABLE BORDER=\"0\" CELLSPACING=\"4\"><TR><TD>Legend</TD>" + kinds +
                             "</TR>" + lines + "</TABLE>";
    for (Agnode_t* n : nodes) agdelnode(g, n);
    if (agclose(legend) != 0) session.fail("Graphviz could not move the legend");
    char* label = agstrdup_html(g, const_cast<char*>(html.c_str()));
    if (!label) session.fail("Graphviz could not make the legend");
    const int set = agsafeset(g, const_cast<char*>("label"), label, const_cast<char*>(""));
    agstrfree(g, label);
    if (set != 0 || agsafeset(g, const_cast<char*>("labelloc"), const_cast<char*>("b"),
                              const_cast<char*>("")) != 0)
        session.fail("Graphviz could not set the legend");
}

/// Room for the edge labels in the layouts that place nodes by force or on
/// circles (dot makes its own room).
void spread_out(Agraph_t* g, const std::string& layout, const detail::GraphvizSession& session) {
    auto set = [&](int kind, const char* name, const char* value) {
        session.declare(g, kind, name, value);
    };
    set(AGRAPH, "sep", "+24");
    set(AGRAPH, "esep", "+8");
    if (layout == "neato") set(AGEDGE, "len", "2.5");
    if (layout == "sfdp") set(AGRAPH, "K", "1.6");
    if (layout == "circo") set(AGRAPH, "mindist", "1.6");
}

}  // namespace

namespace detail {

std::vector<Point> layout_positions(const graph::EventGraph& g) {
    const std::size_t vertices = boost::num_vertices(g.graph);
    if (vertices == 0) return {};
    const std::string layout = vertices > 300 ? "sfdp" : "neato";

    const GraphvizSession session;
    GVC_t* const gvc = context();
    if (!gvc || !plugins(gvc).layouts.count(layout)) return {};  // the page lays out itself
    // Only what the layout needs: a node the size of its label, one edge per
    // pair of actors (whatever the relations between them), no labels, no
    // edge routing. The diagram's own DOT, with thousands of labelled edges,
    // took minutes; this takes a fraction of a second.
    std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(
        agopen(const_cast<char*>("layout"), Agundirected, nullptr), agclose);
    if (!graph) session.fail("Graphviz could not make a graph");
    Agraph_t* const lg = graph.get();
    auto set_default = [&](int kind, const char* name, const char* value) {
        session.declare(lg, kind, name, value);
    };
    set_default(AGRAPH, "overlap", "false");
    set_default(AGRAPH, "sep", "+16");
    set_default(AGRAPH, "splines", "false");
    set_default(AGNODE, "shape", "box");
    set_default(AGNODE, "fixedsize", "true");
    set_default(AGNODE, "width", "1");
    set_default(AGNODE, "height", "0.4");
    set_default(AGEDGE, "len", "1.6");
    std::vector<Agnode_t*> nodes;
    for (const auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
        const std::string name = "n" + std::to_string(v);
        Agnode_t* n = agnode(lg, const_cast<char*>(name.c_str()), 1);
        if (!n) session.fail("Graphviz could not add a node");
        // About 7 pixels a character, 72 points an inch, as the page draws labels.
        const std::string& label = g.graph[v].name.empty() ? g.graph[v].id : g.graph[v].name;
        const std::string width = std::to_string(std::max(0.5, (label.size() * 7.0 + 14) / 72));
        agsafeset(n, const_cast<char*>("width"), const_cast<char*>(width.c_str()),
                  const_cast<char*>("1"));
        nodes.push_back(n);
    }
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph))) {
        Agnode_t* a = nodes[boost::source(e, g.graph)];
        Agnode_t* b = nodes[boost::target(e, g.graph)];
        if (a != b && !agedge(lg, a, b, nullptr, 0) && !agedge(lg, b, a, nullptr, 0))
            agedge(lg, a, b, nullptr, 1);
    }
    if (gvLayout(gvc, lg, layout.c_str()) != 0)
        session.fail("Graphviz could not lay out the graph with " + layout);
    std::vector<Point> points;
    for (Agnode_t* n : nodes)
        points.push_back({ND_coord(n).x, -ND_coord(n).y});  // y grows upwards there
    gvFreeLayout(gvc, lg);
    return points;
}

}  // namespace detail

std::string render(const graph::EventGraph& g, const std::string& format,
                   const std::string& layout) {
    check_choice(formats, format, "format");
    check_choice(layouts, layout, "layout");
    const std::string dot = to_dot(g);

    const detail::GraphvizSession session;
    GVC_t* const gvc = context();
    if (!gvc) session.fail("Graphviz could not start");
    if (!plugins(gvc).layouts.count(layout))
        session.fail("Graphviz has no " + layout +
                     " layout here: its plugins are in Debian's libgvc6 (run `dot -c` as root "
                     "if they are installed but not registered)");
    if (!plugins(gvc).devices.count(format))
        session.fail("Graphviz cannot write " + format +
                     " here: its svg, png and pdf writers are in Debian's libgvc6 (core and "
                     "cairo plugins; run `dot -c` as root if they are installed but not "
                     "registered)");

    std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(dot.c_str()), agclose);
    if (!graph) session.fail("Graphviz could not read back its own DOT text");
    if (layout != "dot") {
        legend_as_table(graph.get(), session);
        spread_out(graph.get(), layout, session);
    }
    if (gvLayout(gvc, graph.get(), layout.c_str()) != 0)
        session.fail("Graphviz could not lay out the graph with " + layout);
    char* data = nullptr;
    unsigned int length = 0;
    const int rendered = gvRenderData(gvc, graph.get(), format.c_str(), &data, &length);
    std::string bytes;
    if (rendered == 0 && data) bytes.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, graph.get());
    if (rendered != 0 || bytes.empty()) session.fail("Graphviz could not render " + format);
    return bytes;
}

}  // namespace eventgraph::exports

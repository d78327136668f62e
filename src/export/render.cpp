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

}  // namespace

std::string render(const graph::EventGraph& g, const std::string& format, const std::string& layout) {
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

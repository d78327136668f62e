#pragma once
// What the DOT writer and the renderer share. Private to src/export (and its tests).

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/graph/graph.hpp"

struct Agraph_s;  // cgraph's Agraph_t

namespace eventgraph::exports::detail {

/// Graphviz keeps global state (the error handler and level, the DOT lexer,
/// static buffers in agwrite), so one caller at a time: a session holds the
/// lock and collects Graphviz's error messages instead of letting it print
/// them, and restores Graphviz's previous error handling when it ends.
class GraphvizSession {
public:
    GraphvizSession();
    ~GraphvizSession();
    GraphvizSession(const GraphvizSession&) = delete;
    GraphvizSession& operator=(const GraphvizSession&) = delete;

    /// What Graphviz reported since the session began, one message a line,
    /// without its "Error: " prefixes; "" if nothing.
    std::string messages() const;

    /// Throws output_error "WHAT: MESSAGES" (or "WHAT" alone).
    [[noreturn]] void fail(std::string_view what) const;

    /// Declares an attribute of the graph's graphs, nodes or edges (kind
    /// AGRAPH, AGNODE or AGEDGE) with its default value; fails if Graphviz cannot.
    void declare(Agraph_s* graph, int kind, const char* name, const char* value) const;

private:
    std::unique_lock<std::mutex> lock_;
    int (*previous_handler_)(char*) = nullptr;  // cgraph's agusererrf
    int previous_level_ = 0;
};

/// Appends S as an ID of DOT, as Graphviz 2.42's cgraph writes it: bare if
/// it may be (an identifier of ASCII letters, digits, '_' and bytes past
/// ASCII, or a numeral, and no keyword), else quoted with '"' escaped, long
/// strings broken with a backslash and a line break.
void append_dot_id(std::string& out, std::string_view s);

/// Text for a DOT string: valid UTF-8, backslashes doubled, line breaks as
/// "\n", other control characters dropped, tabs as spaces.
std::string dot_text(std::string_view raw);
/// A number with at most two decimals, as DOT's attributes show it.
std::string fixed2(double x);
/// A relation's label: "aid ×3", "(not asserted)", its dates under it (DOT text).
std::string edge_label(const graph::EventGraph& g, const graph::Edge& e);
/// An actor's label: its name, and whose it is for a person or an agent (DOT text).
std::string node_label(const graph::Vertex& v);

struct Point {
    double x = 0, y = 0;  ///< points, y growing downwards as on a screen
};

/// Where Graphviz (neato, or sfdp past 300 actors) puts each actor, in vertex
/// order, for pictures drawn elsewhere (the web page): the actors and which
/// pairs are related, nothing else. Empty if Graphviz has no such layout here.
std::vector<Point> layout_positions(const graph::EventGraph& g);

}  // namespace eventgraph::exports::detail

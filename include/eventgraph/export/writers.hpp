#pragma once
// Exports of the graph and its timeline. Each writer returns the whole file's
// text; the caller writes it through io::Output (atomic -o).

#include <string>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::exports {

/// Graphviz DOT, written through cgraph: nodes styled by kind, edges coloured
/// by quad class and labelled with type, count and dates, a legend.
std::string to_dot(const graph::EventGraph& g);

/// GraphML for NetworkX, Gephi, yEd and Cytoscape.
std::string to_graphml(const graph::EventGraph& g);

/// GEXF 1.3 with edge spells, for Gephi's timeline.
std::string to_gexf(const graph::EventGraph& g);

/// Timeline JSON (schemas/timeline.schema.json): happenings in date order.
std::string to_timeline_json(const graph::EventGraph& g);

/// Knight Lab TimelineJS JSON.
std::string to_timelinejs(const graph::EventGraph& g);

/// Lays out and draws the graph in-process with Graphviz's gvc: format svg,
/// png or pdf; layout dot, neato, sfdp or circo. Returns the file's bytes.
std::string render(const graph::EventGraph& g, const std::string& format, const std::string& layout);

}  // namespace eventgraph::exports

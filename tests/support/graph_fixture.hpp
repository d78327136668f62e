#pragma once
// Graphs built by hand for the exporters' tests, independent of build_graph.

#include <optional>
#include <string>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::test {

graph::VertexId actor(graph::EventGraph& g, const std::string& id, const std::string& name,
                      model::ActorKind kind, const std::string& code = "");
model::DateSpan day(int y, unsigned m, unsigned d);
model::DateSpan month(int y, unsigned m);
/// A relation of `count` happenings (and twice as many mentions) between two actors.
graph::EdgeId relation(graph::EventGraph& g, graph::VertexId from, graph::VertexId to,
                       const std::string& type, int quad, std::size_t count,
                       std::optional<model::DateSpan> first = {},
                       std::optional<model::DateSpan> last = {}, bool asserted = true);
/// China, Russia, Iran, the United States, NATO and Kurt Campbell with the seed page's relations.
graph::EventGraph seed_graph();

}  // namespace eventgraph::test

// TEMPORARY: stand-ins for the DOT, GraphML, GEXF and render writers, which
// another branch implements against the same header. Delete at merge.

#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"

namespace eventgraph::exports {

std::string to_dot(const graph::EventGraph&) { throw output_error("not written yet"); }
std::string to_graphml(const graph::EventGraph&) { throw output_error("not written yet"); }
std::string to_gexf(const graph::EventGraph&) { throw output_error("not written yet"); }
std::string render(const graph::EventGraph&, const std::string&, const std::string&) {
    throw output_error("not written yet");
}

}  // namespace eventgraph::exports

#pragma once
// What `eventgraph stats` reports: a graph's events and happenings counted by
// type, by actor and by month, and its strongest relations.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::graph {

/// Happenings (reports of one event counted once) and events (every report).
struct Count {
    std::size_t happenings = 0;
    std::size_t events = 0;
};

struct Statistics {
    std::size_t events = 0;
    std::size_t happenings = 0;
    std::size_t articles = 0;  ///< distinct article ids among the events
    std::size_t actors = 0;    ///< vertices
    /// Most happenings first (then most events, then by name).
    std::vector<std::pair<std::string, Count>> by_type;
    /// By vertex, as source or target; most happenings first.
    struct Actor {
        std::string id;
        std::string name;  ///< the vertex's name (its id where it has none)
        Count count;
    };
    std::vector<Actor> by_actor;
    /// "2024-07" for a day or a month, "2024" for a year, "undated"; in order.
    std::vector<std::pair<std::string, Count>> by_month;
    /// The strongest relations (most happenings, then events; member-of left
    /// out), at most `top` of them, ties in the graph's edge order.
    std::vector<EdgeId> relations;
};

Statistics statistics(const EventGraph& g, std::size_t top = 10);

}  // namespace eventgraph::graph

#pragma once
// Paths between two actors of the relationship graph, each hop with the
// relations that make it and the evidence for them.
//
// A path is a sequence of vertices: several relations between the same two
// actors (aid one way, cooperation the other) make one hop, and the hop lists
// them all, the strongest first. Undirected by default (an edge joins its two
// actors whichever way it points); `directed` follows who did what to whom.
//
// Lengths are hops. Among paths of equal length the one whose vertex
// sequence comes first, vertex by vertex in graph order, comes first, so
// answers depend on nothing but the graph. (Time-respecting paths of equal
// arrival and hops come in an order that is deterministic too, but not
// necessarily that one.)
//
// Only asserted relations are used unless asked otherwise; self-loops never.
//
// Time-respecting paths (`temporal`): a happening's date is a span of days
// ("in July" is any day of July); a path is time-respecting when one day can
// be chosen inside the date of one happening of each hop, never earlier than
// the day chosen for the hop before. Each hop takes the happening that allows
// the earliest day (then the one with most mentions, then the first); a
// path's arrival is the day chosen for its last hop. The shortest temporal
// path is the earliest-arriving one, then the one with fewest hops. Undated
// happenings cannot be placed in time and are not used.

#include <date/date.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::query {

/// How paths may run.
struct PathOptions {
    bool directed = false;      ///< follow edges from source to target only
    bool temporal = false;      ///< time-respecting paths only, ranked by arrival
    bool asserted_only = true;  ///< ignore relations of denied, hypothetical or future happenings
};

/// One relation (graph edge) of a hop, with its strongest evidence.
struct Relation {
    graph::EdgeId edge;  ///< its source and target are as in the data
    std::optional<std::size_t>
        happening;                      ///< index into EventGraph::happenings (none for member-of)
    std::optional<std::size_t> report;  ///< index into EventGraph::events: the evidence
};

/// One step of a path, from one actor to the next.
struct Hop {
    graph::VertexId from{}, to{};
    /// The relations between them usable in this direction: the one the
    /// path takes first (temporal: the one whose happening is used; else the
    /// strongest: most happenings, most mentions, type), then the others.
    std::vector<Relation> relations;
    std::optional<date::sys_days> day;  ///< temporal: the day chosen for this hop
};

struct Path {
    std::vector<graph::VertexId> vertices;  ///< from … to
    std::vector<Hop> hops;                  ///< vertices.size() - 1 of them
    std::optional<date::sys_days> arrival;  ///< temporal: the day of the last hop
};

/// Answers path queries on one graph with one set of options. Building it
/// indexes the graph (the pairs of actors a hop can join, and for temporal
/// paths their dates); keep it to answer many queries. The graph must
/// outlive it. Its queries are const and may run in parallel.
class PathFinder {
public:
    explicit PathFinder(const graph::EventGraph& g, const PathOptions& options = {});
    ~PathFinder();
    PathFinder(PathFinder&&) noexcept;
    PathFinder& operator=(PathFinder&&) noexcept;

    /// The shortest connection, or nullopt if there is none.
    std::optional<Path> shortest(graph::VertexId from, graph::VertexId to) const;
    /// Up to k loopless paths in order of cost (Yen's algorithm).
    std::vector<Path> k_shortest(graph::VertexId from, graph::VertexId to, std::size_t k) const;
    /// Every simple path of at most max_hops hops, by hops then vertex order;
    /// stops after `limit` paths.
    std::vector<Path> simple_paths(graph::VertexId from, graph::VertexId to, std::size_t max_hops,
                                   std::size_t limit = static_cast<std::size_t>(-1)) const;

    class Index;

private:
    std::unique_ptr<Index> index_;
};

/// The shortest connection, or nullopt if there is none.
std::optional<Path> shortest_path(const graph::EventGraph& g, graph::VertexId from,
                                  graph::VertexId to, const PathOptions& options = {});

/// Up to k loopless paths in order of cost (Yen's algorithm).
std::vector<Path> k_shortest_paths(const graph::EventGraph& g, graph::VertexId from,
                                   graph::VertexId to, std::size_t k,
                                   const PathOptions& options = {});

/// Every simple path of at most max_hops hops, by hops then vertex order;
/// stops after `limit` paths.
std::vector<Path> all_simple_paths(const graph::EventGraph& g, graph::VertexId from,
                                   graph::VertexId to, std::size_t max_hops,
                                   const PathOptions& options = {},
                                   std::size_t limit = static_cast<std::size_t>(-1));

/// The vertices a user means by `name`: those whose id matches (ignoring
/// case), else whose code matches, else whose name matches. Empty if none.
std::vector<graph::VertexId> find_vertices(const graph::EventGraph& g, std::string_view name);

/// The strongest report of a happening: the one with the highest
/// confidence, then the smallest event id.
std::optional<std::size_t> strongest_report(const graph::EventGraph& g, std::size_t happening);

/// The strongest happening of a relation: most mentions, then earliest
/// start (undated last), then smallest index.
std::optional<std::size_t> strongest_happening(const graph::EventGraph& g, graph::EdgeId edge);

}  // namespace eventgraph::query

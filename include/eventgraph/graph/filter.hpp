#pragma once
// Filters shared by every command that reads events: --actors (with
// --depth), --since, --until, --types, --min-count, --polarity.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <date/date.h>

#include "eventgraph/graph/graph.hpp"
#include "eventgraph/model/event.hpp"

namespace eventgraph::graph {

struct Filter {
    std::vector<std::string> actors;  ///< codes, ids or names ("CHN", "China", "Beijing"), resolved by the caller
    int depth = 0;                    ///< neighbourhood of the actors, in hops
    std::optional<date::year_month_day> since, until;  ///< inclusive; from "2024", "2024-07" or "2024-07-15"
    std::set<std::string> types;      ///< event types; "strike" = assault, "supply" = aid
    std::size_t min_count = 0;        ///< relations with fewer happenings are dropped
    std::set<model::Polarity> polarity;  ///< empty: all
};

/// "2024" → 2024-01-01 (or 2024-12-31 for an end), "2024-07" → 2024-07-01
/// (-31), "2024-07-15"; throws usage_error naming the option otherwise.
date::year_month_day parse_filter_date(const std::string& text, bool end, const std::string& option);

/// The event type a user means: "strike" → "assault", "supply" → "aid";
/// throws usage_error for an unknown type.
std::string canonical_type(const std::string& user_type);

/// Events that pass the event-level filters (dates, types, polarity).
std::vector<model::Event> filter_events(std::vector<model::Event> events, const Filter& filter);

/// The graph reduced to the relation-level filters (actors with depth,
/// min-count). Actors must already be resolved to vertex ids.
EventGraph filter_graph(const EventGraph& g, const Filter& filter);

}  // namespace eventgraph::graph

#pragma once
// Filters shared by every command that reads events: --actors (with
// --depth), --since, --until, --types, --min-count, --polarity,
// --unknown-actors.

#include <date/date.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "eventgraph/graph/graph.hpp"
#include "eventgraph/model/event.hpp"

namespace eventgraph::graph {

/// What to do with events whose source is unknown (no source).
enum class UnknownActors { include, exclude, only };

struct Filter {
    std::vector<std::string>
        actors;     ///< codes, ids or names ("CHN", "China", "Beijing"), resolved by the caller
    int depth = 0;  ///< neighbourhood of the actors, in hops
    std::optional<date::year_month_day> since,
        until;                           ///< inclusive; from "2024", "2024-07" or "2024-07-15"
    std::set<std::string> types;         ///< event types; "strike" = assault, "supply" = aid
    std::size_t min_count = 0;           ///< relations with fewer happenings are dropped
    std::set<model::Polarity> polarity;  ///< empty: all
    UnknownActors unknown_actors = UnknownActors::include;
};

/// "2024" → 2024-01-01 (or 2024-12-31 for an end), "2024-07" → 2024-07-01
/// (-31), "2024-07-15"; throws usage_error naming the option otherwise.
date::year_month_day parse_filter_date(const std::string& text, bool end,
                                       const std::string& option);

/// The event type a user means: "strike" → "assault", "supply" → "aid";
/// throws usage_error for an unknown type.
std::string canonical_type(const std::string& user_type);

/// Every event type a user may name, canonical ones first ("agree" … "statement").
const std::vector<std::string>& event_types();

/// "asserted", "denied", "hypothetical" or "future"; throws usage_error otherwise.
model::Polarity parse_polarity(const std::string& text);

/// "include", "exclude" or "only"; throws usage_error otherwise.
UnknownActors parse_unknown_actors(const std::string& text);

/// A hook for names the events do not spell out ("Beijing", "the Kremlin"):
/// returns the actor ids or codes a name stands for (e.g. from a lexicon),
/// or nothing.
using ActorLookup = std::function<std::vector<std::string>(const std::string& name)>;

/// The vertex ids that user-given actors name, sorted and distinct. Each is
/// tried as a vertex id (any case), then at Level::actor as a code (every
/// vertex of that country or organisation), then as a vertex's name or the
/// name or id of an actor of the events (any case), then through `lookup`.
/// Throws usage_error for one that names no vertex, and for the unknown
/// vertex, which is no one actor (--unknown-actors only is for that).
std::vector<std::string> resolve_actors(const EventGraph& g, const std::vector<std::string>& actors,
                                        const ActorLookup& lookup = {});

/// Events that pass the event-level filters: types, polarity, unknown
/// actors (events with no source kept, dropped or kept alone), and dates (an
/// event's span must overlap [since, until]; undated events are dropped when
/// either is given).
std::vector<model::Event> filter_events(std::vector<model::Event> events, const Filter& filter);
/// The same test for one event at a time (as events are read).
std::function<bool(const model::Event&)> event_filter(const Filter& filter);

/// The graph reduced to the relation-level filters: edges with at least
/// min-count happenings (member-of edges always pass), then, with actors,
/// the actors and every vertex within `depth` hops of them (edges followed
/// both ways) with the edges among them. The unknown vertex is never a hop
/// (it is not one actor): with actors, it and its relations are kept to the
/// kept actors it touches, as an event with no source involves only its
/// target. Without actors, vertices left with
/// no edge by min-count are dropped. Happenings and events are kept if their
/// relation is (targetless ones if their source vertex, or the unknown
/// vertex, is), re-indexed.
/// Actors must already be resolved to vertex ids (resolve_actors); an
/// unknown one is a usage_error.
EventGraph filter_graph(const EventGraph& g, const Filter& filter);
/// The same, moving what it keeps out of `g` (a million events are not copied).
EventGraph filter_graph(EventGraph&& g, const Filter& filter);

}  // namespace eventgraph::graph

#pragma once
// What GraphBuilder (builder.cpp) hands to the building of the graph
// (graph.cpp). Private to src/graph.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::graph::detail {

/// What of an event not kept whole the order needs beyond its record: the
/// sentence's text by its hash (events equal up to it are told apart by it,
/// not by the text's order).
struct Tie {
    int sentence = 0;
    std::size_t begin = 0;
    std::uint64_t text = 0;
};

/// FNV-1a of a string.
std::uint64_t text_hash(std::string_view s);

/// The first 16 bytes of a string as two big-endian numbers: sorting on them
/// sorts by the string's start without chasing a pointer per comparison.
std::pair<std::uint64_t, std::uint64_t> prefix_key(std::string_view s);

/// Sorts the records (and the events, when kept) into event order and drops
/// a second event with the id and article of an earlier one (event_order.cpp),
/// on up to `threads` threads.
void sort_events(EventGraph& g, const std::vector<Tie>& ties, unsigned threads);

/// Days since 1970-01-01.
int day_number(date::year_month_day d);

/// The graph of the records in `g` (see build_graph's doc); `ties` are the
/// records' when the events are not kept, and are used up. The long passes
/// run on up to `threads` threads; the graph is the same for any number.
void build(EventGraph& g, std::vector<Tie>& ties, unsigned threads);

}  // namespace eventgraph::graph::detail

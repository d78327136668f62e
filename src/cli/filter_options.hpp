#pragma once
// The filters every command that reads events shares (--actors, --depth,
// --since, --until, --types, --min-count, --polarity, --unknown-actors), and the graph they
// give.

#include <vector>

#include "args.hpp"
#include "command.hpp"
#include "eventgraph/graph/filter.hpp"
#include "eventgraph/graph/graph.hpp"

namespace eventgraph::cli {

/// The filter options, for a command's option list.
std::vector<OptionSpec> filter_options();
/// --level code|actor.
OptionSpec level_option();

/// The filter the options ask for, its actors as given (not yet resolved);
/// throws usage_error for a bad date, type, polarity or number.
graph::Filter filter_from_args(const Args& args);
graph::Level level_from_args(const Args& args);

/// The events of the positional inputs, filtered, as a graph at --level with
/// the relation filters applied; `summary` tells how the reading went.
/// Names in --actors that the events do not spell are looked up in the
/// lexicon (the default one and --lexicon files) on demand.
/// `fields`: what of each event the command's output needs; `keep`: what of
/// them the graph keeps beside their records (graph::Keep).
graph::EventGraph read_filtered_graph(const Args& args, ReadSummary& summary,
                                      const io::EventFields& fields = {},
                                      graph::Keep keep = graph::Keep::events);
/// The same over the files given (a command whose first arguments are no files).
graph::EventGraph read_filtered_graph(const Args& args, const std::vector<std::string>& files,
                                      ReadSummary& summary, const io::EventFields& fields = {},
                                      graph::Keep keep = graph::Keep::events);

/// Names looked up in the lexicon (the default one and --lexicon files, loaded
/// on first use): the ids or, at the code level, the codes they stand for.
graph::ActorLookup lexicon_lookup(const Args& args, graph::Level level);

/// 0 if every input was read whole, else 1 (a bad record was skipped, an input failed).
int exit_code(const ReadSummary& summary);

}  // namespace eventgraph::cli

#include "filter_options.hpp"

#include <memory>
#include <optional>

#include "eventgraph/error.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/text/ascii.hpp"
#include "heap.hpp"

namespace eventgraph::cli {

namespace {

std::vector<std::string> split_list(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        std::size_t pos = 0;
        while (pos <= v.size()) {
            const auto comma = std::min(v.find(',', pos), v.size());
            if (comma > pos) out.push_back(v.substr(pos, comma - pos));
            pos = comma + 1;
        }
    }
    return out;
}

}  // namespace

std::vector<OptionSpec> filter_options() {
    return {
        {"actors", 0, true, "LIST",
         "only these actors (codes, ids or names, comma-separated; repeatable)"},
        {"depth", 0, true, "N",
         "with --actors: also every actor within N hops of them (default 0)"},
        {"since", 0, true, "DATE", "only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"},
        {"until", 0, true, "DATE", "only events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)"},
        {"types", 0, true, "LIST", "only these event types (strike = assault, supply = aid)"},
        {"min-count", 0, true, "N", "only relations of at least N happenings"},
        {"polarity", 0, true, "LIST",
         "only events of these polarities: asserted, denied, hypothetical, future"},
        {"unknown-actors", 0, true, "WHAT",
         "events whose source is unknown (shown as the actor ?): include (default), exclude, "
         "only"},
        keep_going_option(),
        fail_fast_option(),
        read_threads_option(),
        lexicon_option(),
        no_default_dictionaries_option(),
    };
}

OptionSpec level_option() {
    return {"level", 0, true, "LEVEL",
            "code (default): countries and organisations, people folded in; actor: every actor, "
            "with member-of edges; cameo: CAMEO actor codes (RUSGOV, RUSMIL apart)"};
}

graph::Level level_from_args(const Args& args) {
    const std::string level = args.get("level", "code");
    if (level == "code") return graph::Level::code;
    if (level == "actor") return graph::Level::actor;
    if (level == "cameo") return graph::Level::cameo;
    throw usage_error("option --level needs code, actor or cameo, not \"" + level + "\"");
}

graph::Filter filter_from_args(const Args& args) {
    graph::Filter f;
    f.actors = split_list(args.all("actors"));
    f.depth = static_cast<int>(args.get_number("depth", 0, 0));
    if (args.has("depth") && f.actors.empty()) throw usage_error("option --depth needs --actors");
    if (args.has("since")) f.since = graph::parse_filter_date(args.get("since"), false, "since");
    if (args.has("until")) f.until = graph::parse_filter_date(args.get("until"), true, "until");
    if (f.since && f.until && *f.until < *f.since)
        throw usage_error("--until " + args.get("until") + " is before --since " +
                          args.get("since"));
    for (const auto& t : split_list(args.all("types"))) f.types.insert(graph::canonical_type(t));
    f.min_count = static_cast<std::size_t>(args.get_number("min-count", 0, 0));
    for (const auto& p : split_list(args.all("polarity")))
        f.polarity.insert(graph::parse_polarity(p));
    if (args.has("unknown-actors"))
        f.unknown_actors = graph::parse_unknown_actors(args.get("unknown-actors"));
    return f;
}

graph::ActorLookup lexicon_lookup(const Args& args, graph::Level level) {
    // The lexicon is loaded only for a name the events do not spell out ("Beijing").
    auto lex = std::make_shared<std::optional<lexicon::Lexicon>>();
    const auto extra = args.all("lexicon");
    const auto options = load_options(args);
    return [lex, extra, options, level](const std::string& name) {
        if (!*lex) *lex = lexicon::load_default_lexicon(extra, options);
        const std::string key = text::ascii_lower(name);
        std::vector<std::string> ids;
        for (const auto& entry : (*lex)->entries()) {
            bool match = text::ascii_lower(entry.id) == key || text::ascii_lower(entry.name) == key;
            for (const auto* list : {&entry.names, &entry.metonyms})
                for (const auto& n : *list) match = match || text::ascii_lower(n) == key;
            // At the code level a person or agency stands for its country or organisation.
            if (!match) continue;
            if (level == graph::Level::code && !entry.code.empty())
                ids.push_back(entry.code);
            else if (level == graph::Level::cameo && !entry.cameo.empty())
                ids.push_back(entry.cameo);
            else
                ids.push_back(entry.id);
        }
        return ids;
    };
}

graph::EventGraph read_filtered_graph(const Args& args, ReadSummary& summary,
                                      const io::EventFields& fields, graph::Keep keep) {
    return read_filtered_graph(args, args.positional(), summary, fields, keep);
}

graph::EventGraph read_filtered_graph(const Args& args, const std::vector<std::string>& files,
                                      ReadSummary& summary, const io::EventFields& fields,
                                      graph::Keep keep) {
    if (files.empty())
        throw usage_error("no input: give event files (JSON Lines) or - for standard input");
    graph::Filter filter = filter_from_args(args);
    const graph::Level level = level_from_args(args);
    // Each event becomes its record as it is read: the events are held
    // whole only where the output shows them.
    prepare_heap(files);
    graph::GraphBuilder builder(level, keep);
    const unsigned threads = read_threads(args);
    builder.set_threads(threads);
    const auto pass = graph::event_filter(filter);
    summary = read_event_files(
        files, fail_fast(args),
        [&](model::Event&& e, std::size_t input, std::size_t line) {
            if (pass(e)) builder.add(std::move(e), {static_cast<graph::Index>(input), line});
        },
        fields, [&](const std::string& file) { builder.add_input(file); }, threads);
    graph::EventGraph g = builder.finish();
    // Nothing read: no actor to resolve, and nothing will be written.
    if (summary.all_failed()) return g;

    filter.actors = graph::resolve_actors(g, filter.actors, lexicon_lookup(args, level));
    if (filter.actors.empty() && filter.min_count == 0) return g;
    return graph::filter_graph(std::move(g), filter);
}

int exit_code(const ReadSummary& summary) { return summary.ok() ? 0 : 1; }

}  // namespace eventgraph::cli

#include <algorithm>
#include <cstdio>
#include <map>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/graph/graph.hpp"
#include "eventgraph/io/output.hpp"
#include "eventgraph/query/paths.hpp"
#include "filter_options.hpp"
#include "progress.hpp"

namespace eventgraph::cli {

namespace {

using graph::EventGraph;
using graph::VertexId;

VertexId resolve_actor(const EventGraph& g, const std::string& name, const Args& args) {
    auto found = query::find_vertices(g, name);
    if (found.empty()) {
        // A name the events do not spell ("Beijing"): what the lexicon says it stands for.
        try {
            for (const auto& id : graph::resolve_actors(g, {name}, lexicon_lookup(args, g.level)))
                if (const auto it = g.vertex_by_id.find(id); it != g.vertex_by_id.end())
                    found.push_back(it->second);
        } catch (const usage_error&) {
            // not in the lexicon either: said below in the words of this command
        }
    }
    if (found.empty())
        throw usage_error("unknown actor \"" + name +
                          "\": no actor of the events has that code, id or name");
    if (found.size() == 1 && g.graph[found.front()].kind == model::ActorKind::unknown)
        throw usage_error("\"" + name +
                          "\" is the unknown actor, every unnamed source and not one actor: no "
                          "path starts, ends or runs through it");
    if (found.size() > 1) {
        std::string ids;
        for (const auto v : found) ids += (ids.empty() ? "" : ", ") + g.graph[v].id;
        throw usage_error("actor \"" + name + "\" is ambiguous: " + ids + "; give its id");
    }
    return found.front();
}

std::string dates_of(const graph::EventGraph& g, const graph::Edge& e) {
    const model::DateSpan *first = g.date(e.first), *last = g.date(e.last);
    if (!first) return "undated";
    const std::string from = model::date_value(*first), to = last ? model::date_value(*last) : from;
    return from == to ? from : from + "/" + to;
}

std::string day_text(date::sys_days d) { return model::to_iso(date::year_month_day(d)); }

// "IRN —aid (1, 2024-09)→ RUS" or, against the data's direction, "RUS ←aid (1, 2024-09)— CHN".
std::string relation_text(const EventGraph& g, const query::Hop& hop, const query::Relation& r) {
    const auto& e = g.graph[r.edge];
    const std::string label = e.type + " (" + std::to_string(e.count) + ", " + dates_of(g, e) + ")";
    const bool forward = boost::source(r.edge, g.graph) == hop.from;
    return g.graph[hop.from].id + (forward ? " —" + label + "→ " : " ←" + label + "— ") +
           g.graph[hop.to].id;
}

std::string hop_line(const EventGraph& g, const query::Hop& hop) {
    const auto& main = hop.relations.front();
    std::string line = relation_text(g, hop, main);
    if (hop.day) line += " on " + day_text(*hop.day);
    if (main.report) {
        const auto& ev = g.events[*main.report];
        line += ": \"" + ev.evidence.text + "\" [" + ev.article + "]";
    }
    if (hop.relations.size() > 1) {
        line += " (also:";
        for (std::size_t i = 1; i < hop.relations.size(); ++i) {
            const auto& r = hop.relations[i];
            const bool forward = boost::source(r.edge, g.graph) == hop.from;
            line += std::string(i > 1 ? "," : "") + " " + g.graph[r.edge].type +
                    (forward ? "→" : "←") + " " + std::to_string(g.graph[r.edge].count);
        }
        line += ")";
    }
    return line;
}

void write_text(io::Output& out, const EventGraph& g, const std::vector<query::Path>& paths) {
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const auto& p = paths[i];
        std::string head = "path " + std::to_string(i + 1) + ": " + g.graph[p.vertices.front()].id;
        for (const auto& hop : p.hops) {
            const bool forward = boost::source(hop.relations.front().edge, g.graph) == hop.from;
            head += (forward ? " → " : " ← ") + g.graph[hop.to].id;
        }
        head += " (" + std::to_string(p.hops.size()) + (p.hops.size() == 1 ? " hop" : " hops");
        if (p.arrival) head += ", arrives " + day_text(*p.arrival);
        if (i > 0) out.line("");
        out.line(head + ")");
        for (const auto& hop : p.hops) out.line("  " + hop_line(g, hop));
    }
}

std::string no_connection(const EventGraph& g, VertexId from, VertexId to,
                          const query::PathOptions& options, const Args& args) {
    std::string m = "no connection between " + g.graph[from].id + " and " + g.graph[to].id;
    if (options.directed) m += " following the direction of the relations";
    if (options.temporal) m += " forward in time";
    if (args.has("max-hops"))
        m += " within " + args.get("max-hops") + (args.get("max-hops") == "1" ? " hop" : " hops");
    return m;
}

// The paths' evidence read again, as EventGraph::events with the paths'
// reports renumbered into it (nothing else reads the events).
void evidence_of(EventGraph& g, std::vector<query::Path>& paths) {
    std::vector<std::size_t> wanted;
    std::map<std::size_t, std::size_t> index;
    for (auto& p : paths)
        for (auto& hop : p.hops)
            for (auto& r : hop.relations)
                if (r.report) {
                    const auto [it, added] = index.try_emplace(*r.report, wanted.size());
                    if (added) wanted.push_back(*r.report);
                    r.report = it->second;
                }
    g.events = read_back(g, wanted);
}

int run_path(const Args& args) {
    const auto& pos = args.positional();
    if (pos.size() < 3) throw usage_error("give FROM, TO and at least one EVENTS file");
    const long k = args.get_number("k", 1, 1);
    const long max_hops = args.get_number("max-hops", 0, 1);
    query::PathOptions options;
    options.directed = args.has("directed");
    options.temporal = args.has("temporal");

    // With --polarity the polarities asked for are the ones paths run through.
    if (args.has("polarity")) options.asserted_only = false;
    ReadSummary summary;
    // The evidence of the few events a path shows is read again after the
    // query; standard input cannot be, so its events are kept whole.
    const std::vector<std::string> files(pos.begin() + 2, pos.end());
    const bool from_stdin = std::find(files.begin(), files.end(), "-") != files.end();
    EventGraph& g = until_exit(
        read_filtered_graph(args, files, summary, from_stdin ? path_fields() : graph_fields(),
                            from_stdin ? graph::Keep::events : graph::Keep::records));
    if (nothing_to_write(summary, args.get("output"))) return 1;

    const VertexId from = resolve_actor(g, pos[0], args);
    const VertexId to = resolve_actor(g, pos[1], args);
    if (from == to) throw usage_error("FROM and TO are the same actor (" + g.graph[from].id + ")");

    std::vector<query::Path> paths;
    if (args.has("max-hops"))
        paths = query::all_simple_paths(
            g, from, to, static_cast<std::size_t>(max_hops), options,
            args.has("k") ? static_cast<std::size_t>(k) : static_cast<std::size_t>(-1));
    else if (k > 1)
        paths = query::k_shortest_paths(g, from, to, static_cast<std::size_t>(k), options);
    else if (auto p = query::shortest_path(g, from, to, options))
        paths.push_back(std::move(*p));

    if (!from_stdin) evidence_of(g, paths);
    io::Output out(args.get("output"));
    if (args.has("json"))
        out.write(exports::to_paths_json(g, from, to, options, paths));
    else if (paths.empty())
        out.line(no_connection(g, from, to, options, args));
    else
        write_text(out, g, paths);
    out.commit();
    return exit_code(summary);
}

std::vector<OptionSpec> path_options() {
    std::vector<OptionSpec> options = {
        {"k", 0, true, "N", "the N shortest loopless paths (Yen's algorithm)"},
        {"max-hops", 0, true, "N",
         "every simple path of at most N hops, fewest hops first (with --k N: the first N)"},
        {"directed", 0, false, "", "follow relations from who did to whom it was done"},
        {"temporal", 0, false, "", "time-respecting paths only, earliest arrival first"},
        {"json", 0, false, "", "write JSON for programs"},
        output_option("the paths"),
        level_option(),
        progress::quiet_option(),
        // Without its short name: "-k 3" would read as --keep-going and a file "3".
        {"keep-going", 0, false, "", keep_going_option().help}};
    for (auto o : filter_options())
        if (o.name != "keep-going") options.push_back(std::move(o));  // declared above, without -k
    return options;
}

}  // namespace

Command path_command() {
    return {"path",
            "paths between two actors, each hop with its evidence",
            "eventgraph path [OPTIONS] FROM TO EVENTS…",
            "Finds how FROM is connected to TO in the graph of the events (JSON Lines, as\n"
            "`eventgraph extract` writes them; - reads standard input). Actors are named by\n"
            "code, id or name, in any case. By default the shortest connection, in hops,\n"
            "over relations either way round; ties go to the path whose actors come first.\n"
            "Each hop is one line: its strongest relation with the number of happenings and\n"
            "their dates, and its strongest evidence (the happening with most mentions, then\n"
            "the earliest; its report with the highest confidence) with the article; other\n"
            "relations between the same two actors are listed after it.\n"
            "--temporal: each hop happens on a day no earlier than the one before (a date\n"
            "\"in July\" may be any day of July); the path arriving earliest comes first.\n"
            "Only asserted relations are used. A query without an answer prints\n"
            "\"no connection between …\" and exits 0.",
            path_options(),
            run_path};
}

}  // namespace eventgraph::cli

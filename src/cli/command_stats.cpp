#include <algorithm>
#include <map>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/graph/stats.hpp"
#include "eventgraph/io/output.hpp"
#include "filter_options.hpp"
#include "progress.hpp"

namespace eventgraph::cli {

namespace {

std::string date_or_dash(const model::DateSpan* d) { return d ? model::date_value(*d) : "-"; }

std::string pad(std::string s, std::size_t width, bool right = false) {
    if (s.size() >= width) return s + " ";
    return right ? std::string(width - s.size(), ' ') + s + " "
                 : s + std::string(width - s.size(), ' ') + " ";
}

// A plain table: columns as wide as their widest cell, numbers to the right.
std::string table(const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows, std::size_t text_columns) {
    std::vector<std::size_t> width(head.size());
    for (std::size_t c = 0; c < head.size(); ++c) {
        width[c] = head[c].size();
        for (const auto& r : rows) width[c] = std::max(width[c], r[c].size());
    }
    std::string out;
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (std::size_t c = 0; c < cells.size(); ++c)
            l += pad(cells[c], width[c], c >= text_columns);
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += "  " + l + "\n";
    };
    line(head);
    for (const auto& r : rows) line(r);
    return out;
}

std::string text_report(const graph::EventGraph& g, const graph::Statistics& s) {
    std::string out = std::to_string(s.events) + " events, " + std::to_string(s.happenings) +
                      " happenings, " + std::to_string(s.articles) + " articles, " +
                      std::to_string(s.actors) + " actors\n";
    const auto counts = [](const graph::Count& c) {
        return std::vector<std::string>{std::to_string(c.happenings), std::to_string(c.events)};
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& [type, c] : s.by_type) {
        rows.push_back({type});
        for (auto& x : counts(c)) rows.back().push_back(x);
    }
    out += "\nby type\n" + table({"type", "happenings", "events"}, rows, 1);
    rows.clear();
    for (const auto& a : s.by_actor) {
        rows.push_back({a.id, a.name});
        for (auto& x : counts(a.count)) rows.back().push_back(x);
    }
    out += "\nby actor (as source or target)\n" +
           table({"actor", "name", "happenings", "events"}, rows, 2);
    rows.clear();
    for (const auto& [month, c] : s.by_month) {
        rows.push_back({month});
        for (auto& x : counts(c)) rows.back().push_back(x);
    }
    out += "\nby month\n" + table({"month", "happenings", "events"}, rows, 1);
    rows.clear();
    for (const auto e : s.relations) {
        const auto& r = g.graph[e];
        rows.push_back(
            {g.graph[boost::source(e, g.graph)].id, g.graph[boost::target(e, g.graph)].id, r.type,
             r.asserted ? "asserted" : "not asserted", date_or_dash(g.date(r.first)),
             date_or_dash(g.date(r.last)), std::to_string(r.count), std::to_string(r.mentions)});
    }
    out += "\nstrongest relations\n" +
           table({"source", "target", "type", "polarity", "first", "last", "happenings", "events"},
                 rows, 6);
    return out;
}

int run_stats(const Args& args) {
    const auto top = static_cast<std::size_t>(args.get_number("top", 10, 0));
    filter_from_args(args);
    level_from_args(args);
    io::Output out(args.get("output"));
    ReadSummary summary;
    const graph::EventGraph& g =
        until_exit(read_filtered_graph(args, summary, graph_fields(), graph::Keep::records));
    if (nothing_to_write(summary, out.path())) return 1;
    const graph::Statistics s = graph::statistics(g, top);
    out.write(args.has("json") ? exports::to_stats_json(g, s) : text_report(g, s));
    out.commit();
    return exit_code(summary);
}

}  // namespace

Command stats_command() {
    auto options = filter_options();
    options.insert(options.begin(),
                   {{"json", 0, false, "", "write JSON instead of tables"},
                    {"top", 0, true, "N", "show the N strongest relations (default 10)"},
                    level_option(),
                    output_option("the statistics"),
                    progress::quiet_option()});
    return {
        "stats",
        "counts of events by type, actor and month; the strongest relations",
        "eventgraph stats [OPTIONS] EVENTS…",
        "Reads events (JSON Lines; - for standard input) and counts them by type, by actor (as\n"
        "source or target) and by month, both as happenings (reports of the same event counted\n"
        "once) and as events (every report), and lists the strongest relations by happenings.",
        options,
        run_stats};
}

}  // namespace eventgraph::cli

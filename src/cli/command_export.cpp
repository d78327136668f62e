#include <algorithm>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/io/output.hpp"
#include "filter_options.hpp"
#include "progress.hpp"

namespace eventgraph::cli {

namespace {

// Article titles and urls for the timelines' and the page's links: events
// name only their article.
exports::ArticleLinks article_links(const Args& args, ReadSummary& summary) {
    exports::ArticleLinks links;
    if (!args.has("articles")) return links;
    const auto read = read_all_inputs(args.all("articles"), fail_fast(args), [&](model::Article a) {
        links.emplace(a.id, exports::ArticleLink{a.url, a.title});
    });
    summary.failed_inputs += read.failed_inputs;
    summary.skipped_records += read.skipped_records;
    return links;
}

int run_export(const Args& args) {
    if (!args.has("format"))
        throw usage_error(
            "give the format with --format "
            "dot|graphml|gexf|timeline|timelinejs|html|geojson|csv|tsv");
    const std::string format = args.get("format");
    static const std::vector<std::string> formats = {
        "dot", "graphml", "gexf", "timeline", "timelinejs", "html", "geojson", "csv", "tsv"};
    if (std::find(formats.begin(), formats.end(), format) == formats.end())
        throw usage_error("unknown format \"" + format +
                          "\": expected dot, graphml, gexf, timeline, timelinejs, html, geojson, "
                          "csv or tsv");
    if (args.has("articles") && (format == "dot" || format == "graphml" || format == "gexf"))
        throw usage_error(
            "option --articles is for the timeline formats, html, geojson, csv and tsv");
    if (args.has("title") && format != "html") throw usage_error("option --title is for html");
    filter_from_args(args);  // bad options are usage errors before any input is read
    level_from_args(args);
    io::Output out(args.get("output"));

    ReadSummary summary;
    // The graph's formats show no sentences, details or triggers: not kept.
    // The others show a report's sentence, trigger and CAMEO code, never
    // its other sentences or details: its evidence row is enough.
    const bool graph_only = format == "dot" || format == "graphml" || format == "gexf";
    io::EventFields shown;
    shown.more_evidence = false;
    shown.details = false;
    const graph::EventGraph& g =
        until_exit(read_filtered_graph(args, summary, graph_only ? graph_fields() : shown,
                                       graph_only ? graph::Keep::records : graph::Keep::evidence));
    const auto links = article_links(args, summary);
    if (nothing_to_write(summary, out.path())) return 1;
    if (format == "dot")
        exports::write_dot(
            g, [&](std::string_view s) { out.write(s); }, read_threads(args));
    else if (format == "graphml")
        out.write(exports::to_graphml(g));
    else if (format == "gexf")
        out.write(exports::to_gexf(g));
    else if (format == "timeline")
        exports::write_timeline_json(
            g, links, [&](std::string_view s) { out.write(s); }, read_threads(args));
    else if (format == "timelinejs")
        out.write(exports::to_timelinejs(g, links));
    else if (format == "geojson")
        out.write(exports::to_geojson(g, links));
    else if (format == "csv" || format == "tsv")
        out.write(exports::to_table(g, format == "csv" ? ',' : '\t', links));
    else
        out.write(exports::to_html(g, links, args.has("title") ? args.get("title") : "eventgraph"));
    out.commit();
    return exit_code(summary);
}

}  // namespace

Command export_command() {
    auto options = filter_options();
    options.insert(options.begin(),
                   {{"format", 'f', true, "FORMAT",
                     "dot, graphml, gexf, timeline, timelinejs, html, geojson, csv or tsv"},
                    level_option(),
                    output_option("the export"),
                    progress::quiet_option(),
                    {"articles", 0, true, "FILE",
                     "articles (JSON Lines, as normalize writes them) whose titles and urls the "
                     "timelines, the page and the tables link to; repeatable"},
                    {"title", 0, true, "TEXT", "the page's title (html; default: eventgraph)"}});
    return {
        "export",
        "events -> graph (DOT, GraphML, GEXF), timeline (JSON, TimelineJS), web page, map or table",
        "eventgraph export --format FORMAT [OPTIONS] EVENTS…",
        "Reads events (JSON Lines, as extract writes them; - for standard input) and writes the\n"
        "relationship graph or the timeline of what happened.\n\n"
        "Reports of the same happening (same type, source, target and polarity, overlapping "
        "dates,\n"
        "from any article) are one happening: one timeline entry, counted once in its relation, "
        "with\n"
        "every report kept. Denied, hypothetical and future events are never merged with asserted "
        "ones.\n\n"
        "formats:\n"
        "  dot         Graphviz, styled: nodes by kind, edges by quad class, a legend\n"
        "  graphml     for NetworkX, Gephi, yEd, Cytoscape\n"
        "  gexf        GEXF 1.3 with edge spells, for Gephi's timeline\n"
        "  timeline    JSON: happenings in date order with their reports "
        "(schemas/timeline.schema.json)\n"
        "  timelinejs  Knight Lab TimelineJS's JSON\n"
        "  html        one self-contained web page: the graph and the timeline, linked, each "
        "event\n"
        "              with its sentences (opens offline; no network needed)\n"
        "  geojson     RFC 7946 points, one a happening that has coordinates (QGIS, Leaflet,\n"
        "              kepler.gl); happenings with no place are left out\n"
        "  csv, tsv    the event table: one happening a row, GDELT-like columns, a header\n\n"
        "Actors are named by code, id or name (\"CHN\", \"USA.ANTONY_BLINKEN\", \"China\", "
        "\"Beijing\").",
        options,
        run_export};
}

}  // namespace eventgraph::cli

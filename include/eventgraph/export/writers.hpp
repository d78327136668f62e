#pragma once
// Exports of the graph and its timeline. Each writer returns the whole file's
// text, or for the largest (DOT, the timeline) hands it to a sink in pieces;
// the caller writes it through io::Output (atomic -o).

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "eventgraph/graph/graph.hpp"
#include "eventgraph/graph/stats.hpp"
#include "eventgraph/query/paths.hpp"

namespace eventgraph::exports {

/// Graphviz DOT, as cgraph writes it: nodes styled by kind, edges coloured
/// by quad class and labelled with type, count and dates, a legend. Written
/// on up to `threads` threads; the text is the same for any number.
std::string to_dot(const graph::EventGraph& g, unsigned threads = 1);
/// The same text handed to `sink` a piece at a time, never held whole.
void write_dot(const graph::EventGraph& g, const std::function<void(std::string_view)>& sink,
               unsigned threads = 1);

/// GraphML for NetworkX, Gephi, yEd and Cytoscape.
std::string to_graphml(const graph::EventGraph& g);

/// GEXF 1.3 with edge spells, for Gephi's timeline.
std::string to_gexf(const graph::EventGraph& g);

/// What exports show of an article, for links: events carry only its id.
struct ArticleLink {
    std::string url;    ///< "" if unknown
    std::string title;  ///< "" if unknown
};

/// Article id → its link. A feed item or teaser ("page#feed-1") without its
/// own takes its page's.
using ArticleLinks = std::map<std::string, ArticleLink>;

/// An article's link as the exports show it: each field its own, or else its
/// page's ("page#feed-1" takes what "page" has).
ArticleLink link_of(const ArticleLinks& links, const std::string& article);

/// Timeline JSON (schemas/timeline.schema.json): happenings in date order
/// (undated last), each with its date and granularity, a headline, the
/// evidence sentence of its surest report, its actors, and every report with
/// its article (and url where `urls` knows it).
std::string to_timeline_json(const graph::EventGraph& g, const ArticleLinks& links = {});
/// The same text handed to `sink` a piece at a time, never held whole;
/// written on up to `threads` threads, the same text for any number.
void write_timeline_json(const graph::EventGraph& g, const ArticleLinks& links,
                         const std::function<void(std::string_view)>& sink, unsigned threads = 1);

/// GeoJSON (RFC 7946): a FeatureCollection of one Point a happening whose
/// reports locate it (its most precise location), with flat properties: the
/// event table's columns. Happenings with no coordinates are left out (the
/// event table keeps them).
std::string to_geojson(const graph::EventGraph& g, const ArticleLinks& links = {});

/// The event table: one happening a row, in the spirit of GDELT 2.0's (ids,
/// day, actors' ids, codes, names, CAMEO codes and countries, type, CAMEO
/// code and root, quad class, mentions, sources, place, country,
/// coordinates, the first report's url and the evidence sentence), a header
/// row, CRLF line ends; `separator` ',' is CSV (RFC 4180 quoting), '\t' TSV
/// (quoted alike).
std::string to_table(const graph::EventGraph& g, char separator, const ArticleLinks& links = {});

/// Knight Lab TimelineJS JSON: one slide a dated happening (month and day
/// left out where the date does not know them; undated ones left out),
/// grouped by event type, text as HTML with its sources.
std::string to_timelinejs(const graph::EventGraph& g, const ArticleLinks& links = {});

/// The web page: one self-contained HTML file (its data, CSS, JavaScript,
/// Cytoscape.js and vis-timeline inside it, nothing fetched) showing the
/// relationship graph and the timeline side by side, linked, each event with
/// its sentences and articles. `title` heads the page. In a build without
/// the page (has_web_page() false) throws output_error saying so.
std::string to_html(const graph::EventGraph& g, const ArticleLinks& links = {},
                    const std::string& title = "eventgraph");

/// `eventgraph stats --json`: totals, counts by type, actor and month (each
/// `count` happenings and `mentions` reports) and the strongest relations,
/// indented for reading (schemas/stats.schema.json).
std::string to_stats_json(const graph::EventGraph& g, const graph::Statistics& s);

/// `eventgraph path --json`: the paths from one vertex to another, each hop's
/// relations with the happening and the report that support them, as one
/// line (schemas/paths.schema.json).
std::string to_paths_json(const graph::EventGraph& g, graph::VertexId from, graph::VertexId to,
                          const query::PathOptions& options, const std::vector<query::Path>& paths);

/// Whether this build has the web page (configured with EVENTGRAPH_VIEWER, the default).
bool has_web_page();

/// Lays out and draws the graph in-process with Graphviz's gvc: format svg,
/// png or pdf; layout dot, neato, sfdp or circo. Returns the file's bytes.
std::string render(const graph::EventGraph& g, const std::string& format,
                   const std::string& layout);

}  // namespace eventgraph::exports

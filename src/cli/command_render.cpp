#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/io/output.hpp"
#include "filter_options.hpp"
#include "progress.hpp"

namespace eventgraph::cli {

namespace {

int run_render(const Args& args) {
    if (!args.has("format")) throw usage_error("give the format with --format svg|png|pdf");
    if (!args.has("output")) throw usage_error("give the file to draw into with -o FILE");
    filter_from_args(args);  // bad options are usage errors before any input is read
    level_from_args(args);
    ReadSummary summary;
    const graph::EventGraph& g =
        until_exit(read_filtered_graph(args, summary, graph_fields(), graph::Keep::records));
    if (nothing_to_write(summary, args.get("output"))) return 1;
    // Drawn first, then written: a Graphviz failure leaves no file behind.
    const std::string bytes = exports::render(g, args.get("format"), args.get("layout", "dot"));
    io::Output out(args.get("output"));
    out.write(bytes);
    out.commit();
    return exit_code(summary);
}

}  // namespace

Command render_command() {
    auto options = filter_options();
    options.insert(options.begin(),
                   {{"format", 'f', true, "FORMAT", "svg, png or pdf"},
                    {"layout", 0, true, "LAYOUT", "dot (default), neato, sfdp or circo"},
                    level_option(),
                    {"output", 'o', true, "FILE", "the file to draw into"},
                    progress::quiet_option()});
    return {
        "render",
        "events -> the relationship graph drawn as SVG, PNG or PDF",
        "eventgraph render --format svg|png|pdf [OPTIONS] EVENTS… -o FILE",
        "Lays out and draws the relationship graph of the events in-process with Graphviz's\n"
        "library (no dot program needed), styled as `export --format dot`: nodes by kind, edges\n"
        "by quad class, labelled with type, count and dates, a legend.",
        options,
        run_render};
}

}  // namespace eventgraph::cli

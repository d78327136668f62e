#include <filesystem>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/graph/graph.hpp"
#include "eventgraph/io/article_json.hpp"
#include "eventgraph/io/event_json.hpp"
#include "eventgraph/io/output.hpp"
#include "progress.hpp"

namespace eventgraph::cli {

namespace {

// The page's title: what was read ("samples", or "a.txt, b.txt and 3 more").
std::string title_of(const Args& args) {
    std::string title;
    const auto& inputs = args.positional();
    for (std::size_t i = 0; i < inputs.size() && i < 2; ++i) {
        const std::string name =
            std::filesystem::path(inputs[i]).lexically_normal().filename().string();
        title += (i ? ", " : "") + (name.empty() ? inputs[i] : name);
    }
    if (inputs.size() > 2) title += " and " + std::to_string(inputs.size() - 2) + " more";
    return title;
}

int run_run(const Args& args) {
    if (args.positional().empty()) throw usage_error("no input: give FILE… or a directory");
    if (!args.has("output")) throw usage_error("give the output directory with -o DIR");
    const std::filesystem::path dir = args.get("output");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw output_error("cannot create directory " + dir.string() + ": " + ec.message());

    const std::string articles_path = (dir / "articles.jsonl").string();
    const std::string events_path = (dir / "events.jsonl").string();
    const extract::Extractor extractor = make_extractor(args);
    io::Output articles(articles_path), events_out(events_path);
    std::vector<model::Event> events;
    exports::ArticleLinks links;
    BatchExtractor batches(extractor, thread_count(args), [&](const model::Event& e) {
        events_out.line(io::event_to_json(e));
        events.push_back(e);
    });
    const auto summary = read_all_inputs(args.positional(), fail_fast(args), [&](model::Article a) {
        articles.line(io::article_to_json(a));
        links.emplace(a.id, exports::ArticleLink{a.url, a.title});
        batches.add(std::move(a));
    });
    batches.finish();
    // Every input failed: the directory's earlier results stay as they were.
    if (nothing_to_write(summary, dir.string())) return 1;
    const std::size_t event_count = events.size();
    const graph::EventGraph g = graph::build_graph(std::move(events));

    auto plural = [](std::size_t n, const char* what) {
        return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
    };
    std::cerr << "eventgraph: read " << plural(summary.inputs, "input") << "\n"
              << "  " << articles_path << "  (" << plural(summary.articles, "article") << ")\n"
              << "  " << events_path << "  (" << plural(event_count, "event") << ")\n";
    // Each output whole or not at all, and all renamed into place only once
    // every one is written: a run that fails or is interrupted leaves the
    // directory's earlier results as they were, not a mix of two runs.
    const std::pair<const char*, std::function<std::string()>> outputs[] = {
        {"graph.dot", [&] { return exports::to_dot(g); }},
        {"graph.svg", [&] { return exports::render(g, "svg", "dot"); }},
        {"graph.graphml", [&] { return exports::to_graphml(g); }},
        {"graph.gexf", [&] { return exports::to_gexf(g); }},
        {"timeline.json", [&] { return exports::to_timeline_json(g, links); }},
        {"events.geojson", [&] { return exports::to_geojson(g, links); }},
        {"index.html", [&] { return exports::to_html(g, links, "eventgraph: " + title_of(args)); }},
    };
    std::vector<std::unique_ptr<io::Output>> written;
    for (const auto& [name, make] : outputs) {
        if (std::string_view(name) == "index.html" && !exports::has_web_page()) {
            std::cerr << "  index.html not written: this build has no web page "
                         "(configured with EVENTGRAPH_VIEWER=OFF)\n";
            continue;
        }
        written.push_back(std::make_unique<io::Output>((dir / name).string()));
        written.back()->write(make());
    }
    articles.commit();
    events_out.commit();
    for (auto& out : written) {
        out->commit();
        std::cerr << "  " << out->path() << "\n";
    }
    std::cerr << "  (" << plural(g.happenings.size(), "happening") << ", "
              << plural(boost::num_vertices(g.graph), "actor") << ", "
              << plural(boost::num_edges(g.graph), "relation") << ")\n";
    return summary.ok() ? 0 : 1;
}

}  // namespace

Command run_command() {
    return {"run",
            "the whole pipeline on INPUT… into DIR",
            "eventgraph run [OPTIONS] INPUT|DIR… -o DIR",
            "Runs every stage on the inputs and writes the results into DIR:\n"
            "  articles.jsonl   the normalized articles\n"
            "  events.jsonl     the events found in them\n"
            "  graph.dot        the relationship graph in Graphviz DOT, and drawn: graph.svg\n"
            "  graph.graphml    for NetworkX, Gephi, yEd, Cytoscape\n"
            "  graph.gexf       for Gephi, with the relations' dates for its timeline\n"
            "  timeline.json    the happenings in date order\n"
            "  events.geojson   the happenings that have a place, as GeoJSON points\n"
            "  index.html       the web page: graph and timeline, linked, with the evidence",
            {{"output", 'o', true, "DIR", "the directory to write into (created if missing)"},
             keep_going_option(),
             fail_fast_option(),
             lexicon_option(),
             no_default_dictionaries_option(),
             triggers_option(),
             verbs_option(),
             {"threads", 'j', true, "N", "threads to extract with (default: all cores)"},
             progress::quiet_option()},
            run_run};
}

}  // namespace eventgraph::cli

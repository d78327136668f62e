#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/article_json.hpp"
#include "eventgraph/io/output.hpp"

namespace eventgraph::cli {

namespace {

int run_run(const Args& args) {
    if (args.positional().empty()) throw usage_error("no input: give FILE… or a directory");
    if (!args.has("output")) throw usage_error("give the output directory with -o DIR");
    const std::filesystem::path dir = args.get("output");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw output_error("cannot create directory " + dir.string() + ": " + ec.message());

    const std::string articles_path = (dir / "articles.jsonl").string();
    io::Output articles(articles_path);
    const auto summary = read_all_inputs(args.positional(), args.has("keep-going"),
                                         [&](model::Article a) { articles.line(io::article_to_json(a)); });
    articles.commit();
    std::cerr << "eventgraph: read " << summary.inputs << " input" << (summary.inputs == 1 ? "" : "s")
              << ", wrote " << articles_path << " (" << summary.articles << " article"
              << (summary.articles == 1 ? "" : "s") << ")\n";
    return summary.failed_inputs == 0 ? 0 : 1;
}

}  // namespace

Command run_command() {
    return {"run",
            "the whole pipeline on INPUT… into DIR",
            "eventgraph run [OPTIONS] INPUT|DIR… -o DIR",
            "Runs every stage on the inputs and writes the results into DIR:\n"
            "  articles.jsonl   the normalized articles",
            {{"output", 'o', true, "DIR", "the directory to write into (created if missing)"},
             keep_going_option()},
            run_run};
}

}  // namespace eventgraph::cli

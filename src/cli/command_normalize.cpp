#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/article_json.hpp"
#include "eventgraph/io/output.hpp"

namespace eventgraph::cli {

namespace {

int run_normalize(const Args& args) {
    if (args.positional().empty())
        throw usage_error("no input: give FILE… or - for standard input");
    io::Output out(args.get("output"));
    const auto summary = read_all_inputs(args.positional(), fail_fast(args), [&](model::Article a) {
        out.line(io::article_to_json(a));
    });
    return finish(out, summary);
}

}  // namespace

Command normalize_command() {
    return {
        "normalize",
        "raw scrapes, HTML pages, article JSON -> normalized article JSON Lines",
        "eventgraph normalize [OPTIONS] FILE|DIR|-…",
        "Reads pages saved as text, HTML pages, and article JSON or JSON Lines, and writes one\n"
        "normalized article a line: id, title, authors, published, paragraphs with their roles\n"
        "(body, caption, teaser, feed). A page's teasers and news-feed items become articles of\n"
        "their own, \"PAGE#teaser-1\", \"PAGE#feed-1\". A bad input or JSON Lines record is\n"
        "reported with its file and line and skipped, the others are still read; the exit code\n"
        "is then 1.",
        {output_option("the articles"), keep_going_option(), fail_fast_option()},
        run_normalize};
}

}  // namespace eventgraph::cli

// The progress line: on a terminal's standard error only, erased at the end,
// never in a pipe, never with --quiet, never in standard output.

#include <catch2/catch.hpp>
#include <fstream>

#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::read_file;
using eventgraph::test::run_eventgraph;
using eventgraph::test::run_eventgraph_on_terminal;

namespace {

// 2,700 events: the fixture's 27, a hundred times.
std::string many_events() {
    const std::string path = eventgraph::test::temp_dir("progress") + "/events.jsonl";
    const std::string one = read_file(data_path("graph/reports.jsonl"));
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 100; ++i) out << one;
    return path;
}

}  // namespace

TEST_CASE("a long command shows its progress on a terminal and erases it at the end") {
    const std::string events = many_events();
    // Redrawn as often as it can be, so that a small input shows it.
    const eventgraph::test::Env fast("EVENTGRAPH_PROGRESS_INTERVAL", "0");
    const auto piped = run_eventgraph({"stats", events});
    REQUIRE(piped.exit_code == 0);
    CHECK(piped.err.empty());  // a pipe never sees it

    const auto shown = run_eventgraph_on_terminal({"stats", events});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out == piped.out);  // standard output is the same, byte for byte
    CHECK(shown.err.find("\reventgraph: ") != std::string::npos);
    CHECK(shown.err.find(" of 1.6 MB (") != std::string::npos);  // bytes read of the total
    CHECK(shown.err.find(" records, ") != std::string::npos);
    CHECK(shown.err.find(" MB/s") != std::string::npos);
    CHECK(shown.err.size() >= 4);
    CHECK(shown.err.substr(shown.err.size() - 4) == "\r\033[K");  // erased: the terminal is clean

    const auto quiet = run_eventgraph_on_terminal({"stats", "--quiet", events});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
    CHECK(quiet.out == piped.out);
}

TEST_CASE("extract counts its events on the progress line") {
    const eventgraph::test::Env fast("EVENTGRAPH_PROGRESS_INTERVAL", "0");
    const std::string articles = eventgraph::test::temp_dir("progress-extract") + "/a.jsonl";
    {
        std::ofstream out(articles);
        for (int i = 0; i < 130; ++i)
            out << R"({"id":"a)" << i << R"(","published":"2024-09-10","paragraphs":[{"text":)"
                << R"("Russia accused Ukraine of shelling Belgorod.","role":"body"}]})" << '\n';
    }
    const auto quiet = run_eventgraph_on_terminal({"extract", "-q", articles});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
    const auto shown = run_eventgraph_on_terminal({"extract", articles});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out == quiet.out);
    CHECK(shown.err.find(" records, ") != std::string::npos);
    CHECK(shown.err.find(" events, ") != std::string::npos);
}

// tools/scale/extract_dask.py: a corpus cut into partitions and extracted on
// a local Dask cluster gives what one run over the whole corpus gives.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::lines_of;
using eventgraph::test::read_file;
using eventgraph::test::run_eventgraph;
using eventgraph::test::source_path;
using eventgraph::test::temp_dir;
namespace fs = std::filesystem;

namespace {

const std::string script = source_path("tools/scale/extract_dask.py");

const char* const skipped =
    "SKIPPED: python3 with dask.distributed not found (Debian: python3-dask python3-distributed, "
    "which tools/setup.sh installs)";

bool dask_present() {
    return std::system(
               (eventgraph::test::python3() + " -c 'import dask.distributed' >/dev/null 2>&1")
                   .c_str()) == 0;
}

// Event lines in event id order; equal ids (the same page read twice) by the whole line.
std::vector<std::string> sorted_by_id(const std::string& text) {
    auto lines = lines_of(text);
    auto id_of = [](const std::string& line) { return line.substr(0, line.find(',')); };
    std::sort(lines.begin(), lines.end(), [&](const std::string& a, const std::string& b) {
        return std::pair(id_of(a), a) < std::pair(id_of(b), b);
    });
    return lines;
}

std::vector<std::string> part_files(const std::string& dir) {
    std::vector<std::string> parts;
    for (const auto& e : fs::directory_iterator(dir)) parts.push_back(e.path().filename().string());
    std::sort(parts.begin(), parts.end());
    return parts;
}

// The whole corpus: pages (text and HTML), the sample, article JSON Lines with
// and without ids, and the normalized articles of all the pages as JSON Lines.
std::vector<std::string> corpus(const std::string& dir) {
    const std::string articles = dir + "/articles.jsonl";
    const auto n =
        run_eventgraph({"normalize", data_path("pages"), source_path("samples"), "-o", articles});
    // The page with no article in it is said to be so; the others are read.
    CHECK(n.err.find("no-article.html: no article found") != std::string::npos);
    REQUIRE(n.exit_code == 1);
    REQUIRE(lines_of(read_file(articles)).size() == 20);
    return {data_path("pages"), source_path("samples"), data_path("articles/two.jsonl"), articles,
            data_path("scale/no-ids.jsonl")};
}

}  // namespace

TEST_CASE("extract on a Dask cluster of two workers equals one run, events, exports and paths") {
    if (!dask_present()) {
        WARN(skipped);
        return;
    }
    const std::string dir = temp_dir("scale-dask");
    const auto inputs = corpus(dir);

    std::vector<std::string> args = {"extract"};
    args.insert(args.end(), inputs.begin(), inputs.end());
    args.insert(args.end(), {"-o", dir + "/single.jsonl"});
    const auto single = run_eventgraph(args);
    // One page of the fixtures has no article in it: said, and the rest read.
    const std::string no_article = "eventgraph: " + data_path("pages/no-article.html") +
                                   ": no article found: no paragraphs of text outside the page's "
                                   "navigation, headers, footers and sidebars\n";
    REQUIRE(single.err == no_article);
    REQUIRE(single.exit_code == 1);
    const std::string single_events = read_file(dir + "/single.jsonl");
    REQUIRE(lines_of(single_events).size() >= 40);

    for (const bool shared : {false, true}) {
        const std::string out = dir + (shared ? "/parts-shared" : "/parts");
        const std::string joined = out + ".jsonl";
        std::vector<std::string> py = inputs;
        py.insert(py.end(), {"-o", out, "--concat", joined, "--workers", "2", "--articles", "3",
                             "--eventgraph", EVENTGRAPH_BINARY});
        if (shared) py.push_back("--shared");
        const auto r = eventgraph::test::run_python(script, py);
        INFO("--shared " << shared << "\n" << r.out);
        CHECK(r.exit_code == 1);
        CHECK(r.out.find(no_article) != std::string::npos);

        // Pages whole, 3 to a partition; JSON Lines cut by lines, 3 articles to a
        // partition: the 20 normalized articles in 7 partitions, no-ids.jsonl's 9 in 3.
        const auto parts = part_files(out);
        REQUIRE(parts.size() == 14);
        CHECK(parts.front() == "part-00000.events.jsonl");
        CHECK(parts.back() == "part-00013.events.jsonl");
        CHECK(r.out.find("14 partitions of 13 files, 0 failed, 1 with bad input") !=
              std::string::npos);

        const std::string events = read_file(joined);
        CHECK(sorted_by_id(events) == sorted_by_id(single_events));
        // The partitions are joined in input order: even unsorted, the bytes are the same.
        CHECK(events == single_events);
    }

    const std::string joined = dir + "/parts.jsonl";
    for (const char* format : {"dot", "graphml", "gexf", "timeline"}) {
        const auto a = run_eventgraph({"export", "--format", format, dir + "/single.jsonl"});
        const auto b = run_eventgraph({"export", "--format", format, joined});
        INFO(format << ": " << b.err);
        REQUIRE(a.exit_code == 0);
        REQUIRE(b.exit_code == 0);
        CHECK(a.out.size() > 200);
        CHECK(a.out == b.out);
    }
    for (const auto& query : {std::vector<std::string>{"IRN", "CHN"},
                              {"IRN", "UKR", "--k", "3"},
                              {"USA", "RUS", "--temporal", "--json"}}) {
        std::vector<std::string> a = {"path"}, b = {"path"};
        a.insert(a.end(), query.begin(), query.end());
        b.insert(b.end(), query.begin(), query.end());
        a.push_back(dir + "/single.jsonl");
        b.push_back(joined);
        const auto x = run_eventgraph(a), y = run_eventgraph(b);
        INFO(query[0] << " " << query[1] << ": " << x.out << x.err);
        CHECK(x.exit_code == 0);
        CHECK(x.err == "");
        CHECK(x.out.find("hops") != std::string::npos);
        CHECK(x.out == y.out);
        CHECK(x.exit_code == y.exit_code);
    }
}

TEST_CASE("extract on a Dask cluster names a bad line in the input file, and loses no other line") {
    if (!dask_present()) {
        WARN(skipped);
        return;
    }
    const std::string dir = temp_dir("scale-dask-bad");
    // Line 3 is cut short and opens the second partition; line 4 must still be
    // read as a line of its own, and the lines after the broken one are read as
    // `extract` reads them.
    const std::string broken = data_path("scale/broken-at-cut.jsonl");
    const auto r = eventgraph::test::run_python(
        script, {broken, "-o", dir, "--workers", "2", "--articles", "2", "--concat",
                 dir + "/all.jsonl", "--eventgraph", EVENTGRAPH_BINARY});
    const auto single = run_eventgraph({"extract", broken});
    INFO(r.out);
    CHECK(r.exit_code == 1);
    REQUIRE(single.exit_code == 1);  // the broken line skipped and said
    const std::string message =
        "eventgraph: " + broken +
        ":3: invalid JSON at column 17: Missing a name for object member.\n";
    CHECK(single.err.find(message) == 0);
    // eventgraph's own message, with the file and line of the whole run.
    CHECK(r.out.find(message) != std::string::npos);
    CHECK(r.out.find("extract_dask.py: partition 1 had bad input (" + broken + " lines 3-4)\n") !=
          std::string::npos);
    CHECK(r.out.find("3 partitions of 1 files, 0 failed, 1 with bad input") != std::string::npos);
    CHECK(lines_of(single.out).size() >= 4);
    CHECK(single.out.find("\"article\":\"a5\"") != std::string::npos);
    CHECK(read_file(dir + "/all.jsonl") == single.out);
}

TEST_CASE("extract on a Dask cluster reports a partition that fails with its inputs") {
    if (!dask_present()) {
        WARN(skipped);
        return;
    }
    const std::string dir = temp_dir("scale-dask-fail");
    // A program that dies as a crashing eventgraph would.
    const std::string crash = dir + "/crash.sh";
    {
        std::ofstream f(crash);
        f << "#!/bin/sh\necho 'eventgraph: something broke' >&2\nkill -SEGV $$\n";
    }
    fs::permissions(crash, fs::perms::owner_all);
    const std::string two = data_path("articles/two.jsonl");
    const auto r = eventgraph::test::run_python(
        script, {two, "-o", dir + "/out", "--workers", "2", "--articles", "1", "--retries", "0",
                 "--concat", dir + "/all.jsonl", "--eventgraph", crash});
    INFO(r.out);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("extract_dask.py: partition 0 failed (" + two +
                     " lines 1-1): eventgraph extract was killed by signal 11\neventgraph: "
                     "something broke") != std::string::npos);
    CHECK(r.out.find("extract_dask.py: partition 1 failed (" + two + " lines 2-2)") !=
          std::string::npos);
    CHECK(r.out.find("all.jsonl not written: partitions 0, 1 have no events") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/all.jsonl"));
    CHECK(part_files(dir + "/out").empty());
}

TEST_CASE(
    "extract - over chunks of JSON Lines, as a pipe step of Spark or Hadoop Streaming, equals one "
    "run") {
    const std::string dir = temp_dir("scale-pipe");
    const std::string articles = dir + "/articles.jsonl";
    REQUIRE(run_eventgraph({"normalize", data_path("pages/seed-china-russia-2024-09-10.txt"),
                            data_path("pages/wire-kyiv-drones-2024-03-04.txt"),
                            data_path("pages/newspaper.html"), "-o", articles})
                .exit_code == 0);
    const auto lines = lines_of(read_file(articles));
    REQUIRE(lines.size() >= 7);
    const auto whole = run_eventgraph({"extract", articles});
    REQUIRE(whole.exit_code == 0);
    REQUIRE(lines_of(whole.out).size() >= 20);
    // Each mapper gets some lines on standard input and writes events on standard output.
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); i += 3) {
        std::string chunk;
        for (std::size_t k = i; k < std::min(i + 3, lines.size()); ++k) chunk += lines[k] + "\n";
        const auto r = run_eventgraph({"extract", "-"}, chunk);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        joined += r.out;
    }
    CHECK(joined == whole.out);
}

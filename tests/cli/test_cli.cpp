#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "eventgraph/export/writers.hpp"
#include "eventgraph/lexicon/gazetteer.hpp"
#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::lines_of;
using eventgraph::test::run_eventgraph;
namespace fs = std::filesystem;

TEST_CASE("eventgraph --help lists the commands, --version tells the version") {
    const auto help = run_eventgraph({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("normalize") != std::string::npos);
    CHECK(help.out.find("run") != std::string::npos);
    const auto version = run_eventgraph({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("eventgraph ", 0) == 0);
    CHECK(version.err.empty());
}

TEST_CASE(
    "the version says which data directory: $EVENTGRAPH_DATA, else the build's source tree's") {
    {
        const eventgraph::test::Env unset("EVENTGRAPH_DATA", std::nullopt);
        const auto r = run_eventgraph({"--version"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("\ndata: " + eventgraph::test::source_path("data") + "\n") !=
              std::string::npos);
    }
    const std::string own = data_path("cli/data");
    const eventgraph::test::Env env("EVENTGRAPH_DATA", own);
    CHECK(run_eventgraph({"--version"}).out.find("\ndata: " + own + "\n") != std::string::npos);
}

TEST_CASE("export --format html needs the web page: a build configured without it says so") {
    const std::string page = eventgraph::test::temp_dir("cli-no-page") + "/page.html";
    const auto r = run_eventgraph(
        {"export", "--format", "html", data_path("graph/reports.jsonl"), "-o", page});
    if (eventgraph::exports::has_web_page()) {
        CHECK(r.exit_code == 0);
        CHECK(eventgraph::test::read_file(page).rfind("<!DOCTYPE html>", 0) == 0);
    } else {
        CHECK(r.exit_code == 1);
        CHECK(r.err ==
              "eventgraph: this build has no web page (configured with EVENTGRAPH_VIEWER=OFF)\n");
        CHECK_FALSE(fs::exists(page));
    }
}

TEST_CASE("every command has --help") {
    for (const char* command :
         {"normalize", "extract", "run", "export", "render", "stats", "eval", "dates", "actors"}) {
        const auto r = run_eventgraph({command, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind(std::string("usage: eventgraph ") + command, 0) == 0);
        CHECK(r.err.empty());
    }
}

TEST_CASE("bad usage exits with 2 and says what was wrong") {
    const auto unknown_option = run_eventgraph({"normalize", "--frobnicate", "x"});
    CHECK(unknown_option.exit_code == 2);
    CHECK(
        unknown_option.err ==
        "eventgraph normalize: unknown option --frobnicate\nTry 'eventgraph normalize --help'.\n");
    const auto unknown_command = run_eventgraph({"frobnicate"});
    CHECK(unknown_command.exit_code == 2);
    CHECK(unknown_command.err.find("unknown command \"frobnicate\"") != std::string::npos);
    CHECK(run_eventgraph({}).exit_code == 2);
    CHECK(run_eventgraph({"normalize"}).exit_code == 2);
    CHECK(run_eventgraph({"normalize", "-o"}).exit_code == 2);
    CHECK(run_eventgraph({"run", data_path("articles/two.jsonl")}).exit_code == 2);  // no -o DIR
}

TEST_CASE("normalize writes one article a line, from files and from standard input") {
    const auto r = run_eventgraph({"normalize", data_path("articles/two.jsonl")});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(
        lines[0] ==
        R"({"id":"wire-1","title":"Talks resume in Geneva","authors":["Jane Doe"],"published":"2024-03-04","paragraphs":[{"text":"Delegations met in Geneva on Monday.","role":"body"},{"text":"They will meet again on Friday.","role":"body"}]})");
    const auto from_stdin = run_eventgraph({"normalize", "-"}, "{\"body\":\"From a pipe.\"}\n");
    CHECK(from_stdin.exit_code == 0);
    CHECK(
        from_stdin.out ==
        R"({"id":"stdin","title":"","authors":[],"paragraphs":[{"text":"From a pipe.","role":"body"}]})"
        "\n");
}

TEST_CASE("a bad input is reported with file and line, and the other inputs are still read") {
    const std::string broken = data_path("articles/broken-middle.jsonl");
    const auto r = run_eventgraph({"normalize", broken, data_path("articles/two.jsonl")});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: " + broken +
                       ":2: invalid JSON at column 17: Missing a name for object member.\n"
                       "eventgraph: " +
                       broken + ": 1 bad record skipped\n");
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() ==
            4);  // ok-1 and ok-3 around the broken line, then both articles of the good file
    CHECK(lines[0].find("\"ok-1\"") != std::string::npos);
    CHECK(lines[1].find("\"ok-3\"") != std::string::npos);
    CHECK(lines[3].find("\"wire-2\"") != std::string::npos);
}

TEST_CASE("fail-fast stops at the first broken line; keep-going is the default") {
    const std::string broken = data_path("articles/broken-middle.jsonl");
    const auto stop =
        run_eventgraph({"normalize", "--fail-fast", broken, data_path("articles/two.jsonl")});
    CHECK(stop.exit_code == 1);
    CHECK(lines_of(stop.out).size() == 1);
    CHECK(stop.err == "eventgraph: " + broken +
                          ":2: invalid JSON at column 17: Missing a name for object member.\n");
    const auto keep = run_eventgraph({"normalize", "--keep-going", broken});
    CHECK(keep.exit_code == 1);
    CHECK(lines_of(keep.out).size() == 2);
    CHECK(keep.err.find("eventgraph: " + broken + ": 1 bad record skipped\n") != std::string::npos);
}

TEST_CASE("missing, empty and binary inputs give clear errors and exit code 1") {
    const std::string dir = eventgraph::test::temp_dir("cli-bad");
    std::ofstream(dir + "/empty.txt");
    std::ofstream(dir + "/blob.bin", std::ios::binary) << std::string(
        "\x7f"
        "ELF\0\0\0\x02",
        8);
    const auto r = run_eventgraph({"normalize", dir + "/missing.json", dir + "/empty.txt",
                                   dir + "/blob.bin", data_path("articles/two.jsonl")});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(dir + "/missing.json: no such file or directory\n") != std::string::npos);
    CHECK(r.err.find(dir + "/empty.txt: empty file\n") != std::string::npos);
    CHECK(r.err.find(dir + "/blob.bin: binary file, not text\n") != std::string::npos);
    CHECK(lines_of(r.out).size() == 2);
}

TEST_CASE("an output file named with -o is written whole, a full disk is an error") {
    const std::string dir = eventgraph::test::temp_dir("cli-output");
    const auto ok =
        run_eventgraph({"normalize", data_path("articles/two.jsonl"), "-o", dir + "/a.jsonl"});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.empty());
    CHECK(lines_of(eventgraph::test::read_file(dir + "/a.jsonl")).size() == 2);
    const auto full =
        run_eventgraph({"normalize", data_path("articles/two.jsonl")}, "", "/dev/full");
    CHECK(full.exit_code == 1);
    CHECK(full.err ==
          "eventgraph: cannot write standard output: write failed: No space left on device\n");
}

TEST_CASE("run writes its results into the directory and says what it wrote") {
    const std::string dir = eventgraph::test::temp_dir("cli-run") + "/out";
    const auto r = run_eventgraph({"run", data_path("articles"), "-o", dir});
    CHECK(r.exit_code == 1);  // broken-middle.jsonl is among the inputs
    CHECK(fs::exists(dir + "/articles.jsonl"));
    for (const char* name :
         {"events.jsonl", "graph.dot", "graph.svg", "graph.graphml", "graph.gexf", "timeline.json"})
        CHECK(fs::exists(dir + "/" + name));
    if (eventgraph::exports::has_web_page()) {
        CHECK(eventgraph::test::read_file(dir + "/index.html")
                  .find("<title>eventgraph: articles</title>") != std::string::npos);
    } else {
        CHECK_FALSE(fs::exists(dir + "/index.html"));
        CHECK(r.err.find("  index.html not written: this build has no web page (configured with "
                         "EVENTGRAPH_VIEWER=OFF)\n") != std::string::npos);
    }
    CHECK(eventgraph::test::read_file(dir + "/graph.svg").find("<svg") != std::string::npos);
    CHECK(r.err.find(dir + "/articles.jsonl  (4 articles)\n") !=
          std::string::npos);  // ok-3 after the broken line too
    CHECK(r.err.find(dir + "/events.jsonl  (") != std::string::npos);
}

TEST_CASE("extract writes the same events in the same order for one thread and two") {
    const std::string seed =
        eventgraph::test::source_path("samples/seed-china-russia-2024-09-10.txt");
    const auto one =
        run_eventgraph({"extract", "--threads", "1", seed, data_path("articles/two.jsonl")});
    const auto two =
        run_eventgraph({"extract", "--threads", "2", seed, data_path("articles/two.jsonl")});
    CHECK(one.exit_code == 0);
    CHECK(one.err.empty());
    CHECK(lines_of(one.out).size() >= 10);
    CHECK(one.out == two.out);
    for (const auto& line : lines_of(one.out))
        CHECK(eventgraph::test::schema_errors(
                  eventgraph::test::source_path("schemas/event.schema.json"), line) == "");
}

TEST_CASE("eval scores extracted events against gold files") {
    const std::string dir = eventgraph::test::temp_dir("cli-eval");
    {
        std::ofstream events(dir + "/events.jsonl");
        for (const auto& line :
             lines_of(eventgraph::test::read_file(data_path("events/seed-like.jsonl"))))
            events << line << '\n';
    }
    const auto r =
        run_eventgraph({"eval", data_path("gold"), "--events", dir + "/events.jsonl", "--json"});
    CHECK(r.exit_code == 0);
    // seed-like.jsonl has page-1's CHN->RUS aid and its feed's RUS->UKR assault (October
    // 2024, right for the gold's 2024-10-08), and neither of its consult and request.
    CHECK(
        r.out.rfind(
            R"({"articles":1,"tp":2,"fp":0,"fn":2,"precision":1.000,"recall":0.500,"f1":0.667,"date_accuracy":1.000,)",
            0) == 0);
    CHECK(run_eventgraph({"eval", data_path("gold")}).exit_code == 2);  // no --events
}

TEST_CASE("render draws the graph of events into the file, and a bad format writes nothing") {
    const std::string dir = eventgraph::test::temp_dir("cli-render");
    const std::string events = data_path("events/seed-like.jsonl");
    const auto png = run_eventgraph({"render", "--format", "png", events, "-o", dir + "/g.png"});
    CHECK(png.exit_code == 0);
    CHECK(eventgraph::test::read_file(dir + "/g.png").rfind("\x89PNG", 0) == 0);
    const auto bad = run_eventgraph({"render", "--format", "jpeg", events, "-o", dir + "/g.jpg"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("unknown format \"jpeg\": expected svg, png or pdf") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/g.jpg"));
}

TEST_CASE("extract on the seed page gives the events checked by eye once") {
    // Regenerate after a deliberate change with
    //   eventgraph extract samples/seed-china-russia-2024-09-10.txt >
    //   tests/data/golden/seed.events.jsonl
    // and read the difference before committing it.
    const auto r = run_eventgraph(
        {"extract", eventgraph::test::source_path("samples/seed-china-russia-2024-09-10.txt")});
    CHECK(r.exit_code == 0);
    if (eventgraph::lexicon::gazetteer_path().empty()) {
        WARN("this build has no gazetteer: the golden events, which name towns, are not compared");
        return;
    }
    CHECK(r.out == eventgraph::test::read_file(data_path("golden/seed.events.jsonl")));
}

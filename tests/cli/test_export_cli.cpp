#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::read_file;
using eventgraph::test::run_eventgraph;
using eventgraph::test::schema_errors;
using eventgraph::test::source_path;
namespace fs = std::filesystem;

namespace {
const std::string reports = data_path("graph/reports.jsonl");
}

TEST_CASE("export and stats have --help") {
    for (const char* command : {"export", "stats"}) {
        const auto r = run_eventgraph({command, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind(std::string("usage: eventgraph ") + command, 0) == 0);
        for (const char* option :
             {"--actors", "--depth", "--since", "--until", "--types", "--min-count", "--polarity",
              "--unknown-actors", "--level", "--output"})
            CHECK(r.out.find(option) != std::string::npos);
        CHECK(r.err.empty());
    }
    CHECK(run_eventgraph({"--help"}).out.find("  export") != std::string::npos);
}

TEST_CASE("export --format timeline writes the timeline of the events") {
    const auto r = run_eventgraph({"export", "--format", "timeline", reports});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == read_file(data_path("graph/reports.timeline.json")));
    CHECK(schema_errors(source_path("schemas/timeline.schema.json"), r.out) == "");
}

TEST_CASE("export --format timelinejs takes the filters and reads standard input") {
    const auto r = run_eventgraph({"export", "-f", "timelinejs", "--since", "2024-10", "-"},
                                  read_file(reports));
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == read_file(data_path("graph/reports-october.timelinejs.json")));
}

TEST_CASE("export -o writes the file whole and nothing to standard output") {
    const std::string dir = eventgraph::test::temp_dir("export-o");
    const std::string file = dir + "/timeline.json";
    const auto r = run_eventgraph({"export", "--format", "timeline", "-o", file, reports});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(file) == read_file(data_path("graph/reports.timeline.json")));
    // A failed run leaves no file behind.
    const std::string missing = dir + "/none.json";
    CHECK(run_eventgraph(
              {"export", "--format", "timeline", "--actors", "Narnia", "-o", missing, reports})
              .exit_code == 2);
    CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("export links articles to their urls with --articles") {
    const std::string dir = eventgraph::test::temp_dir("export-articles");
    const std::string articles = dir + "/articles.jsonl";
    std::ofstream(articles)
        << R"({"id":"reuters-2024-09-10","url":"https://www.reuters.com/x","body":"Text."})"
           "\n";
    const auto r =
        run_eventgraph({"export", "--format", "timeline", "--articles", articles, reports});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(R"("article":"reuters-2024-09-10","url":"https://www.reuters.com/x")") !=
          std::string::npos);
    CHECK(schema_errors(source_path("schemas/timeline.schema.json"), r.out) == "");
}

TEST_CASE("export with actors and depth keeps their neighbourhood") {
    const auto r = run_eventgraph(
        {"export", "--format", "timeline", "--actors", "iran", "--depth", "1", reports});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\"happenings\":4,") !=
          std::string::npos);  // Iran's three, Russia's mobilization
    CHECK(r.out.find("\"headline\":\"Russia mobilizes\"") != std::string::npos);
    CHECK(r.out.find("\"headline\":\"China aids Russia\"") == std::string::npos);
}

TEST_CASE("export and stats errors are usage errors that say what was wrong") {
    const auto expect = [](const std::vector<std::string>& args, const std::string& command,
                           const std::string& message) {
        const auto r = run_eventgraph(args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "eventgraph " + command + ": " + message + "\nTry 'eventgraph " + command +
                           " --help'.\n");
    };
    expect(
        {"export", reports}, "export",
        "give the format with --format dot|graphml|gexf|timeline|timelinejs|html|geojson|csv|tsv");
    expect(
        {"export", "--format", "svg", reports}, "export",
        "unknown format \"svg\": expected dot, graphml, gexf, timeline, timelinejs, html, geojson, "
        "csv or tsv");
    expect({"export", "--format", "dot", "--title", "T", reports}, "export",
           "option --title is for html");
    expect({"export", "--format", "timeline"}, "export",
           "no input: give event files (JSON Lines) or - for standard input");
    expect(
        {"export", "--format", "timeline", "--actors", "CHN,Narnia", reports}, "export",
        "unknown actor \"Narnia\" in --actors: no actor of the events has this code, id or name");
    expect({"stats", "--since", "2024-13", reports}, "stats",
           "option --since needs a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"2024-13\"");
    expect({"stats", "--since", "2024-10", "--until", "2024-09", reports}, "stats",
           "--until 2024-09 is before --since 2024-10");
    expect({"stats", "--depth", "2", reports}, "stats", "option --depth needs --actors");
    expect({"stats", "--types", "bombing,aid", reports}, "stats",
           "unknown event type \"bombing\": expected one of agree, consult, support, concede, "
           "cooperate, aid, retreat, "
           "request, accuse, reject, threaten, protest, sanction, mobilize, coerce, assault, "
           "statement (or strike for "
           "assault, supply for aid)");
    expect({"stats", "--polarity", "maybe", reports}, "stats",
           "unknown polarity \"maybe\": expected asserted, denied, hypothetical or future");
    expect({"stats", "--level", "person", reports}, "stats",
           "option --level needs code, actor or cameo, not \"person\"");
    expect({"stats", "--min-count", "-1", reports}, "stats",
           "option --min-count needs a whole number of at least 0, not \"-1\"");
    expect({"stats", "--unknown-actors", "some", reports}, "stats",
           "option --unknown-actors needs include, exclude or only, not \"some\"");
    expect({"export", "--format", "timeline", "--articles", reports, "--frobnicate", reports},
           "export", "unknown option --frobnicate");
}

TEST_CASE("a missing events file is reported, the others are still read, and the exit code is 1") {
    const std::string missing = data_path("graph/no-such-file.jsonl");
    const auto r = run_eventgraph({"stats", "--json", missing, data_path("graph/names.jsonl")});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("eventgraph: " + missing) == 0);
    CHECK(r.out.find("\"events\": 2,") != std::string::npos);
}

TEST_CASE("stats counts by type, actor and month and lists the strongest relations") {
    const auto r = run_eventgraph({"stats", "--top", "5", reports});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == read_file(data_path("graph/reports.stats.txt")));
}

TEST_CASE("stats --json at the actor level") {
    const auto r =
        run_eventgraph({"stats", "--json", "--level", "actor", "--types", "accuse", reports});
    CHECK(r.exit_code == 0);
    CHECK(schema_errors(source_path("schemas/stats.schema.json"), r.out) == "");
    CHECK(r.out.find("\"level\": \"actor\"") != std::string::npos);
    CHECK(r.out.find("\"id\": \"USA.ANTONY_BLINKEN\",\n      \"name\": \"Antony Blinken\",\n      "
                     "\"count\": 1,\n"
                     "      \"mentions\": 6") != std::string::npos);
    CHECK(r.out.find("member-of") == std::string::npos);
}

TEST_CASE("export --format html writes the page with the articles' titles, atomically", "[page]") {
    const std::string dir = eventgraph::test::temp_dir("cli-export-html");
    const std::string page = dir + "/report.html";
    const std::string articles = dir + "/articles.jsonl";
    {
        std::ofstream out(articles);
        out << R"({"id":"dw-2024-09-11","title":"Blinken: Iran sent missiles","url":"https://www.dw.com/en/a-1","paragraphs":[{"text":"x","role":"body"}]})"
            << '\n';
    }
    const auto r = run_eventgraph({"export", "--format", "html", "--title", "Iran & Russia",
                                   "--articles", articles, reports, "-o", page});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const std::string html = read_file(page);
    CHECK(html.find("<title>Iran &amp; Russia</title>") != std::string::npos);
    CHECK(html.find(
              "\"title\":\"Blinken: Iran sent missiles\",\"url\":\"https://www.dw.com/en/a-1\"") !=
          std::string::npos);

    // A failed export leaves the earlier page as it was.
    const auto bad =
        run_eventgraph({"export", "--format", "html", "--actors", "Narnia", reports, "-o", page});
    CHECK(bad.exit_code == 2);
    CHECK((read_file(page) == html));  // (not printed: a megabyte)
}

TEST_CASE("stats counts events with no source under the actor ?; --unknown-actors filters them") {
    const std::string unknown = data_path("unknown/events.jsonl");
    const auto all = run_eventgraph({"stats", unknown});
    CHECK(all.exit_code == 0);
    CHECK(all.err.empty());
    CHECK(all.out.rfind("6 events, 6 happenings, 3 articles, 5 actors\n", 0) == 0);
    CHECK(all.out.find("  ?     unknown actor           3      3\n") != std::string::npos);
    CHECK(all.out.find(
              "  ?      USA    assault asserted 2024-08-03 2024-08-03          1      1\n") !=
          std::string::npos);
    const auto only = run_eventgraph({"stats", "--unknown-actors", "only", unknown});
    CHECK(only.out.rfind("3 events, 3 happenings, 3 articles, 4 actors\n", 0) == 0);
    const auto named = run_eventgraph({"stats", "--unknown-actors", "exclude", unknown});
    CHECK(named.out.rfind("3 events, 3 happenings, 3 articles, 3 actors\n", 0) == 0);
    CHECK(named.out.find("unknown actor") == std::string::npos);
    const auto json = run_eventgraph({"stats", "--json", "--actors", "GBR", unknown});
    CHECK(json.exit_code == 0);
    CHECK(json.out.find("\"id\": \"?\",\n      \"name\": \"unknown actor\",\n      \"count\": 1") !=
          std::string::npos);
}

TEST_CASE("export --level cameo makes a vertex of each CAMEO actor code, and --actors takes them") {
    const std::string events =
        data_path("events/cameo.jsonl");  // RUSMIL→UKR assault, RUSGOV→UKR accusation
    auto nodes = [](const std::string& graphml) {
        std::vector<std::string> out;
        for (std::size_t at = graphml.find("<node id=\""); at != std::string::npos;
             at = graphml.find("<node id=\"", at + 1))
            out.push_back(graphml.substr(at + 10, graphml.find('"', at + 10) - at - 10));
        return out;
    };
    const auto by_code = run_eventgraph({"export", "--format", "graphml", events});
    CHECK(nodes(by_code.out) == std::vector<std::string>{"RUS", "UKR"});
    const auto by_cameo =
        run_eventgraph({"export", "--format", "graphml", "--level", "cameo", events});
    REQUIRE(by_cameo.exit_code == 0);
    CHECK(nodes(by_cameo.out) == std::vector<std::string>{"RUSGOV", "RUSMIL", "UKR"});
    const auto military = run_eventgraph(
        {"export", "--format", "graphml", "--level", "cameo", "--actors", "RUSMIL,UKR", events});
    CHECK(nodes(military.out) == std::vector<std::string>{"RUSMIL", "UKR"});
    CHECK(military.out.find("<edge id=\"e0\" source=\"RUSMIL\" target=\"UKR\">") !=
          std::string::npos);
    CHECK(military.out.find("RUSGOV") == std::string::npos);
}

// The catalogue of bad inputs (README, "Bad input → what eventgraph says"):
// each is given to the program together with good inputs, and the test checks
// the exact message and that the good inputs are still processed. Cases
// covered elsewhere are named in the README's table with their tests.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "eventgraph/export/writers.hpp"
#include "eventgraph/io/input.hpp"
#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::lines_of;
using eventgraph::test::run_eventgraph;

namespace {

const std::string good = data_path("articles/two.jsonl");  // wire-1, wire-2

void write_file(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

// The ids of normalized articles, in order.
std::vector<std::string> ids_of(const std::string& out) {
    std::vector<std::string> ids;
    for (const auto& line : lines_of(out)) {
        const auto at = line.find("\"id\":\"") + 6;
        ids.push_back(line.substr(at, line.find('"', at) - at));
    }
    return ids;
}

using ids = std::vector<std::string>;

// A file of `head`, then `size` bytes of `fill`, then `tail`, written a
// megabyte at a time so the test itself stays small.
void write_big(const std::string& path, const std::string& head, std::size_t size, char fill,
               const std::string& tail) {
    std::ofstream out(path, std::ios::binary);
    out << head;
    const std::string chunk(std::size_t{1} << 20, fill);
    for (std::size_t n = 0; n < size; n += chunk.size())
        out.write(chunk.data(), std::streamsize(std::min(chunk.size(), size - n)));
    out << tail;
}

}  // namespace

TEST_CASE("bad input: invalid UTF-8 in a page and in JSON is refused at its line and column") {
    const std::string dir = eventgraph::test::temp_dir("bad-utf8");
    write_file(dir + "/latin1.txt", "A headline\nbad \xE9t\xE9 here\n");
    write_file(dir + "/latin1.jsonl", "{\"id\":\"a\",\"body\":\"bad \xC3\x28 byte\"}\n");
    const auto r = run_eventgraph({"normalize", dir + "/latin1.txt", dir + "/latin1.jsonl", good});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: " + dir +
                       "/latin1.txt:2: invalid UTF-8 at column 5 (save the page as UTF-8)\n"
                       "eventgraph: " +
                       dir +
                       "/latin1.jsonl:1: invalid JSON at column 23: Invalid encoding in string.\n"
                       "eventgraph: " +
                       dir + "/latin1.jsonl: 1 bad record skipped\n");
    CHECK(ids_of(r.out) == ids{"wire-1", "wire-2"});
}

TEST_CASE("bad input: NUL bytes make a file binary, or a JSON record broken at its column") {
    const std::string dir = eventgraph::test::temp_dir("bad-nul");
    write_file(dir + "/nul.txt", std::string("A page\0with a NUL byte\n", 23));
    // Past the first 4 KB, which are looked at to tell the format, a NUL byte is in a record.
    const std::string first = "{\"id\":\"first\",\"body\":\"" + std::string(5000, 'x') + "\"}\n";
    write_file(dir + "/nul.jsonl", first + std::string("{\"id\":\"n\",\"body\":\"a\0b\"}\n", 24) +
                                       "{\"id\":\"third\",\"body\":\"y\"}\n");
    const auto r = run_eventgraph({"normalize", dir + "/nul.txt", dir + "/nul.jsonl", good});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: " + dir +
                       "/nul.txt: binary file, not text\n"
                       "eventgraph: " +
                       dir +
                       "/nul.jsonl:2: invalid JSON at column 20: NUL byte in the text\n"
                       "eventgraph: " +
                       dir + "/nul.jsonl: 1 bad record skipped\n");
    CHECK(ids_of(r.out) == ids{"first", "third", "wire-1", "wire-2"});
}

TEST_CASE("bad input: a 100 MB line is refused with the limit, quickly and without holding it") {
    const std::string dir = eventgraph::test::temp_dir("bad-long-line");
    const std::string big = dir + "/big.jsonl";
    write_big(big, "{\"id\":\"before\",\"body\":\"Before.\"}\n{\"id\":\"huge\",\"body\":\"",
              std::size_t{100} << 20, 'x', "\"}\n{\"id\":\"after\",\"body\":\"After.\"}\n");
    const std::string message =
        "eventgraph: " + big + ":2: line longer than 16 MB: not read (the limit of one record)\n";

    const auto keep = run_eventgraph({"normalize", big, good});
    CHECK(keep.exit_code == 1);
    CHECK(keep.err == message + "eventgraph: " + big + ": 1 bad record skipped\n");
    CHECK(ids_of(keep.out) == ids{"before", "after", "wire-1", "wire-2"});
#ifndef __SANITIZE_ADDRESS__  // AddressSanitizer keeps freed memory in quarantine
    // Read whole, the line alone would take 100 MB.
    CHECK(eventgraph::test::last_run_max_rss_kb() < 60 * 1024);
#endif

    const auto stop = run_eventgraph({"normalize", "--fail-fast", big, good});
    CHECK(stop.exit_code == 1);
    CHECK(stop.err == message);
    CHECK(ids_of(stop.out) == ids{"before"});
    std::filesystem::remove(big);

    // A page (text, HTML) is read whole: up to its own limit.
    const std::string page = dir + "/huge.txt";
    write_big(page, "A headline\n\n", std::size_t{100} << 20, 'w', "\n");
    const auto p = run_eventgraph({"normalize", page, good});
    CHECK(p.exit_code == 1);
    CHECK(p.err ==
          "eventgraph: " + page +
              ": page larger than 64 MB: not read (split it, or give articles as JSON Lines)\n");
    CHECK(ids_of(p.out) == ids{"wire-1", "wire-2"});
    std::filesystem::remove(page);

    // So is a JSON document spread over lines (not JSON Lines).
    const std::string document = dir + "/huge.json";
    write_big(document, "{\"id\": \"huge\",\n\"body\": \"", std::size_t{100} << 20, 'x', "\"}\n");
    const auto d = run_eventgraph({"normalize", document, good});
    CHECK(d.exit_code == 1);
    CHECK(d.err == "eventgraph: " + document +
                       ": JSON document larger than 64 MB: not read (give articles as JSON Lines, "
                       "one a line)\n");
    CHECK(ids_of(d.out) == ids{"wire-1", "wire-2"});
    std::filesystem::remove(document);
}

TEST_CASE("bad input: a lexicon larger than the limit is refused before it is read") {
    const std::string dir = eventgraph::test::temp_dir("bad-big-lexicon");
    const std::string big = dir + "/huge.txt";
    write_big(big, "", std::size_t{65} << 20, ' ', "RUSSIA_ [RUS]\n");
    const auto r = run_eventgraph({"actors", "--lexicon", big, "Russia"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "eventgraph: " + big +
                       ": lexicon larger than 64 MB: not read (split it into several files)\n");
    std::filesystem::remove(big);
}

TEST_CASE(
    "bad input: deeply nested JSON is refused at the level past the limit, no stack overflow") {
    const std::string dir = eventgraph::test::temp_dir("bad-deep");
    const std::size_t depth = 100000;
    const std::string opening = "{\"id\":\"deep\",\"body\":\"x\",\"n\":";
    write_file(dir + "/deep.jsonl", opening + std::string(depth, '[') + std::string(depth, ']') +
                                        "}\n{\"id\":\"next\",\"body\":\"y\"}\n");
    // Column of the bracket one past the limit (the object itself is the first level).
    const std::string column = std::to_string(opening.size() + eventgraph::io::max_json_depth);
    const auto r = run_eventgraph({"normalize", dir + "/deep.jsonl", good});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: " + dir + "/deep.jsonl:1: invalid JSON at column " + column +
                       ": nested deeper than 64 levels\neventgraph: " + dir +
                       "/deep.jsonl: 1 bad record skipped\n");
    CHECK(ids_of(r.out) == ids{"next", "wire-1", "wire-2"});

    // The same in an events file, read by export, path and stats.
    const std::string events = dir + "/deep.events.jsonl";
    write_file(events, "{\"id\":" + std::string(depth, '[') + std::string(depth, ']') + "}\n");
    const auto s = run_eventgraph({"stats", events, data_path("graph/names.jsonl")});
    CHECK(s.exit_code == 1);
    CHECK(s.err == "eventgraph: " + events +
                       ":1: invalid JSON at column 70: nested deeper than 64 levels\n"
                       "eventgraph: " +
                       events + ": 1 bad record skipped\n");
    CHECK(s.out.rfind("2 events, ", 0) == 0);
}

TEST_CASE("bad input: fields of the wrong type name the field, the line, and what was expected") {
    const std::string dir = eventgraph::test::temp_dir("bad-types");
    write_file(dir + "/types.jsonl",
               "{\"id\":\"t\",\"title\":5,\"body\":\"x\"}\n"
               "{\"id\":\"p\",\"paragraphs\":\"x\"}\n"
               "{\"id\":\"ok\",\"body\":\"Fine.\"}\n");
    const std::string f = "eventgraph: " + dir + "/types.jsonl:";
    const auto r = run_eventgraph({"normalize", dir + "/types.jsonl", good});
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          f + "1: field \"title\": expected a string\n" + f +
              "2: field \"paragraphs\": expected an array of {\"text\", \"role\"} objects\n"
              "eventgraph: " +
              dir + "/types.jsonl: 2 bad records skipped\n");
    CHECK(ids_of(r.out) == ids{"ok", "wire-1", "wire-2"});

    // Events: a line of the project's fixtures with one field changed.
    const std::string line =
        lines_of(eventgraph::test::read_file(data_path("graph/names.jsonl")))[0];
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = line;
        REQUIRE(s.find(from) != std::string::npos);
        s.replace(s.find(from), from.size(), to);
        return s;
    };
    write_file(dir + "/types.events.jsonl", with("\"quad\":", "\"quad\":\"x\",\"was\":") + "\n" +
                                                with("\"source\":", "\"source\":5,\"was\":") +
                                                "\n");
    const std::string e = "eventgraph: " + dir + "/types.events.jsonl:";
    const auto s =
        run_eventgraph({"stats", dir + "/types.events.jsonl", data_path("graph/names.jsonl")});
    CHECK(s.exit_code == 1);
    CHECK(s.err == e + "1: field \"quad\": expected 1, 2, 3 or 4\n" + e +
                       "2: field \"source\": expected an actor object or null\n"
                       "eventgraph: " +
                       dir + "/types.events.jsonl: 2 bad records skipped\n");
    CHECK(s.out.rfind("2 events, ", 0) == 0);
}

TEST_CASE("bad input: impossible dates are refused, in articles, events and the reference date") {
    const std::string dir = eventgraph::test::temp_dir("bad-dates");
    write_file(dir + "/feb30.jsonl",
               "{\"id\":\"a\",\"published\":\"2024-02-30\",\"body\":\"x\"}\n");
    const auto r = run_eventgraph({"normalize", dir + "/feb30.jsonl", good});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: " + dir +
                       "/feb30.jsonl:1: field \"published\": \"2024-02-30\" is not a date "
                       "(expected e.g. 2024-09-10, 2024-09-10T19:59:00+03:00, 2024-09 or 2024)\n"
                       "eventgraph: " +
                       dir + "/feb30.jsonl: 1 bad record skipped\n");
    CHECK(ids_of(r.out) == ids{"wire-1", "wire-2"});

    const std::string line =
        lines_of(eventgraph::test::read_file(data_path("graph/names.jsonl")))[0];
    const auto at = line.find("\"start\":\"") + 9;
    std::string feb30 = line;
    feb30.replace(at, 10, "2024-02-30");
    write_file(dir + "/feb30.events.jsonl", feb30 + "\n");
    const auto s =
        run_eventgraph({"stats", dir + "/feb30.events.jsonl", data_path("graph/names.jsonl")});
    CHECK(s.exit_code == 1);
    CHECK(s.err == "eventgraph: " + dir +
                       "/feb30.events.jsonl:1: field \"date/start\": \"2024-02-30\" is not a "
                       "date (YYYY-MM-DD, YYYY-MM or YYYY)\n"
                       "eventgraph: " +
                       dir + "/feb30.events.jsonl: 1 bad record skipped\n");
    CHECK(s.out.rfind("2 events, ", 0) == 0);

    // In a text, "February 30" is no date at all.
    const auto d = run_eventgraph({"dates", "--ref", "2024-03-10", "-"},
                                  "Talks were set for February 30.\nTalks resumed on March 1.\n");
    CHECK(d.exit_code == 0);
    CHECK(d.out ==
          "{\"id\":\"1\",\"expressions\":[]}\n"
          "{\"id\":\"2\",\"expressions\":[{\"text\":\"March "
          "1\",\"begin\":17,\"end\":24,\"value\":\"2024-03-01\","
          "\"granularity\":\"day\"}]}\n");
}

TEST_CASE("bad input: an article with no text is refused by id, the others are read") {
    const std::string dir = eventgraph::test::temp_dir("bad-no-text");
    write_file(dir + "/empty-articles.jsonl",
               "{\"id\":\"blank\",\"body\":[\" \",\"\"]}\n"
               "{\"id\":\"untitled\",\"title\":\"Only a title\"}\n"
               "{\"id\":\"ok\",\"body\":\"Text.\"}\n");
    const std::string f = "eventgraph: " + dir + "/empty-articles.jsonl:";
    const auto r = run_eventgraph({"normalize", dir + "/empty-articles.jsonl", good});
    CHECK(r.exit_code == 1);
    CHECK(r.err == f + "1: article \"blank\" has no text\n" + f +
                       "2: article has neither \"body\" nor \"paragraphs\"\n"
                       "eventgraph: " +
                       dir + "/empty-articles.jsonl: 2 bad records skipped\n");
    CHECK(ids_of(r.out) == ids{"ok", "wire-1", "wire-2"});
}

TEST_CASE("bad input: an unknown actor in --actors of stats is a usage error naming it") {
    // export and path: tests/cli/test_export_cli.cpp and test_path_cli.cpp.
    const auto r =
        run_eventgraph({"stats", "--actors", "CHN,Narnia", data_path("graph/reports.jsonl")});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "eventgraph stats: unknown actor \"Narnia\" in --actors: no actor of the events has this "
          "code, id "
          "or name\nTry 'eventgraph stats --help'.\n");
}

TEST_CASE(
    "bad input: a malformed lexicon entry stops a JSON lexicon, a TABARI one is stepped over") {
    const std::string dir = eventgraph::test::temp_dir("bad-lexicon");
    const std::string out = dir + "/events.jsonl";
    write_file(out, "earlier\n");
    // Our own JSON lexicons are checked whole: a defect stops the run before any output.
    const std::string bad = data_path("lexicon/bad-type.json");
    const auto r = run_eventgraph({"extract", "--lexicon", bad, good, "-o", out});
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          "eventgraph: " + bad + ":4: /entries/0/names: expected \"array\", found string\n");
    CHECK(eventgraph::test::read_file(out) == "earlier\n");
    // Legacy dictionaries: each defect is a warning with its line, the rest is used.
    const std::string tabari = data_path("lexicon/actors.txt");
    const auto t =
        run_eventgraph({"extract", "--lexicon", tabari, eventgraph::test::source_path("samples")});
    CHECK(t.exit_code == 0);
    CHECK(t.err.rfind(
              "eventgraph: warning: " + tabari + ":28: entry U.N._ has no valid code; left out\n",
              0) == 0);
    CHECK(lines_of(t.out).size() > 10);
}

TEST_CASE("bad input: a full disk is an error naming the output, with -o and on standard output") {
    // Standard output: tests/cli/test_cli.cpp. A device named with -o is written as it is, not
    // replaced.
    const auto r = run_eventgraph({"normalize", good, "-o", "/dev/full"});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: cannot write /dev/full: write failed: No space left on device\n");
    CHECK(std::filesystem::is_character_file("/dev/full"));
}

TEST_CASE("bad input: a closed pipe ends the run quietly with exit code 0") {
    const std::string dir = eventgraph::test::temp_dir("closed-pipe");
    // Enough articles that the events fill the pipe many times over.
    {
        std::ofstream big(dir + "/big.jsonl");
        for (int i = 0; i < 3000; ++i)
            big << "{\"id\":\"a" << i
                << "\",\"published\":\"2024-09-10\",\"body\":\"Russia struck Kyiv on Monday. "
                   "China accused the United States of meddling. Iran supplied drones to "
                   "Russia.\"}\n";
    }
    write_file(dir + "/pipe.sh", "'" + std::string(EVENTGRAPH_BINARY) +
                                     "' extract big.jsonl 2>err | head -1 >out\n"
                                     "echo \"${PIPESTATUS[0]}\" >code\n");
    REQUIRE(std::system(("cd '" + dir + "' && bash pipe.sh").c_str()) == 0);
    CHECK(eventgraph::test::read_file(dir + "/code") == "0\n");
    CHECK(eventgraph::test::read_file(dir + "/err") == "");
    CHECK(lines_of(eventgraph::test::read_file(dir + "/out")).size() == 1);
}

TEST_CASE(
    "bad input: a verb dictionary's defects are warnings with file and line; the rest of it "
    "codes") {
    const std::string verbs = data_path("verbs/cli-defects.txt");
    const std::string article =
        std::filesystem::temp_directory_path() / "eventgraph-verbs-article.json";
    write_file(
        article,
        R"({"id":"shells","body":"Russia pummels Ukraine with artillery every day, officials said."})");
    const auto r = run_eventgraph({"extract", "--verbs", verbs, article});
    CHECK(r.exit_code == 0);
    CHECK(r.err ==
          "eventgraph: warning: " + verbs + ":3: unclosed '[' in \"[190\"; code left out\n");
    // The pattern after the defect codes the event and is named as what coded it.
    CHECK(r.out.find("\"cameo\":\"194\"") != std::string::npos);
    CHECK(r.out.find("\"pattern\":\"" + verbs + ":5\"") != std::string::npos);
    std::filesystem::remove(article);
}

TEST_CASE(
    "bad input: a verb dictionary that cannot be read stops the run before anything is written") {
    const auto missing = run_eventgraph({"extract", "--verbs", "/nonexistent/verbs.txt", good});
    CHECK(missing.exit_code == 1);
    CHECK(missing.out.empty());
    CHECK(missing.err ==
          "eventgraph: /nonexistent/verbs.txt: cannot open: No such file or directory\n");
}

namespace {

// "ARTICLE TYPE DATE" of each event line, DATE being the event's date object as written.
std::vector<std::string> dated(const std::string& out) {
    std::vector<std::string> v;
    for (const auto& line : lines_of(out)) {
        auto field = [&](const std::string& key) {
            const auto at = line.find("\"" + key + "\":\"") + key.size() + 4;
            return line.substr(at, line.find('"', at) - at);
        };
        const auto date = line.find("\"date\":");
        const auto end = line.find('}', date);
        v.push_back(field("article") + " " + field("type") + " " +
                    line.substr(date + 7, end + 1 - date - 7));
    }
    return v;
}

using strings = std::vector<std::string>;

// Articles whose records are good, bad and cut short, in JSON Lines.
const std::string mixed_articles =
    R"({"id":"a1","published":"2024-04-10","body":"Russia struck Kyiv."})"
    "\n"
    R"({"id":"b2","body":})"
    "\n"
    R"({"id":"b3","published":"2024-13","body":"Russia struck Kyiv."})"
    "\n"
    R"({"id":"a4","published":"2024-04","body":"China accused the United States of meddling."})"
    "\n"
    R"({"id":"b5","title":5,"body":"Russia struck Kyiv."})"
    "\n"
    R"({"id":"a6","published":"2024","body":"Iran supplied drones to Russia."})"
    "\n"
    R"({"id":"b7","body":"Iran supp)";

}  // namespace

TEST_CASE("bad input: a month or a year is a publication date, and dates the events to it") {
    const std::string dir = eventgraph::test::temp_dir("partial-published");
    const std::string corpus = dir + "/corpus.jsonl";
    write_file(
        corpus,
        R"({"id":"day","published":"2024-04-10","body":"Russia struck Kyiv."})"
        "\n"
        R"({"id":"month","published":"2024-04","body":"China accused the United States of meddling. Russia struck Kyiv yesterday."})"
        "\n"
        R"({"id":"year","published":"2024","body":"Iran supplied drones to Russia in July."})"
        "\n");
    const auto n = run_eventgraph({"normalize", corpus});
    CHECK(n.exit_code == 0);
    CHECK(n.err.empty());
    REQUIRE(lines_of(n.out).size() == 3);
    CHECK(lines_of(n.out)[1].find("\"published\":\"2024-04\"") != std::string::npos);
    CHECK(lines_of(n.out)[2].find("\"published\":\"2024\"") != std::string::npos);
    for (const auto& line : lines_of(n.out))
        CHECK(eventgraph::test::schema_errors(
                  eventgraph::test::source_path("schemas/article.schema.json"), line) == "");

    const auto r = run_eventgraph({"extract", corpus});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(
        dated(r.out) ==
        strings{
            "day assault "
            R"({"value":"2024-04-10","granularity":"day","start":"2024-04-10","end":"2024-04-10","basis":"publication"})",
            "month accuse "
            R"({"value":"2024-04","granularity":"month","start":"2024-04-01","end":"2024-04-30","basis":"publication"})",
            "month assault "
            R"j({"value":"2024-04","granularity":"month","start":"2024-04-01","end":"2024-04-30","basis":"relative","note":"\"yesterday\" is counted from the publication date, known only to the month (2024-04)"})j",
            "year aid "
            R"j({"value":"2024","granularity":"year","start":"2024-01-01","end":"2024-12-31","basis":"relative","note":"\"July\" is counted from the publication date, known only to the year (2024)"})j"});
    for (const auto& line : lines_of(r.out))
        CHECK(eventgraph::test::schema_errors(
                  eventgraph::test::source_path("schemas/event.schema.json"), line) == "");

    // Read back by every command that reads events, in every format.
    const std::string events = dir + "/events.jsonl";
    write_file(events, r.out);
    for (const std::string format : {"dot", "graphml", "gexf", "timeline", "timelinejs", "html"}) {
        if (format == "html" && !eventgraph::exports::has_web_page()) continue;
        const auto x = run_eventgraph({"export", "--format", format, events});
        INFO(format);
        CHECK(x.exit_code == 0);
        CHECK(x.err.empty());
        CHECK(!x.out.empty());
    }
    const auto timeline = run_eventgraph({"export", "--format", "timeline", events});
    CHECK(eventgraph::test::schema_errors(
              eventgraph::test::source_path("schemas/timeline.schema.json"), timeline.out) == "");
    CHECK(timeline.out.find(R"("value":"2024-04","granularity":"month")") != std::string::npos);
    const auto gexf = run_eventgraph({"export", "--format", "gexf", events});
    CHECK(gexf.out.find(R"(<spell start="2024-04-01" end="2024-04-30")") != std::string::npos);
    const auto tjs = run_eventgraph({"export", "--format", "timelinejs", events});
    CHECK(tjs.out.find(R"("start_date":{"year":"2024","month":"4"})") != std::string::npos);
    const auto s = run_eventgraph({"stats", events});
    CHECK(s.exit_code == 0);
    CHECK(s.out.rfind("4 events, ", 0) == 0);
    const auto p = run_eventgraph({"path", "CHN", "USA", events});
    CHECK(p.exit_code == 0);
    CHECK(p.out.find("2024-04") != std::string::npos);
}

TEST_CASE(
    "bad input: a bad record costs that record alone, in the middle and cut short at the end") {
    const std::string dir = eventgraph::test::temp_dir("bad-records");
    const std::string file = dir + "/mixed.jsonl";
    write_file(file, mixed_articles);
    const std::string f = "eventgraph: " + file + ":";
    const std::string messages =
        f + "2: invalid JSON at column 19: Invalid value.\n" + f +
        "3: field \"published\": \"2024-13\" is not a date (expected e.g. 2024-09-10, "
        "2024-09-10T19:59:00+03:00, 2024-09 or 2024)\n" +
        f + "5: field \"title\": expected a string\n" + f +
        "7: record cut short by the end of the file (invalid JSON at column 29: Missing a "
        "closing quotation mark in string.)\n"
        "eventgraph: " +
        file + ": 4 bad records skipped\n";

    const auto n = run_eventgraph({"normalize", file, good});
    CHECK(n.exit_code == 1);
    CHECK(n.err == messages);
    CHECK(ids_of(n.out) == ids{"a1", "a4", "a6", "wire-1", "wire-2"});
    // --keep-going, once needed, is the default and still accepted.
    const auto k = run_eventgraph({"normalize", "--keep-going", file, good});
    CHECK(k.exit_code == 1);
    CHECK(k.err == messages);
    CHECK(k.out == n.out);

    const auto x = run_eventgraph({"extract", file});
    CHECK(x.exit_code == 1);
    CHECK(x.err == messages);
    CHECK(
        dated(x.out) ==
        strings{
            "a1 assault "
            R"({"value":"2024-04-10","granularity":"day","start":"2024-04-10","end":"2024-04-10","basis":"publication"})",
            "a4 accuse "
            R"({"value":"2024-04","granularity":"month","start":"2024-04-01","end":"2024-04-30","basis":"publication"})",
            "a6 aid "
            R"({"value":"2024","granularity":"year","start":"2024-01-01","end":"2024-12-31","basis":"publication"})"});

    // A file whose only record is cut short is one bad record too.
    write_file(dir + "/half.jsonl", R"({"id":"h","body":"Half)");
    const auto h = run_eventgraph({"normalize", dir + "/half.jsonl", good});
    CHECK(h.exit_code == 1);
    CHECK(h.err == "eventgraph: " + dir +
                       "/half.jsonl:1: record cut short by the end of the file (invalid JSON at "
                       "column 23: Missing a closing quotation mark in string.)\n"
                       "eventgraph: " +
                       dir + "/half.jsonl: 1 bad record skipped\n");
    CHECK(ids_of(h.out) == ids{"wire-1", "wire-2"});
}

TEST_CASE("bad input: bad event records are skipped by export, render, stats and path alike") {
    const std::string dir = eventgraph::test::temp_dir("bad-event-records");
    const auto lines = lines_of(eventgraph::test::read_file(data_path("graph/names.jsonl")));
    REQUIRE(lines.size() == 2);
    std::string wrong_quad = lines[1];
    wrong_quad.replace(wrong_quad.find("\"quad\":"), 7, "\"quad\":\"x\",\"was\":");
    const std::string file = dir + "/events.jsonl";
    write_file(file, lines[0] + "\n{\"id\":\n" + lines[1] + "\n" + wrong_quad + "\n" +
                         lines[0].substr(0, 100));
    const std::string f = "eventgraph: " + file + ":";
    const std::string messages = f + "2: invalid JSON at column 7: Invalid value.\n" + f +
                                 "4: field \"quad\": expected 1, 2, 3 or 4\n" + f +
                                 "5: record cut short by the end of the file (invalid JSON at "
                                 "column 101: Missing a closing quotation mark in string.)\n"
                                 "eventgraph: " +
                                 file + ": 3 bad records skipped\n";

    const auto s = run_eventgraph({"stats", file});
    CHECK(s.exit_code == 1);
    CHECK(s.err == messages);
    CHECK(s.out.rfind("2 events, ", 0) == 0);

    const auto d = run_eventgraph({"export", "--format", "dot", file});
    CHECK(d.exit_code == 1);
    CHECK(d.err == messages);
    const auto whole =
        run_eventgraph({"export", "--format", "dot", data_path("graph/names.jsonl")});
    CHECK(d.out == whole.out);

    const auto p = run_eventgraph({"path", "XQZ", "ESP", file});
    CHECK(p.exit_code == 1);
    CHECK(p.err == messages);
    CHECK(p.out.rfind("path 1: XQZ", 0) == 0);

    const auto r = run_eventgraph({"render", "--format", "svg", file, "-o", dir + "/graph.svg"});
    CHECK(r.exit_code == 1);
    CHECK(r.err == messages);
    CHECK(eventgraph::test::read_file(dir + "/graph.svg").find("<svg") != std::string::npos);
}

TEST_CASE("bad input: bad gold records and bad dates lines are skipped, the rest scored and read") {
    const std::string dir = eventgraph::test::temp_dir("bad-gold");
    const std::string gold = dir + "/page.gold.jsonl";
    write_file(
        gold,
        R"({"article":"page-1","types":["consult"],"source":"RUS","target":"CHN","date":"2024-05"})"
        "\n"
        R"({"article":"page-1","types":["assault"],"source":"RUS","target":"UKR","date":"2024-02-30"})"
        "\n"
        R"({"article":"page-1","types":"assault"})"
        "\n"
        R"({"article":"page-1","types":["aid"],"source":"CHN","target":"RUS","date":"2024"})"
        "\n"
        R"({"article":"page-1","ty)");
    const std::string events = dir + "/events.jsonl";
    write_file(
        events,
        R"({"id":"ev-0000000000000001","article":"page-1","type":"consult","mode":null,"cameo":"040","quad":1,"source":{"id":"RUS","code":"RUS","name":"Russia","kind":"country"},"target":{"id":"CHN","code":"CHN","name":"China","kind":"country"},"date":{"value":"2024-05","granularity":"month","start":"2024-05","end":"2024-05","basis":"explicit"},"location":null,"attributed_to":null,"polarity":"asserted","confidence":0.7,"evidence":{"sentence":0,"begin":0,"end":10,"text":"Putin met.","trigger":"met"}})"
        "\n");
    const auto r = run_eventgraph({"eval", gold, "--events", events});
    const std::string f = "eventgraph: " + gold + ":";
    CHECK(r.exit_code == 1);
    CHECK(r.err == f +
                       "2: field \"date\": \"2024-02-30\" is not a date (YYYY-MM-DD, YYYY-MM or "
                       "YYYY)\n" +
                       f + "3: field \"types\": expected a non-empty list of event types\n" + f +
                       "5: record cut short by the end of the file (invalid JSON at column 24: "
                       "Missing a closing quotation mark in string.)\n"
                       "eventgraph: " +
                       gold + ": 3 bad records skipped\n");
    CHECK(r.out.rfind("articles 1  tp 1  fp 0  fn 1  ", 0) == 0);

    const std::string lines = dir + "/lines.jsonl";
    write_file(lines,
               "Talks resumed yesterday.\n"
               R"({"text":"on Monday","ref":"2024-13"})"
               "\n"
               R"({"id":"m","text":"Talks resumed yesterday.","ref":"2024-04"})"
               "\n"
               R"({"text":"cut)");
    const auto d = run_eventgraph({"dates", "--ref", "2024", lines});
    CHECK(d.exit_code == 1);
    CHECK(d.err ==
          "eventgraph: " + lines +
              ":2: field \"ref\": \"2024-13\" is not a date (YYYY-MM-DD, YYYY-MM or "
              "YYYY)\n"
              "eventgraph: " +
              lines +
              ":4: invalid JSON at column 13: Missing a closing quotation mark in string.\n"
              "eventgraph: " +
              lines + ": 2 bad records skipped\n");
    CHECK(
        d.out ==
        R"({"id":"1","expressions":[{"text":"yesterday","begin":14,"end":23,"value":"2024","granularity":"year"}]})"
        "\n"
        R"({"id":"m","expressions":[{"text":"yesterday","begin":14,"end":23,"value":"2024-04","granularity":"month"}]})"
        "\n");
}

TEST_CASE("bad input: --fail-fast stops at the first bad record and writes no -o output") {
    const std::string dir = eventgraph::test::temp_dir("fail-fast");
    const std::string file = dir + "/mixed.jsonl";
    write_file(file, mixed_articles);
    const std::string out = dir + "/articles.jsonl";
    write_file(out, "earlier\n");
    const auto r = run_eventgraph({"normalize", "--fail-fast", file, good, "-o", out});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: " + file + ":2: invalid JSON at column 19: Invalid value.\n");
    CHECK(eventgraph::test::read_file(out) == "earlier\n");
    const auto both = run_eventgraph({"normalize", "--fail-fast", "--keep-going", file});
    CHECK(both.exit_code == 2);
    CHECK(both.err.rfind("eventgraph normalize: --fail-fast and --keep-going ask for opposite "
                         "things: give one\n",
                         0) == 0);
}

TEST_CASE("bad input: an output whose every input failed is not written; an earlier file stays") {
    const std::string dir = eventgraph::test::temp_dir("all-failed");
    write_file(dir + "/broken.events.jsonl", "{\"id\":\n");
    write_file(dir + "/empty.events.jsonl", "");
    const std::string dot = dir + "/graph.dot";
    const std::string earlier = "digraph earlier { a -> b }\n";
    write_file(dot, earlier);
    const auto r = run_eventgraph({"export", "--format", "dot", dir + "/broken.events.jsonl",
                                   dir + "/missing.jsonl", "-o", dot});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: " + dir +
                       "/missing.jsonl: no such file or directory\n"
                       "eventgraph: " +
                       dir +
                       "/broken.events.jsonl:1: invalid JSON at column 7: Invalid value.\n"
                       "eventgraph: " +
                       dir +
                       "/broken.events.jsonl: 1 bad record skipped\n"
                       "eventgraph: nothing written to " +
                       dot + ": every input failed\n");
    CHECK(eventgraph::test::read_file(dot) == earlier);

    // The same for every command that writes: stats, render, path, extract, normalize, eval, run.
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"stats", dir + "/broken.events.jsonl", "-o", dot},
             {"render", "--format", "svg", dir + "/broken.events.jsonl", "-o", dot},
             {"path", "RUS", "UKR", dir + "/broken.events.jsonl", "-o", dot},
             {"extract", dir + "/broken.events.jsonl", "-o", dot},
             {"normalize", dir + "/broken.events.jsonl", "-o", dot},
             {"eval", data_path("gold"), "--events", dir + "/broken.events.jsonl", "-o", dot}}) {
        const auto x = run_eventgraph(args);
        INFO(args[0]);
        CHECK(x.exit_code == 1);
        CHECK(x.err.find("eventgraph: nothing written to " + dot + ": every input failed\n") !=
              std::string::npos);
        CHECK(eventgraph::test::read_file(dot) == earlier);
    }
    const std::string run_dir = dir + "/run";
    std::filesystem::create_directories(run_dir);
    write_file(run_dir + "/graph.dot", earlier);
    const auto run = run_eventgraph({"run", dir + "/broken.events.jsonl", "-o", run_dir});
    CHECK(run.exit_code == 1);
    CHECK(eventgraph::test::read_file(run_dir + "/graph.dot") == earlier);
    CHECK(!std::filesystem::exists(run_dir + "/events.jsonl"));

    // With one good input, even an empty one, the output is written and the exit code is 1.
    const auto some = run_eventgraph({"export", "--format", "dot", dir + "/broken.events.jsonl",
                                      dir + "/empty.events.jsonl", "-o", dot});
    CHECK(some.exit_code == 1);
    CHECK(eventgraph::test::read_file(dot).rfind("digraph", 0) == 0);
    CHECK(eventgraph::test::read_file(dot) != earlier);
}

TEST_CASE(
    "bad input: a long paragraph without full stops is read in bounded pieces, events found") {
    const std::string dir = eventgraph::test::temp_dir("run-on");
    // 200 KB of a table's cells, with an event in the middle, between two good files.
    std::string cells;
    while (cells.size() < 100000) cells += "Kharkiv 1204 Anna Kowalski 3 June 2024 Oleg Petrov 77 ";
    write_file(dir + "/run-on.jsonl",
               "{\"id\":\"run-on\",\"published\":\"2024-09-10\",\"body\":\"" + cells +
                   "China supplied Russia with drones in July " + cells + "\"}\n");
    const auto alone = run_eventgraph({"extract", good});
    const auto r = run_eventgraph({"extract", good, dir + "/run-on.jsonl", good});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out), good_lines = lines_of(alone.out);
    REQUIRE(lines.size() > 2 * good_lines.size());
    CHECK(std::equal(good_lines.begin(), good_lines.end(), lines.begin()));
    CHECK(std::equal(good_lines.rbegin(), good_lines.rend(), lines.rbegin()));
    std::size_t longest = 0, aid = 0;
    for (const auto& line : lines) {
        if (line.find("\"article\":\"run-on\"") == std::string::npos) continue;
        const auto text = line.find("\"text\":\"");
        longest = std::max(longest, line.find('"', text + 8) - text - 8);
        // The event with its piece of the table as evidence (and that piece's date).
        if (line.find("\"type\":\"aid\"") != std::string::npos &&
            line.find("\"source\":{\"id\":\"CHN\"") != std::string::npos &&
            line.find("China supplied Russia with drones in July") < line.find("more_evidence"))
            ++aid;
    }
    CHECK(aid == 1);
    CHECK(longest <= 1000);  // 160 tokens of the table, not the 200 KB paragraph
}

TEST_CASE("bad input: bylines full of labels, roles, outlets and dates give the people only") {
    const auto r = run_eventgraph({"normalize", good, data_path("pages/bylines/class.html"),
                                   data_path("pages/bylines/mixed.html")});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out);
    REQUIRE(ids_of(r.out) == ids{"wire-1", "wire-2", "class", "mixed"});
    CHECK(lines[2].find("\"authors\":[\"Jane Doe\",\"John Roe\",\"Ann Lee\",\"Marta Kovac\","
                        "\"KENJI SATO\"]") != std::string::npos);
    CHECK(lines[3].find("\"authors\":[\"Samir Nasser\",\"Leila Farouk\"]") != std::string::npos);
}

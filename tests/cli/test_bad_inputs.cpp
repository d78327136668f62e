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
                       "/latin1.jsonl:1: invalid JSON at column 23: Invalid encoding in string.\n");
    CHECK(ids_of(r.out) == ids{"wire-1", "wire-2"});
}

TEST_CASE("bad input: NUL bytes make a file binary, or a JSON record broken at its column") {
    const std::string dir = eventgraph::test::temp_dir("bad-nul");
    write_file(dir + "/nul.txt", std::string("A page\0with a NUL byte\n", 23));
    // Past the first 4 KB, which are looked at to tell the format, a NUL byte is in a record.
    const std::string first = "{\"id\":\"first\",\"body\":\"" + std::string(5000, 'x') + "\"}\n";
    write_file(dir + "/nul.jsonl", first + std::string("{\"id\":\"n\",\"body\":\"a\0b\"}\n", 25) +
                                       "{\"id\":\"third\",\"body\":\"y\"}\n");
    const auto r = run_eventgraph({"normalize", dir + "/nul.txt", dir + "/nul.jsonl", good});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "eventgraph: " + dir +
                       "/nul.txt: binary file, not text\n"
                       "eventgraph: " +
                       dir + "/nul.jsonl:2: invalid JSON at column 20: NUL byte in the text\n");
    CHECK(ids_of(r.out) == ids{"first", "wire-1", "wire-2"});
}

TEST_CASE("bad input: a 100 MB line is refused with the limit, quickly and without holding it") {
    const std::string dir = eventgraph::test::temp_dir("bad-long-line");
    const std::string big = dir + "/big.jsonl";
    write_big(big, "{\"id\":\"before\",\"body\":\"Before.\"}\n{\"id\":\"huge\",\"body\":\"",
              std::size_t{100} << 20, 'x', "\"}\n{\"id\":\"after\",\"body\":\"After.\"}\n");
    const std::string message =
        "eventgraph: " + big + ":2: line longer than 16 MB: not read (the limit of one record)\n";

    const auto stop = run_eventgraph({"normalize", big, good});
    CHECK(stop.exit_code == 1);
    CHECK(stop.err == message);
    CHECK(ids_of(stop.out) == ids{"before", "wire-1", "wire-2"});
#ifndef __SANITIZE_ADDRESS__  // AddressSanitizer keeps freed memory in quarantine
    // Read whole, the line alone would take 100 MB.
    CHECK(eventgraph::test::last_run_max_rss_kb() < 60 * 1024);
#endif

    const auto keep = run_eventgraph({"normalize", "--keep-going", big, good});
    CHECK(keep.exit_code == 0);
    CHECK(keep.err == message + "eventgraph: skipped 1 broken record\n");
    CHECK(ids_of(keep.out) == ids{"before", "after", "wire-1", "wire-2"});
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
    const auto r = run_eventgraph({"normalize", "--keep-going", dir + "/deep.jsonl", good});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "eventgraph: " + dir + "/deep.jsonl:1: invalid JSON at column " + column +
                       ": nested deeper than 64 levels\neventgraph: skipped 1 broken record\n");
    CHECK(ids_of(r.out) == ids{"next", "wire-1", "wire-2"});

    // The same in an events file, read by export, path and stats.
    const std::string events = dir + "/deep.events.jsonl";
    write_file(events, "{\"id\":" + std::string(depth, '[') + std::string(depth, ']') + "}\n");
    const auto s = run_eventgraph({"stats", events, data_path("graph/names.jsonl")});
    CHECK(s.exit_code == 1);
    CHECK(s.err == "eventgraph: " + events +
                       ":1: invalid JSON at column 70: nested deeper than 64 levels\n");
    CHECK(s.out.rfind("2 events, ", 0) == 0);
}

TEST_CASE("bad input: fields of the wrong type name the field, the line, and what was expected") {
    const std::string dir = eventgraph::test::temp_dir("bad-types");
    write_file(dir + "/types.jsonl",
               "{\"id\":\"t\",\"title\":5,\"body\":\"x\"}\n"
               "{\"id\":\"p\",\"paragraphs\":\"x\"}\n"
               "{\"id\":\"ok\",\"body\":\"Fine.\"}\n");
    const std::string f = "eventgraph: " + dir + "/types.jsonl:";
    const auto r = run_eventgraph({"normalize", "--keep-going", dir + "/types.jsonl", good});
    CHECK(r.exit_code == 0);
    CHECK(r.err ==
          f + "1: field \"title\": expected a string\n" + f +
              "2: field \"paragraphs\": expected an array of {\"text\", \"role\"} objects\n"
              "eventgraph: skipped 2 broken records\n");
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
    const auto s = run_eventgraph(
        {"stats", "--keep-going", dir + "/types.events.jsonl", data_path("graph/names.jsonl")});
    CHECK(s.exit_code == 0);
    CHECK(s.err == e + "1: field \"quad\": expected 1, 2, 3 or 4\n" + e +
                       "2: field \"source\": expected an actor object or null\n"
                       "eventgraph: skipped 2 broken records\n");
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
                       "(expected e.g. 2024-09-10 or "
                       "2024-09-10T19:59:00+03:00)\n");
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
                       "/feb30.events.jsonl:1: field \"date/start\": \"2024-02-30\" is not a day "
                       "(YYYY-MM-DD)\n");
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
    const auto r =
        run_eventgraph({"normalize", "--keep-going", dir + "/empty-articles.jsonl", good});
    CHECK(r.exit_code == 0);
    CHECK(r.err == f + "1: article \"blank\" has no text\n" + f +
                       "2: article has neither \"body\" nor \"paragraphs\"\n"
                       "eventgraph: skipped 2 broken records\n");
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

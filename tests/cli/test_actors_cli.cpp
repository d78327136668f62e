#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <string>

#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::lines_of;
using eventgraph::test::run_eventgraph;

namespace {

// The program's default lexicon is $EVENTGRAPH_DATA/lexicon: a few entries of
// tests/data/cli/data keep these outputs exact whatever the real data become.
class SmallDefaultLexicon {
    eventgraph::test::Env data_{"EVENTGRAPH_DATA", data_path("cli/data")};
};

}  // namespace

TEST_CASE("actors --help tells both usages and the options") {
    const auto r = run_eventgraph({"actors", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("usage: eventgraph actors [OPTIONS] [--ref DATE] TEXT|-\n", 0) == 0);
    for (const char* option :
         {"--ref DATE", "--lexicon FILE", "--list", "--verbose", "--output FILE"})
        CHECK(r.out.find(option) != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("actors writes each mention of the text with its span, actor and sentence") {
    const SmallDefaultLexicon small;
    const auto r = run_eventgraph(
        {"actors", "--ref", "2024-09-10",
         "Antony Blinken met Chinese forces in Beijing. Blinken said the Kremlin had lied."});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(
        r.out ==
        R"({"text":"Antony Blinken","begin":0,"end":14,"id":"USA.ANTONY_BLINKEN","code":"USA","name":"Antony Blinken","kind":"person","role":"Secretary of State","cameo":"USAGOV","sentence":0})"
        "\n"
        R"({"text":"Chinese forces","begin":19,"end":33,"id":"CHN.MILITARY","code":"CHN","name":"Chinese military","kind":"agent","agent":"military","cameo":"CHNMIL","sentence":0})"
        "\n"
        R"({"text":"Beijing","begin":37,"end":44,"id":"CHN","code":"CHN","name":"China","kind":"country","cameo":"CHN","sentence":0})"
        "\n"
        R"({"text":"Blinken","begin":46,"end":53,"id":"USA.ANTONY_BLINKEN","code":"USA","name":"Antony Blinken","kind":"person","role":"Secretary of State","cameo":"USAGOV","sentence":1})"
        "\n"
        R"({"text":"the Kremlin","begin":59,"end":70,"id":"RUS","code":"RUS","name":"Russia","kind":"country","cameo":"RUS","sentence":1})"
        "\n");
}

TEST_CASE("actors without --ref gives people their own code and no role") {
    const SmallDefaultLexicon small;
    const auto r = run_eventgraph({"actors", "Antony Blinken"});
    CHECK(
        r.out ==
        R"({"text":"Antony Blinken","begin":0,"end":14,"id":"USA.ANTONY_BLINKEN","code":"USA","name":"Antony Blinken","kind":"person","cameo":"USAELI","sentence":0})"
        "\n");
    const auto after = run_eventgraph({"actors", "--ref", "2025-03-01", "Antony Blinken"});
    CHECK(after.out == r.out);
}

TEST_CASE("actors reads standard input with - as one text, and an empty one has no actors") {
    const SmallDefaultLexicon small;
    const auto r =
        run_eventgraph({"actors", "-"}, "Russian troops\nentered. The Kremlin said \"no\".");
    CHECK(r.exit_code == 0);
    CHECK(
        r.out ==
        R"({"text":"Russian troops","begin":0,"end":14,"id":"RUS.MILITARY","code":"RUS","name":"Russian military","kind":"agent","agent":"military","cameo":"RUSMIL","sentence":0})"
        "\n"
        R"({"text":"The Kremlin","begin":24,"end":35,"id":"RUS","code":"RUS","name":"Russia","kind":"country","cameo":"RUS","sentence":1})"
        "\n");
    const auto empty = run_eventgraph({"actors", "-"}, "\n");
    CHECK(empty.exit_code == 0);
    CHECK(empty.out.empty());
    CHECK(empty.err.empty());
    const auto bad = run_eventgraph({"actors", "-"}, "Russia\n\xC3(\n");
    CHECK(bad.exit_code == 1);
    CHECK(bad.err == "eventgraph: <stdin>:2: invalid UTF-8 at column 1 (save the page as UTF-8)\n");
}

TEST_CASE("actors adds the users' lexicon files, roles dated by --ref") {
    const SmallDefaultLexicon small;
    const auto r = run_eventgraph(
        {"actors", "--lexicon", data_path("cli/freedonia.json"), "--ref", "1934-01-01",
         "Freedonian troops crossed the border, Rufus T. Firefly said. Firefly blamed Russia."});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(
        r.out ==
        R"({"text":"Freedonian troops","begin":0,"end":17,"id":"FRD.MILITARY","code":"FRD","name":"Freedonian military","kind":"agent","agent":"military","cameo":"FRDMIL","sentence":0})"
        "\n"
        R"({"text":"Rufus T. Firefly","begin":38,"end":54,"id":"FRD.RUFUS_FIREFLY","code":"FRD","name":"Rufus T. Firefly","kind":"person","role":"Prime Minister","cameo":"FRDGOV","sentence":0})"
        "\n"
        R"({"text":"Firefly","begin":61,"end":68,"id":"FRD.RUFUS_FIREFLY","code":"FRD","name":"Rufus T. Firefly","kind":"person","role":"Prime Minister","cameo":"FRDGOV","sentence":1})"
        "\n"
        R"({"text":"Russia","begin":76,"end":82,"id":"RUS","code":"RUS","name":"Russia","kind":"country","cameo":"RUS","sentence":1})"
        "\n");
}

TEST_CASE("actors reports the warnings of a user's lexicon with file and line, and goes on") {
    const SmallDefaultLexicon small;
    const std::string file = data_path("cli/warnings.json");
    const auto r = run_eventgraph({"actors", "--lexicon", file, "Sylvania"});
    CHECK(r.exit_code == 0);
    CHECK(
        r.out ==
        R"({"text":"Sylvania","begin":0,"end":8,"id":"SYL","code":"SYL","name":"Sylvania","kind":"country","cameo":"SYL","sentence":0})"
        "\n");
    CHECK(r.err ==
          "eventgraph: " + file +
              ":6: /entries/2: id \"SYL\" given again (first at line 3); the later entry wins\n"
              "eventgraph: " +
              file + ":4: role code \"SYLVANIA\" of \"SYL.TRENTINO\" is no entry of the lexicon\n");
}

TEST_CASE("actors stops with exit code 1 on a lexicon error, naming file and line") {
    const SmallDefaultLexicon small;
    const std::string file = data_path("cli/bad-kind.json");
    const auto r = run_eventgraph({"actors", "--lexicon", file, "Russia"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "eventgraph: " + file +
                       ":3: /entries/0/kind: \"nation\" is not one of \"country\", \"person\", "
                       "\"organisation\", \"group\", \"agent\", \"place\"\n");
    const std::string missing = data_path("cli/no-such-lexicon.json");
    const auto m = run_eventgraph({"actors", "--lexicon", missing, "Russia"});
    CHECK(m.exit_code == 1);
    CHECK(m.err == "eventgraph: " + missing + ": cannot open: No such file or directory\n");
}

TEST_CASE("actors --list writes the lexicon, one entry a line, users' files last") {
    const SmallDefaultLexicon small;
    const auto r =
        run_eventgraph({"actors", "--list", "--lexicon", data_path("cli/freedonia.json")});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 7);
    CHECK(
        lines[1] ==
        R"({"id":"CHN","code":"CHN","kind":"country","name":"China","cameo":"CHN","names":["China"],"adjectives":["Chinese"],"metonyms":["Beijing"],"roles":[]})");
    CHECK(
        lines[4] ==
        R"({"id":"USA.ANTONY_BLINKEN","code":"USA","kind":"person","name":"Antony Blinken","cameo":"USAELI","names":["Antony Blinken"],"adjectives":[],"metonyms":[],"roles":[{"title":"Secretary of State","code":"USA","start":"2021-01-26","end":"2025-01-20","cameo":"USAGOV"}]})");
    CHECK(
        lines[0] ==
        R"({"id":"AGENT.MILITARY","code":"","kind":"agent","name":"military","agent":"military","cameo":"---MIL","names":["troops","forces"],"adjectives":[],"metonyms":[],"roles":[]})");
    CHECK(lines[6].rfind(R"({"id":"FRD.RUFUS_FIREFLY",)", 0) == 0);
}

TEST_CASE("actors --verbose tells the lexicon's size and load time") {
    const SmallDefaultLexicon small;
    const auto r = run_eventgraph({"actors", "--verbose", "Russia"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.rfind("eventgraph: lexicon of 5 entries loaded in ", 0) == 0);
    CHECK(r.err.find(" ms, matcher of ") != std::string::npos);
}

TEST_CASE("actors usage errors: no text, two texts, text with --list, a bad --ref") {
    const auto none = run_eventgraph({"actors"});
    CHECK(none.exit_code == 2);
    CHECK(none.err ==
          "eventgraph actors: no text: give TEXT, or - for standard input\nTry 'eventgraph actors "
          "--help'.\n");
    const auto two = run_eventgraph({"actors", "China", "Russia"});
    CHECK(two.exit_code == 2);
    CHECK(two.err.rfind("eventgraph actors: give the text as one argument (in quotes), or - for "
                        "standard input\n",
                        0) == 0);
    const auto list = run_eventgraph({"actors", "--list", "China"});
    CHECK(list.exit_code == 2);
    CHECK(list.err.rfind("eventgraph actors: --list takes no text\n", 0) == 0);
    const auto ref = run_eventgraph({"actors", "--ref", "2024-13-01", "China"});
    CHECK(ref.exit_code == 2);
    CHECK(ref.err.rfind(
              "eventgraph actors: option --ref needs a date as YYYY-MM-DD, not \"2024-13-01\"\n",
              0) == 0);
}

TEST_CASE("actors -o writes the mentions to the file") {
    const SmallDefaultLexicon small;
    const std::string dir = eventgraph::test::temp_dir("cli-actors-output");
    const auto r = run_eventgraph({"actors", "-o", dir + "/m.jsonl", "China and Russia"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(lines_of(eventgraph::test::read_file(dir + "/m.jsonl")).size() == 2);
}

TEST_CASE(
    "actors with the real default lexicon finds the usual names and hides its maintainers' "
    "warnings") {
    const auto r =
        run_eventgraph({"actors", "--ref", "2024-09-10", "The Kremlin thanked Beijing."});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find(R"("text":"The Kremlin","begin":0,"end":11,"id":"RUS","code":"RUS")") !=
          std::string::npos);
    // Only the code: which entry "Beijing" picks (the state or the city) is the matcher's business.
    CHECK(lines[1].rfind(R"({"text":"Beijing","begin":20,"end":27,)", 0) == 0);
    CHECK(lines[1].find(R"("code":"CHN")") != std::string::npos);
}

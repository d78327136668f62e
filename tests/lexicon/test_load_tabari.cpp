#include <catch2/catch.hpp>

#include "eventgraph/error.hpp"
#include "eventgraph/lexicon/load.hpp"

using namespace eventgraph;
using namespace eventgraph::lexicon;
using namespace date::literals;

namespace {

const std::string dir = EVENTGRAPH_TEST_DATA "/lexicon/";

Lexicon load(const std::string& name) {
    Lexicon lex;
    load_lexicon_file(lex, dir + name);
    return lex;
}

std::vector<std::string> messages(const Lexicon& lex) {
    std::vector<std::string> out;
    for (const Warning& w : lex.warnings()) out.push_back(to_string(w));
    return out;
}

}  // namespace

TEST_CASE("TABARI names, synonyms and a country code make a country entry") {
    const Lexicon lex = load("actors.txt");
    const Entry* rus = lex.find("TABARI.RUSSIA");
    REQUIRE(rus);
    CHECK(rus->kind == model::ActorKind::country);
    CHECK(rus->code == "RUS");
    CHECK(rus->name == "Russia");
    CHECK(rus->line == 39);  // the later of the two RUSSIA_ entries
    CHECK(lex.find("TABARI.NATO")->names ==
          std::vector<std::string>{"NATO", "North Atlantic Treaty Organization"});
}

TEST_CASE("dated codes become roles, in six- and eight-digit dates, ends included") {
    const Lexicon lex = load("actors.txt");
    const Entry& putin = *lex.find("TABARI.VLADIMIR_PUTIN");
    CHECK(putin.kind == model::ActorKind::person);
    CHECK(putin.code == "RUS");
    CHECK(putin.agent == "elite");
    CHECK(putin.names ==
          std::vector<std::string>{"Vladimir Putin", "Putin", "President Vladimir Putin"});
    REQUIRE(putin.roles.size() == 3);
    CHECK(putin.roles[0].start == 1970_y / 1 / 1);  // 700101
    CHECK(putin.roles[0].end == 2000_y / 1 / 1);    // 991231 included: a role's end is exclusive
    CHECK(putin.roles[1].start == 2000_y / 5 / 7);  // 20000507
    CHECK(putin.roles[2].start == 2012_y / 5 / 8);  // >120507, after that day: 00-29 are 2000-2029
    CHECK_FALSE(putin.roles[2].end);
    CHECK(putin.actor_on(2004_y / 6 / 1).role == "government");
    CHECK(putin.actor_on(2008_y / 5 / 7).role == "government");  // the last day is included
    CHECK(putin.actor_on(1995_y / 1 / 1).role == "elite");
    CHECK(putin.actor_on(2010_y / 1 / 1).role.empty());  // between roles: his own code
    CHECK(putin.actor_on(2010_y / 1 / 1).code == "RUS");
}

TEST_CASE("Stoltenberg from TABARI codes is NATO's on 2024-07-15 and Norway's on 2025-03-01") {
    const Lexicon lex = load("actors.txt");
    const Entry& js = *lex.find("TABARI.JENS_STOLTENBERG");
    CHECK(js.code == "NOR");  // no undated code: the country of most of his roles
    CHECK(js.actor_on(2024_y / 7 / 15).code == "NATO");
    CHECK(js.actor_on(2025_y / 3 / 1).code == "NOR");
}

TEST_CASE("CAMEO codes map to countries, organisations and agents") {
    const Lexicon lex = load("actors.txt");
    CHECK(lex.find("TABARI.NATO")->code == "NATO");
    CHECK(lex.find("TABARI.NATO")->kind == model::ActorKind::organisation);
    CHECK(lex.find("TABARI.UN")->code == "UN");
    const Entry& corsa = *lex.find("TABARI.ACCOLTA_NAZINUALE_CORSA");
    CHECK(corsa.code == "FRA");
    CHECK(corsa.kind == model::ActorKind::group);
    CHECK(corsa.agent == "rebels");
    const Entry& ml = *lex.find("TABARI.MERRILL_LYNCH");
    CHECK(ml.code == "USA");
    CHECK(ml.agent == "business");
}

TEST_CASE("names on consecutive lines before their codes are one entry") {
    const Lexicon lex = load("actors.txt");
    const Entry* ivo = lex.find("TABARI.IVO_JOSIPOVIC");
    REQUIRE(ivo);
    CHECK(ivo->names == std::vector<std::string>{"Ivo Josipovic", "President Josipovic"});
    CHECK_FALSE(lex.find("TABARI.PRESIDENT_JOSIPOVIC"));
}

TEST_CASE("defects in TABARI files are warnings with file and line, and the rest loads") {
    const Lexicon lex = load("actors.txt");
    const std::string f = dir + "actors.txt:";
    CHECK(messages(lex) ==
          std::vector<std::string>{
              f + "28: entry U.N._ has no valid code; left out",
              f + "31: malformed date in [USAGOV 2004017-20061201]: \"2004017\" is not YYMMDD or "
                  "YYYYMMDD; code left out",
              f + "32: malformed date in [USAGOV 991301-000101]: \"991301\" is not a calendar "
                  "date; code left out",
              f + "33: malformed date in [USAGOV 20100101-20090101]: it starts after it ends; code "
                  "left out",
              f + "34: malformed date in [USAGOV 19820101]: expected >DATE, <DATE or DATE-DATE; "
                  "code left out",
              // A user's dictionary may invent codes: [XYZGOV] is country XYZ's government.
              f + "36: dated code [USAGOV 110101-130101] overlaps [USAGOV 100101-120101] (line 35)",
              f + "38: a second undated code [usa] besides [XYZGOV]; the first is kept",
              f + "39: entry RUSSIA_ given again (first at line 4); the later one wins",
          });
    std::vector<std::string> kinds;
    for (const Warning& w : lex.warnings()) kinds.push_back(w.kind);
    CHECK(kinds == std::vector<std::string>{"no-code", "bad-date", "bad-date", "bad-date",
                                            "bad-date", "overlap", "several-defaults",
                                            "duplicate"});
    CHECK(lex.find("TABARI.BAD_DATES")->roles.size() == 2);
    CHECK(lex.size() == 9);
}

TEST_CASE("bad bytes, control characters and run-together lines are stepped over") {
    const Lexicon lex = load("defects.txt");
    const std::string f = dir + "defects.txt:";
    CHECK(messages(lex) ==
          std::vector<std::string>{
              f + "2: invalid UTF-8 at column 8; line skipped",
              f + "3: control or replacement character in name \"COTE_D?IVOIRE_\"; name left out",
              f + "5: unexpected text \"stray text\" after the codes",
              f + "6: '+' inside a name: read as two synonyms",
              f + "7: unclosed '[' in \"[TCD\"",
          });
    CHECK(lex.find("TABARI.IVORY_COAST")->names ==
          std::vector<std::string>{"Ivory Coast", "Cote D'Ivoire"});
    CHECK(lex.find("TABARI.CHAD")->names ==
          std::vector<std::string>{"Chad", "Tchad", "Republic of Chad", "N'Djamena"});
}

TEST_CASE("PETRARCH agents: substitution markers, plurals, one entry per agent code") {
    const Lexicon lex = load("agents.txt");
    const Entry& agr = *lex.find("TABARI.AGENT.AGR");
    CHECK(agr.kind == model::ActorKind::agent);
    CHECK(agr.agent == "agriculture");
    CHECK(agr.code.empty());
    CHECK(agr.names == std::vector<std::string>{"farmer", "farmers", "cattleman", "cattlemen",
                                                "cattlewoman", "cattlewomen"});
    CHECK(lex.find("TABARI.AGENT.COP")->names ==
          std::vector<std::string>{"police", "lawman", "lawmen"});
    CHECK(lex.find("TABARI.AGENT.COP")->agent == "police");
    CHECK(lex.find("TABARI.AGENT.GOV")->names ==
          std::vector<std::string>{"secretary", "secretaries"});
    CHECK(lex.find("TABARI.AGENT.IGO")->names == std::vector<std::string>{"peacekeeping troops"});
    CHECK_FALSE(lex.find("TABARI.AGENT.BUS"));
    const std::string f = dir + "agents.txt:";
    CHECK(messages(lex) == std::vector<std::string>{
                               f + "10: entry ISLAMIC_EXTREMIST has no valid code; left out",
                               f + "11: undefined substitution marker !CHIEF!; name left out",
                           });
}

TEST_CASE("a TABARI file that is not text is an error") {
    Lexicon lex;
    CHECK_THROWS_WITH(load_tabari_lexicon(lex, std::string("AB_ [USA]\n\0\0", 12), "x.txt"),
                      "x.txt:2: NUL byte: this is not a text file");
}

// Found by fuzz_lexicon_tabari: fuzz/regressions/fuzz_lexicon_tabari/self-substitution-*.txt
TEST_CASE("a substitution marker inside a marker's value is left out, not expanded for ever") {
    Lexicon lex;
    load_tabari_lexicon(lex, "!PERSON! = MAN, MENLE!PERSON!, WOMAN\nCATTLE!PERSON! [~AGR]\n",
                        "x.txt");
    CHECK(lex.find("TABARI.AGENT.AGR")->names ==
          std::vector<std::string>{"cattleman", "cattlewoman"});
    CHECK(messages(lex) ==
          std::vector<std::string>{"x.txt:1: substitution marker inside the value "
                                   "\"MENLE!PERSON!\" of !PERSON!; value left out"});
}

// fuzz/regressions/fuzz_lexicon_tabari/markers-multiply.txt
TEST_CASE("substitution markers that would give more than 1000 names leave the name out") {
    std::string values = "V0";
    for (int i = 1; i < 40; ++i) values += ", V" + std::to_string(i);
    Lexicon lex;
    load_tabari_lexicon(lex, "!A! = " + values + "\nX!A!!A! [~AGR]\nFARMER [~AGR]\n", "x.txt");
    CHECK(lex.find("TABARI.AGENT.AGR")->names == std::vector<std::string>{"farmer", "farmers"});
    CHECK(messages(lex) ==
          std::vector<std::string>{
              "x.txt:2: substitution markers give more than 1000 names; name left out"});
}

// fuzz/regressions/fuzz_lexicon_tabari/thousands-of-markers.txt
TEST_CASE("a name of thousands of substitution markers expands in bounds") {
    std::string phrase = "Y";
    for (int i = 0; i < 20000; ++i) phrase += "!A!";
    Lexicon lex;
    load_tabari_lexicon(lex, "!A! = X\n" + phrase + " [~AGR]\n", "x.txt");
    const auto& names = lex.find("TABARI.AGENT.AGR")->names;
    REQUIRE(names.size() == 1);
    CHECK(names[0] == "y" + std::string(20000, 'x'));
    CHECK(messages(lex).empty());
}

#include <catch2/catch.hpp>

#include "eventgraph/error.hpp"
#include "eventgraph/lexicon/lexicon.hpp"

using namespace eventgraph;
using namespace eventgraph::lexicon;
using namespace date::literals;

namespace {

Entry entry(std::string id, std::string code, std::string name) {
    Entry e;
    e.id = std::move(id);
    e.code = std::move(code);
    e.name = std::move(name);
    e.names = {e.name};
    return e;
}

Entry stoltenberg() {
    Entry e = entry("NOR.JENS_STOLTENBERG", "NOR", "Jens Stoltenberg");
    e.kind = model::ActorKind::person;
    e.roles = {{"Prime Minister", "NOR", 2005_y / 10 / 17, 2013_y / 10 / 16},
               {"Secretary General", "NATO", 2014_y / 10 / 1, 2024_y / 10 / 1},
               {"Minister of Finance", "NOR", 2025_y / 2 / 4, std::nullopt}};
    return e;
}

}  // namespace

TEST_CASE("a role holds from its start day up to its end day, which is the successor's") {
    const Role r{"Secretary General", "NATO", 2014_y / 10 / 1, 2024_y / 10 / 1};
    CHECK(r.holds_on(2014_y / 10 / 1));
    CHECK(r.holds_on(2024_y / 9 / 30));
    CHECK_FALSE(r.holds_on(2024_y / 10 / 1));  // the end day is the successor's
    CHECK_FALSE(r.holds_on(2014_y / 9 / 30));
    CHECK_FALSE(r.holds_on(2024_y / 10 / 2));
    const Role open{"President", "RUS", std::nullopt, std::nullopt};
    CHECK(open.holds_on(1900_y / 1 / 1));
}

TEST_CASE("a person takes the code and title of the role held that day") {
    const Entry js = stoltenberg();
    const model::Actor nato = js.actor_on(2024_y / 7 / 15);
    CHECK(nato == model::Actor{"NOR.JENS_STOLTENBERG", "NATO", "Jens Stoltenberg",
                               model::ActorKind::person, "Secretary General", ""});
    const model::Actor finance = js.actor_on(2025_y / 3 / 1);
    CHECK(finance.code == "NOR");
    CHECK(finance.role == "Minister of Finance");
}

TEST_CASE("without a day or a role that day, a person has their own code and no role") {
    const Entry js = stoltenberg();
    CHECK(js.actor_on(std::nullopt).code == "NOR");
    CHECK(js.actor_on(std::nullopt).role.empty());
    CHECK(js.actor_on(2014_y / 1 / 1).code == "NOR");
    CHECK(js.actor_on(2014_y / 1 / 1).role.empty());
}

TEST_CASE("of two roles held the same day, the one that began later wins") {
    Entry p = entry("RUS.VLADIMIR_PUTIN", "RUS", "Vladimir Putin");
    p.roles = {{"President", "RUS", 2000_y / 5 / 7, 2008_y / 5 / 7},
               {"Prime Minister", "RUS", 2008_y / 5 / 7, 2012_y / 5 / 7},
               {"Chair", "EAEU", std::nullopt, std::nullopt}};
    CHECK(p.actor_on(2008_y / 5 / 7).role == "Prime Minister");  // handover day: the new role
    CHECK(p.actor_on(2004_y / 1 / 1).role ==
          "President");  // a role since before the records starts earliest
    CHECK(p.actor_on(2020_y / 1 / 1).role == "Chair");
    p.roles.push_back({"Other", "X", 2000_y / 5 / 7, std::nullopt});
    CHECK(p.actor_on(2004_y / 1 / 1).role == "President");  // equal starts: the first listed
}

TEST_CASE("entries are found by id and a later one with the same id replaces it in place") {
    Lexicon lex;
    lex.add(entry("NOR", "NOR", "Norway"));
    lex.add(entry("SWE", "SWE", "Sweden"));
    lex.add(entry("NOR", "NOR", "Kingdom of Norway"));
    CHECK(lex.size() == 2);
    CHECK(lex.entries()[0].name == "Kingdom of Norway");
    CHECK(lex.find("NOR")->name == "Kingdom of Norway");
    CHECK(lex.find("SWE")->name == "Sweden");
    CHECK(lex.find("DNK") == nullptr);
    CHECK(lex.find("") == nullptr);
}

TEST_CASE("merging adds new names, adjectives, metonyms and roles only") {
    Lexicon lex;
    Entry rus = entry("RUS", "RUS", "Russia");
    rus.adjectives = {"Russian"};
    lex.add(rus);
    Entry more;
    more.id = "RUS";
    more.names = {"Russia", "Rossiya"};
    more.adjectives = {"Russian", "Russians"};
    more.metonyms = {"the Kremlin"};
    more.roles = {{"Member", "BRICS", 2009_y / 6 / 16, std::nullopt}};
    lex.merge(more);
    lex.merge(more);  // twice adds nothing twice
    const Entry& r = *lex.find("RUS");
    CHECK(r.names == std::vector<std::string>{"Russia", "Rossiya"});
    CHECK(r.adjectives == std::vector<std::string>{"Russian", "Russians"});
    CHECK(r.metonyms == std::vector<std::string>{"the Kremlin"});
    CHECK(r.roles.size() == 1);
    CHECK(r.name == "Russia");
}

TEST_CASE("merging into a missing id is an error at the merge entry's file and line") {
    Lexicon lex;
    Entry e;
    e.id = "XXX";
    e.file = "user.json";
    e.line = 7;
    CHECK_THROWS_AS(lex.merge(e), lexicon_error);
    CHECK_THROWS_WITH(lex.merge(e),
                      "user.json:7: merge: no entry \"XXX\" loaded before to merge into");
}

TEST_CASE("thousands of entries add and are found (ISO subdivisions are ~5,000)") {
    Lexicon lex;
    for (int i = 0; i < 20000; ++i) lex.add(entry("ID" + std::to_string(i), "C", "n"));
    for (int i = 0; i < 20000; i += 2) lex.add(entry("ID" + std::to_string(i), "C", "replaced"));
    CHECK(lex.size() == 20000);
    CHECK(lex.find("ID19998")->name == "replaced");
    CHECK(lex.find("ID19999")->name == "n");
}

TEST_CASE("warnings are written as errors are: FILE:LINE: message") {
    CHECK(to_string(Warning{"a.txt", 3, "odd", "syntax"}) == "a.txt:3: odd");
    CHECK(to_string(Warning{"a.txt", 0, "odd", "syntax"}) == "a.txt: odd");
}

#include <catch2/catch.hpp>

#include "eventgraph/error.hpp"
#include "eventgraph/extract/cameo.hpp"

using namespace eventgraph::extract;

namespace {
std::string load_error(std::string_view text) {
    CameoTable t;
    try {
        t.load_text(text, "t.txt");
    } catch (const eventgraph::lexicon_error& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("a CAMEO code is found by its own line, else by its longest prefix") {
    CameoTable t;
    t.load_text(
        "# a comment\n\n04: CONSULT\n042: CONSULT, visit,   # Make a visit\n08: RETREAT\n087: "
        "RETREAT, disarm, military\n",
        "t.txt");
    REQUIRE(t.find("042"));
    CHECK(t.find("042")->type == "consult");
    CHECK(t.find("042")->mode == "visit");
    CHECK(t.find("046")->type == "consult");  // the root's line
    CHECK(t.find("046")->mode.empty());
    CHECK(t.find("0874")->mode == "disarm");  // 087's line
    CHECK(t.find("19") == nullptr);
    CHECK(t.find("") == nullptr);
}

TEST_CASE("a later line for the same code wins") {
    CameoTable t;
    t.load_text("057: SUPPORT, , diplomatic\n", "a.txt");
    t.load_text("057: AGREE, , diplomatic\n", "b.txt");
    CHECK(t.find("057")->type == "agree");
}

TEST_CASE("a malformed line of the CAMEO table is named by file and line") {
    CHECK(load_error("04: CONSULT\nCONSULT\n") ==
          "t.txt:2: expected \"CODE: TYPE, MODE, CONTEXT\" with a CAMEO code of 2 to 4 digits");
    CHECK(load_error("04:  , visit\n") == "t.txt:1: code 04 has no PLOVER type");
    CHECK(load_error("12345: REJECT\n") ==
          "t.txt:1: expected \"CODE: TYPE, MODE, CONTEXT\" with a CAMEO code of 2 to 4 digits");
}

TEST_CASE(
    "the shipped table codes statements, appeals, agreements and sanctions as the annotation "
    "guide does") {
    const CameoTable& t = CameoTable::standard();
    CHECK(t.find("010")->type == "statement");
    CHECK(t.find("020")->type == "request");
    CHECK(t.find("057")->type == "agree");
    CHECK(t.find("163")->type == "sanction");  // impose sanctions (PLOVER's table: coerce)
    CHECK(t.find("172")->type == "sanction");
    CHECK(t.find("1723")->type == "coerce");  // impose a curfew
    CHECK(t.find("190")->type == "assault");
    CHECK(t.find("0841")->mode == "release");
}

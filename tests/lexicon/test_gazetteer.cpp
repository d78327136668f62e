#include <catch2/catch.hpp>

#include "eventgraph/error.hpp"
#include "eventgraph/lexicon/gazetteer.hpp"
#include "support/support.hpp"

using namespace eventgraph;

TEST_CASE("the gazetteer finds places by name, case folded, with and without diacritics") {
    const auto g = lexicon::Gazetteer::load(test::data_path("places/gazetteer.tsv"));
    const auto cordoba = g.find(lexicon::Gazetteer::key("CÓRDOBA"));
    REQUIRE(cordoba.size() == 3);
    CHECK(cordoba[0]->country == "ARG");  // the most populous first
    CHECK(cordoba[0]->geonames == 3860259);
    CHECK(g.find(lexicon::Gazetteer::key("Cordoba")).size() == 3);
    const auto nice = g.find("nice");
    REQUIRE(nice.size() == 1);
    CHECK(nice[0]->common_word);
    CHECK(nice[0]->lat == Approx(43.70313));
    CHECK(g.find("mobile")[0]->subdivision == "US-AL");
    CHECK(g.find("atlantis").empty());
    CHECK(g.subdivision_id("US-AL") == "USA.ALABAMA");
    const auto alabama = g.subdivision_centre("USA.ALABAMA");
    REQUIRE(alabama);
    CHECK(alabama->precision == model::GeoPrecision::subdivision);
    CHECK(alabama->subdivision == "US-AL");
    const auto ukraine = g.country_centre("UKR");
    REQUIRE(ukraine);
    CHECK(ukraine->precision == model::GeoPrecision::country);
    CHECK_FALSE(g.country_centre("XXX"));
}

TEST_CASE("a bad gazetteer line is an error naming the file and line") {
    const std::string head = "# comment\n";
    CHECK_THROWS_WITH(lexicon::Gazetteer::parse(head + "P\t1\tX\n", "g.tsv"),
                      "g.tsv:2: a place line has 11 tab-separated fields, not 3");
    CHECK_THROWS_WITH(
        lexicon::Gazetteer::parse(head + "P\t1\tX\t\tUKR\t\t10\t95.0\t1.0\tPPL\t\n", "g.tsv"),
        "g.tsv:2: bad coordinates '95.0', '1.0'");
    CHECK_THROWS_WITH(lexicon::Gazetteer::parse("Q\tx\n", "g.tsv"),
                      "g.tsv:1: unknown line kind 'Q' (P, S or C)");
}

TEST_CASE("the generator writes places, subdivision and country centres from the records") {
    if (!test::have_python3()) return;
    const std::string out = test::temp_dir("gen_gazetteer") + "/gazetteer.tsv";
    const auto r = test::run_python(test::source_path("tools/gen_gazetteer.py"),
                                    {"--cities", test::data_path("places/cities.jsonl"), "--out",
                                     out, "--words", test::data_path("places/words.txt")});
    REQUIRE(r.out == "");
    REQUIRE(r.exit_code == 0);
    // Córdoba (Spain) has an ISO 3166-2 code from GeoNames' letters (AN), Córdoba
    // (Argentina) none from its number (05); a country ISO does not know (ZZ) is left out.
    CHECK(test::read_file(out) == test::read_file(test::data_path("places/expected.tsv")));
}

#include <catch2/catch.hpp>
#include <string>

#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/words.hpp"

using namespace eventgraph::text;

TEST_CASE("ASCII case and white space leave other bytes as they are") {
    CHECK(ascii_lower("Erdoğan SAID") == "erdoğan said");
    CHECK(ascii_upper("gen.") == "GEN.");
    CHECK(iequals("NATO", "nato"));
    CHECK_FALSE(iequals("Ğ", "ğ"));  // only ASCII letters have a case here
    CHECK_FALSE(iequals("nato", "natos"));
    CHECK(istarts_with("<!DOCTYPE html>", "<!doctype"));
    CHECK_FALSE(istarts_with("<!d", "<!doctype"));
    CHECK(trim(" \t\r\n\f\vUSA \r\n") == "USA");
    CHECK(trim("\xC2\xA0USA") == "\xC2\xA0USA");  // a no-break space is not ASCII's
    CHECK(trim(" \t ").empty());
}

TEST_CASE("months and weekdays by name and abbreviation, in any case") {
    CHECK(month_number("September") == 9);
    CHECK(month_number("SEPT") == 9);
    CHECK(month_number("sep") == 9);
    CHECK(month_number("May") == 5);
    CHECK(month_number("Ma") == 0);
    CHECK(month_number("Mayday") == 0);
    CHECK(weekday_number("Sunday") == 0);
    CHECK(weekday_number("Tues") == 2);
    CHECK(weekday_number("THURS") == 4);
    CHECK(weekday_number("sat") == 6);
    CHECK(weekday_number("Satur") == -1);
}

TEST_CASE("abbreviations are found as written or in capitals, never in another case") {
    CHECK(listed_abbreviation("Gen") == AbbreviationKind::title);
    CHECK(listed_abbreviation("GEN") == AbbreviationKind::title);
    CHECK(listed_abbreviation("Sept") == AbbreviationKind::dotted);
    CHECK(listed_abbreviation("Inc") == AbbreviationKind::other);
    CHECK(listed_abbreviation("gen") == AbbreviationKind::none);  // "gen." ends a sentence
    CHECK(listed_abbreviation("Ill") == AbbreviationKind::none);
    CHECK(abbreviations().size() > 50);
}

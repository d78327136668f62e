#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "eventgraph/text/tokenize.hpp"

using namespace eventgraph::text;

namespace {

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    for (const auto& t : tokenize(s)) out.emplace_back(t.text(s));
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("tokens carry byte offsets into the text") {
    const std::string_view s = "China  supplies\nRussia.";
    const auto t = tokenize(s);
    REQUIRE(t.size() == 4);
    CHECK(t[0].begin == 0);
    CHECK(t[0].end == 5);
    CHECK(t[1].begin == 7);
    CHECK(t[2].text(s) == "Russia");
    CHECK(t[3].kind == TokenKind::punct);
    CHECK(t[3].begin == 22);
}

TEST_CASE("a possessive 's is split off, with straight and curly apostrophes") {
    CHECK(words("Russia's war machine") == V{"Russia", "'s", "war", "machine"});
    CHECK(words("Russia\u2019s war") == V{"Russia", "\u2019s", "war"});
    const std::string_view s = "Iran\u2019s ministry";
    CHECK(tokenize(s)[1].has(possessive));
    CHECK(words("RUSSIA'S WAR") == V{"RUSSIA", "'S", "WAR"});
}

TEST_CASE("other apostrophes stay inside their word") {
    CHECK(words("O'Brien won't go to C\xC3\xB4te d\u2019Ivoire") ==
          V{"O'Brien", "won't", "go", "to", "C\xC3\xB4te", "d\u2019Ivoire"});
    CHECK(words("the Kurds' homes") == V{"the", "Kurds", "'", "homes"});
}

TEST_CASE("hyphenated words stay whole and are flagged") {
    const std::string_view s = "dual-use goods, a U.S.-led coalition, full\u2011scale war";
    CHECK(words(s) ==
          V{"dual-use", "goods", ",", "a", "U.S.-led", "coalition", ",", "full\u2011scale", "war"});
    CHECK(tokenize(s)[0].has(hyphenated));
    CHECK(words("war -- and peace") == V{"war", "--", "and", "peace"});
    CHECK(words("2022\u20132024") == V{"2022", "\u2013", "2024"});
}

TEST_CASE("abbreviations and initials keep their period") {
    CHECK(words("U.S. Deputy Secretary") == V{"U.S.", "Deputy", "Secretary"});
    CHECK(words("the U.K. and Gen. Smith on Sept. 10") ==
          V{"the", "U.K.", "and", "Gen.", "Smith", "on", "Sept.", "10"});
    CHECK(words("Dr. Who, Antony J. Blinken") == V{"Dr.", "Who", ",", "Antony", "J.", "Blinken"});
    CHECK(words("Resolution No. 2231") == V{"Resolution", "No.", "2231"});
    CHECK(words("he said no.") == V{"he", "said", "no", "."});
    CHECK(words("at 7 a.m. today") == V{"at", "7", "a.m.", "today"});
    CHECK(words("he fell ill. Then") == V{"he", "fell", "ill", ".", "Then"});
    const auto t = tokenize("U.S.");
    CHECK(t[0].has(abbreviation));
    CHECK(t[0].is_all_caps());
}

TEST_CASE("numbers keep their separators") {
    const std::string_view s = "2,000 troops, 3.5 percent at 7:59 PM, 10th";
    CHECK(words(s) == V{"2,000", "troops", ",", "3.5", "percent", "at", "7:59", "PM", ",", "10th"});
    CHECK(tokenize(s)[0].kind == TokenKind::number);
    CHECK(words("$5bn (4%)") == V{"$", "5bn", "(", "4", "%", ")"});
}

TEST_CASE("quotes are punctuation that know whether they open or close") {
    const std::string_view s = "a \"very substantial effort\" and \u201Cdecisive enabler\u201D";
    const auto t = tokenize(s);
    REQUIRE(t.size() == 11);
    CHECK(t[1].has(open_quote));
    CHECK(t[5].has(close_quote));
    CHECK(t[7].has(open_quote));
    CHECK(t[10].has(close_quote));
    const std::string_view q = "said.\" Then";
    CHECK(tokenize(q)[2].has(close_quote));
}

TEST_CASE("case flags tell capitalized, all-caps and lower-case words apart") {
    const std::string_view s =
        "US us Us May may T\xC3\xBCrkiye turkey \xC3\x9C"
        "BER";
    const auto t = tokenize(s);
    CHECK(t[0].is_all_caps());
    CHECK(t[0].is_capitalized());
    CHECK(t[1].is_lowercase());
    CHECK(t[2].is_capitalized());
    CHECK_FALSE(t[2].is_all_caps());
    CHECK(t[5].is_capitalized());
    CHECK(t[6].is_lowercase());
    CHECK(t[7].is_all_caps());
    // Cyrillic has case too.
    const std::string_view r = "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F";  // Россия
    CHECK(tokenize(r)[0].is_capitalized());
}

TEST_CASE("match keys fold case, straighten apostrophes and drop a word's periods") {
    CHECK(match_key("U.S.") == "us");
    CHECK(match_key("US") == "us");
    CHECK(match_key("Sept.") == "sept");
    CHECK(match_key("d\u2019Ivoire") == "d'ivoire");
    CHECK(match_key("T\xC3\xBCRKIYE") == "t\xC3\xBCrkiye");
    CHECK(match_key("\xC4\xB0stanbul") == "istanbul");
    CHECK(match_key("3.5", TokenKind::number) == "3.5");
    CHECK(match_key(".", TokenKind::punct) == ".");
}

TEST_CASE("line and paragraph starts are flagged") {
    const std::string_view s = "One.\nTwo.\n\n  Three.";
    const auto t = tokenize(s);
    CHECK(t[0].has(paragraph_start));
    CHECK(t[2].has(line_start));
    CHECK_FALSE(t[2].has(paragraph_start));
    CHECK(t[4].has(paragraph_start));
}

TEST_CASE("bad bytes become tokens and never stop the tokenizer") {
    const std::string_view s =
        "ab\xFF"
        "cd \xE2\x80";
    const auto t = tokenize(s);
    REQUIRE_FALSE(t.empty());
    CHECK(t.back().end == s.size());
}

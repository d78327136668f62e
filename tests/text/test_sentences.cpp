#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "eventgraph/text/tokenize.hpp"

using namespace eventgraph::text;

namespace {

std::vector<std::string> sentences(std::string_view s, SentenceOptions o = {}) {
    const auto t = tokenize_text(s, o);
    std::vector<std::string> out;
    for (const auto& sen : t.sentences) out.emplace_back(sen.text(s));
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("sentences end at periods, question and exclamation marks") {
    CHECK(sentences("China supplies Russia. Russia pays! Does it? Yes.") ==
          V{"China supplies Russia.", "Russia pays!", "Does it?", "Yes."});
}

TEST_CASE("a title abbreviation or a dotted name before a title does not end a sentence") {
    CHECK(sentences("U.S. Deputy Secretary of State Kurt Campbell told journalists on Sept. 10.") ==
          V{"U.S. Deputy Secretary of State Kurt Campbell told journalists on Sept. 10."});
    CHECK(sentences("Gen. Valery Gerasimov met Dr. Smith. They talked.") ==
          V{"Gen. Valery Gerasimov met Dr. Smith.", "They talked."});
    CHECK(sentences("John F. Kennedy spoke. He left.") == V{"John F. Kennedy spoke.", "He left."});
}

TEST_CASE("a dotted abbreviation ends a sentence when a sentence-starting word follows") {
    CHECK(sentences("He lives in the U.S. The next day he left.") ==
          V{"He lives in the U.S.", "The next day he left."});
    CHECK(sentences("He lives in the U.S. \"We left,\" he said.") ==
          V{"He lives in the U.S.", "\"We left,\" he said."});
    CHECK(sentences("He works for Acme Inc. Russia said so.") ==
          V{"He works for Acme Inc.", "Russia said so."});
    CHECK(sentences("the U.S. dollar fell") == V{"the U.S. dollar fell"});
}

TEST_CASE("closing quotes and brackets after the period stay in the sentence") {
    CHECK(sentences("\"These are basically being applied,\" Campbell said. \"They are not dual-use.\" "
                    "Beijing denied it.") ==
          V{"\"These are basically being applied,\" Campbell said.", "\"They are not dual-use.\"",
            "Beijing denied it."});
    CHECK(sentences("It was \u201Cprovocative.\u201D Beijing said so. (It did.) Then") ==
          V{"It was \u201Cprovocative.\u201D", "Beijing said so.", "(It did.)", "Then"});
}

TEST_CASE("a period before a lower-case word does not end a sentence") {
    CHECK(sentences("Prices rose 3.5 percent. in the end") == V{"Prices rose 3.5 percent. in the end"});
}

TEST_CASE("an ellipsis ends a sentence only before a capitalized word") {
    CHECK(sentences("I swore an oath to the Constituti\u2026 and more") ==
          V{"I swore an oath to the Constituti\u2026 and more"});
    CHECK(sentences("Wait... Then it came.") == V{"Wait...", "Then it came."});
}

TEST_CASE("paragraphs end sentences and are numbered") {
    const std::string_view s =
        "China supplies Russia's war machine, US says\n\nby Elsa Court\n"
        "An airport expressway is decorated.\n\n  China is supplying Russia.";
    const auto t = tokenize_text(s);
    REQUIRE(t.sentences.size() == 3);
    CHECK(t.sentences[0].text(s) == "China supplies Russia's war machine, US says");
    CHECK(t.sentences[0].paragraph == 0);
    CHECK(t.sentences[1].text(s) == "by Elsa Court\nAn airport expressway is decorated.");
    CHECK(t.sentences[1].paragraph == 1);
    CHECK(t.sentences[2].paragraph == 2);
    CHECK(t.sentences[2].first_token == t.sentences[1].last_token);
}

TEST_CASE("line breaks can be made to end sentences") {
    SentenceOptions o;
    o.line_breaks_end_sentences = true;
    CHECK(sentences("by Elsa Court\nAn airport expressway.", o) ==
          V{"by Elsa Court", "An airport expressway."});
}

TEST_CASE("sentences cover every token once, in order") {
    const std::string_view s = "A. B? \"C.\" (D.) E... f. G";
    const auto t = tokenize_text(s);
    std::size_t next = 0;
    for (const auto& sen : t.sentences) {
        CHECK(sen.first_token == next);
        CHECK(sen.last_token > sen.first_token);
        next = sen.last_token;
    }
    CHECK(next == t.tokens.size());
    CHECK(tokenize_text("").sentences.empty());
}

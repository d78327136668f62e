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
    CHECK(sentences(
              "\"These are basically being applied,\" Campbell said. \"They are not dual-use.\" "
              "Beijing denied it.") == V{"\"These are basically being applied,\" Campbell said.",
                                         "\"They are not dual-use.\"", "Beijing denied it."});
    CHECK(sentences("It was \u201Cprovocative.\u201D Beijing said so. (It did.) Then") ==
          V{"It was \u201Cprovocative.\u201D", "Beijing said so.", "(It did.)", "Then"});
}

TEST_CASE("a period before a lower-case word does not end a sentence") {
    CHECK(sentences("Prices rose 3.5 percent. in the end") ==
          V{"Prices rose 3.5 percent. in the end"});
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

namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// The tokens of every sentence, in order, with no gap and no overlap.
bool covers_all(const Tokenized& t) {
    std::size_t next = 0;
    for (const auto& sen : t.sentences) {
        if (sen.first_token != next || sen.size() == 0) return false;
        next = sen.last_token;
    }
    return next == t.tokens.size();
}

}  // namespace

TEST_CASE("a list of names without a full stop is cut after a comma, at most every 160 tokens") {
    // 3 tokens a name: the last comma at or before token 160 ends each piece.
    const std::string s = repeat("Anna Kowalski, ", 300) + "Mei Lin";
    const auto t = tokenize_text(s);
    REQUIRE(covers_all(t));
    REQUIRE(t.sentences.size() == 6);
    for (std::size_t i = 0; i + 1 < t.sentences.size(); ++i) {
        CHECK(t.sentences[i].size() == 159);
        CHECK(t.sentences[i].text(s).substr(0, 5) == "Anna ");
        CHECK(t.sentences[i].text(s).back() == ',');
    }
    CHECK(t.sentences.back().text(s).substr(t.sentences.back().text(s).size() - 7) == "Mei Lin");
}

TEST_CASE("a run-on sentence is cut at a line, cell or semicolon before a comma or conjunction") {
    const std::string row = "the crowd grew and then it rained, we waited and waited ";
    std::string s = repeat(row, 8) + "until noon; " + repeat(row, 8);
    const auto t = tokenize_text(s);
    REQUIRE(covers_all(t));
    REQUIRE(t.sentences.size() >= 2);
    CHECK(t.sentences[0].text(s).substr(t.sentences[0].text(s).size() - 11) == "until noon;");
    // No semicolon after it: a comma, then "and", are the next best places.
    const std::string transcript = repeat("we walked and we talked for long ", 60);
    const auto u = tokenize_text(transcript);
    REQUIRE(covers_all(u));
    for (std::size_t i = 1; i < u.sentences.size(); ++i)
        CHECK(u.sentences[i].text(transcript).substr(0, 4) == "and ");
}

TEST_CASE("a table's cells run together are cut between cells, never inside a name") {
    const std::string s = repeat("Kharkiv 1204 Anna Kowalski 3 March 2024 Bank of England 77 ", 60);
    const auto t = tokenize_text(s);
    REQUIRE(covers_all(t));
    REQUIRE(t.sentences.size() > 4);
    for (const auto& sen : t.sentences) {
        CHECK(sen.size() <= max_sentence_tokens);
        const std::string_view first = t.tokens[sen.first_token].text(s);
        CHECK(first != "Kowalski");
        CHECK(first != "England");
        CHECK(first != "of");
    }
}

TEST_CASE("sentences up to the bound are kept whole, and a bound of 0 keeps every sentence") {
    const std::string long_one =
        repeat("Russia and Ukraine, ", 40) + "and China met.";  // 164 tokens
    const std::string s = repeat("Russia and Ukraine, ", 39) + "and China met. " + long_one;
    const auto t = tokenize_text(s);
    REQUIRE(t.sentences.size() == 3);
    CHECK(t.sentences[0].size() == 160);
    CHECK(t.sentences[2].text(s) == "and China met.");
    SentenceOptions unbounded;
    unbounded.max_tokens = 0;
    CHECK(sentences(s, unbounded).size() == 2);
}

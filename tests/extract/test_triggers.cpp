#include <catch2/catch.hpp>

#include "eventgraph/error.hpp"
#include "eventgraph/extract/triggers.hpp"

using namespace eventgraph::extract;

namespace {
std::vector<std::string> forms(std::string_view lemma) {
    const auto f = inflect(lemma);
    return {f.third, f.past, f.participle, f.gerund};
}

std::string load_error(const std::string& json) {
    TriggerLexicon t;
    try {
        t.load_json(json, "t.json");
    } catch (const eventgraph::lexicon_error& e) {
        return e.what();
    }
    return "no error";
}

// The readings of the first match in a text, as "type/pos/form".
std::vector<std::string> readings(const TriggerLexicon& t, std::string_view text) {
    const auto tokens = eventgraph::text::tokenize(text);
    const auto matches = t.match(text, tokens);
    std::vector<std::string> out;
    if (matches.empty()) return out;
    for (const auto& r : matches[0].readings)
        out.push_back(t.info(r.info).type + "/" +
                      (r.pos == Pos::verb   ? "verb"
                       : r.pos == Pos::noun ? "noun"
                                            : "phrase") +
                      "/" + std::to_string(int(r.form)));
    return out;
}
}  // namespace

TEST_CASE("verbs are given their forms by the regular rules") {
    CHECK(forms("supply") ==
          std::vector<std::string>{"supplies", "supplied", "supplied", "supplying"});
    CHECK(forms("provide") ==
          std::vector<std::string>{"provides", "provided", "provided", "providing"});
    CHECK(forms("agree") == std::vector<std::string>{"agrees", "agreed", "agreed", "agreeing"});
    CHECK(forms("ship") == std::vector<std::string>{"ships", "shipped", "shipped", "shipping"});
    CHECK(forms("visit") == std::vector<std::string>{"visits", "visited", "visited", "visiting"});
    CHECK(forms("accuse") == std::vector<std::string>{"accuses", "accused", "accused", "accusing"});
    CHECK(forms("hand over") ==
          std::vector<std::string>{"hands over", "handed over", "handed over", "handing over"});
    CHECK(forms("ask to join") == std::vector<std::string>{"asks to join", "asked to join",
                                                           "asked to join", "asking to join"});
}

TEST_CASE("the quad class follows the CAMEO root") {
    CHECK(quad_of_cameo("010") == 1);
    CHECK(quad_of_cameo("072") == 2);
    CHECK(quad_of_cameo("112") == 3);
    CHECK(quad_of_cameo("195") == 4);
    CHECK(quad_of_cameo("21") == 0);
    CHECK(quad_of_cameo("x") == 0);
}

TEST_CASE("trigger files give every form of their verbs, nouns and phrases, longest first") {
    TriggerLexicon t;
    t.load_json(R"({"entries":[
        {"type":"aid","cameo":"070","frame":"give","verbs":["supply"],"nouns":["supplies"]},
        {"type":"request","cameo":"102","frame":"complement","verbs":["ask to join"]},
        {"type":"request","cameo":"100","verbs":["ask"]}],
      "forms":{"buy":["buys","bought","bought","buying"]}})",
                "t.json");
    CHECK(readings(t, "China supplied Russia") ==
          std::vector<std::string>{"aid/verb/2", "aid/verb/3"});
    CHECK(readings(t, "the supplies") == std::vector<std::string>{"aid/verb/1", "aid/noun/5"});
    CHECK(readings(t, "Cuba asks to join BRICS") == std::vector<std::string>{"request/verb/1"});
    REQUIRE(t.infos().size() == 3);
    CHECK(t.infos()[1].type == "request");
    CHECK(t.infos()[0].quad == 2);
}

TEST_CASE("bad trigger files name the file and the entry") {
    CHECK(load_error(R"({"entries":[{"type":"help","cameo":"070"}]})") ==
          "t.json: trigger file: entries/0/type: \"help\" is not a PLOVER type or statement");
    CHECK(load_error(R"({"entries":[{"type":"aid","cameo":"999"}]})") ==
          "t.json: trigger file: entries/0/cameo: \"999\" is not a CAMEO event code");
    CHECK(load_error(R"({"entries":[{"type":"aid","cameo":"070","frame":"sideways"}]})") ==
          "t.json: trigger file: entries/0/frame: \"sideways\" is not a frame");
    CHECK(load_error(R"({"entries":[{"type":"aid","cameo":"070","verb":["x"]}]})") ==
          "t.json: trigger file: entries/0/verb: unknown field");
    CHECK(load_error(R"({"entries":[]},)") ==
          "t.json:1: invalid JSON at column 15: unexpected text after the JSON value");
}

TEST_CASE("the bundled trigger file loads") {
    const auto t = TriggerLexicon::load_default();
    CHECK(t.infos().size() > 40);
}

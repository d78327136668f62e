#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "eventgraph/error.hpp"
#include "eventgraph/extract/grammar.hpp"

using namespace eventgraph::extract;

namespace {

const std::vector<std::string> list_names = {
    "be_words",         "have_words",       "modal_words", "future_words",  "obligation_words",
    "negation_words",   "prepositions",     "determiners", "subordinators", "conditionals",
    "relatives",        "pronouns",         "adverbs",     "future_lead",   "heads_of",
    "reporting_agents", "noun_target_preps"};

// A word-list file with one list a line: line 1 is "{", line 2 the file's
// comment, list k (in list_names order) on line 3 + k, then the two maps.
// `lists` replaces a list's value (or adds a list); "" leaves it out.
std::string file(const std::map<std::string, std::string>& lists = {}) {
    std::vector<std::string> lines = {"  \"comment\": \"test\""};
    auto list = [&](const std::string& name, const std::string& body) {
        const auto it = lists.find(name);
        const std::string text = it == lists.end() ? body : it->second;
        if (!text.empty()) lines.push_back("  \"" + name + "\": " + text);
    };
    for (const auto& name : list_names) list(name, R"({"comment": "c", "words": ["x"]})");
    list("aid_mode_words", R"({"comment": "c", "words": {"arms": "military"}})");
    list("number_words", R"({"comment": "c", "words": {"two": 2}})");
    for (const auto& [name, body] : lists)  // lists no file has
        if (std::find(list_names.begin(), list_names.end(), name) == list_names.end() &&
            name != "aid_mode_words" && name != "number_words")
            lines.push_back("  \"" + name + "\": " + body);
    std::string out = "{\n";
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
    return out + "}\n";
}

std::string load_error(const std::string& json) {
    Grammar g;
    try {
        g.load_json(json, "g.json");
    } catch (const eventgraph::lexicon_error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("the default word lists give each token its classes") {
    const Grammar g = Grammar::load_default();
    CHECK(g.is("was", wc_be_words));
    CHECK(g.is("towards", wc_prepositions));
    CHECK(g.is("if", wc_subordinators | wc_conditionals));
    CHECK(g.is("must", wc_modal_words));
    CHECK(g.is("must", wc_obligation_words));
    CHECK(g.is("media", wc_reporting_agents));
    CHECK_FALSE(g.is("was", wc_prepositions));
    CHECK(g.classes("russia") == 0);
    CHECK(g.aid_mode("weapons") == "military");
    CHECK(g.aid_mode("loans") == "economic");
    CHECK(g.aid_mode("tea").empty());
    CHECK(g.number("twelve") == 12);
    CHECK_FALSE(g.number("dozen").has_value());
}

TEST_CASE("a word-list file names a defect with its file and line") {
    CHECK(load_error(file()) == "no error");
    CHECK(load_error(file({{"adverbs", R"({"comment": "c", "words": ["also"], "note": ""})"}})) ==
          "g.json:15: word-list file: adverbs/note: unknown field");
    CHECK(
        load_error(file({{"heads_of", ""}, {"head_of", R"({"comment": "c", "words": ["x"]})"}})) ==
        "g.json:21: word-list file: head_of: unknown list");
    std::string broken = file({{"have_words", R"({"comment": "c", "words": ["has" "had"]})"}});
    CHECK_THAT(load_error(broken), Catch::StartsWith("g.json:4: "));

    CHECK(load_error(file({{"be_words", R"({"comment": "c", "words": ["is", "are", "is"]})"}})) ==
          "g.json:3: word-list file: be_words/words/2: \"is\" listed twice");
    CHECK(load_error(file({{"prepositions", R"({"comment": "c", "words": ["of", "Of"]})"}})) ==
          "g.json:9: word-list file: prepositions/words/1: \"Of\" is no match key (lower case, no "
          "spaces or periods)");
    CHECK(load_error(file({{"adverbs", R"({"words": ["also"]})"}})) ==
          "g.json:15: word-list file: adverbs/comment: missing: say what the list is for");
    CHECK(load_error(file({{"pronouns", R"({"comment": "c", "words": "it"})"}})) ==
          "g.json:14: word-list file: pronouns/words: expected a list of words");
    CHECK(load_error(file({{"number_words", R"({"comment": "c", "words": {"two": "2"}})"}})) ==
          "g.json:21: word-list file: number_words/words/two: expected a number of 0 or more");
}

TEST_CASE("a word-list file must give every list") {
    auto without = [](const std::string& name) { return file({{name, ""}}); };
    CHECK(load_error(without("heads_of")) == "g.json:1: word-list file: heads_of: missing");
    CHECK(load_error(without("number_words")) == "g.json:1: word-list file: number_words: missing");
    CHECK(load_error(without("be_words")) == "g.json:1: word-list file: be_words: missing");
}

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "eventgraph/error.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/lexicon/matcher.hpp"
#include "eventgraph/text/tokenize.hpp"

using namespace eventgraph;
using namespace eventgraph::lexicon;

namespace {

const std::string dir = EVENTGRAPH_TEST_DATA "/lexicon/";

// The message a file's loading fails with, "" if it loads.
std::string error_of(const std::string& name) {
    Lexicon lex;
    try {
        load_lexicon_file(lex, dir + name);
    } catch (const lexicon_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a valid JSON lexicon loads every entry with its fields and line") {
    Lexicon lex;
    load_lexicon_file(lex, dir + "people.json");
    CHECK(lex.size() == 6);
    CHECK(lex.warnings().empty());
    const Entry* nor = lex.find("NOR");
    REQUIRE(nor);
    CHECK(nor->name == "Norway");
    CHECK(nor->adjectives == std::vector<std::string>{"Norwegian"});
    CHECK(nor->metonyms == std::vector<std::string>{"Oslo"});
    CHECK(nor->line == 5);
    CHECK(nor->file == dir + "people.json");
    const Entry* js = lex.find("NOR.JENS_STOLTENBERG");
    REQUIRE(js);
    CHECK(js->kind == model::ActorKind::person);
    REQUIRE(js->roles.size() == 3);
    CHECK(js->roles[1].code == "NATO");
    CHECK(js->roles[1].start == date::year{2014} / 10 / 1);
    CHECK(js->roles[2].end == std::nullopt);
    const Entry* mil = lex.find("AGENT.MILITARY");
    REQUIRE(mil);
    CHECK(mil->kind == model::ActorKind::agent);
    CHECK(mil->agent == "military");
    CHECK(mil->code.empty());
}

TEST_CASE("Stoltenberg is NATO's on 2024-07-15 and Norway's again on 2025-03-01") {
    Lexicon lex;
    load_lexicon_file(lex, dir + "people.json");
    const Entry& js = *lex.find("NOR.JENS_STOLTENBERG");
    const auto in_nato = js.actor_on(date::year{2024} / 7 / 15);
    CHECK(in_nato.code == "NATO");
    CHECK(in_nato.role == "Secretary General");
    CHECK(in_nato.id == "NOR.JENS_STOLTENBERG");
    CHECK(in_nato.name == "Jens Stoltenberg");
    const auto later = js.actor_on(date::year{2025} / 3 / 1);
    CHECK(later.code == "NOR");
    CHECK(later.role == "Minister of Finance");
    const auto between = js.actor_on(date::year{2024} / 12 / 1);
    CHECK(between.code == "NOR");
    CHECK(between.role.empty());
    CHECK(js.actor_on(std::nullopt).role.empty());
}

TEST_CASE("a later file overrides entries by id and merge entries add to them") {
    Lexicon lex;
    load_lexicon_file(lex, dir + "people.json");
    load_lexicon_file(lex, dir + "user-override.json");
    CHECK(lex.size() == 6);
    CHECK(lex.find("NOR")->name == "Kingdom of Norway");
    CHECK(lex.find("NOR")->adjectives.empty());
    CHECK(lex.entries().front().id == "NOR");  // replaced in place
    const Entry& rus = *lex.find("RUS");
    CHECK(rus.names == std::vector<std::string>{"Russia", "Rossiya"});
    CHECK(rus.metonyms == std::vector<std::string>{"Moscow", "the Kremlin"});
    CHECK(rus.name == "Russia");
    CHECK(lex.find("NOR.JENS_STOLTENBERG")->roles.size() == 4);
    CHECK(lex.warnings().empty());
}

TEST_CASE("a byte-order mark is skipped and UTF-8 names kept") {
    Lexicon lex;
    load_lexicon_file(lex, dir + "bom.json");
    REQUIRE(lex.find("X"));
    CHECK(lex.find("X")->name == "Caf\xC3\xA9 group");
}

TEST_CASE("malformed JSON is an error at its line and column") {
    CHECK(error_of("bad-syntax.json") == dir +
                                             "bad-syntax.json:4: invalid JSON at column 5: Missing "
                                             "a comma or ']' after an array element.");
    CHECK(error_of("bad-encoding.json") ==
          dir + "bad-encoding.json:3: invalid JSON at column 66: Invalid encoding in string.");
}

TEST_CASE("schema errors name the line and JSON pointer of the offending value") {
    CHECK(error_of("bad-unknown-field.json") ==
          dir + "bad-unknown-field.json:5: /entries/1/nmae: unknown field");
    CHECK(error_of("bad-kind.json") ==
          dir +
              "bad-kind.json:3: /entries/0/kind: \"contry\" is not one of \"country\", \"person\", "
              "\"organisation\", \"group\", \"agent\", \"place\"");
    CHECK(error_of("bad-date-pattern.json") ==
          dir +
              "bad-date-pattern.json:6: /entries/0/roles/0/start: \"2014-13-01\" is not a date "
              "YYYY-MM-DD");
    CHECK(error_of("bad-missing-name.json") ==
          dir +
              "bad-missing-name.json:4: /entries/1: needs \"code\", \"kind\" and \"name\", unless "
              "it is \"merge\": true");
    CHECK(error_of("bad-root.json") == dir + "bad-root.json:1: expected \"object\", found array");
    CHECK(error_of("bad-type.json") ==
          dir + "bad-type.json:4: /entries/0/names: expected \"array\", found string");
}

TEST_CASE("impossible dates and roles that end before they start are errors") {
    CHECK(
        error_of("bad-date-calendar.json") ==
        dir +
            "bad-date-calendar.json:6: /entries/0/roles/0/end: \"2023-02-29\" is not a valid date");
    CHECK(error_of("bad-start-after-end.json") ==
          dir +
              "bad-start-after-end.json:5: /entries/0/roles/0: start 2024-10-01 is after end "
              "2014-10-01");
}

TEST_CASE("merging into an id never loaded is an error") {
    CHECK(error_of("bad-merge-nothing.json") ==
          dir + "bad-merge-nothing.json:4: merge: no entry \"SWE\" loaded before to merge into");
}

TEST_CASE("overlapping roles and ids given twice are warnings; the later entry wins") {
    Lexicon lex;
    load_lexicon_file(lex, dir + "warnings.json");
    REQUIRE(lex.warnings().size() == 2);
    CHECK(to_string(lex.warnings()[0]) ==
          dir +
              "warnings.json:6: /entries/1/roles/1: role \"Prime Minister\" of SWE overlaps role 0 "
              "(2022-10-18 to …)");
    CHECK(lex.warnings()[0].kind == "overlap");
    CHECK(to_string(lex.warnings()[1]) == dir +
                                              "warnings.json:8: /entries/2: id \"SWE\" given again "
                                              "(first at line 3); the later entry wins");
    CHECK(lex.warnings()[1].kind == "duplicate");
    CHECK(lex.find("SWE")->name == "Kingdom of Sweden");

    SECTION("codes that are no entry are reported once everything is loaded") {
        check_codes(lex);
        REQUIRE(lex.warnings().size() == 3);
        CHECK(to_string(lex.warnings()[2]) ==
              dir +
                  "warnings.json:4: role code \"NORDIC\" of \"SWE.ULF_KRISTERSSON\" is no entry of "
                  "the lexicon");
    }
}

TEST_CASE("a file that cannot be opened is an error naming it") {
    CHECK(error_of("no-such-file.json") ==
          dir + "no-such-file.json: cannot open: No such file or directory");
}

TEST_CASE("the format is sniffed from the first character") {
    CHECK(sniff_format("\xEF\xBB\xBF  \n{") == Format::json);
    CHECK(sniff_format("[]") == Format::json);
    CHECK(sniff_format("# comment\nRUSSIA_ [RUS]") == Format::tabari);
    CHECK(sniff_format("") == Format::tabari);
}

TEST_CASE("the compiled-in schema is schemas/lexicon.schema.json") {
    std::ifstream in(EVENTGRAPH_SOURCE_DIR "/schemas/lexicon.schema.json", std::ios::binary);
    REQUIRE(in);
    const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(lexicon_schema_text() == file);
}

TEST_CASE(
    "the default lexicon is every JSON file of the data directory's lexicon/, in name order") {
    ::setenv("EVENTGRAPH_DATA", (dir + "default-data").c_str(), 1);
    const auto files = default_lexicon_files();
    REQUIRE(files.size() == 2);
    CHECK(files[0] == dir + "default-data/lexicon/10-countries.json");
    const Lexicon lex = load_default_lexicon({dir + "user-override.json"});
    ::unsetenv("EVENTGRAPH_DATA");
    CHECK(lex.find("NOR")->name == "Kingdom of Norway");  // the user's file came last
    CHECK(lex.find("RUS")->names.back() == "Rossiya");
    CHECK(lex.find("NOR.JENS_STOLTENBERG")->roles.size() == 2);
    // The data directory's dictionaries (phoenix/) come after the curated
    // lexicon: their own names are found, a curated name stays the curated entry's.
    const ActorMatcher matcher(lex.entries());
    const auto found = [&](std::string_view text) {
        const auto tokens = text::tokenize(text);
        ArticleContext context;
        const auto mentions =
            resolve_mentions(matcher, text, tokens, matcher.match(text, tokens), context);
        return mentions.empty() ? std::string() : mentions.front().actor.code;
    };
    CHECK(found("Minas Tirith said") == "GON");
    CHECK(found("Norway said") == "NOR");
    REQUIRE(lex.warnings().size() == 1);
    CHECK(lex.warnings()[0].message ==
          "role code \"MSC\" of \"NOR.JENS_STOLTENBERG\" is no entry of the lexicon");
}

TEST_CASE("a file nested too deep is an error, not a stack overflow") {
    CHECK(error_of("bad-deep.json") == dir + "bad-deep.json:2: nested deeper than 64 levels");
}

TEST_CASE("a name in the user's own dictionary is the user's reading, not one of two") {
    ::setenv("EVENTGRAPH_DATA", (dir + "default-data").c_str(), 1);
    const Lexicon with_user = load_default_lexicon({dir + "user-minas-tirith.txt"});
    const Lexicon defaults_only = load_default_lexicon();
    ::unsetenv("EVENTGRAPH_DATA");
    const auto code_of = [](const Lexicon& lex, std::string_view text) {
        const ActorMatcher matcher(lex.entries());
        const auto tokens = text::tokenize(text);
        ArticleContext context;
        const auto mentions =
            resolve_mentions(matcher, text, tokens, matcher.match(text, tokens), context);
        return mentions.size() == 1 ? mentions.front().actor.code : std::string("?");
    };
    CHECK(code_of(defaults_only, "Minas Tirith said") == "GON");
    CHECK(code_of(with_user, "Minas Tirith said") == "MTR");
    CHECK(code_of(with_user, "Norway said") == "NOR");  // the defaults keep their other names
}

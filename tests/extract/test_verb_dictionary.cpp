#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "eventgraph/error.hpp"
#include "eventgraph/extract/verb_dictionary.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using namespace eventgraph::extract;

namespace Catch {
// "in_", "&0", "$": a failing check shows the elements.
template <>
struct StringMaker<eventgraph::extract::PatternElement> {
    static std::string convert(const eventgraph::extract::PatternElement& e) {
        using eventgraph::extract::ElementKind;
        std::string s;
        switch (e.kind) {
            case ElementKind::word:
                s = e.word;
                break;
            case ElementKind::synset:
                s = "&" + std::to_string(e.synset);
                break;
            case ElementKind::source:
                s = "$";
                break;
            case ElementKind::target:
                s = "+";
                break;
            case ElementKind::compound:
                s = "%";
                break;
            case ElementKind::skip:
                s = "^";
                break;
        }
        return e.joined ? s + "_" : s;
    }
};
}  // namespace Catch

namespace {

using strings = std::vector<std::string>;

std::string path_of(const std::string& name) { return test::data_path("verbs/" + name); }

VerbDictionary load(const std::string& name) {
    VerbDictionary d;
    d.load_file(path_of(name));
    return d;
}

// Phrases and forms as "swiss franc": easier to read in a failing check.
std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out.append(out.empty() ? "" : " ").append(w);
    return out;
}

strings phrases_of(const VerbDictionary& d, const std::string& name) {
    strings out;
    for (const Synset& s : d.synsets())
        if (s.name == name)
            for (const auto& p : s.phrases) out.push_back(joined(p));
    return out;
}

// A verb's forms, its head word in capitals: "wire TAPPED".
strings forms_of(const VerbDictionary& d, std::uint32_t verb) {
    strings out;
    for (const DictionaryForm& f : d.forms()) {
        if (f.verb != verb) continue;
        std::vector<std::string> words = f.words;
        for (char& c : words.at(f.head)) c = char(std::toupper(static_cast<unsigned char>(c)));
        out.push_back(joined(words));
    }
    return out;
}

PatternElement word(const std::string& w, bool joined = false) {
    PatternElement e;
    e.word = w;
    e.joined = joined;
    return e;
}

PatternElement synset(std::uint32_t index, bool joined = false) {
    PatternElement e;
    e.kind = ElementKind::synset;
    e.synset = index;
    e.joined = joined;
    return e;
}

PatternElement mark(ElementKind kind, bool joined = false) {
    PatternElement e;
    e.kind = kind;
    e.joined = joined;
    return e;
}

VerbCode code(const std::string& c, const std::string& reverse = "") { return {c, reverse, true}; }

using elements = std::vector<PatternElement>;

}  // namespace

TEST_CASE(
    "verb dictionary: synset phrases get regular plurals unless the phrase or the synset's name "
    "ends in '_'") {
    const VerbDictionary d = load("synsets.txt");
    REQUIRE(d.synsets().size() == 3);
    CHECK(d.synsets()[0].name == "CURRENCY");
    CHECK(d.synsets()[0].place == DictionaryPlace{path_of("synsets.txt"), 3});
    CHECK(phrases_of(d, "CURRENCY") ==
          strings{"dollar", "dollars", "penny", "pennies", "peso", "swiss franc", "swiss francs",
                  "business", "businesses", "golden goblin galleon", "golden goblin galleons"});
    CHECK(d.synsets()[1].name == "AUXVERB");  // without its '_'
    CHECK(phrases_of(d, "AUXVERB") == strings{"was", "is to"});
    CHECK(d.warnings().empty());
}

TEST_CASE("verb dictionary: a synset embeds the phrases of one defined before it, as they are") {
    const VerbDictionary d = load("synsets.txt");
    CHECK(phrases_of(d, "MONEY") == strings{"coin", "coins", "dollar", "dollars", "penny",
                                            "pennies", "peso", "swiss franc", "swiss francs",
                                            "business", "businesses", "golden goblin galleon",
                                            "golden goblin galleons", "was", "is to"});
    REQUIRE(d.blocks().size() == 1);
    REQUIRE(d.blocks()[0].patterns.size() == 1);
    CHECK(d.blocks()[0].patterns[0].after == elements{synset(2)});
}

TEST_CASE(
    "verb dictionary: a synset embedding one not yet defined leaves that phrase out with a "
    "warning") {
    VerbDictionary d;
    d.load_text("&A\n+ONE\n+&B\n+TWO_\n&B\n+THREE\n", "mem.txt");
    CHECK(phrases_of(d, "A") == strings{"one", "ones", "two"});
    CHECK(d.warnings() ==
          strings{"mem.txt:3: synset &B is not defined (a synset must be defined before it is "
                  "used); phrase left out"});
}

TEST_CASE("verb dictionary: a block's code stands for its verbs, a verb's own code for itself") {
    const VerbDictionary d = load("blocks.txt");
    REQUIRE(d.blocks().size() == 4);
    const VerbBlock& abandon = d.blocks()[0];
    CHECK(abandon.name == "ABANDON");
    CHECK(abandon.code == code("345"));
    CHECK(abandon.place.line == 3);
    CHECK(abandon.verbs == std::vector<std::uint32_t>{0, 1, 2, 3});
    REQUIRE(d.verbs().size() == 10);
    CHECK(d.verbs()[0].lemma == "ABANDON");
    CHECK_FALSE(d.verbs()[0].code.given);
    CHECK(d.code_of(d.verbs()[0]) == code("345"));
    CHECK(d.verbs()[1].lemma == "KLM_NOP_+RST");
    CHECK(d.verbs()[1].code == code("002"));
    CHECK(d.verbs()[1].place.line == 5);
    CHECK(d.code_of(d.verbs()[1]) == code("002"));
    CHECK(d.verbs()[4].block == 1);
    CHECK(d.blocks()[1].name == "FOIL");
    CHECK(d.warnings().empty());
}

TEST_CASE(
    "verb dictionary: [A:B] gives a code and its reverse; [---] and --- on either side of ':' are "
    "none") {
    const VerbDictionary d = load("blocks.txt");
    CHECK(d.blocks()[1].code == code(""));  // [---]: given, and none
    CHECK(d.blocks()[1].code.given);
    CHECK(d.blocks()[2].code == code("032", "033"));
    CHECK(d.verbs()[8].code == code(""));  // ARRIVE [---] under [032:033]
    CHECK(d.code_of(d.verbs()[8]) == code(""));
    CHECK(d.blocks()[3].code == code("", "043"));  // [---:043]
    CHECK(d.verbs()[9].code == code("", "173"));   // [:173], as CAMEO.2.0.txt writes it
}

TEST_CASE(
    "verb dictionary: a verb without braces gets its regular forms, with braces the forms given "
    "besides the base") {
    const VerbDictionary d = load("blocks.txt");
    CHECK(forms_of(d, 0) == strings{"ABANDON", "ABANDONS", "ABANDONED", "ABANDONING"});
    CHECK(forms_of(d, 4) == strings{"FOIL", "FOILS", "FOILED", "FOILING"});
    CHECK(forms_of(d, 5) == strings{"BREAK", "BROKE", "BROKEN"});
    CHECK(forms_of(d, 7) == strings{"HURRY", "HURRIES", "HURRIED", "HURRYING"});
    // The base comes first: the trigger lexicon takes it for the base form.
    CHECK(d.forms().front().words == strings{"abandon"});
    CHECK(d.forms().front().verb == 0);
}

TEST_CASE("verb dictionary: irregular forms may be separated by commas, which are no forms") {
    VerbDictionary d;
    d.load_text(
        "--- SELECT [---] ---\n+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED,+ARE_DETERMINED} "
        "[030]\n",
        "select.txt");
    CHECK(forms_of(d, 0) ==
          strings{"IS determined", "WAS determined", "BE determined", "ARE determined"});
    CHECK(d.warnings().empty());
}

TEST_CASE(
    "verb dictionary: a multi-word verb's '+' marks the verb word, which is the one inflected") {
    const VerbDictionary d = load("blocks.txt");
    CHECK(forms_of(d, 1) ==
          strings{"klm nop RST", "klm nop RSTS", "klm nop RSTED", "klm nop RSTING"});
    CHECK(forms_of(d, 2) == strings{"CORDON off", "CORDONED off", "CORDONS off", "CORDONING off"});
    CHECK(forms_of(d, 3) == strings{"wire TAP", "wire TAPS", "wire TAPPED", "wire TAPPING"});
    CHECK(forms_of(d, 6) == strings{"BEEF up", "BEEFS up", "BEEFED up", "BEEFING up"});
}

TEST_CASE(
    "verb dictionary: pattern words and synsets are read on both sides of the verb in text order") {
    const VerbDictionary d = load("patterns.txt");
    REQUIRE(d.blocks().size() == 1);
    const auto& p = d.blocks()[0].patterns;
    REQUIRE(p.size() == 15);
    CHECK(p[0].before.empty());
    CHECK(p[0].after == elements{word("diplomatic"), word("ties")});
    CHECK(p[0].code == code("901"));
    CHECK(p[0].place == DictionaryPlace{path_of("patterns.txt"), 12});
    CHECK_FALSE(p[0].verb_joined_after);
    // NEW_&TIETYPES_RELATIONS: the synset's name ends where the defined one does.
    CHECK(p[4].after == elements{word("new", true), synset(0, true), word("relations")});
    CHECK(p[5].before == elements{mark(ElementKind::source)});
    CHECK(p[5].after == elements{word("as"), synset(1), word("with"), mark(ElementKind::target)});
    CHECK(d.warnings().empty());
}

TEST_CASE(
    "verb dictionary: '_' joins an element to the next one or to the verb, across spaces too") {
    const VerbDictionary d = load("patterns.txt");
    const auto& p = d.blocks().at(0).patterns;
    REQUIRE(p.size() == 15);
    CHECK(p[1].before == elements{word("in", true)});  // IN_*
    CHECK(p[1].after.empty());
    CHECK(p[2].before.empty());  // *_OUT
    CHECK(p[2].verb_joined_after);
    CHECK(p[2].after == elements{word("out")});
    CHECK(p[3].before == elements{word("suggested", true), mark(ElementKind::target)});
    CHECK(p[10].before == elements{word("so"), word("in", true), word("and", true)});
    CHECK(p[10].verb_joined_after);
    CHECK(p[10].after == elements{word("out", true), word("again"), word("now")});
    CHECK(p[11].before == elements{word("in", true)});  // "IN_ *" is IN_*
    CHECK(p[13].before == elements{mark(ElementKind::target), word("known", true)});
    CHECK(p[13].after == elements{word("in", true), mark(ElementKind::source)});
}

TEST_CASE(
    "verb dictionary: PETRARCH2's (...) and {...} are read into the same elements, braced words "
    "joined") {
    const VerbDictionary d = load("patterns.txt");
    const auto& p = d.blocks().at(0).patterns;
    REQUIRE(p.size() == 15);
    CHECK(p[7].after == elements{word("for"), word("financial", true), word("aid")});
    CHECK(p[8].after == elements{word("bank", true), word("account"), mark(ElementKind::compound)});
    CHECK(p[8].code == code("032", "033"));
    CHECK(p[6].before == elements{mark(ElementKind::target)});
    CHECK(p[6].after == elements{word("rocket")});
    CHECK(p[9].before == elements{mark(ElementKind::skip)});
    CHECK(p[9].after == elements{word("off"), word("from"), mark(ElementKind::skip)});
    CHECK(p[9].code == code(""));
}

TEST_CASE("verb dictionary: odd codes are kept as written, upper-cased") {
    const VerbDictionary d = load("patterns.txt");
    const auto& p = d.blocks().at(0).patterns;
    REQUIRE(p.size() == 15);
    CHECK(p[11].code == code("075A"));
    CHECK(p[12].code == code("ABC"));
    CHECK(p[14].code == code("###"));  // not a comment inside the brackets
    CHECK(p[14].after == elements{word("diplxmatic")});
}

TEST_CASE(
    "verb dictionary: comments: '#' and ';' to the end of a line, <!-- --> over lines; "
    "transformations kept") {
    const VerbDictionary d = load("comments.txt");
    CHECK(d.synsets().empty());
    REQUIRE(d.blocks().size() == 1);
    CHECK(d.blocks()[0].name == "BLOCK");
    CHECK(d.blocks()[0].code == code("010"));
    REQUIRE(d.verbs().size() == 1);
    CHECK(d.verbs()[0].lemma == "VERB");
    REQUIRE(d.blocks()[0].patterns.size() == 1);
    CHECK(d.blocks()[0].patterns[0].after == elements{word("word")});
    REQUIRE(d.transformations().size() == 1);
    CHECK(d.transformations()[0].text == "~ a (a b WILL_ATTACK) SAY = a b 138");
    CHECK(d.transformations()[0].place.line == 14);
    CHECK(d.warnings().empty());
}

TEST_CASE(
    "verb dictionary: a defect on line N is a warning FILE:N and only the defective piece is left "
    "out") {
    const VerbDictionary d = load("defects.txt");
    const std::string f = path_of("defects.txt");
    CHECK(d.warnings() ==
          strings{
              f + ":4: unclosed '[' in \"[190\"; code left out",
              f + ":5: pattern \"* &WEAPON\": synset &WEAPON is not defined (a synset must be "
                  "defined before it is used); left out",
              f + ":6: pattern \"PLANES\": no '*' (the verb); left out",
              f + ":7: pattern \"* (WITH +\": unclosed '('; left out",
              f + ":8: pattern \"* SAID *\": more than one '*'; left out",
              f + ":9: malformed code [1 9]; left out",
              f + ":10: unclosed '{' in \"BOMB {BOMBS BOMBED\"; verb left out",
          });
    // The next entries are read: the patterns whose code was bad stay, without a code.
    REQUIRE(d.blocks().size() == 2);
    const auto& attack = d.blocks()[0].patterns;
    REQUIRE(attack.size() == 3);
    CHECK(attack[0].after == elements{word("rocket")});
    CHECK_FALSE(attack[0].code.given);
    CHECK(attack[1].after == elements{word("truck")});
    CHECK_FALSE(attack[1].code.given);
    CHECK(attack[2].place.line == 12);
    REQUIRE(d.verbs().size() == 3);
    CHECK(d.verbs()[1].lemma == "STRIKE");
    // A synset defined later serves the patterns after it.
    REQUIRE(d.blocks()[1].patterns.size() == 1);
    CHECK(d.blocks()[1].patterns[0].after == elements{synset(0)});
}

TEST_CASE(
    "verb dictionary: verbs and patterns before any block, and repeated verbs, are warnings") {
    VerbDictionary d;
    d.load_text("ATTACK\n- * ROCKET [190]\n--- HIT [190] ---\nHIT\nHIT {HITS HITTING}\n",
                "mem.txt");
    CHECK(d.warnings() == strings{"mem.txt:1: verb \"ATTACK\" before any verb block; left out",
                                  "mem.txt:2: pattern before any verb block; left out",
                                  "mem.txt:5: verb HIT given again (first at line 4); both kept"});
    CHECK(d.verbs().size() == 2);
}

TEST_CASE(
    "verb dictionary: a file larger than the limit is refused before it is read, a missing one "
    "too") {
    const std::string dir = test::temp_dir("verbs-big");
    const std::string big = dir + "/huge.txt";
    {
        std::ofstream out(big);
        out << "--- HIT [190] ---\nHIT\n";
    }
    std::filesystem::resize_file(big, max_verb_dictionary_bytes + 1);  // sparse: nothing written
    VerbDictionary d;
    try {
        d.load_file(big);
        FAIL("no error");
    } catch (const input_error& e) {
        CHECK(std::string(e.what()) == big + ": verb dictionary larger than 64 MB: not read");
    }
    std::filesystem::remove(big);
    CHECK(d.verbs().empty());
    CHECK_THROWS_AS(d.load_file(dir + "/missing.txt"), input_error);
    CHECK_THROWS_WITH(d.load_file(dir + "/missing.txt"),
                      dir + "/missing.txt: cannot open: No such file or directory");
}

TEST_CASE("verb dictionary: a NUL byte is refused: the file is not text") {
    VerbDictionary d;
    CHECK_THROWS_WITH(d.load_text(std::string_view("--- A [010] ---\nA\0\n", 18), "bin.txt"),
                      "bin.txt:2: NUL byte: this is not a text file");
}

TEST_CASE(
    "verb dictionary: an excerpt in the styles of CAMEO.2.0.txt and the validation dictionary "
    "reads whole") {
    const VerbDictionary d = load("excerpt.txt");
    const std::string f = path_of("excerpt.txt");
    CHECK(d.warnings() == strings{f + ":47: pattern \"* VENTURE (WITH VISIT)                   "
                                      "           VISIT)\": unmatched ')'; left out"});
    REQUIRE(d.synsets().size() == 4);
    CHECK(phrases_of(d, "AUXVERB1") == strings{"was", "were"});
    CHECK(phrases_of(d, "CURRENCY") ==
          strings{"money", "moneys", "cash", "dollar", "dollars", "krone"});
    CHECK(phrases_of(d, "NEGATVAUXVRB").front() == "did n't");
    CHECK(phrases_of(d, "ACCORDSYN") ==
          strings{"money", "moneys", "cash", "dollar", "dollars", "krone", "closer", "closers"});
    REQUIRE(d.blocks().size() == 4);
    CHECK(d.blocks()[3].name == "DISGRACE");
    CHECK(d.blocks()[3].code == code("110"));
    REQUIRE(d.verbs().size() == 6);
    CHECK(d.verbs()[3].lemma == "+SHOW_UP");
    CHECK(forms_of(d, 3) == strings{"SHOW up", "SHOWS up", "SHOWED up", "SHOWN up", "SHOWING up"});
    CHECK(forms_of(d, 5) == strings{"SCRAP", "SCRAPPING", "SCRAPS", "SCRAPPED"});
    CHECK(d.forms().size() == 25);
    std::size_t patterns = 0;
    for (const VerbBlock& b : d.blocks()) patterns += b.patterns.size();
    CHECK(patterns == 6);
    const auto& abandon = d.blocks()[0].patterns;
    REQUIRE(abandon.size() == 2);
    CHECK(abandon[1].after == elements{word("to"), word("military", true), word("forces")});
    CHECK(abandon[1].code == code("1722"));
    const auto& accord = d.blocks()[1].patterns;
    REQUIRE(accord.size() == 2);
    CHECK(accord[0].before == elements{word("inching"), synset(3)});  // ACCORDSYN
    CHECK(accord[1].before == elements{synset(2)});
    CHECK(d.blocks()[2].patterns.at(0).code == code("", "173"));
    const auto& disgrace = d.blocks()[3].patterns;
    REQUIRE(disgrace.size() == 1);
    CHECK(disgrace[0].before == elements{mark(ElementKind::source)});
    CHECK(disgrace[0].after ==
          elements{word("as"), synset(1), word("with"), mark(ElementKind::target)});
    CHECK(disgrace[0].code == code("111", "110"));
    REQUIRE(d.transformations().size() == 1);
    CHECK(d.transformations()[0].place.line == 49);
}

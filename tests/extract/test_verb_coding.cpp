// Coding with a verb dictionary alone (no default lexicon, triggers or
// dictionaries), as `extract --no-default-dictionaries --lexicon … --verbs …`.

#include <catch2/catch.hpp>

#include "eventgraph/extract/extractor.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {

const extract::Extractor& extractor() {
    static const extract::Extractor x = [] {
        lexicon::Lexicon actors;
        lexicon::load_lexicon_file(actors, test::data_path("coding/actors.txt"));
        extract::VerbDictionary verbs;
        verbs.load_file(test::data_path("coding/verbs.txt"));
        extract::TriggerLexicon triggers;
        triggers.add_verbs(std::move(verbs));
        return extract::Extractor(actors, std::move(triggers));
    }();
    return x;
}

// "CAMEO SRC->TGT" of each event.
std::vector<std::string> coded(const std::string& text) {
    model::Article a;
    a.id = "test";
    a.paragraphs.push_back({text, model::ParagraphRole::body});
    std::vector<std::string> out;
    for (const auto& e : extractor().extract(a))
        out.push_back(e.cameo + " " + (e.source ? e.source->code : "?") + "->" +
                      (e.target ? e.target->code : "-"));
    std::sort(out.begin(), out.end());
    return out;
}

using strings = std::vector<std::string>;

const model::Event first_event(const std::string& text) {
    model::Article a;
    a.id = "test";
    a.paragraphs.push_back({text, model::ParagraphRole::body});
    const auto events = extractor().extract(a);
    REQUIRE(!events.empty());
    return events.front();
}

}  // namespace

TEST_CASE("a dictionary verb codes its block's code between its subject and its object") {
    CHECK(coded("Arnor attacked Gondor on Thursday.") == strings{"190 ARN->GON"});
    const auto e = first_event("Arnor attacked Gondor on Thursday.");
    CHECK(e.type == "assault");
    CHECK(e.quad == 4);
    CHECK(e.evidence.trigger == "attacked");
    CHECK(e.evidence.pattern == test::data_path("coding/verbs.txt") + ":7");
}

TEST_CASE(
    "a pattern gives its own code; a verb whose block has none codes only through a pattern") {
    CHECK(coded("Arnor restored diplomatic ties with Gondor.") == strings{"064 ARN->GON"});
    CHECK(first_event("Arnor restored diplomatic ties with Gondor.").evidence.pattern ==
          test::data_path("coding/verbs.txt") + ":11");
    CHECK(coded("Arnor restored the old bridge to Gondor.").empty());
}

TEST_CASE(
    "a synset in a pattern matches any of its phrases, plurals too, and + places the target") {
    CHECK(coded("Arnor will contribute a million dollars to Gondor.") == strings{"071 ARN->GON"});
    CHECK(coded("Arnor will contribute a million golden galleons to Gondor.") ==
          strings{"071 ARN->GON"});
    CHECK(coded("Arnor will contribute soldiers to Gondor.") == strings{"070 ARN->GON"});
}

TEST_CASE("a paired code gives the target's event back to the source") {
    CHECK(coded("Arnor arrived in Gondor on Monday.") == strings{"032 ARN->GON", "033 GON->ARN"});
}

TEST_CASE("a compound actor at % gives each the other as target") {
    CHECK(coded("Arnor and Gondor restored their ties.") ==
          strings{"064 ARN->GON", "064 GON->ARN"});
}

TEST_CASE("$ and + place source and target where the pattern says, in a passive too") {
    CHECK(coded("Gondor was opposed by Arnor in the council.") == strings{"112 ARN->GON"});
}

TEST_CASE("a pattern with a null code says this use of the verb is no event") {
    CHECK(coded("Arnor foiled a plot against Gondor.").empty());
    CHECK(coded("Arnor foiled Gondor.") == strings{"185 ARN->GON"});
}

TEST_CASE("a verb only the dictionary knows is no verb where a noun stands") {
    CHECK(coded("Arnor links Gondor to the sea.") == strings{"060 ARN->GON"});
    CHECK(coded("Arnor cut the air links with Gondor.").empty());
    CHECK(coded("Arnor cut the links with Gondor.").empty());
}

TEST_CASE("a negated auxiliary is one token that a synset's split phrase (DID N'T) matches") {
    CHECK(coded("Arnor clashed with Gondor over the border.") == strings{"122 ARN->GON"});
    CHECK(coded("Arnor didn't clash with Gondor over the border.") == strings{"904 ARN->GON"});
    CHECK(coded("Arnor won't ever clash with Gondor over the border.") == strings{"905 ARN->GON"});
    const auto e = first_event("Arnor didn't clash with Gondor over the border.");
    CHECK(e.polarity == model::Polarity::denied);
}

TEST_CASE("the actors of a list with commas are each a source, modifiers and all") {
    CHECK(coded("Arnor, the proud Rohan, and old Gondor restored diplomatic ties with Eriador.") ==
          strings{"064 ARN->ERI", "064 GON->ERI", "064 ROH->ERI"});
    CHECK(coded("Arnor, Rohan, and Gondor restored diplomatic ties with Eriador.") ==
          strings{"064 ARN->ERI", "064 GON->ERI", "064 ROH->ERI"});
}

TEST_CASE("a subject noun no lexicon knows takes the actor it is of or from") {
    CHECK(coded("Soldiers from Gondor attacked Rohan.") == strings{"190 GON->ROH"});
    CHECK(coded("Envoys of Arnor and Gondor restored diplomatic ties with Eriador.") ==
          strings{"064 ARN->ERI", "064 GON->ERI"});
    // "in" is where they are, not whose they are.
    CHECK(coded("Soldiers in Gondor attacked Rohan.").empty());
}

TEST_CASE("a past form after an actor and a noun is the verb of that noun phrase") {
    CHECK(coded("The Gondor army attacked Rohan.") == strings{"190 GON->ROH"});
    CHECK(coded("Gondor envoys foiled Rohan.") == strings{"185 GON->ROH"});
    // "after" then an actor, its noun and its verb opens a clause of their own
    CHECK(
        coded("Arnor restored diplomatic ties with Eriador after Gondor crowds attacked Rohan.") ==
        strings{"064 ARN->ERI", "190 GON->ROH"});
}

TEST_CASE("the words a verb's pattern matched are that verb's, not another event") {
    // VOW: "* WAR" takes "wage war"; WAGE alone would code an attack.
    CHECK(coded("Rohan vowed to wage war on Gondor.") == strings{"173 ROH->GON"});
    CHECK(coded("Rohan waged war on Gondor.") == strings{"190 ROH->GON"});
}

TEST_CASE("an infinitive after a noun is what the noun intends, not an event") {
    CHECK(coded("Arnor clashed with Gondor over the efforts of Eriador to deal with Rohan.") ==
          strings{"122 ARN->GON"});
    CHECK(coded("Arnor clashed with Gondor over its bid to deal with Rohan.") ==
          strings{"122 ARN->GON"});
    CHECK(coded("Eriador agreed to deal with Rohan.") == strings{"050 ERI->ROH"});
}

TEST_CASE("a participle between a preposition and its noun describes the noun") {
    CHECK(coded("Arnor sent food to besieged Gondor.").empty());
    CHECK(coded("Arnor besieged Gondor.") == strings{"192 ARN->GON"});
}

TEST_CASE(
    "a verb under two blocks has the patterns of both, and one with 'was' reads it as a "
    "verb after 'was'") {
    CHECK(coded("An Eriadorian was shot dead in Gondor.") == strings{"224 GON->ERI"});
    CHECK(coded("Arnor shot Rohan.").empty());  // the first block's own code: none
}

TEST_CASE("an article before the second of two joined actors leaves them joined") {
    CHECK(coded("Arnor and the Gondor restored their ties.") ==
          strings{"064 ARN->GON", "064 GON->ARN"});
    // a past form after "the" and a name is that name's verb
    CHECK(coded("Rohan and the Gondor attacked Eriador.") ==
          strings{"190 GON->ERI", "190 ROH->ERI"});
}

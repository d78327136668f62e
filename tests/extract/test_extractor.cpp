#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "eventgraph/extract/extractor.hpp"
#include "eventgraph/io/event_json.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {

// The default lexicon and triggers, compiled once per test process.
const extract::Extractor& extractor() {
    static const extract::Extractor x(lexicon::load_default_lexicon(),
                                      extract::TriggerLexicon::load_default());
    return x;
}

std::vector<model::Event> events_of(const std::vector<std::string>& paragraphs,
                                    const std::string& published = "2024-09-10") {
    model::Article a;
    a.id = "test";
    if (!published.empty()) a.published = model::parse_iso_timestamp(published);
    for (const auto& p : paragraphs) a.paragraphs.push_back({p, model::ParagraphRole::body});
    return extractor().extract(a);
}

// "type SRC->TGT" lines of the events, by codes.
std::vector<std::string> keys(const std::vector<model::Event>& events) {
    std::vector<std::string> out;
    for (const auto& e : events)
        out.push_back(e.type + " " + (e.source ? e.source->code : "?") + "->" +
                      (e.target ? e.target->code : "-"));
    return out;
}

const model::Event* find(const std::vector<model::Event>& events, const std::string& key) {
    for (const auto& e : events)
        if (e.type + " " + (e.source ? e.source->code : "?") + "->" +
                (e.target ? e.target->code : "-") ==
            key)
            return &e;
    return nullptr;
}

bool has(const std::vector<model::Event>& events, const std::string& key) {
    return find(events, key) != nullptr;
}

}  // namespace

TEST_CASE("an active verb gives its subject as source and its object as target") {
    const auto ev = events_of({"Russia attacked Ukraine on Oct. 8 with guided bombs."});
    REQUIRE(keys(ev) == std::vector<std::string>{"assault RUS->UKR"});
    CHECK(model::date_value(*ev[0].date) == "2023-10-08");  // the latest Oct. 8 before publication
    CHECK(ev[0].mode == "aerial");
    CHECK(ev[0].evidence.trigger == "attacked");
}

TEST_CASE("a passive verb turns its roles around") {
    const auto ev = events_of({"Ukraine was attacked by Russia overnight."});
    CHECK(keys(ev) == std::vector<std::string>{"assault RUS->UKR"});
}

TEST_CASE(
    "a possessive before an event noun is its source, and a place names the country attacked") {
    const auto ev = events_of({"Russia's strike on Sumy Oblast kills 2."});
    REQUIRE(keys(ev) == std::vector<std::string>{"assault RUS->UKR"});
    REQUIRE(ev[0].location);
    CHECK(ev[0].location->name == "Sumy Oblast");
    CHECK(ev[0].killed == 2);
}

TEST_CASE("what is received comes from the one the adjective or 'from' names") {
    CHECK(keys(events_of({"Russia had received shipments of Iranian ballistic missiles."})) ==
          std::vector<std::string>{"aid IRN->RUS"});
    CHECK(keys(events_of({"Moscow is receiving military technology support from Beijing."})) ==
          std::vector<std::string>{"aid CHN->RUS"});
}

TEST_CASE("asking to join names the organisation joined") {
    CHECK(keys(events_of({"Cuba asks to join BRICS as a partner country."})) ==
          std::vector<std::string>{"request CUB->BRICS"});
}

TEST_CASE("coordinated actors give one event each") {
    const auto ev = events_of({"Germany condemned Iran and North Korea."});
    CHECK(has(ev, "accuse DEU->IRN"));
    CHECK(has(ev, "accuse DEU->PRK"));
    const auto both = events_of({"Hungary and Romania agreed to cooperate."});
    CHECK(has(both, "agree HUN->ROU"));
    CHECK(has(both, "agree ROU->HUN"));
}

TEST_CASE("reported speech gives the speaker's statement and attributes what is reported") {
    const auto ev = events_of(
        {"China is supplying Russia with drones, French President Emmanuel Macron said."});
    const auto* aid = find(ev, "aid CHN->RUS");
    REQUIRE(aid);
    REQUIRE(aid->attributed_to);
    CHECK(aid->attributed_to->code == "FRA");
    CHECK(has(ev, "statement FRA->CHN"));
    const auto according = events_of({"According to the U.S., Iran is arming Russia."});
    CHECK(has(according, "aid IRN->RUS"));
    CHECK(has(according, "statement USA->IRN"));
}

TEST_CASE("a denial answers the latest accuser and marks nothing as done") {
    const auto ev =
        events_of({"NATO accused China of helping Russia.",
                   "Beijing rejected the claim and said it has never provided lethal weapons."});
    CHECK(has(ev, "accuse NATO->CHN"));
    CHECK(has(ev, "reject CHN->NATO"));
    CHECK_FALSE(has(ev, "aid CHN->RUS"));
}

TEST_CASE("a short name refers back to the person named in full") {
    const auto ev = events_of({"U.S. Deputy Secretary of State Kurt Campbell spoke on Tuesday.",
                               "China is helping Russia, Campbell said."});
    const auto* aid = find(ev, "aid CHN->RUS");
    REQUIRE(aid);
    REQUIRE(aid->attributed_to);
    CHECK(aid->attributed_to->id == "USA.KURT_CAMPBELL");
}

TEST_CASE("promises are agreements and conditional threats are threats") {
    CHECK(has(events_of({"Finland will give Tanzania a grant of 580 million shillings."}),
              "agree FIN->TZA"));
    CHECK(
        has(events_of({"Turkey will attack Syria unless the talks resume."}), "threaten TUR->SYR"));
    CHECK(has(events_of({"Russia said Sudan must return the helicopter."}), "request RUS->SDN"));
}

TEST_CASE("dates come from the clause, else the sentence before, else the publication") {
    const auto july = events_of({"Poland criticised Belarus in July."});
    REQUIRE(july.size() == 1);
    CHECK(july[0].date->granularity == model::Granularity::month);
    CHECK(model::date_value(*july[0].date) == "2024-07");
    const auto none = events_of({"Poland criticised Belarus."});
    REQUIRE(none.size() == 1);
    CHECK(none[0].date->basis == model::DateBasis::publication);
    const auto undated = events_of({"Poland criticised Belarus."}, "");
    REQUIRE(undated.size() == 1);
    CHECK_FALSE(undated[0].date);  // no date is invented
}

TEST_CASE("sentences without a trigger give no event, never a default statement") {
    CHECK(events_of({"Russia and China are large countries with long borders."}).empty());
    CHECK(events_of({"The weather in Kyiv was mild."}).empty());
}

TEST_CASE("the same happening told twice in an article is one event with both sentences") {
    const auto ev = events_of({"Russia attacked Ukraine on Oct. 8.",
                               "The attack came after Russia attacked Ukraine on Oct. 8."});
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].more_evidence.size() == 1);
}

TEST_CASE("evidence points at the sentence in the article text, and ids are stable") {
    model::Article a;
    a.id = "ev-test";
    a.title = "Talks";
    a.published = model::parse_iso_timestamp("2024-09-10");
    a.paragraphs = {{"Quiet morning.", model::ParagraphRole::body},
                    {"Poland criticised Belarus.", model::ParagraphRole::body}};
    const auto ev = extractor().extract(a);
    REQUIRE(ev.size() == 1);
    const std::string text = extract::article_text(a);
    CHECK(text.substr(ev[0].evidence.begin, ev[0].evidence.end - ev[0].evidence.begin) ==
          "Poland criticised Belarus.");
    CHECK(ev[0].evidence.sentence == 2);
    CHECK(ev[0].id == extract::event_id("ev-test", 2, "accuse", "POL", "BLR"));
    CHECK(extractor().extract(a)[0].id == ev[0].id);
    CHECK(test::schema_errors(test::source_path("schemas/event.schema.json"),
                              io::event_to_json(ev[0])) == "");
}

TEST_CASE("a feed item's dates lie on or after its page's day") {
    model::Article a;
    a.id = "page#feed-1";
    a.parent = "page";
    a.page_published = model::parse_iso_timestamp("2024-09-10");
    a.paragraphs = {{"Russia attacked Ukraine on Oct. 8.", model::ParagraphRole::feed}};
    const auto ev = extractor().extract(a);
    REQUIRE(ev.size() == 1);
    CHECK(model::date_value(*ev[0].date) == "2024-10-08");
}

TEST_CASE("a claim and its denial in one sentence have different ids") {
    // Same sentence, type and actors, two polarities: two events, two ids.
    const auto ev = events_of({"According to Mark Carney, Canada's prime minister, Ethiopia has "
                               "not assaulted Somali, injuring 41 people on May 16."},
                              "2025-05-20");
    std::set<std::string> ids;
    for (const auto& e : ev) ids.insert(e.id);
    CHECK(ids.size() == ev.size());
    auto target_of = [](const model::Event& e) { return e.target ? e.target->id : ""; };
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < ev.size(); ++i)
        for (std::size_t k = i + 1; k < ev.size(); ++k)
            if (ev[i].type == ev[k].type && ev[i].source == ev[k].source &&
                target_of(ev[i]) == target_of(ev[k]))
                pairs.emplace_back(i, k);
    REQUIRE(pairs.size() == 1);
    const auto& first = ev[pairs[0].first];
    const auto& second = ev[pairs[0].second];
    CHECK(first.polarity != second.polarity);
    const int sentence = first.evidence.sentence;
    REQUIRE(second.evidence.sentence == sentence);
    CHECK(first.id ==
          extract::event_id("test", sentence, first.type, first.source->id, target_of(first)));
    CHECK(second.id ==
          extract::event_id("test", sentence, first.type, first.source->id, target_of(first), 1));
}

TEST_CASE("an event id is stable for an unknown source, and differs from a named one's") {
    const std::string unknown = extract::event_id("wire-1", 0, "assault", "", "USA");
    CHECK(unknown == extract::event_id("wire-1", 0, "assault", "", "USA"));
    CHECK(unknown.size() == 19);
    CHECK(unknown.rfind("ev-", 0) == 0);
    CHECK(unknown != extract::event_id("wire-1", 0, "assault", "USA", ""));
    CHECK(unknown != extract::event_id("wire-1", 0, "assault", "GBR", "USA"));
}

TEST_CASE("a verb only the default verb dictionary knows codes an event, naming its line") {
    const auto ev = events_of({"Iran bombarded Iraqi towns on Monday, officials said."});
    const auto* e = find(ev, "assault IRN->IRQ");
    REQUIRE(e);
    CHECK(e->evidence.pattern.rfind("data/petrarch/CAMEO.2.0.txt:", 0) == 0);
}

TEST_CASE("the project's triggers win over the verb dictionary for the words they name") {
    const auto ev = events_of({"Russia attacked Ukraine on Oct. 8 with guided bombs."});
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].evidence.pattern.rfind("data/triggers.json#/entries/", 0) == 0);
    CHECK(ev[0].cameo == "190");
}

TEST_CASE("an attack by no one named is an event with no source") {
    const auto ev =
        events_of({"Three US soldiers were killed by a roadside bomb near Baghdad on Monday."});
    REQUIRE(keys(ev) == std::vector<std::string>{"assault ?->USA"});
    CHECK(!ev[0].source);
    CHECK(ev[0].killed == 3);
    // A verbal event needs someone who says it: no event with an unknown source.
    CHECK(events_of({"Three US soldiers were criticized on Monday."}).empty());
}

TEST_CASE("a trailing speaker with a place ('relief officials in Nairobi said') is a frame") {
    CHECK(keys(events_of({"Sudanese rebels shelled Juba on Sunday, killing about 20 people, "
                          "relief officials in Nairobi said."})) ==
          std::vector<std::string>{"assault SDN->SSD"});
}

TEST_CASE("a target read from 'of', 'from' or 'by' stops at an infinitive after the verb") {
    CHECK(keys(events_of({"Hamas rejected an invitation to attend a meeting of Palestinian "
                          "factions to debate plans for independence from Israel."})) ==
          std::vector<std::string>{"reject PSE->-"});
    CHECK(keys(events_of({"Hamas rejected calls by Israel to disarm."})) ==
          std::vector<std::string>{"reject PSE->ISR"});
}

TEST_CASE("a leader's name before an agent noun is the leader's country's agent") {
    const auto ev =
        events_of({"The Biden administration imposed new sanctions on Iran on Monday."});
    REQUIRE(keys(ev) == std::vector<std::string>{"sanction USA->IRN"});
    CHECK(ev[0].source->id == "USA.GOVERNMENT");
    CHECK(ev[0].source->cameo == "USAGOV");
    CHECK(ev[0].source->role.empty());  // "The" is no title
    const auto putin = events_of({"Putin's government condemned Ukraine on Monday."});
    REQUIRE(keys(putin) == std::vector<std::string>{"accuse RUS->UKR"});
    CHECK(putin[0].source->cameo == "RUSGOV");
}

TEST_CASE("forces put on alert are their country's mobilization, with no target needed") {
    CHECK(keys(events_of({"Turkish troops were placed on alert along the Syrian border."})) ==
          std::vector<std::string>{"mobilize TUR->-"});
    CHECK(keys(events_of({"Russia put its nuclear forces on high alert."})) ==
          std::vector<std::string>{"mobilize RUS->-"});
}

TEST_CASE("a participle after a noun with its 'by' describes the noun and ends no predicate") {
    CHECK(keys(events_of({"Ukraine praised the weapons sent by Poland."})) ==
          std::vector<std::string>{"support UKR->POL"});
}

TEST_CASE("the time after a speech verb is the frame's, and 'they' after it is its subject") {
    CHECK(keys(events_of({"Afghan rebels said on Wednesday they would meet the UN envoy."})) ==
          std::vector<std::string>{"agree AFG->UN"});
}

TEST_CASE(
    "a promise on a condition is an offer; a conflict on one, or anything 'unless', a threat") {
    CHECK(keys(events_of(
              {"Iran said it would release the British sailors if Britain apologised."})) ==
          std::vector<std::string>{"agree IRN->GBR"});
    CHECK(keys(events_of({"Iran said it would attack Israel if Israel struck Lebanon."})) ==
          std::vector<std::string>{"threaten IRN->ISR"});
    CHECK(keys(events_of({"Serbia will withdraw its troops from Kosovo unless NATO stops the "
                          "bombing."})) == std::vector<std::string>{"threaten SRB->XKX"});
}

TEST_CASE("a name in brackets after a name is the subject, not a clause") {
    CHECK(keys(events_of({"The International Atomic Energy Agency (IAEA) criticised Iran on "
                          "Monday."})) == std::vector<std::string>{"accuse IAEA->IRN"});
}

TEST_CASE("a demand named in the frame makes the speaker's event a request, and nothing done") {
    CHECK(keys(events_of({"The ILO reiterated its demand today that Israel ease restrictions."})) ==
          std::vector<std::string>{"request ILO->ISR"});
}

TEST_CASE("'Syrian-backed' is no actor of its own") {
    for (const char* text : {"Hezbollah attacked the Syrian-backed Amal militia and Israel.",
                             "Hezbollah declared a ceasefire after 12 days of battles with the "
                             "Syrian-backed Amal militia."})
        for (const auto& e : events_of({text})) CHECK((!e.target || e.target->code != "SYR"));
}

TEST_CASE("what a conditional clause says is a condition, not an event") {
    CHECK(keys(events_of({"Iran threatened to launch a new offensive unless Iraq accepted its "
                          "conditions."})) == std::vector<std::string>{"threaten IRN->IRQ"});
    // a sentence that opens with the condition: it ends at the comma before the main clause
    const auto ev = events_of({"If Russia attacks Poland, NATO will defend it."});
    CHECK(!has(ev, "assault RUS->POL"));
    CHECK(!has(ev, "assault RUS->NATO"));
}

TEST_CASE("two actors joined with an article between them agree with each other") {
    CHECK(keys(events_of({"The Philippines and the Central African Republic agree that "
                          "disputes should be resolved through arbitration."})) ==
          std::vector<std::string>{"agree PHL->CAF", "agree CAF->PHL"});
}

TEST_CASE("one person of a country named by the demonym after 'a' is that country") {
    CHECK(keys(events_of({"An Iranian was shot dead in Baghdad on Monday."})) ==
          std::vector<std::string>{"assault ?->IRN"});
    // a demonym before a noun modifies it: the drone is no actor
    CHECK(keys(events_of({"An Iranian drone struck Kyiv on Monday."})) ==
          std::vector<std::string>{"assault IRN->UKR"});
}

TEST_CASE("events inside a long paragraph without full stops are found, each in a bounded piece") {
    std::string names;
    for (int i = 0; i < 100; ++i) names += "Anna Kowalski, Oleg Petrov, ";
    const auto ev = events_of({names + "Russia attacked Ukraine on March 3, " + names +
                               "China supplied Russia with drones, " + names +
                               "Poland criticised Belarus, " + names + "Mei Lin"});
    const model::Event* strike = find(ev, "assault RUS->UKR");
    REQUIRE(strike);
    CHECK(model::date_value(*strike->date) == "2024-03-03");
    CHECK(strike->evidence.text.find("Russia attacked Ukraine on March 3,") != std::string::npos);
    CHECK(has(ev, "aid CHN->RUS"));
    CHECK(has(ev, "accuse POL->BLR"));  // not Russia, named 250 names before
    for (const auto& e : ev) {
        // A piece is at most 160 tokens: 53 names of 3 tokens here.
        CHECK(e.evidence.text.size() < 800);
        CHECK(e.evidence.sentence > 0);
    }
}

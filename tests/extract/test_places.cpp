#include <catch2/catch.hpp>

#include "eventgraph/extract/extractor.hpp"
#include "eventgraph/lexicon/gazetteer.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {

// The default lexicon and triggers with the small gazetteer of tests/data/places.
const extract::Extractor& extractor() {
    static const extract::Extractor x = [] {
        extract::Extractor e(lexicon::load_default_lexicon(),
                             extract::TriggerLexicon::load_default());
        e.use_gazetteer(std::make_shared<const lexicon::Gazetteer>(
            lexicon::Gazetteer::load(test::data_path("places/gazetteer.tsv"))));
        return e;
    }();
    return x;
}

std::vector<model::Event> events_of(const std::vector<std::string>& paragraphs) {
    model::Article a;
    a.id = "places";
    a.published = model::parse_iso_timestamp("2024-09-10");
    for (const auto& p : paragraphs) a.paragraphs.push_back({p, model::ParagraphRole::body});
    return extractor().extract(a);
}

// "type SRC->TGT @ LOCATION precision" of each event.
std::vector<std::string> placed(const std::vector<model::Event>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) {
        std::string s = e.type + " " + (e.source ? e.source->code : "?") + "->" +
                        (e.target ? e.target->code : "-");
        if (e.location) {
            s += " @ " + e.location->id;
            if (e.location->geo)
                s += std::string(" ") + model::to_string(e.location->geo->precision);
        }
        out.push_back(s);
    }
    return out;
}

}  // namespace

TEST_CASE("an attack on a town the lexicon does not know targets the town's country, at the town") {
    const auto events = events_of({"Russian forces shelled Pokrovsk overnight."});
    CHECK(placed(events) == std::vector<std::string>{"assault RUS->UKR @ UKR.POKROVSK place"});
    const auto& geo = *events.at(0).location->geo;
    CHECK(geo.lat == Approx(48.28198));
    CHECK(geo.lon == Approx(37.17585));
    CHECK(geo.geonames == 704422);
}

TEST_CASE("an attacker's own country does not claim the town it strikes") {
    // Pokrovsk is also a village of Russia; the article names Russia, but as the attacker.
    CHECK(placed(events_of({"Russian troops attacked Pokrovsk, Ukrainian officials said."}))
              .front() == "assault RUS->UKR @ UKR.POKROVSK place");
}

TEST_CASE("a town after a locative preposition is where the event is") {
    CHECK(placed(events_of({"Israeli troops raided homes in Nablus."})) ==
          std::vector<std::string>{"assault ISR->PSE @ PSE.NABLUS place"});
}

TEST_CASE("a town named alone is no actor: a capital speaking is its government") {
    const auto events = events_of({"Kyiv said Russian missiles struck Kharkiv."});
    CHECK(placed(events) ==
          std::vector<std::string>{"assault RUS->UKR @ UKR.KHARKIV place", "statement UKR->RUS"});
}

TEST_CASE("a capital named as a place is the city, with its coordinates") {
    CHECK(placed(events_of({"Russian missiles struck Kyiv overnight."})) ==
          std::vector<std::string>{"assault RUS->UKR @ UKR.KYIV place"});
}

TEST_CASE(
    "an ambiguous name is read by the country beside it, then the article's, then population") {
    CHECK(placed(events_of({"Joe Biden met Vladimir Putin in Alexandria, Virginia."})) ==
          std::vector<std::string>{"consult USA->RUS @ USA.ALEXANDRIA place"});
    CHECK(placed(events_of({"Vladimir Putin visited Nice, France."})) ==
          std::vector<std::string>{"consult RUS->FRA @ FRA.NICE place"});
    // Córdoba: Argentina's is the most populous; an article about Spain means Spain's.
    CHECK(placed(events_of({"Greek police arrested Turkish protesters in Córdoba."})) ==
          std::vector<std::string>{"coerce GRC->TUR @ ARG.CORDOBA place"});
    CHECK(placed(events_of({"Spain and Spain's regions braced for protests.",
                            "Greek police arrested Turkish protesters in Córdoba."}))
              .back() == "coerce GRC->TUR @ ESP.CORDOBA place");
}

TEST_CASE("a town named like a common word is a place only with evidence") {
    // "in Nice" and "Nice, France" are evidence; a capital letter or a verb's object is not.
    CHECK(placed(events_of({"Emmanuel Macron met Olaf Scholz in Nice."})) ==
          std::vector<std::string>{"consult FRA->DEU @ FRA.NICE place"});
    CHECK(placed(events_of({"Russian forces attacked Reading."})).empty());
    CHECK(placed(events_of({"Reading the report, Russia accused Ukraine."})) ==
          std::vector<std::string>{"accuse RUS->UKR"});
    CHECK(placed(events_of({"Turkish police arrested Kurdish activists in Van."})).size() <= 1);
}

TEST_CASE("a subdivision carries its centre, a region of no known centre its country's") {
    const auto events = events_of({"Russian forces shelled Kharkiv Oblast."});
    REQUIRE(events.size() == 1);
    REQUIRE(events[0].location);
    CHECK(events[0].location->id == "UKR.KHARKIV_OBLAST");
    CHECK(events[0].location->geo->precision == model::GeoPrecision::country);
}

TEST_CASE("a town followed by a comma that ends the sentence is still the town") {
    // A piece of a run-on paragraph can end on ", " with nothing after it.
    model::Article a;
    a.id = "places";
    a.published = model::parse_iso_timestamp("2024-09-10");
    a.paragraphs.push_back({"Russian forces shelled Pokrovsk,", model::ParagraphRole::body});
    const auto events = extractor().extract(a);
    CHECK(placed(events) == std::vector<std::string>{"assault RUS->UKR @ UKR.POKROVSK place"});
}

#pragma once
// Events with places for the GeoJSON and event-table tests: a town, a
// country's centre, and one with no place; evidence with commas, quotes and
// a line break.

#include <vector>

#include "eventgraph/model/event.hpp"

namespace eventgraph::test {

inline std::vector<model::Event> place_events() {
    using model::Actor;
    using model::ActorKind;
    const auto actor = [](const char* id, const char* code, const char* name, ActorKind kind,
                          const char* cameo) {
        return Actor{id, code, name, kind, "", "", cameo, std::nullopt};
    };
    std::vector<model::Event> out(3);
    out[0].id = "ev-1";
    out[0].article = "a1";
    out[0].type = "assault";
    out[0].cameo = "190";
    out[0].quad = 4;
    out[0].source = actor("RUS.MILITARY", "RUS", "Russian military", ActorKind::agent, "RUSMIL");
    out[0].target = actor("UKR", "UKR", "Ukraine", ActorKind::country, "UKR");
    out[0].location = actor("UKR.POKROVSK", "UKR", "Pokrovsk", ActorKind::place, "");
    out[0].location->geo = model::Geo{48.28198, 37.17585, 704422, model::GeoPrecision::place, ""};
    out[0].date = model::day_span(date::year{2024} / 9 / 10, model::DateBasis::explicit_date);
    out[0].confidence = 0.9;
    out[0].evidence.text = "Russian forces shelled Pokrovsk, a town in \"Donetsk\"\nregion.";
    out[1] = out[0];
    out[1].id = "ev-2";
    out[1].article = "a2";
    out[1].type = "protest";
    out[1].cameo = "141";
    out[1].quad = 3;
    out[1].source = actor("ARG", "ARG", "Argentina", ActorKind::country, "ARG");
    out[1].target.reset();
    out[1].location = actor("ARG", "ARG", "Argentina", ActorKind::country, "ARG");
    out[1].location->geo = model::Geo{-33.5, -61.25, 0, model::GeoPrecision::country, ""};
    out[1].evidence.text = "Thousands, angry, marched.";
    out[2] = out[1];
    out[2].id = "ev-3";
    out[2].article = "a3";
    out[2].type = "consult";
    out[2].cameo = "040";
    out[2].quad = 1;
    out[2].location.reset();
    out[2].date.reset();
    out[2].evidence.text = "No place, \"quoted\".";
    return out;
}

}  // namespace eventgraph::test

#pragma once
// Who takes part in an event: a country, person, organisation, group, agent
// of a country ("Russian troops") or a place.

#include <optional>
#include <string>

#include "eventgraph/model/geo.hpp"

namespace eventgraph::model {

/// `unknown` is no kind of actor the texts name: it is the graph's one vertex
/// standing for every unnamed or unknown source (graph::unknown_vertex_id).
enum class ActorKind { country, person, organisation, group, agent, place, unknown };

/// An actor as resolved in one mention.
struct Actor {
    std::string id;    ///< the actor itself: "USA.KURT_CAMPBELL", "RUS", "UKR.SUMY_OBLAST"
    std::string code;  ///< top of its affiliation: ISO 3166-1 alpha-3 or an organisation's code
    std::string name;  ///< display name: "Kurt Campbell"
    ActorKind kind = ActorKind::country;
    std::string role;        ///< for people: the role they held then ("Deputy Secretary of State")
    std::string agent;       ///< for agents: military, government, business, …
    std::string cameo;       ///< CAMEO actor code as Phoenix composes it: "RUSGOV", "IGOWSTNAT",
                             ///< "---MIL"; "" unknown
    std::optional<Geo> geo;  ///< a place's coordinates, where the gazetteer knows them

    friend bool operator==(const Actor&, const Actor&) = default;
};

const char* to_string(ActorKind k);

}  // namespace eventgraph::model

#pragma once
// How actors and relations look, shared by the DOT diagram and the web page
// so that both read alike. Private to src/export.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "eventgraph/model/actor.hpp"

namespace eventgraph::exports::detail {

struct Style {
    const char* shape;  ///< Graphviz's shape
    const char* style;  ///< Graphviz's style
    const char* fill;
    const char* pen;
    const char* web_shape;  ///< Cytoscape.js's nearest shape
};

inline Style style_of(model::ActorKind kind) {
    using model::ActorKind;
    switch (kind) {
        case ActorKind::country:
            return {"box", "rounded,filled", "#DCEAF7", "#2F5F8A", "round-rectangle"};
        case ActorKind::organisation:
            return {"hexagon", "filled", "#FCE8C3", "#9A6A12", "hexagon"};
        case ActorKind::person:
            return {"ellipse", "filled", "#EFEFEF", "#555555", "ellipse"};
        case ActorKind::group:
            return {"octagon", "filled", "#E6DAF0", "#6F4E8C", "octagon"};
        case ActorKind::agent:
            return {"box", "filled", "#D7EFE5", "#1B7A5A", "rectangle"};
        case ActorKind::place:
            return {"house", "filled", "#F3EFD9", "#7D6E3A", "pentagon"};
        // Dashed and grey: every unnamed actor, not one of them.
        case ActorKind::unknown:
            return {"ellipse", "dashed,filled", "#F7F7F7", "#999999", "ellipse"};
    }
    return {"ellipse", "filled", "#EFEFEF", "#555555", "ellipse"};
}

// Legend order. The unknown kind last: the page lists it only when the
// graph has the unknown vertex, so pages without it stay as they were.
inline constexpr std::array<model::ActorKind, 7> all_kinds{
    model::ActorKind::country, model::ActorKind::organisation, model::ActorKind::person,
    model::ActorKind::group,   model::ActorKind::agent,        model::ActorKind::place,
    model::ActorKind::unknown};

// Okabe & Ito's palette, told apart with every kind of colour blindness:
// blues for cooperation, orange and vermillion for conflict, the material
// classes darker than the verbal ones.
inline const char* colour_of_quad(int quad) {
    switch (quad) {
        case 1:
            return "#56B4E9";  // sky blue
        case 2:
            return "#0072B2";  // blue
        case 3:
            return "#E69F00";  // orange
        case 4:
            return "#D55E00";  // vermillion
        default:
            return "#999999";
    }
}

inline const char* quad_name(int quad) {
    switch (quad) {
        case 1:
            return "verbal cooperation";
        case 2:
            return "material cooperation";
        case 3:
            return "verbal conflict";
        case 4:
            return "material conflict";
        default:
            return "other";
    }
}

// Thickness grows with the log of the count, so that one relation of 200
// happenings does not drown the rest of the diagram.
inline double pen_width(std::size_t count) {
    if (count <= 1) return 1.0;
    return std::min(1.0 + 1.5 * std::log2(static_cast<double>(count)), 8.0);
}

}  // namespace eventgraph::exports::detail

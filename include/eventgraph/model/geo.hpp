#pragma once
// Where a place is: coordinates from the gazetteer (GeoNames), of the place
// itself, or of the centre of its subdivision or country where the text names
// only those.

#include <cstdint>
#include <string>

namespace eventgraph::model {

/// What the coordinates are of: the place named, or the centre of the
/// subdivision or country it is (or lies in).
enum class GeoPrecision : std::uint8_t { place, subdivision, country };

struct Geo {
    double lat = 0;
    double lon = 0;
    std::uint32_t geonames = 0;  ///< GeoNames id of a place; 0 for a centre
    GeoPrecision precision = GeoPrecision::place;
    std::string subdivision;  ///< ISO 3166-2 code where the gazetteer knows it ("US-AL")

    friend bool operator==(const Geo&, const Geo&) = default;
};

const char* to_string(GeoPrecision p);

}  // namespace eventgraph::model

#pragma once
// One happening as a flat row, for the event table (CSV, TSV) and the
// GeoJSON features' properties alike. Private to src/export.

#include <cmath>
#include <string>
#include <vector>

#include "eventgraph/export/writers.hpp"

namespace eventgraph::exports::detail {

/// The report an analyst should read first: the surest (then the first by
/// id); null for a happening with no reports.
const graph::Report* strongest(const graph::EventGraph& g, const graph::Happening& h);

/// Where a happening is: the location of its reports, the most precise
/// (a place before a subdivision before a country), then the surest; null
/// where none has coordinates.
const model::Actor* place_of(const graph::EventGraph& g, const graph::Happening& h);

/// Coordinates as every export writes them: five decimals (about a metre).
inline double round_coordinate(double degrees) { return std::round(degrees * 1e5) / 1e5; }

struct Column {
    const char* name;
    std::string value;    ///< "" where unknown
    bool number = false;  ///< a number in JSON (null where unknown)
};

/// The columns of a happening, in the table's order (README, "Places"); of
/// a happening with no reports, the names with empty values (the header).
std::vector<Column> happening_row(const graph::EventGraph& g, const graph::Happening& h,
                                  const ArticleLinks& links);

}  // namespace eventgraph::exports::detail

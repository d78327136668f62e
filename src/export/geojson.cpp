// GeoJSON (RFC 7946): one Point feature a happening that has coordinates,
// with the event table's columns as flat properties (QGIS, Leaflet,
// kepler.gl read them as attributes).

#include "detail_json_writer.hpp"
#include "detail_rows.hpp"
#include "eventgraph/export/writers.hpp"

namespace eventgraph::exports {

std::string to_geojson(const graph::EventGraph& g, const ArticleLinks& links) {
    rapidjson::StringBuffer buf;
    detail::JsonWriter w(buf);
    w.StartObject();
    detail::field(w, "type", "FeatureCollection");
    w.Key("features");
    w.StartArray();
    for (const auto& h : g.happenings) {
        const model::Actor* place = detail::place_of(g, h);
        if (!place) continue;  // no coordinates: in the event table only
        w.StartObject();
        detail::field(w, "type", "Feature");
        detail::field(w, "id", g.id(h));
        w.Key("geometry");
        w.StartObject();
        detail::field(w, "type", "Point");
        w.Key("coordinates");
        w.StartArray();  // RFC 7946: longitude first
        w.Double(detail::round_coordinate(place->geo->lon));
        w.Double(detail::round_coordinate(place->geo->lat));
        w.EndArray();
        w.EndObject();
        w.Key("properties");
        w.StartObject();
        for (const auto& c : detail::happening_row(g, h, links)) {
            w.Key(c.name);
            if (c.number)
                c.value.empty()
                    ? w.Null()
                    : w.RawValue(c.value.data(), c.value.size(), rapidjson::kNumberType);
            else
                detail::string(w, c.value);
        }
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace eventgraph::exports

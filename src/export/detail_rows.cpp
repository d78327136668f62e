#include "detail_rows.hpp"

#include <algorithm>
#include <cstdio>

#include "eventgraph/model/timestamp.hpp"

namespace eventgraph::exports::detail {

namespace {

std::string coordinate(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    return buf;
}

// GDELT's actor country: the country an actor belongs to, where it is one.
std::string country_of(const model::Actor& a) {
    using K = model::ActorKind;
    if (a.kind == K::organisation || a.kind == K::group || a.code.size() != 3) return {};
    return a.code;
}

// `a` at the graph's level; `report` the same actor in the surest report,
// for its CAMEO code (the graph's code level has none).
void actor_columns(std::vector<Column>& row, const char* const names[5], const model::Actor* a,
                   const model::Actor* report) {
    row.push_back({names[0], a ? a->id : ""});
    row.push_back({names[1], a ? a->code : ""});
    row.push_back({names[2], a ? a->name : ""});
    row.push_back({names[3], a && !a->cameo.empty() ? a->cameo : report ? report->cameo : ""});
    row.push_back({names[4], a ? country_of(*a) : ""});
}

int rank(model::GeoPrecision p) {
    switch (p) {
        case model::GeoPrecision::place:
            return 0;
        case model::GeoPrecision::subdivision:
            return 1;
        case model::GeoPrecision::country:
            return 2;
    }
    return 3;
}

}  // namespace

const graph::Report* strongest(const graph::EventGraph& g, const graph::Happening& h) {
    const auto reports = g.reports_of(h);
    if (reports.empty()) return nullptr;
    const graph::Report* best = &g.reports[reports.front()];
    for (const graph::Index r : reports)
        if (g.reports[r].confidence > best->confidence) best = &g.reports[r];
    return best;
}

const model::Actor* place_of(const graph::EventGraph& g, const graph::Happening& h) {
    const model::Actor* best = nullptr;
    double best_confidence = 0;
    for (const graph::Index r : g.reports_of(h)) {
        const graph::Report& e = g.reports[r];
        const model::Actor* location = g.actor(e.location);
        if (!location || !location->geo) continue;
        if (!best) {
            best = location;
            best_confidence = e.confidence;
            continue;
        }
        const int a = rank(location->geo->precision), b = rank(best->geo->precision);
        if (a < b || (a == b && e.confidence > best_confidence)) {
            best = location;
            best_confidence = e.confidence;
        }
    }
    return best;
}

std::vector<Column> happening_row(const graph::EventGraph& g, const graph::Happening& h,
                                  const ArticleLinks& links) {
    static const char* const source_names[5] = {"source_id", "source_code", "source_name",
                                                "source_cameo", "source_country"};
    static const char* const target_names[5] = {"target_id", "target_code", "target_name",
                                                "target_cameo", "target_country"};
    const graph::Report* first = strongest(g, h);
    static const std::string no_cameo;
    const std::string& cameo = first ? g.cameo(*first) : no_cameo;
    std::vector<Column> row;
    row.push_back({"id", g.id(h)});
    std::string day;
    const model::DateSpan* date = g.date(h);
    if (date) {
        day = model::to_iso(date->start);
        day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
    }
    row.push_back({"day", day, true});
    row.push_back({"date", date ? model::date_value(*date) : ""});
    row.push_back({"granularity", date ? model::to_string(date->granularity) : ""});
    actor_columns(row, source_names, g.actor(h.source), first ? g.actor(first->source) : nullptr);
    actor_columns(row, target_names, g.actor(h.target), first ? g.actor(first->target) : nullptr);
    row.push_back({"type", g.type(h)});
    row.push_back({"mode", g.mode(h)});
    row.push_back({"cameo", cameo});
    row.push_back({"cameo_root", cameo.substr(0, std::min<std::size_t>(2, cameo.size()))});
    row.push_back({"quad", h.quad ? std::to_string(h.quad) : "", true});
    row.push_back({"polarity", model::to_string(h.polarity)});
    row.push_back({"mentions", std::to_string(h.mentions), true});
    row.push_back({"sources", std::to_string(h.sources), true});
    const model::Actor* place = place_of(g, h);
    const model::Geo* geo = place ? &*place->geo : nullptr;
    row.push_back({"place", place ? place->name : ""});
    row.push_back({"place_id", place ? place->id : ""});
    row.push_back({"country", place ? place->code : ""});
    row.push_back({"subdivision", geo ? geo->subdivision : ""});
    row.push_back({"lat", geo ? coordinate(geo->lat) : "", true});
    row.push_back({"lon", geo ? coordinate(geo->lon) : "", true});
    row.push_back({"geonames", geo && geo->geonames ? std::to_string(geo->geonames) : "", true});
    row.push_back({"precision", geo ? model::to_string(geo->precision) : ""});
    std::string url;
    for (const graph::Index r : g.reports_of(h))
        if (url.empty()) url = link_of(links, g.article(g.reports[r])).url;
    row.push_back({"url", url});
    row.push_back({"evidence", first ? std::string(g.text(*first)) : std::string()});
    return row;
}

}  // namespace eventgraph::exports::detail

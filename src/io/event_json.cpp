#include "eventgraph/io/event_json.hpp"

#include <cmath>

#include "detail_json.hpp"
#include "eventgraph/error.hpp"

namespace eventgraph::io {

namespace {

using namespace detail;
using model::Actor;
using model::Event;
using model::Evidence;

// A place's coordinates, inside its actor object (schemas/event.schema.json).
void write_geo(Writer& w, const model::Geo& g) {
    const auto rounded = [](double v) { return std::round(v * 1e5) / 1e5; };
    w.Key("lat");
    w.Double(rounded(g.lat));
    w.Key("lon");
    w.Double(rounded(g.lon));
    if (g.geonames != 0) {
        w.Key("geonames");
        w.Uint(g.geonames);
    }
    w.Key("precision");
    w.String(model::to_string(g.precision));
    if (!g.subdivision.empty()) write_string(w, "subdivision", g.subdivision);
}

void write_actor(Writer& w, const char* key, const std::optional<Actor>& a) {
    w.Key(key);
    if (!a) {
        w.Null();
        return;
    }
    w.StartObject();
    write_string(w, "id", a->id);
    write_string(w, "code", a->code);
    write_string(w, "name", a->name);
    w.Key("kind");
    w.String(model::to_string(a->kind));
    if (!a->role.empty()) write_string(w, "role", a->role);
    if (!a->agent.empty()) write_string(w, "agent", a->agent);
    if (!a->cameo.empty()) write_string(w, "cameo", a->cameo);
    if (a->geo) write_geo(w, *a->geo);
    w.EndObject();
}

void write_evidence(Writer& w, const Evidence& e) {
    w.StartObject();
    w.Key("sentence");
    w.Int(e.sentence);
    w.Key("begin");
    w.Uint64(e.begin);
    w.Key("end");
    w.Uint64(e.end);
    write_string(w, "text", e.text);
    write_string(w, "trigger", e.trigger);
    if (!e.pattern.empty()) write_string(w, "pattern", e.pattern);
    w.EndObject();
}

// Reading: each helper names the field it is reading in its errors.
struct Reader {
    const std::string& file;
    std::size_t line;

    const rapidjson::Value& member(const rapidjson::Value& obj, const char* key,
                                   const std::string& path) const {
        const auto it = obj.FindMember(key);
        if (it == obj.MemberEnd()) wrong(file, line, path + key, "missing");
        return it->value;
    }
    std::string string(const rapidjson::Value& obj, const char* key,
                       const std::string& path = "") const {
        const auto& v = member(obj, key, path);
        if (!v.IsString()) wrong(file, line, path + key, "expected a string");
        return std::string(v.GetString(), v.GetStringLength());
    }
    std::string optional_string(const rapidjson::Value& obj, const char* key,
                                const std::string& path = "") const {
        const auto it = obj.FindMember(key);
        if (it == obj.MemberEnd() || it->value.IsNull()) return {};
        return get_string(it->value, file, line, path + key);
    }
    template <typename T>
    T enum_value(const rapidjson::Value& obj, const char* key, std::initializer_list<T> values,
                 const std::string& path = "") const {
        const std::string s = string(obj, key, path);
        for (T v : values)
            if (s == model::to_string(v)) return v;
        wrong(file, line, path + key, "\"" + s + "\" is not an allowed value");
    }
    std::optional<Actor> actor(const rapidjson::Value& obj, const char* key) const {
        const auto it = obj.FindMember(key);
        if (it == obj.MemberEnd() || it->value.IsNull()) return std::nullopt;
        const auto& v = it->value;
        const std::string path = std::string(key) + "/";
        if (!v.IsObject()) wrong(file, line, key, "expected an actor object or null");
        Actor a;
        a.id = string(v, "id", path);
        a.code = string(v, "code", path);
        a.name = optional_string(v, "name", path);
        using K = model::ActorKind;
        a.kind = enum_value(v, "kind",
                            {K::country, K::person, K::organisation, K::group, K::agent, K::place},
                            path);
        a.role = optional_string(v, "role", path);
        a.agent = optional_string(v, "agent", path);
        a.cameo = optional_string(v, "cameo", path);
        a.geo = geo(v, path);
        return a;
    }
    // The coordinates write_geo writes: all of lat, lon and precision, or none.
    std::optional<model::Geo> geo(const rapidjson::Value& v, const std::string& path) const {
        if (!v.HasMember("lat") && !v.HasMember("lon")) return std::nullopt;
        model::Geo g;
        const auto& lat = member(v, "lat", path);
        const auto& lon = member(v, "lon", path);
        if (!lat.IsNumber() || lat.GetDouble() < -90 || lat.GetDouble() > 90)
            wrong(file, line, path + "lat", "expected a latitude (-90 to 90)");
        if (!lon.IsNumber() || lon.GetDouble() < -180 || lon.GetDouble() > 180)
            wrong(file, line, path + "lon", "expected a longitude (-180 to 180)");
        g.lat = lat.GetDouble();
        g.lon = lon.GetDouble();
        if (const auto it = v.FindMember("geonames"); it != v.MemberEnd()) {
            if (!it->value.IsUint()) wrong(file, line, path + "geonames", "expected a GeoNames id");
            g.geonames = it->value.GetUint();
        }
        using P = model::GeoPrecision;
        g.precision = enum_value(v, "precision", {P::place, P::subdivision, P::country}, path);
        g.subdivision = optional_string(v, "subdivision", path);
        return g;
    }
    // A day; or a month or a year, whose first day starts a span and whose last day ends it.
    date::year_month_day day(const rapidjson::Value& obj, const char* key, const std::string& path,
                             bool end) const {
        const std::string s = string(obj, key, path);
        const auto t = model::parse_iso_timestamp(s);
        if (!t)
            wrong(file, line, path + key,
                  "\"" + s + "\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
        const auto span = model::span_of(*t, model::DateBasis::explicit_date);
        return end ? span.end : span.start;
    }
    Evidence evidence(const rapidjson::Value& v, const std::string& path) const {
        if (!v.IsObject()) wrong(file, line, path, "expected an evidence object");
        Evidence e;
        const auto& sentence = member(v, "sentence", path + "/");
        if (!sentence.IsInt()) wrong(file, line, path + "/sentence", "expected a whole number");
        e.sentence = sentence.GetInt();
        const auto& b = member(v, "begin", path + "/");
        const auto& en = member(v, "end", path + "/");
        if (!b.IsUint64() || !en.IsUint64())
            wrong(file, line, path + "/begin", "expected byte offsets");
        e.begin = b.GetUint64();
        e.end = en.GetUint64();
        e.text = string(v, "text", path + "/");
        e.trigger = optional_string(v, "trigger", path + "/");
        e.pattern = optional_string(v, "pattern", path + "/");
        return e;
    }
};

}  // namespace

std::string event_to_json(const Event& e) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    write_string(w, "id", e.id);
    write_string(w, "article", e.article);
    write_string(w, "type", e.type);
    w.Key("mode");
    if (e.mode.empty())
        w.Null();
    else
        w.String(e.mode.data(), rapidjson::SizeType(e.mode.size()));
    write_string(w, "cameo", e.cameo);
    w.Key("quad");
    w.Int(e.quad);
    write_actor(w, "source", e.source);
    write_actor(w, "target", e.target);
    w.Key("date");
    if (e.date) {
        w.StartObject();
        write_string(w, "value", model::date_value(*e.date));
        w.Key("granularity");
        w.String(model::to_string(e.date->granularity));
        write_string(w, "start", model::to_iso(e.date->start));
        write_string(w, "end", model::to_iso(e.date->end));
        w.Key("basis");
        w.String(model::to_string(e.date->basis));
        if (!e.date->note.empty()) write_string(w, "note", e.date->note);
        w.EndObject();
    } else {
        w.Null();
    }
    write_actor(w, "location", e.location);
    write_actor(w, "attributed_to", e.attributed_to);
    w.Key("polarity");
    w.String(model::to_string(e.polarity));
    w.Key("confidence");
    w.Double(double(long(e.confidence * 100 + 0.5)) / 100);
    w.Key("evidence");
    write_evidence(w, e.evidence);
    if (!e.more_evidence.empty()) {
        w.Key("more_evidence");
        w.StartArray();
        for (const auto& m : e.more_evidence) write_evidence(w, m);
        w.EndArray();
    }
    if (e.killed || e.wounded || !e.weapons.empty()) {
        w.Key("details");
        w.StartObject();
        if (e.killed) {
            w.Key("killed");
            w.Int(*e.killed);
        }
        if (e.wounded) {
            w.Key("wounded");
            w.Int(*e.wounded);
        }
        if (!e.weapons.empty()) {
            w.Key("weapons");
            w.StartArray();
            for (const auto& x : e.weapons) w.String(x.data(), rapidjson::SizeType(x.size()));
            w.EndArray();
        }
        w.EndObject();
    }
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
}

Event event_from_json(std::string_view json, const std::string& file, std::size_t line) {
    const rapidjson::Document& doc = parse_record(json, file, line);
    if (!doc.IsObject()) throw input_error(file, line, "expected an event object");
    const Reader r{file, line};
    Event e;
    e.id = r.string(doc, "id");
    e.article = r.string(doc, "article");
    e.type = r.string(doc, "type");
    e.mode = r.optional_string(doc, "mode");
    e.cameo = r.optional_string(doc, "cameo");
    if (const auto it = doc.FindMember("quad"); it != doc.MemberEnd()) {
        if (!it->value.IsInt() || it->value.GetInt() < 0 || it->value.GetInt() > 4)
            wrong(file, line, "quad", "expected 1, 2, 3 or 4");
        e.quad = it->value.GetInt();
    }
    // null is an unnamed or unknown source; leaving the field out is still an error.
    if (!doc.HasMember("source")) wrong(file, line, "source", "missing");
    e.source = r.actor(doc, "source");
    e.target = r.actor(doc, "target");
    e.location = r.actor(doc, "location");
    e.attributed_to = r.actor(doc, "attributed_to");

    const auto& d = r.member(doc, "date", "");
    if (!d.IsNull()) {
        if (!d.IsObject()) wrong(file, line, "date", "expected a date object or null");
        using G = model::Granularity;
        using B = model::DateBasis;
        model::DateSpan span;
        span.start = r.day(d, "start", "date/", false);
        span.end = r.day(d, "end", "date/", true);
        span.granularity = r.enum_value(d, "granularity", {G::day, G::month, G::year}, "date/");
        span.basis =
            r.enum_value(d, "basis", {B::explicit_date, B::relative, B::publication}, "date/");
        span.note = r.optional_string(d, "note", "date/");
        if (span.end < span.start) wrong(file, line, "date/end", "is before date/start");
        e.date = span;
    }

    using P = model::Polarity;
    e.polarity =
        doc.HasMember("polarity")
            ? r.enum_value(doc, "polarity", {P::asserted, P::denied, P::hypothetical, P::future})
            : P::asserted;
    if (const auto it = doc.FindMember("confidence"); it != doc.MemberEnd()) {
        if (!it->value.IsNumber()) wrong(file, line, "confidence", "expected a number");
        e.confidence = it->value.GetDouble();
    }
    if (const auto it = doc.FindMember("evidence"); it != doc.MemberEnd())
        e.evidence = r.evidence(it->value, "evidence");
    if (const auto it = doc.FindMember("more_evidence"); it != doc.MemberEnd()) {
        if (!it->value.IsArray()) wrong(file, line, "more_evidence", "expected an array");
        for (const auto& x : it->value.GetArray())
            e.more_evidence.push_back(r.evidence(x, "more_evidence"));
    }
    if (const auto it = doc.FindMember("details"); it != doc.MemberEnd() && it->value.IsObject()) {
        const auto& det = it->value;
        if (det.HasMember("killed") && det["killed"].IsInt()) e.killed = det["killed"].GetInt();
        if (det.HasMember("wounded") && det["wounded"].IsInt()) e.wounded = det["wounded"].GetInt();
        if (det.HasMember("weapons") && det["weapons"].IsArray())
            for (const auto& x : det["weapons"].GetArray())
                if (x.IsString()) e.weapons.emplace_back(x.GetString(), x.GetStringLength());
    }
    return e;
}

std::size_t read_events_json(std::istream& in, const std::string& file, const ReadOptions& options,
                             const std::function<void(Event)>& sink,
                             const std::function<void(const std::exception&)>& on_skip) {
    return for_each_json_line(
        in, file, options.keep_going,
        [&](std::string_view text, std::size_t line) { sink(event_from_json(text, file, line)); },
        on_skip);
}

}  // namespace eventgraph::io

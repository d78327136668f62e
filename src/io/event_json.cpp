#include "eventgraph/io/event_json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "detail_events.hpp"
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

// Reading. A record is parsed by RapidJSON's SAX reader in place (no
// document): the handler keeps, for each field an event has, its first
// occurrence (as a document's FindMember finds it; later ones and unknown
// keys are read past), and the event is then checked field by field in the
// order the document reader checked it, so that a record with several faults
// names the same one. Strings stay views into the record's text.

// One field's value as a document would hold it: a scalar as it is (a string
// refers to the record's text), an object or an array empty (its contents are
// in the slots of the field's own struct).
struct Field {
    bool present = false;
    rapidjson::Value value;

    std::string_view str() const { return {value.GetString(), value.GetStringLength()}; }
};

struct ActorSlots {
    Field self, id, code, name, kind, role, agent, cameo, lat, lon, geonames, precision,
        subdivision;
};
struct DateSlots {
    Field self, start, end, granularity, basis, note;
};
struct EvidenceSlots {
    Field self, sentence, begin, end, text, trigger, pattern;
};
struct RecordSlots {
    Field root, id, article, type, mode, cameo, quad, polarity, confidence, more_evidence, details,
        killed, wounded, weapons;
    ActorSlots source, target, location, attributed_to;
    DateSlots date;
    EvidenceSlots evidence;
    std::vector<EvidenceSlots> more;  // more_evidence's elements: the first `more_count`
    std::size_t more_count = 0;
    std::vector<std::string_view> weapon_names;  // details/weapons' strings
};

void clear(Field& f) { f.present = false; }
template <typename... F>
void clear_all(F&... f) {
    (clear(f), ...);
}
void clear(ActorSlots& a) {
    clear_all(a.self, a.id, a.code, a.name, a.kind, a.role, a.agent, a.cameo, a.lat, a.lon,
              a.geonames, a.precision, a.subdivision);
}
void clear(DateSlots& d) { clear_all(d.self, d.start, d.end, d.granularity, d.basis, d.note); }
void clear(EvidenceSlots& e) {
    clear_all(e.self, e.sentence, e.begin, e.end, e.text, e.trigger, e.pattern);
}
void clear(RecordSlots& r) {
    clear_all(r.root, r.id, r.article, r.type, r.mode, r.cameo, r.quad, r.polarity, r.confidence,
              r.more_evidence, r.details, r.killed, r.wounded, r.weapons, r.source, r.target,
              r.location, r.attributed_to, r.date, r.evidence);
    r.more_count = 0;
    r.weapon_names.clear();
}

// What a container being read is, for its keys or elements.
enum class In : unsigned char {
    skip,
    root,
    actor,
    date,
    evidence,
    more_evidence,
    details,
    weapons
};

struct Handler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
    explicit Handler(RecordSlots& slots) : r(slots) {}

    RecordSlots& r;
    struct Frame {
        In in;
        void* slots;
    };
    std::vector<Frame> stack;
    // Where the next value goes: its field (nullptr: nowhere), what it is read
    // as if it is an object or an array, and the slots of that object.
    Field* next = nullptr;
    In next_object = In::skip, next_array = In::skip;
    void* next_slots = nullptr;

    void reset() {
        stack.clear();
        next = nullptr;
    }

    void to(Field& f, In object = In::skip, void* slots = nullptr, In array = In::skip) {
        // A key seen again: the first value is the one a document finds.
        next = f.present ? nullptr : &f;
        next_object = object;
        next_array = array;
        next_slots = slots;
    }
    // The field for the next value at the top of the stack; for an element
    // of an array, its slot.
    Field* target() {
        if (stack.empty()) {
            next_object = In::root;
            next_array = In::skip;
            return &r.root;
        }
        const Frame& top = stack.back();
        if (top.in == In::more_evidence) {
            if (r.more_count == r.more.size()) r.more.emplace_back();
            EvidenceSlots& e = r.more[r.more_count++];
            clear(e);
            next_object = In::evidence;
            next_array = In::skip;
            next_slots = &e;
            return &e.self;
        }
        Field* f = next;
        next = nullptr;
        if (!f) next_object = next_array = In::skip;
        return f;
    }
    bool scalar(rapidjson::Value v) {
        if (!stack.empty() && stack.back().in == In::weapons) {
            if (v.IsString()) r.weapon_names.push_back({v.GetString(), v.GetStringLength()});
            return true;
        }
        if (Field* f = target()) {
            f->present = true;
            f->value = std::move(v);
        }
        return true;
    }
    bool open(bool object) {
        if (!stack.empty() && stack.back().in == In::weapons) {
            stack.push_back({In::skip, nullptr});
            return true;
        }
        Field* f = target();
        if (!f) {
            stack.push_back({In::skip, nullptr});
            return true;
        }
        f->present = true;
        if (object)
            f->value.SetObject();
        else
            f->value.SetArray();
        stack.push_back({object ? next_object : next_array, next_slots});
        return true;
    }

    bool Null() { return scalar(rapidjson::Value()); }
    bool Bool(bool b) { return scalar(rapidjson::Value(b)); }
    bool Int(int i) { return scalar(rapidjson::Value(i)); }
    bool Uint(unsigned u) { return scalar(rapidjson::Value(u)); }
    bool Int64(std::int64_t i) { return scalar(rapidjson::Value(i)); }
    bool Uint64(std::uint64_t u) { return scalar(rapidjson::Value(u)); }
    bool Double(double d) { return scalar(rapidjson::Value(d)); }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        return scalar(rapidjson::Value(rapidjson::StringRef(s, n)));
    }
    bool StartObject() { return open(true); }
    bool EndObject(rapidjson::SizeType) { return stack.pop_back(), true; }
    bool StartArray() { return open(false); }
    bool EndArray(rapidjson::SizeType) { return stack.pop_back(), true; }

    bool Key(const char* s, rapidjson::SizeType n, bool) {
        const std::string_view k(s, n);
        next = nullptr;
        const Frame& top = stack.back();
        switch (top.in) {
            case In::root:
                root_key(k);
                break;
            case In::actor:
                actor_key(*static_cast<ActorSlots*>(top.slots), k);
                break;
            case In::date:
                date_key(*static_cast<DateSlots*>(top.slots), k);
                break;
            case In::evidence:
                evidence_key(*static_cast<EvidenceSlots*>(top.slots), k);
                break;
            case In::details:
                if (k == "killed")
                    to(r.killed);
                else if (k == "wounded")
                    to(r.wounded);
                else if (k == "weapons")
                    to(r.weapons, In::skip, nullptr, In::weapons);
                break;
            default:
                break;
        }
        return true;
    }
    void root_key(std::string_view k) {
        switch (k.size()) {
            case 2:
                if (k == "id") to(r.id);
                break;
            case 4:
                if (k == "type")
                    to(r.type);
                else if (k == "mode")
                    to(r.mode);
                else if (k == "quad")
                    to(r.quad);
                else if (k == "date")
                    to(r.date.self, In::date, &r.date);
                break;
            case 5:
                if (k == "cameo") to(r.cameo);
                break;
            case 6:
                if (k == "source")
                    to(r.source.self, In::actor, &r.source);
                else if (k == "target")
                    to(r.target.self, In::actor, &r.target);
                break;
            case 7:
                if (k == "article")
                    to(r.article);
                else if (k == "details")
                    to(r.details, In::details);
                break;
            case 8:
                if (k == "location")
                    to(r.location.self, In::actor, &r.location);
                else if (k == "polarity")
                    to(r.polarity);
                else if (k == "evidence")
                    to(r.evidence.self, In::evidence, &r.evidence);
                break;
            case 10:
                if (k == "confidence") to(r.confidence);
                break;
            case 13:
                if (k == "attributed_to")
                    to(r.attributed_to.self, In::actor, &r.attributed_to);
                else if (k == "more_evidence")
                    to(r.more_evidence, In::skip, nullptr, In::more_evidence);
                break;
            default:
                break;
        }
    }
    void actor_key(ActorSlots& a, std::string_view k) {
        if (k == "id")
            to(a.id);
        else if (k == "code")
            to(a.code);
        else if (k == "name")
            to(a.name);
        else if (k == "kind")
            to(a.kind);
        else if (k == "role")
            to(a.role);
        else if (k == "agent")
            to(a.agent);
        else if (k == "cameo")
            to(a.cameo);
        else if (k == "lat")
            to(a.lat);
        else if (k == "lon")
            to(a.lon);
        else if (k == "geonames")
            to(a.geonames);
        else if (k == "precision")
            to(a.precision);
        else if (k == "subdivision")
            to(a.subdivision);
    }
    void date_key(DateSlots& d, std::string_view k) {
        if (k == "start")
            to(d.start);
        else if (k == "end")
            to(d.end);
        else if (k == "granularity")
            to(d.granularity);
        else if (k == "basis")
            to(d.basis);
        else if (k == "note")
            to(d.note);
    }
    void evidence_key(EvidenceSlots& e, std::string_view k) {
        if (k == "sentence")
            to(e.sentence);
        else if (k == "begin")
            to(e.begin);
        else if (k == "end")
            to(e.end);
        else if (k == "text")
            to(e.text);
        else if (k == "trigger")
            to(e.trigger);
        else if (k == "pattern")
            to(e.pattern);
    }
};

// Each check names the field it is reading in its errors, as the document
// reader did.
struct Checker {
    const std::string& file;
    std::size_t line;
    const EventFields& keep;

    const rapidjson::Value& member(const Field& f, const char* key, const char* path) const {
        if (!f.present) wrong(file, line, std::string(path) + key, "missing");
        return f.value;
    }
    std::string_view string(const Field& f, const char* key, const char* path = "") const {
        const auto& v = member(f, key, path);
        if (!v.IsString()) wrong(file, line, std::string(path) + key, "expected a string");
        return f.str();
    }
    std::string_view optional_string(const Field& f, const char* key, const char* path = "") const {
        if (!f.present || f.value.IsNull()) return {};
        if (!f.value.IsString()) wrong(file, line, std::string(path) + key, "expected a string");
        return f.str();
    }
    template <typename T>
    T enum_value(const Field& f, const char* key, std::initializer_list<T> values,
                 const char* path = "") const {
        const std::string_view s = string(f, key, path);
        for (T v : values)
            if (s == model::to_string(v)) return v;
        wrong(file, line, std::string(path) + key,
              "\"" + std::string(s) + "\" is not an allowed value");
    }
    std::optional<Actor> actor(const ActorSlots& a, const char* key, const char* path) const {
        if (!a.self.present || a.self.value.IsNull()) return std::nullopt;
        if (!a.self.value.IsObject()) wrong(file, line, key, "expected an actor object or null");
        Actor out;
        out.id = string(a.id, "id", path);
        out.code = string(a.code, "code", path);
        out.name = optional_string(a.name, "name", path);
        using K = model::ActorKind;
        out.kind = enum_value(
            a.kind, "kind", {K::country, K::person, K::organisation, K::group, K::agent, K::place},
            path);
        out.role = optional_string(a.role, "role", path);
        out.agent = optional_string(a.agent, "agent", path);
        out.cameo = optional_string(a.cameo, "cameo", path);
        out.geo = geo(a, path);
        return out;
    }
    // The coordinates write_geo writes: all of lat, lon and precision, or none.
    std::optional<model::Geo> geo(const ActorSlots& a, const char* path) const {
        if (!a.lat.present && !a.lon.present) return std::nullopt;
        model::Geo g;
        const auto& lat = member(a.lat, "lat", path);
        const auto& lon = member(a.lon, "lon", path);
        if (!lat.IsNumber() || lat.GetDouble() < -90 || lat.GetDouble() > 90)
            wrong(file, line, std::string(path) + "lat", "expected a latitude (-90 to 90)");
        if (!lon.IsNumber() || lon.GetDouble() < -180 || lon.GetDouble() > 180)
            wrong(file, line, std::string(path) + "lon", "expected a longitude (-180 to 180)");
        g.lat = lat.GetDouble();
        g.lon = lon.GetDouble();
        if (a.geonames.present) {
            if (!a.geonames.value.IsUint())
                wrong(file, line, std::string(path) + "geonames", "expected a GeoNames id");
            g.geonames = a.geonames.value.GetUint();
        }
        using P = model::GeoPrecision;
        g.precision =
            enum_value(a.precision, "precision", {P::place, P::subdivision, P::country}, path);
        g.subdivision = optional_string(a.subdivision, "subdivision", path);
        return g;
    }
    // A day; or a month or a year, whose first day starts a span and whose last day ends it.
    date::year_month_day day(const Field& f, const char* key, bool end) const {
        const std::string_view s = string(f, key, "date/");
        const auto t = model::parse_iso_timestamp(s);
        if (!t)
            wrong(file, line, std::string("date/") + key,
                  "\"" + std::string(s) + "\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
        const auto span = model::span_of(*t, model::DateBasis::explicit_date);
        return end ? span.end : span.start;
    }
    // `path` is the field's name ("evidence", "more_evidence"), `inner` it and a slash.
    void evidence(const EvidenceSlots& v, const char* path, const char* inner, Evidence& e) const {
        if (!v.self.value.IsObject()) wrong(file, line, path, "expected an evidence object");
        const auto& sentence = member(v.sentence, "sentence", inner);
        if (!sentence.IsInt())
            wrong(file, line, std::string(inner) + "sentence", "expected a whole number");
        e.sentence = sentence.GetInt();
        const auto& b = member(v.begin, "begin", inner);
        const auto& en = member(v.end, "end", inner);
        if (!b.IsUint64() || !en.IsUint64())
            wrong(file, line, std::string(inner) + "begin", "expected byte offsets");
        e.begin = b.GetUint64();
        e.end = en.GetUint64();
        const auto text = string(v.text, "text", inner);
        const auto trigger = optional_string(v.trigger, "trigger", inner);
        const auto pattern = optional_string(v.pattern, "pattern", inner);
        if (keep.evidence_text) e.text = text;
        if (keep.evidence_words) {
            e.trigger = trigger;
            e.pattern = pattern;
        }
    }
};

// Whether every byte is below 0x80, eight at a time.
bool is_ascii(std::string_view s) {
    std::uint64_t any = 0;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        any |= w;
    }
    for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
    return (any & 0x8080808080808080ULL) == 0;
}

// One record parsed in place into the slots the thread reuses; throws the
// document reader's errors ("invalid JSON at column …").
const RecordSlots& parse_slots(std::string_view json, const std::string& file, std::size_t line) {
    struct Reuse {
        RecordSlots slots;
        Handler handler{slots};
        rapidjson::Reader reader;
        std::string text;
    };
    thread_local Reuse r;
    const bool deep = check_record_text(json, file, line);
    clear(r.slots);
    r.handler.reset();
    r.text.assign(json);  // parsed in place: its strings are decoded where they stand
    rapidjson::InsituStringStream bytes(r.text.data());
    // Iterative (no stack overflow) only where the text could nest deeply:
    // the recursive parser is faster.
    // A record of ASCII alone cannot be bad UTF-8: it is parsed without
    // RapidJSON's check of each byte (most records; the check's errors are
    // the same either way, as there are none to find).
    constexpr unsigned insitu = rapidjson::kParseInsituFlag;
    constexpr unsigned recursive = parse_flags & ~rapidjson::kParseIterativeFlag;
    constexpr unsigned unchecked = rapidjson::kParseValidateEncodingFlag;
    rapidjson::ParseResult ok;
    if (deep)
        ok = r.reader.Parse<parse_flags | insitu>(bytes, r.handler);
    else if (is_ascii(json))
        ok = r.reader.Parse<(recursive & ~unchecked) | insitu>(bytes, r.handler);
    else
        ok = r.reader.Parse<recursive | insitu>(bytes, r.handler);
    if (ok.IsError()) invalid_json(json, file, line, ok.Offset(), GetParseError_En(ok.Code()));
    const std::size_t rest = json.find_first_not_of(" \t\r\n", bytes.Tell());
    if (rest != std::string_view::npos)
        invalid_json(json, file, line, rest, "unexpected text after the JSON value");
    return r.slots;
}

void read_event(const RecordSlots& s, const std::string& file, std::size_t line,
                const EventFields& keep, Event& e) {
    if (!s.root.value.IsObject()) throw input_error(file, line, "expected an event object");
    const Checker r{file, line, keep};
    e.id = r.string(s.id, "id");
    e.article = r.string(s.article, "article");
    e.type = r.string(s.type, "type");
    e.mode = r.optional_string(s.mode, "mode");
    e.cameo = r.optional_string(s.cameo, "cameo");
    if (s.quad.present) {
        const auto& q = s.quad.value;
        if (!q.IsInt() || q.GetInt() < 0 || q.GetInt() > 4)
            wrong(file, line, "quad", "expected 1, 2, 3 or 4");
        e.quad = q.GetInt();
    }
    // null is an unnamed or unknown source; leaving the field out is still an error.
    if (!s.source.self.present) wrong(file, line, "source", "missing");
    e.source = r.actor(s.source, "source", "source/");
    e.target = r.actor(s.target, "target", "target/");
    e.location = r.actor(s.location, "location", "location/");
    e.attributed_to = r.actor(s.attributed_to, "attributed_to", "attributed_to/");

    const auto& d = r.member(s.date.self, "date", "");
    if (!d.IsNull()) {
        if (!d.IsObject()) wrong(file, line, "date", "expected a date object or null");
        using G = model::Granularity;
        using B = model::DateBasis;
        model::DateSpan span;
        span.start = r.day(s.date.start, "start", false);
        span.end = r.day(s.date.end, "end", true);
        span.granularity =
            r.enum_value(s.date.granularity, "granularity", {G::day, G::month, G::year}, "date/");
        span.basis = r.enum_value(s.date.basis, "basis",
                                  {B::explicit_date, B::relative, B::publication}, "date/");
        span.note = r.optional_string(s.date.note, "note", "date/");
        if (span.end < span.start) wrong(file, line, "date/end", "is before date/start");
        e.date = std::move(span);
    }

    using P = model::Polarity;
    e.polarity = s.polarity.present
                     ? r.enum_value(s.polarity, "polarity",
                                    {P::asserted, P::denied, P::hypothetical, P::future})
                     : P::asserted;
    if (s.confidence.present) {
        if (!s.confidence.value.IsNumber()) wrong(file, line, "confidence", "expected a number");
        e.confidence = s.confidence.value.GetDouble();
    }
    if (s.evidence.self.present) r.evidence(s.evidence, "evidence", "evidence/", e.evidence);
    if (s.more_evidence.present) {
        if (!s.more_evidence.value.IsArray())
            wrong(file, line, "more_evidence", "expected an array");
        Evidence scratch;
        for (std::size_t i = 0; i < s.more_count; ++i) {
            r.evidence(s.more[i], "more_evidence", "more_evidence/",
                       keep.more_evidence ? e.more_evidence.emplace_back() : scratch);
        }
    }
    if (s.details.present && s.details.value.IsObject() && keep.details) {
        if (s.killed.present && s.killed.value.IsInt()) e.killed = s.killed.value.GetInt();
        if (s.wounded.present && s.wounded.value.IsInt()) e.wounded = s.wounded.value.GetInt();
        if (s.weapons.present && s.weapons.value.IsArray())
            for (const auto w : s.weapon_names) e.weapons.emplace_back(w);
    }
}

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

namespace detail {

void read_event(std::string_view json, const std::string& file, std::size_t line,
                const EventFields& fields, Event& e) {
    read_event(parse_slots(json, file, line), file, line, fields, e);
}

}  // namespace detail

Event event_from_json(std::string_view json, const std::string& file, std::size_t line) {
    Event e;
    detail::read_event(json, file, line, EventFields{}, e);
    return e;
}

std::size_t read_events_json(std::istream& in, const std::string& file, const ReadOptions& options,
                             const std::function<void(Event&&)>& sink,
                             const std::function<void(const std::exception&)>& on_skip) {
    return for_each_json_line(
        in, file, options.keep_going,
        [&](std::string_view text, std::size_t line) {
            Event e;
            detail::read_event(text, file, line, options.event_fields, e);
            sink(std::move(e));
        },
        on_skip);
}

}  // namespace eventgraph::io

// JSON lexicons: RapidJSON with UTF-8 validation, then the schema, then the
// checks a schema cannot express (calendar dates, start before end, roles
// that overlap, ids given twice).

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>
#include <memory>

#include "eventgraph/error.hpp"
#include "eventgraph/lexicon/cameo.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/utf8.hpp"
#include "lexicon/detail.hpp"

namespace eventgraph::lexicon {

namespace {

// Iterative parsing and a depth limit: a hostile file of a million '['
// must not overflow the stack (the DOM is destroyed recursively too).
constexpr unsigned parse_flags =
    rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
constexpr std::size_t max_depth = 64;

// Forwards a SAX parse to `next` and keeps the JSON pointer of the value
// being read, so that the DOM, which keeps no positions, can be given lines:
// every entry's offset is recorded, and the offset of one `target` pointer
// (an error's) on demand.
template <typename Next>
class Tracker {
public:
    using Ch = char;

    Tracker(Next& next, const rapidjson::MemoryStream& in, std::vector<std::string> target = {})
        : next_(next), in_(in), target_(std::move(target)) {}

    std::vector<std::size_t> entry_offsets;
    std::optional<std::size_t> target_offset;
    bool too_deep = false;

    bool Null() { return scalar(next_.Null()); }
    bool Bool(bool b) { return scalar(next_.Bool(b)); }
    bool Int(int i) { return scalar(next_.Int(i)); }
    bool Uint(unsigned u) { return scalar(next_.Uint(u)); }
    bool Int64(int64_t i) { return scalar(next_.Int64(i)); }
    bool Uint64(uint64_t u) { return scalar(next_.Uint64(u)); }
    bool Double(double d) { return scalar(next_.Double(d)); }
    bool RawNumber(const Ch* s, rapidjson::SizeType n, bool copy) {
        return scalar(next_.RawNumber(s, n, copy));
    }
    bool String(const Ch* s, rapidjson::SizeType n, bool copy) {
        return scalar(next_.String(s, n, copy));
    }
    bool StartObject() {
        begin();
        if (path_.size() >= max_depth) {
            too_deep = true;
            return false;
        }
        path_.push_back({false, 0, {}});
        return next_.StartObject();
    }
    bool Key(const Ch* s, rapidjson::SizeType n, bool copy) {
        path_.back().key.assign(s, n);
        return next_.Key(s, n, copy);
    }
    bool EndObject(rapidjson::SizeType n) {
        path_.pop_back();
        end();
        return next_.EndObject(n);
    }
    bool StartArray() {
        begin();
        if (path_.size() >= max_depth) {
            too_deep = true;
            return false;
        }
        path_.push_back({true, 0, {}});
        return next_.StartArray();
    }
    bool EndArray(rapidjson::SizeType n) {
        path_.pop_back();
        end();
        return next_.EndArray(n);
    }

private:
    struct Frame {
        bool array;
        std::size_t index;
        std::string key;
    };

    bool scalar(bool ok) {
        begin();
        end();
        return ok;
    }
    // Tell() is past the value's first character ('{', '[') or its last
    // (scalars): either way on the value's line.
    void begin() {
        const std::size_t at = in_.Tell() == 0 ? 0 : in_.Tell() - 1;
        if (path_.size() == 2 && !path_[0].array && path_[0].key == "entries" && path_[1].array)
            entry_offsets.push_back(at);
        if (!target_offset && at_target()) target_offset = at;
    }
    void end() {
        if (!path_.empty() && path_.back().array) ++path_.back().index;
    }
    bool at_target() const {
        if (path_.size() != target_.size()) return false;
        for (std::size_t i = 0; i < path_.size(); ++i) {
            const std::string& t = target_[i];
            if (path_[i].array ? t != std::to_string(path_[i].index) : t != path_[i].key)
                return false;
        }
        return true;
    }

    Next& next_;
    const rapidjson::MemoryStream& in_;
    std::vector<std::string> target_;
    std::vector<Frame> path_;
};

struct Schema {
    rapidjson::Document doc;
    std::unique_ptr<rapidjson::SchemaDocument> compiled;
};

const Schema& schema() {
    static const std::unique_ptr<Schema> s = [] {
        auto s = std::make_unique<Schema>();
        const std::string_view text = lexicon_schema_text();
        s->doc.Parse(text.data(), text.size());
        if (s->doc.HasParseError()) throw error("the compiled-in lexicon schema is not valid JSON");
        s->compiled = std::make_unique<rapidjson::SchemaDocument>(s->doc);
        return s;
    }();
    return *s;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string json_text(const rapidjson::Value& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    v.Accept(w);
    std::string s(buf.GetString(), buf.GetSize());
    if (s.size() > 60) {
        s.resize(57);
        s += "...";
    }
    return s;
}

const char* type_name(const rapidjson::Value& v) {
    switch (v.GetType()) {
        case rapidjson::kNullType:
            return "null";
        case rapidjson::kFalseType:
        case rapidjson::kTrueType:
            return "boolean";
        case rapidjson::kObjectType:
            return "object";
        case rapidjson::kArrayType:
            return "array";
        case rapidjson::kStringType:
            return "string";
        case rapidjson::kNumberType:
            return "number";
    }
    return "value";
}

// Turns what the validator reports (a keyword, the schema and the value at
// fault) into words a person editing the file understands.
std::string describe(const std::string& keyword, const std::string& schema_pointer,
                     const rapidjson::Value* rule, const rapidjson::Value* value) {
    if (!rule || !value) return "does not satisfy the schema's \"" + keyword + "\"";
    if (keyword == "required" && value->IsObject() && rule->HasMember("required")) {
        for (const auto& name : (*rule)["required"].GetArray())
            if (!value->HasMember(name)) return std::string("missing \"") + name.GetString() + "\"";
    }
    // RapidJSON points at the unknown member itself, so the pointer names it.
    if (keyword == "additionalProperties") return "unknown field";
    if (keyword == "type" && rule->HasMember("type"))
        return std::string("expected ") + json_text((*rule)["type"]) + ", found " +
               type_name(*value);
    if (keyword == "enum" && rule->HasMember("enum")) {
        std::string allowed;
        for (const auto& x : (*rule)["enum"].GetArray())
            allowed += (allowed.empty() ? "" : ", ") + json_text(x);
        return json_text(*value) + " is not one of " + allowed;
    }
    if (keyword == "pattern" && schema_pointer == "/definitions/date")
        return json_text(*value) + " is not a date YYYY-MM-DD";
    if (keyword == "pattern" && rule->HasMember("pattern"))
        return json_text(*value) + " does not match " + json_text((*rule)["pattern"]);
    if (keyword == "minLength") return "must not be empty";
    if (keyword == "anyOf" && schema_pointer == "/definitions/entry")
        return "needs \"code\", \"kind\" and \"name\", unless it is \"merge\": true";
    return "does not satisfy the schema's \"" + keyword + "\"";
}

std::vector<std::string> tokens_of(const rapidjson::Pointer& p) {
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < p.GetTokenCount(); ++i)
        tokens.emplace_back(p.GetTokens()[i].name, p.GetTokens()[i].length);
    return tokens;
}

std::string pointer_text(const std::vector<std::string>& tokens) {
    std::string s;
    for (const std::string& t : tokens) s += "/" + t;
    return s;
}

class JsonReader {
public:
    JsonReader(Lexicon& lexicon, std::string_view text, const std::string& file)
        : lexicon_(lexicon), file_(file), full_(text) {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") bom_ = 3;
        body_ = text.substr(bom_);
    }

    void read() {
        if (const auto nul = full_.find('\0'); nul != std::string_view::npos)
            throw lexicon_error(file_, line_at(nul), "NUL byte: this is not a JSON text file");
        parse();
        validate();
        convert();
    }

private:
    // Called once per entry: the line starts are found once, then searched.
    std::size_t line_at(std::size_t offset_in_full) const {
        if (line_starts_.empty()) {
            line_starts_.push_back(0);
            for (std::size_t i = 0; i < full_.size(); ++i)
                if (full_[i] == '\n') line_starts_.push_back(i + 1);
        }
        return std::size_t(
            std::upper_bound(line_starts_.begin(), line_starts_.end(), offset_in_full) -
            line_starts_.begin());
    }

    void parse() {
        rapidjson::MemoryStream in(body_.data(), body_.size());
        Tracker<rapidjson::Document> tracker(doc_, in);
        rapidjson::ParseResult result;
        auto generate = [&](rapidjson::Document&) {
            rapidjson::Reader reader;
            result = reader.Parse<parse_flags>(in, tracker);
            return !result.IsError();
        };
        doc_.Populate(generate);
        if (tracker.too_deep)
            throw lexicon_error(file_, line_at(bom_ + result.Offset()),
                                "nested deeper than " + std::to_string(max_depth) + " levels");
        if (result.IsError()) {
            // RapidJSON places a bad byte one before it; find it exactly.
            std::size_t offset = result.Offset();
            if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding)
                offset = std::min(text::find_invalid_utf8(body_), body_.size());
            const auto pos = text::position_of(full_, bom_ + offset);
            throw lexicon_error(file_, pos.line,
                                "invalid JSON at column " + std::to_string(pos.column) + ": " +
                                    rapidjson::GetParseError_En(result.Code()));
        }
        for (std::size_t off : tracker.entry_offsets) entry_lines_.push_back(line_at(bom_ + off));
    }

    // The line of the value at a JSON pointer, found by reading the text
    // again: errors are rare, so this costs nothing on good files.
    std::size_t line_of(const std::vector<std::string>& tokens) const {
        rapidjson::MemoryStream in(body_.data(), body_.size());
        rapidjson::BaseReaderHandler<> null;
        Tracker<rapidjson::BaseReaderHandler<>> tracker(null, in, tokens);
        rapidjson::Reader reader;
        reader.Parse<parse_flags>(in, tracker);
        return tracker.target_offset ? line_at(bom_ + *tracker.target_offset) : 0;
    }

    [[noreturn]] void fail(const std::vector<std::string>& tokens, const std::string& what) const {
        const std::string where = tokens.empty() ? "" : pointer_text(tokens) + ": ";
        throw lexicon_error(file_, line_of(tokens), where + what);
    }

    void warn(const std::vector<std::string>& tokens, const std::string& what, const char* kind) {
        lexicon_.warn({file_, line_of(tokens), pointer_text(tokens) + ": " + what, kind});
    }

    void validate() {
        const Schema& s = schema();
        rapidjson::SchemaValidator validator(*s.compiled);
        if (doc_.Accept(validator)) return;
        rapidjson::StringBuffer sp;
        validator.GetInvalidSchemaPointer().StringifyUriFragment(sp);
        std::string schema_pointer(sp.GetString(), sp.GetSize());
        if (!schema_pointer.empty() && schema_pointer[0] == '#') schema_pointer.erase(0, 1);
        const rapidjson::Value* rule = validator.GetInvalidSchemaPointer().Get(s.doc);
        const rapidjson::Pointer& at = validator.GetInvalidDocumentPointer();
        const rapidjson::Value* value = at.Get(doc_);
        fail(tokens_of(at),
             describe(validator.GetInvalidSchemaKeyword(), schema_pointer, rule, value));
    }

    static std::string str(const rapidjson::Value& obj, const char* key) {
        const auto it = obj.FindMember(key);
        if (it == obj.MemberEnd()) return {};
        return std::string(it->value.GetString(), it->value.GetStringLength());
    }

    static std::vector<std::string> strings(const rapidjson::Value& obj, const char* key) {
        std::vector<std::string> out;
        const auto it = obj.FindMember(key);
        if (it == obj.MemberEnd()) return out;
        for (const auto& s : it->value.GetArray())
            out.emplace_back(s.GetString(), s.GetStringLength());
        return out;
    }

    std::optional<date::year_month_day> day(const rapidjson::Value& role, const char* key,
                                            std::vector<std::string> tokens) const {
        const auto it = role.FindMember(key);
        if (it == role.MemberEnd()) return std::nullopt;
        const std::string s = it->value.GetString();  // shape checked by the schema
        const auto d =
            detail::make_day(std::stoi(s.substr(0, 4)), unsigned(std::stoi(s.substr(5, 2))),
                             unsigned(std::stoi(s.substr(8, 2))));
        tokens.push_back(key);
        if (!d) fail(tokens, quoted(s) + " is not a valid date");
        return d;
    }

    static model::ActorKind kind_of(const std::string& k) {
        using model::ActorKind;
        if (k == "person") return ActorKind::person;
        if (k == "organisation") return ActorKind::organisation;
        if (k == "group") return ActorKind::group;
        if (k == "agent") return ActorKind::agent;
        if (k == "place") return ActorKind::place;
        return ActorKind::country;
    }

    void convert() {
        const rapidjson::Value& entries = doc_["entries"];
        std::map<std::string, std::size_t> first_line;  // ids given in this file
        for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
            const rapidjson::Value& v = entries[i];
            const std::vector<std::string> at{"entries", std::to_string(i)};
            Entry e;
            e.file = file_;
            e.line = entry_lines_.at(i);
            e.id = str(v, "id");
            e.code = str(v, "code");
            e.name = str(v, "name");
            e.kind = kind_of(str(v, "kind"));
            e.agent = str(v, "agent");
            e.names = strings(v, "names");
            e.adjectives = strings(v, "adjectives");
            e.metonyms = strings(v, "metonyms");
            read_roles(v, at, e);
            e.cameo = str(v, "cameo");
            compose(e);

            const auto merge = v.FindMember("merge");
            if (merge != v.MemberEnd() && merge->value.GetBool()) {
                if (v.HasMember("code") || v.HasMember("kind") || v.HasMember("name") ||
                    v.HasMember("agent"))
                    warn(
                        at,
                        "a merge entry adds names, adjectives, metonyms and roles; its code, kind, "
                        "name and agent are ignored",
                        "ignored-field");
                lexicon_.merge(e);
                continue;
            }
            if (auto [it, fresh] = first_line.emplace(e.id, e.line); !fresh)
                warn(at,
                     "id " + quoted(e.id) + " given again (first at line " +
                         std::to_string(it->second) + "); the later entry wins",
                     "duplicate");
            lexicon_.add(std::move(e));
        }
    }

    // A code that names a country: a country entry, or three capitals no
    // entry has (a file read alone, before the countries).
    bool country_code(const std::string& code) const {
        if (const Entry* c = lexicon_.find(code)) return c->kind == model::ActorKind::country;
        return code.size() == 3 &&
               std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    }

    // The CAMEO code of whatever a code names: a country itself, an
    // organisation its own cameo ("NATO" → "IGOWSTNAT"); "" if unknown.
    std::string cameo_of_code(const std::string& code) const {
        if (code.empty()) return {};
        if (country_code(code)) return code;
        const Entry* o = lexicon_.find(code);
        return o ? o->cameo : std::string();
    }

    // The agent a role's title makes of its holder; a government's by default.
    static std::string_view title_agent(const std::string& title) {
        const std::string t = text::ascii_lower(title);
        auto has = [&](std::initializer_list<std::string_view> words) {
            return std::any_of(words.begin(), words.end(),
                               [&](std::string_view w) { return t.find(w) != std::string::npos; });
        };
        if (has({"intelligence", "cia", "fsb", "spy"})) return "SPY";
        if (has({"general staff", "joint chiefs", "armed forces", "army staff", "commander",
                 "revolutionary guards", "central military commission"}))
            return "MIL";
        if (has({"parliament", "duma", "congress", "senate", "speaker", "national assembly"}))
            return "LEG";
        if (has({"prosecutor", "court", "judge"})) return "JUD";
        return "GOV";
    }

    // Fills the CAMEO codes the entry does not give, from what it is:
    // a country its code; a place its country's; an agent "---" and its
    // agent code; an organisation of a country the country and its agent;
    // a person's roles their affiliation's code and the title's agent
    // ("Secretary of State" of USA → USAGOV, of NATO → IGOWSTNAT), and out
    // of office the nationality's elite (USAELI), as Phoenix dates them.
    void compose(Entry& e) const {
        using model::ActorKind;
        for (Role& r : e.roles) {
            if (!r.cameo.empty()) continue;
            if (country_code(r.code))
                r.cameo = compose_cameo(r.code, title_agent(r.title));
            else
                r.cameo = cameo_of_code(r.code);
        }
        if (!e.cameo.empty()) return;
        switch (e.kind) {
            case ActorKind::country:
                e.cameo = e.code.empty() ? e.id : e.code;
                break;
            case ActorKind::place:
                e.cameo = cameo_of_code(e.code);
                break;
            case ActorKind::agent:
                if (const auto a = cameo_agent_code(e.agent); !a.empty())
                    e.cameo = compose_cameo({}, a);
                break;
            case ActorKind::person:
                if (country_code(e.code))
                    e.cameo = compose_cameo(e.code, "ELI");
                else
                    e.cameo = cameo_of_code(e.code);
                break;
            case ActorKind::organisation:
            case ActorKind::group:
                if (country_code(e.code))
                    e.cameo = compose_cameo(e.code, cameo_agent_code(e.agent));
                else
                    e.cameo = cameo_of_code(e.code);
                break;
            case ActorKind::unknown:  // no entry is of this kind: it marks an unnamed source
                break;
        }
    }

    void read_roles(const rapidjson::Value& v, const std::vector<std::string>& at, Entry& e) {
        const auto roles = v.FindMember("roles");
        if (roles == v.MemberEnd()) return;
        for (rapidjson::SizeType j = 0; j < roles->value.Size(); ++j) {
            const rapidjson::Value& r = roles->value[j];
            std::vector<std::string> rat = at;
            rat.insert(rat.end(), {"roles", std::to_string(j)});
            Role role{
                str(r, "title"), str(r, "code"), day(r, "start", rat), day(r, "end", rat), {}};
            if (role.start && role.end && *role.end < *role.start)
                fail(rat, "start " + detail::to_iso(role.start) + " is after end " +
                              detail::to_iso(role.end));
            for (std::size_t k = 0; k < e.roles.size(); ++k) {
                const Role& other = e.roles[k];
                if (other.title == role.title && other.code == role.code &&
                    detail::overlap(other, role))
                    warn(rat,
                         "role " + quoted(role.title) + " of " + role.code + " overlaps role " +
                             std::to_string(k) + " (" + detail::to_iso(other.start) + " to " +
                             detail::to_iso(other.end) + ")",
                         "overlap");
            }
            e.roles.push_back(std::move(role));
        }
    }

    Lexicon& lexicon_;
    const std::string& file_;
    std::string_view full_;
    std::string_view body_;
    mutable std::vector<std::size_t> line_starts_;
    std::size_t bom_ = 0;
    rapidjson::Document doc_;
    std::vector<std::size_t> entry_lines_;
};

}  // namespace

void load_json_lexicon(Lexicon& lexicon, std::string_view text, const std::string& file) {
    JsonReader(lexicon, text, file).read();
}

}  // namespace eventgraph::lexicon

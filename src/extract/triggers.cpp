#include "eventgraph/extract/triggers.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "eventgraph/error.hpp"
#include "eventgraph/extract/cameo.hpp"
#include "eventgraph/io/data.hpp"
#include "io/json.hpp"

namespace eventgraph::extract {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// One syllable ending consonant-vowel-consonant doubles its last letter:
// ship → shipped, ban → banned; longer verbs do not (visit → visited) unless
// listed as irregular.
bool doubles_final(std::string_view w) {
    if (w.size() < 3) return false;
    const char a = w[w.size() - 3], b = w[w.size() - 2], c = w[w.size() - 1];
    if (is_vowel(a) || !is_vowel(b) || is_vowel(c) || c == 'w' || c == 'x' || c == 'y')
        return false;
    int groups = 0;
    bool in_vowel = false;
    for (char ch : w) {
        const bool v = is_vowel(ch) || ch == 'y';
        if (v && !in_vowel) ++groups;
        in_vowel = v;
    }
    return groups == 1;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::uint64_t edge_key(std::uint32_t node, std::uint32_t word) {
    return (std::uint64_t(node) << 32) | word;
}

// A default data file is named as the project names it ("data/triggers.json"),
// a user's as given.
std::string display_place(const std::string& path) {
    const std::string dir = io::data_dir() + "/";
    return path.rfind(dir, 0) == 0 ? "data/" + path.substr(dir.size()) : path;
}

// Which form of its verb a dictionary form is: the base is the verb's first
// form; the others are told by their endings.
std::vector<VerbForm> form_kinds(std::string_view form, std::string_view base) {
    if (form == base) return {VerbForm::base};
    if (ends_with(form, "ing")) return {VerbForm::gerund};
    if (ends_with(form, "s") && !ends_with(base, "s")) return {VerbForm::third};
    return {VerbForm::past, VerbForm::participle};
}

const char* frame_names[] = {"transitive",   "give",   "receive",    "with",
                             "intransitive", "speech", "complement", "phrase"};

}  // namespace

VerbForms inflect(std::string_view lemma,
                  const std::unordered_map<std::string, VerbForms>& irregular) {
    // Multi-word verbs inflect their first word: "hand over" → "handed over".
    const auto space = lemma.find(' ');
    const std::string head(lemma.substr(0, space));
    const std::string rest =
        space == std::string_view::npos ? "" : std::string(lemma.substr(space));
    VerbForms f;
    if (const auto it = irregular.find(head); it != irregular.end()) {
        f = it->second;
    } else if (ends_with(head, "e")) {
        // agree → agreeing, but supply-like "e" drops: provide → providing
        const std::string gerund =
            ends_with(head, "ee") ? head + "ing" : head.substr(0, head.size() - 1) + "ing";
        f = {head + "s", head + "d", head + "d", gerund};
    } else if (ends_with(head, "y") && head.size() > 1 && !is_vowel(head[head.size() - 2])) {
        const std::string stem = head.substr(0, head.size() - 1);
        f = {stem + "ies", stem + "ied", stem + "ied", head + "ing"};
    } else if (ends_with(head, "s") || ends_with(head, "x") || ends_with(head, "z") ||
               ends_with(head, "ch") || ends_with(head, "sh")) {
        f = {head + "es", head + "ed", head + "ed", head + "ing"};
    } else if (doubles_final(head)) {
        const std::string doubled = head + head.back();
        f = {head + "s", doubled + "ed", doubled + "ed", doubled + "ing"};
    } else {
        f = {head + "s", head + "ed", head + "ed", head + "ing"};
    }
    for (auto* s : {&f.third, &f.past, &f.participle, &f.gerund}) *s += rest;
    return f;
}

int quad_of_cameo(std::string_view cameo) {
    if (cameo.size() < 2 || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' || cameo[1] > '9')
        return 0;
    const int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
    if (root >= 1 && root <= 5) return 1;
    if (root >= 6 && root <= 8) return 2;
    if (root >= 9 && root <= 13) return 3;
    if (root >= 14 && root <= 20) return 4;
    return 0;
}

std::uint32_t TriggerLexicon::word_id(const std::string& key, bool create) {
    const auto it = words_.find(key);
    if (it != words_.end()) return it->second;
    if (!create) return 0;
    const auto id = std::uint32_t(words_.size() + 1);
    words_.emplace(key, id);
    return id;
}

std::uint32_t TriggerLexicon::node_for(std::span<const std::string> keys) {
    if (terminal_.empty()) terminal_.emplace_back();  // node 0 is the root
    std::uint32_t node = 0;
    for (const auto& key : keys) {
        const std::uint32_t word = word_id(key, true);
        const auto [it, inserted] =
            edges_.emplace(edge_key(node, word), std::uint32_t(terminal_.size()));
        if (inserted) terminal_.emplace_back();
        node = it->second;
    }
    return node;
}

void TriggerLexicon::add(std::string_view phrase, Reading reading) {
    const auto tokens = text::tokenize(phrase);
    if (tokens.empty()) return;
    std::vector<std::string> keys;
    for (const auto& t : tokens) keys.push_back(text::match_key(t.text(phrase), t.kind));
    auto& readings = terminal_[node_for(keys)];
    for (const auto& r : readings)
        if (r.info == reading.info && r.pos == reading.pos && r.form == reading.form) return;
    // The project's (and the user's) triggers win over a verb dictionary for the words they name.
    if (reading.pos == Pos::verb)
        std::erase_if(readings, [&](const Reading& r) {
            return r.pos == Pos::verb && infos_[r.info].from_dictionary;
        });
    readings.push_back(reading);
}

void TriggerLexicon::load_json(std::string_view json, const std::string& file) {
    using io::json::Value;
    std::optional<io::json::Document> parsed;
    try {
        parsed.emplace(json, file, 1);
    } catch (const input_error& e) {
        throw lexicon_error(e.file(), e.line(), e.message());
    }
    const Value doc = parsed->root();
    auto fail = [&](const std::string& where, const std::string& what) {
        throw lexicon_error(file, "trigger file: " + where + ": " + what);
    };
    if (!doc["entries"].is_array()) fail("top", "expected an object with an \"entries\" array");

    // Irregular verb forms first: entries below may use them.
    if (const Value forms = doc["forms"]; forms.present()) {
        if (!forms.is_object())
            fail("forms", "expected an object of verb → [third, past, participle, gerund]");
        for (const auto& m : forms.members()) {
            const std::string verb(m.name);
            const Value v = m.value;
            if (!v.is_array() || v.size() != 4 || !v[0].is_string() || !v[1].is_string() ||
                !v[2].is_string() || !v[3].is_string())
                fail("forms/" + verb, "expected [third, past, participle, gerund]");
            irregular_[verb] = {std::string(v[0].string()), std::string(v[1].string()),
                                std::string(v[2].string()), std::string(v[3].string())};
        }
    }

    const Value entries = doc["entries"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string where = "entries/" + std::to_string(i);
        const Value e = entries[i];
        if (!e.is_object()) fail(where, "expected an object");
        TriggerInfo info;
        auto str = [&](const char* key, bool required) -> std::string {
            const Value v = e[key];
            if (!v.present()) {
                if (required) fail(where + "/" + key, "missing");
                return {};
            }
            if (!v.is_string()) fail(where + "/" + key, "expected a string");
            return std::string(v.string());
        };
        auto list = [&](const char* key) {
            std::vector<std::string> out;
            const Value v = e[key];
            if (!v.present()) return out;
            if (!v.is_array()) fail(where + "/" + key, "expected a list of strings");
            for (const Value x : v.items()) {
                if (x.string().empty()) fail(where + "/" + key, "expected non-empty strings");
                out.emplace_back(x.string());
            }
            return out;
        };
        info.type = str("type", true);
        info.cameo = str("cameo", true);
        info.mode = str("mode", false);
        info.quad = quad_of_cameo(info.cameo);
        if (info.quad == 0)
            fail(where + "/cameo", "\"" + info.cameo + "\" is not a CAMEO event code");
        static const char* types[] = {"statement", "agree",    "consult", "support",  "concede",
                                      "cooperate", "aid",      "retreat", "request",  "accuse",
                                      "reject",    "threaten", "protest", "sanction", "mobilize",
                                      "coerce",    "assault"};
        if (std::find(std::begin(types), std::end(types), info.type) == std::end(types))
            fail(where + "/type", "\"" + info.type + "\" is not a PLOVER type or statement");
        const std::string frame = str("frame", false).empty() ? "transitive" : str("frame", false);
        const auto f = std::find(std::begin(frame_names), std::end(frame_names), frame);
        if (f == std::end(frame_names)) fail(where + "/frame", "\"" + frame + "\" is not a frame");
        info.frame = Frame(f - std::begin(frame_names));
        info.preps = list("preps");
        if (const Value inverse = e["inverse"]; inverse.present()) {
            if (!inverse.is_bool()) fail(where + "/inverse", "expected true or false");
            info.inverse = inverse.boolean();
        }
        for (const auto& m : e.members()) {
            static const char* known[] = {"type",    "cameo", "mode",  "frame",   "preps",
                                          "inverse", "verbs", "nouns", "phrases", "note"};
            if (std::find_if(std::begin(known), std::end(known),
                             [&](const char* k) { return m.name == k; }) == std::end(known))
                fail(where + "/" + std::string(m.name), "unknown field");
        }
        info.place = display_place(file) + "#/entries/" + std::to_string(i);
        const auto id = std::uint32_t(infos_.size());
        infos_.push_back(info);
        for (const auto& verb : list("verbs")) {
            const VerbForms f = inflect(verb, irregular_);
            add(verb, {id, Pos::verb, VerbForm::base});
            add(f.third, {id, Pos::verb, VerbForm::third});
            add(f.past, {id, Pos::verb, VerbForm::past});
            add(f.participle, {id, Pos::verb, VerbForm::participle});
            add(f.gerund, {id, Pos::verb, VerbForm::gerund});
            // British and American spellings differ in doubling the last consonant
            // of longer verbs (cancelled/canceled, kidnapped/kidnaped): take both.
            const std::string head = verb.substr(0, verb.find(' '));
            const std::string rest = verb.substr(head.size());
            if (head.size() >= 4 && !irregular_.count(head) && !is_vowel(head.back()) &&
                is_vowel(head[head.size() - 2]) && !is_vowel(head[head.size() - 3]) &&
                head.back() != 'w' && head.back() != 'x' && head.back() != 'y') {
                const std::string doubled = head + head.back();
                add(doubled + "ed" + rest, {id, Pos::verb, VerbForm::past});
                add(doubled + "ed" + rest, {id, Pos::verb, VerbForm::participle});
                add(doubled + "ing" + rest, {id, Pos::verb, VerbForm::gerund});
            }
        }
        for (const auto& noun : list("nouns")) add(noun, {id, Pos::noun, VerbForm::none});
        for (const auto& phrase : list("phrases")) add(phrase, {id, Pos::phrase, VerbForm::none});
    }
}

void TriggerLexicon::load_file(const std::string& path) {
    load_json(io::read_data_file(path, "trigger file"), path);
}

void TriggerLexicon::add_verbs(VerbDictionary dictionary, Precedence precedence) {
    const auto d = std::uint32_t(dictionaries_.size());
    dictionaries_.push_back(std::move(dictionary));
    const VerbDictionary& dict = dictionaries_.back();
    std::vector<std::int32_t> verb_ref(dict.verbs().size(), -1);
    std::vector<std::uint32_t> info_of(dict.verbs().size(), std::uint32_t(-1));
    std::vector<const DictionaryForm*> base(dict.verbs().size(), nullptr);
    for (const DictionaryForm& f : dict.forms())
        if (!base[f.verb]) base[f.verb] = &f;
    for (const DictionaryForm& f : dict.forms()) {
        if (f.words.empty() || f.head >= f.words.size()) continue;
        if (verb_ref[f.verb] < 0) {
            verb_ref[f.verb] = std::int32_t(dictionary_verbs_.size());
            dictionary_verbs_.push_back({d, f.verb});
        }
        auto& readings = terminal_[node_for(f.words)];
        if (precedence == Precedence::supplement) {
            // The project's triggers name the words they know with a frame that
            // places source and target; the default dictionary adds the verbs they
            // do not know (lending its patterns to theirs coded worse on the
            // development set).
            if (std::any_of(readings.begin(), readings.end(), [&](const Reading& r) {
                    return r.pos == Pos::verb && !infos_[r.info].from_dictionary;
                }))
                continue;
        } else {
            // A user's dictionary says how its words are read, as --lexicon overrides actors.
            std::erase_if(readings, [&](const Reading& r) {
                return r.pos == Pos::verb &&
                       (r.verb < 0 || dictionary_verbs_[std::size_t(r.verb)].dictionary != d);
            });
        }
        if (info_of[f.verb] == std::uint32_t(-1)) {
            const Verb& v = dict.verbs()[f.verb];
            const VerbCode& code = dict.code_of(v);
            TriggerInfo info;
            info.cameo = code.code;
            info.quad = quad_of_cameo(code.code);
            const PloverClass c = plover_class(code.code);
            info.type = c.type;
            info.mode = c.mode;
            info.place = place_name(v.place);
            info.from_dictionary = true;
            info_of[f.verb] = std::uint32_t(infos_.size());
            infos_.push_back(std::move(info));
        }
        for (const VerbForm kind :
             form_kinds(f.words[f.head], base[f.verb]->words[base[f.verb]->head])) {
            const Reading r{info_of[f.verb], Pos::verb, kind, verb_ref[f.verb]};
            if (std::none_of(readings.begin(), readings.end(), [&](const Reading& x) {
                    return x.info == r.info && x.form == r.form;
                }))
                readings.push_back(r);
        }
    }
}

std::string place_name(const DictionaryPlace& place) {
    return display_place(place.file) + ":" + std::to_string(place.line);
}

const Verb* TriggerLexicon::verb_of(const Reading& r) const {
    if (r.verb < 0) return nullptr;
    const DictionaryVerb& v = dictionary_verbs_[std::size_t(r.verb)];
    return &dictionaries_[v.dictionary].verbs()[v.verb];
}

const VerbDictionary* TriggerLexicon::dictionary_of(const Reading& r) const {
    if (r.verb < 0) return nullptr;
    return &dictionaries_[dictionary_verbs_[std::size_t(r.verb)].dictionary];
}

const VerbBlock* TriggerLexicon::block_of(const Reading& r) const {
    const VerbDictionary* d = dictionary_of(r);
    if (!d) return nullptr;
    return &d->blocks()[d->verbs()[dictionary_verbs_[std::size_t(r.verb)].verb].block];
}

std::string TriggerLexicon::default_verbs_file() {
    return io::data_dir() + "/petrarch/CAMEO.2.0.txt";
}

TriggerLexicon TriggerLexicon::load_default() {
    TriggerLexicon t;
    t.load_file(io::data_dir() + "/triggers.json");
    VerbDictionary verbs;
    verbs.load_file(default_verbs_file());
    t.add_verbs(std::move(verbs), Precedence::supplement);
    return t;
}

std::vector<TriggerMatch> TriggerLexicon::match(std::string_view text,
                                                std::span<const text::Token> tokens) const {
    std::vector<std::string> keys;
    keys.reserve(tokens.size());
    for (const auto& t : tokens) keys.push_back(text::match_key(t.text(text), t.kind));
    return match(keys);
}

std::vector<TriggerMatch> TriggerLexicon::match(std::span<const std::string> token_keys) const {
    std::vector<TriggerMatch> out;
    std::vector<std::uint32_t> keys(token_keys.size());
    for (std::size_t i = 0; i < token_keys.size(); ++i) {
        const auto it = words_.find(token_keys[i]);
        keys[i] = it == words_.end() ? 0 : it->second;
    }
    for (std::size_t i = 0; i < keys.size();) {
        std::uint32_t node = 0;
        std::size_t best_end = 0;
        std::uint32_t best_node = 0;
        for (std::size_t j = i; j < keys.size() && keys[j] != 0; ++j) {
            const auto it = edges_.find(edge_key(node, keys[j]));
            if (it == edges_.end()) break;
            node = it->second;
            if (!terminal_[node].empty()) {
                best_end = j + 1;
                best_node = node;
            }
        }
        if (best_end == 0) {
            ++i;
            continue;
        }
        out.push_back({i, best_end, terminal_[best_node]});
        i = best_end;
    }
    return out;
}

}  // namespace eventgraph::extract

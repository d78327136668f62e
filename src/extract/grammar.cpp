#include "eventgraph/extract/grammar.hpp"

#include <rapidjson/reader.h>

#include <algorithm>
#include <fstream>
#include <unordered_set>
#include <vector>

#include "eventgraph/error.hpp"
#include "eventgraph/io/data.hpp"
#include "io/json.hpp"

namespace eventgraph::extract {

namespace {

struct Set {
    const char* name;
    std::uint32_t bit;
};

// Every list the reader asks about; a file must give each.
constexpr Set sets[] = {
    {"be_words", wc_be_words},
    {"have_words", wc_have_words},
    {"modal_words", wc_modal_words},
    {"future_words", wc_future_words},
    {"obligation_words", wc_obligation_words},
    {"negation_words", wc_negation_words},
    {"prepositions", wc_prepositions},
    {"determiners", wc_determiners},
    {"subordinators", wc_subordinators},
    {"conditionals", wc_conditionals},
    {"relatives", wc_relatives},
    {"pronouns", wc_pronouns},
    {"adverbs", wc_adverbs},
    {"future_lead", wc_future_lead},
    {"heads_of", wc_heads_of},
    {"reporting_agents", wc_reporting_agents},
    {"noun_target_preps", wc_noun_target_preps},
};
constexpr const char* aid_modes_list = "aid_mode_words";
constexpr const char* numbers_list = "number_words";

// Where each value of a parsed document starts, for messages with a line:
// RapidJSON's DOM keeps no positions, so a second, SAX pass over the same
// text records the offset of each value in document order, which is the
// order of a preorder walk of the DOM.
class Lines {
public:
    Lines(std::string_view json, const rapidjson::Value& root) : json_(json) {
        const std::string text(json);
        rapidjson::StringStream in(text.c_str());
        Recorder r{{}, &in, {}};
        rapidjson::Reader reader;
        reader.Parse<rapidjson::kParseStopWhenDoneFlag>(in, r);  // already parsed once: cannot fail
        std::size_t next = 0;
        walk(root, r.at, next);
    }

    std::size_t of(const rapidjson::Value& v) const {
        const auto it = at_.find(&v);
        const std::size_t offset = it == at_.end() ? 0 : std::min(it->second, json_.size());
        return 1 +
               std::size_t(std::count(json_.begin(), json_.begin() + std::ptrdiff_t(offset), '\n'));
    }

private:
    struct Recorder : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Recorder> {
        rapidjson::StringStream* in;
        std::vector<std::size_t> at;
        bool Default() {
            at.push_back(in->Tell());
            return true;
        }
        bool Key(const char*, rapidjson::SizeType, bool) { return true; }
        bool EndObject(rapidjson::SizeType) { return true; }
        bool EndArray(rapidjson::SizeType) { return true; }
    };

    void walk(const rapidjson::Value& v, const std::vector<std::size_t>& at, std::size_t& next) {
        if (next < at.size()) at_[&v] = at[next];
        ++next;
        if (v.IsObject())
            for (const auto& m : v.GetObject()) walk(m.value, at, next);
        else if (v.IsArray())
            for (const auto& x : v.GetArray()) walk(x, at, next);
    }

    std::string_view json_;
    std::unordered_map<const rapidjson::Value*, std::size_t> at_;
};

// "word" in a message (built by append: GCC 12 warns of "\"" + std::string, bug 105329).
std::string quoted(std::string_view w) {
    std::string out = "\"";
    out.append(w);
    out += '"';
    return out;
}

// The form the tokenizer's match keys take: lower case, no spaces, no periods.
bool match_key_like(std::string_view w) {
    if (w.empty()) return false;
    return std::none_of(w.begin(), w.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || c == ' ' || c == '\t' || c == '\n' || c == '.';
    });
}

}  // namespace

void Grammar::load_json(std::string_view json, const std::string& file) {
    rapidjson::Document doc;
    try {
        io::json::parse(doc, json, file, 1);
    } catch (const input_error& e) {
        throw lexicon_error(e.file(), e.line(), e.message());
    }
    const Lines lines(json, doc);
    auto fail = [&](const rapidjson::Value& at, const std::string& where, const std::string& what) {
        throw lexicon_error(file, lines.of(at), "word-list file: " + where + ": " + what);
    };
    if (!doc.IsObject()) fail(doc, "top", "expected an object of word lists");

    auto known = [](std::string_view name) {
        return name == "comment" || name == aid_modes_list || name == numbers_list ||
               std::any_of(std::begin(sets), std::end(sets),
                           [&](const Set& s) { return name == s.name; });
    };
    std::unordered_set<std::string_view> seen_lists;
    for (const auto& m : doc.GetObject()) {
        const std::string_view name(m.name.GetString(), m.name.GetStringLength());
        if (!known(name)) fail(m.value, std::string(name), "unknown list");
        if (!seen_lists.insert(name).second) fail(m.value, std::string(name), "given twice");
    }

    // The "words" of a list, after checking the list has its comment.
    auto words_of = [&](const char* name) -> const rapidjson::Value& {
        const auto it = doc.FindMember(name);
        if (it == doc.MemberEnd()) fail(doc, name, "missing");
        const auto& list = it->value;
        if (!list.IsObject()) fail(list, name, "expected an object with \"comment\" and \"words\"");
        for (const auto& m : list.GetObject())
            if (m.name != "comment" && m.name != "words")
                fail(m.value, std::string(name) + "/" + m.name.GetString(), "unknown field");
        if (!list.HasMember("comment") || !list["comment"].IsString() ||
            list["comment"].GetStringLength() == 0)
            fail(list, std::string(name) + "/comment", "missing: say what the list is for");
        if (!list.HasMember("words")) fail(list, std::string(name) + "/words", "missing");
        return list["words"];
    };
    auto word_at = [&](const rapidjson::Value& at, const std::string& where, std::string_view w) {
        if (!match_key_like(w))
            fail(at, where, quoted(w) + " is no match key (lower case, no spaces or periods)");
    };

    Grammar g;
    for (const Set& s : sets) {
        const auto& words = words_of(s.name);
        if (!words.IsArray())
            fail(words, std::string(s.name) + "/words", "expected a list of words");
        std::unordered_set<std::string_view> seen;
        for (rapidjson::SizeType i = 0; i < words.Size(); ++i) {
            const auto& w = words[i];
            const std::string where = std::string(s.name) + "/words/" + std::to_string(i);
            if (!w.IsString()) fail(w, where, "expected a string");
            const std::string_view word(w.GetString(), w.GetStringLength());
            word_at(w, where, word);
            if (!seen.insert(word).second) fail(w, where, quoted(word) + " listed twice");
            g.classes_[std::string(word)] |= s.bit;
        }
    }
    // Objects of word → value; RapidJSON keeps repeated names, so look for them.
    auto each_pair = [&](const char* name, auto&& take) {
        const auto& words = words_of(name);
        if (!words.IsObject())
            fail(words, std::string(name) + "/words", "expected an object of word → value");
        std::unordered_set<std::string_view> seen;
        for (const auto& m : words.GetObject()) {
            const std::string_view word(m.name.GetString(), m.name.GetStringLength());
            const std::string where = std::string(name) + "/words/" + std::string(word);
            word_at(m.value, where, word);
            if (!seen.insert(word).second) fail(m.value, where, "listed twice");
            take(m.value, where, std::string(word));
        }
    };
    each_pair(aid_modes_list,
              [&](const rapidjson::Value& v, const std::string& where, std::string word) {
                  if (!v.IsString() || v.GetStringLength() == 0)
                      fail(v, where, "expected the kind of aid (a string)");
                  g.aid_modes_.emplace(std::move(word), v.GetString());
              });
    each_pair(numbers_list,
              [&](const rapidjson::Value& v, const std::string& where, std::string word) {
                  if (!v.IsInt() || v.GetInt() < 0)
                      fail(v, where, "expected a number of 0 or more");
                  g.numbers_.emplace(std::move(word), v.GetInt());
              });
    *this = std::move(g);
}

void Grammar::load_file(const std::string& path) {
    load_json(io::read_data_file(path, "word-list file"), path);
}

Grammar Grammar::load_default() {
    Grammar g;
    g.load_file(io::data_dir() + "/english.json");
    return g;
}

std::string_view Grammar::aid_mode(std::string_view word) const {
    const auto it = aid_modes_.find(word);
    return it == aid_modes_.end() ? std::string_view() : std::string_view(it->second);
}

std::optional<int> Grammar::number(std::string_view word) const {
    const auto it = numbers_.find(word);
    if (it == numbers_.end()) return std::nullopt;
    return it->second;
}

}  // namespace eventgraph::extract

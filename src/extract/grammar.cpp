#include "eventgraph/extract/grammar.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
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
    using io::json::Value;
    std::optional<io::json::Document> parsed;
    try {
        parsed.emplace(json, file, 1);
    } catch (const input_error& e) {
        throw lexicon_error(e.file(), e.line(), e.message());
    }
    const io::json::Document& doc = *parsed;
    const Value root = doc.root();
    auto fail = [&](Value at, const std::string& where, const std::string& what) {
        throw lexicon_error(file, doc.line_of(at), "word-list file: " + where + ": " + what);
    };
    if (!root.is_object()) fail(root, "top", "expected an object of word lists");

    auto known = [](std::string_view name) {
        return name == "comment" || name == aid_modes_list || name == numbers_list ||
               std::any_of(std::begin(sets), std::end(sets),
                           [&](const Set& s) { return name == s.name; });
    };
    std::unordered_set<std::string_view> seen_lists;
    for (const auto& m : root.members()) {
        if (!known(m.name)) fail(m.value, std::string(m.name), "unknown list");
        if (!seen_lists.insert(m.name).second) fail(m.value, std::string(m.name), "given twice");
    }

    // The "words" of a list, after checking the list has its comment.
    auto words_of = [&](const char* name) -> Value {
        const Value list = root[name];
        if (!list.present()) fail(root, name, "missing");
        if (!list.is_object())
            fail(list, name, "expected an object with \"comment\" and \"words\"");
        for (const auto& m : list.members())
            if (m.name != "comment" && m.name != "words")
                fail(m.value, std::string(name) + "/" + std::string(m.name), "unknown field");
        if (list["comment"].string().empty())
            fail(list, std::string(name) + "/comment", "missing: say what the list is for");
        if (!list.has("words")) fail(list, std::string(name) + "/words", "missing");
        return list["words"];
    };
    auto word_at = [&](Value at, const std::string& where, std::string_view w) {
        if (!match_key_like(w))
            fail(at, where, quoted(w) + " is no match key (lower case, no spaces or periods)");
    };

    Grammar g;
    for (const Set& s : sets) {
        const Value words = words_of(s.name);
        if (!words.is_array())
            fail(words, std::string(s.name) + "/words", "expected a list of words");
        std::unordered_set<std::string_view> seen;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const Value w = words[i];
            const std::string where = std::string(s.name) + "/words/" + std::to_string(i);
            if (!w.is_string()) fail(w, where, "expected a string");
            const std::string_view word = w.string();
            word_at(w, where, word);
            if (!seen.insert(word).second) fail(w, where, quoted(word) + " listed twice");
            g.classes_[std::string(word)] |= s.bit;
        }
    }
    // Objects of word → value; JSON objects may repeat a name, so look for them.
    auto each_pair = [&](const char* name, auto&& take) {
        const Value words = words_of(name);
        if (!words.is_object())
            fail(words, std::string(name) + "/words", "expected an object of word → value");
        std::unordered_set<std::string_view> seen;
        for (const auto& m : words.members()) {
            const std::string where = std::string(name) + "/words/" + std::string(m.name);
            word_at(m.value, where, m.name);
            if (!seen.insert(m.name).second) fail(m.value, where, "listed twice");
            take(m.value, where, std::string(m.name));
        }
    };
    each_pair(aid_modes_list, [&](Value v, const std::string& where, std::string word) {
        if (v.string().empty()) fail(v, where, "expected the kind of aid (a string)");
        g.aid_modes_.emplace(std::move(word), std::string(v.string()));
    });
    each_pair(numbers_list, [&](Value v, const std::string& where, std::string word) {
        if (!v.is_int() || v.int_value() < 0) fail(v, where, "expected a number of 0 or more");
        g.numbers_.emplace(std::move(word), v.int_value());
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

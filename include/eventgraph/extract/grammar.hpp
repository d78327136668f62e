#pragma once
// The closed classes of English and the few lexical lists the sentence reader
// asks about (be, have, modals, negations, prepositions, determiners, …, aid
// modes, number words), read once from data/english.json.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "eventgraph/lexicon/lexicon.hpp"

namespace eventgraph::extract {

/// One bit a word list of data/english.json; a token's classes are looked up
/// once, then asked about with a mask.
enum WordClass : std::uint32_t {
    wc_be_words = 1u << 0,
    wc_have_words = 1u << 1,
    wc_modal_words = 1u << 2,
    wc_future_words = 1u << 3,
    wc_negation_words = 1u << 4,
    wc_prepositions = 1u << 5,
    wc_determiners = 1u << 6,
    wc_subordinators = 1u << 7,
    wc_conditionals = 1u << 8,
    wc_relatives = 1u << 9,
    wc_pronouns = 1u << 10,
    wc_adverbs = 1u << 11,
    wc_future_lead = 1u << 12,
    wc_obligation_words = 1u << 13,
    wc_heads_of = 1u << 14,
    wc_reporting_agents = 1u << 15,
    wc_noun_target_preps = 1u << 16,
};

class Grammar {
public:
    /// Reads a word-list file (the format of data/english.json). Throws
    /// lexicon_error naming the file, the line and what was wrong.
    void load_json(std::string_view json, const std::string& file);
    void load_file(const std::string& path);
    /// data_dir()/english.json.
    static Grammar load_default();

    /// The WordClass bits of a match key, 0 if it is in no list.
    std::uint32_t classes(std::string_view key) const {
        const auto it = classes_.find(key);
        return it == classes_.end() ? 0 : it->second;
    }
    bool is(std::string_view key, std::uint32_t word_class) const {
        return (classes(key) & word_class) != 0;
    }
    /// The kind of aid a word tells ("weapons" → "military"), or "".
    std::string_view aid_mode(std::string_view word) const;
    /// A number written as a word ("twelve" → 12).
    std::optional<int> number(std::string_view word) const;

private:
    template <class T>
    using Map = lexicon::StringMap<T>;

    Map<std::uint32_t> classes_;
    Map<std::string> aid_modes_;
    Map<int> numbers_;
};

}  // namespace eventgraph::extract

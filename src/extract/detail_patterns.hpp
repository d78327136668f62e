#pragma once
// Verb-dictionary patterns matched around one verb of a sentence: which
// pattern of the verb's block fits the words on either side, and which
// actors stand at its source ("$"), target ("+") and compound ("%")
// positions. Private to src/extract.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "detail_sentence.hpp"
#include "eventgraph/extract/verb_dictionary.hpp"

namespace eventgraph::extract::detail {

struct PatternIndex {
    static constexpr std::uint32_t no_word = 0xFFFFFFFFu;
    /// Every word of an element ("word" kind) of a pattern and of a synset's
    /// phrases (and their first two words run together), by match key.
    lexicon::StringMap<std::uint32_t> words;
    struct Pattern {
        std::vector<std::uint32_t> before, after;  ///< per element: its word, or no_word
        std::vector<std::uint32_t> required;       ///< its words, each once: all must be there
    };
    std::vector<std::vector<Pattern>> blocks;  ///< as VerbDictionary::blocks() and their patterns
    struct Phrase {
        std::vector<std::uint32_t> words;
        std::uint32_t joined = no_word;  ///< the first two words as one ("didn't" for DID N'T)
    };
    std::vector<std::vector<Phrase>> synsets;  ///< as VerbDictionary::synsets() and their phrases
};

struct PatternMatch {
    const VerbPattern* pattern = nullptr;           ///< none: no pattern of the block fits
    int source = -1;                                ///< mention at "$"
    int target = -1;                                ///< mention at "+"
    int compound_first = -1, compound_second = -1;  ///< mentions of "A and B" at "%"
    std::size_t end = 0;  ///< the token after the last element matched right of the verb
    int weight = -1;      ///< elements matched, skips aside; -1 when no pattern fits
};

/// Tries every pattern of `block` around the verb at tokens [verb_first,
/// verb_last), looking left no further than `lo` and right no further than
/// `hi`; the pattern with the most elements matched wins, the first in the
/// file on a tie. `mention_at` gives each token's mention index, -1 for none.
PatternMatch match_patterns(const VerbDictionary& dictionary, const VerbBlock& block,
                            const Sentence& sentence, std::span<const int> mention_at,
                            std::size_t verb_first, std::size_t verb_last, std::size_t lo,
                            std::size_t hi);

}  // namespace eventgraph::extract::detail

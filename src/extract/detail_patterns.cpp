// TABARI's reading of a pattern, on tokens: the elements after the verb are
// found left to right, those before it right to left, each at the next place
// it fits; a joined element ("IN_*", "NEW_&TIETYPES_RELATIONS") must stand
// right next to its neighbour, any other may have words between.

#include "detail_patterns.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>

namespace eventgraph::extract::detail {

namespace {

// A pattern word matches its own key and the regular plural or third person
// of it ("TIES" / "tie", "RESOLUTION" / "resolutions"): the words of the
// index a token's key matches are the key itself and what it is with "s",
// "es" or "ies" (for "y") taken off.
using TokenWords = std::array<std::uint32_t, 4>;

TokenWords words_of(const PatternIndex& index, std::string_view key, std::string& buffer) {
    TokenWords out;
    out.fill(PatternIndex::no_word);
    std::size_t n = 0;
    const auto add = [&](std::string_view word) {
        if (const auto it = index.words.find(word); it != index.words.end()) out[n++] = it->second;
    };
    add(key);
    if (!key.empty() && key.back() == 's') add(key.substr(0, key.size() - 1));
    if (key.size() >= 2 && key.substr(key.size() - 2) == "es") add(key.substr(0, key.size() - 2));
    if (key.size() > 3 && key.substr(key.size() - 3) == "ies") {
        buffer.assign(key.substr(0, key.size() - 3)).push_back('y');
        add(buffer);
    }
    return out;
}

class Matcher {
public:
    Matcher(const VerbDictionary& d, const PatternIndex& index, const Sentence& s,
            std::span<const int> mention_at, std::size_t lo, std::size_t hi,
            std::span<const TokenWords> words)
        : d_(d),
          index_(index),
          s_(s),
          at_(mention_at),
          lo_(lo),
          hi_(std::min(hi, s.keys.size())),
          words_(words) {}

    // The end of the element (of word `word`) when it starts at i, or nothing.
    std::optional<std::size_t> forward_at(const PatternElement& e, std::uint32_t word,
                                          std::size_t i, PatternMatch& m) const {
        if (i >= hi_) return std::nullopt;
        switch (e.kind) {
            case ElementKind::word:
                if (has_word(i, word)) return i + 1;
                return std::nullopt;
            case ElementKind::synset:
                for (std::size_t p = 0; p < phrases(e.synset).size(); ++p)
                    if (auto end = phrase_at(e.synset, p, i)) return end;
                return std::nullopt;
            case ElementKind::source:
            case ElementKind::target:
            case ElementKind::compound:
                return actor_at(e.kind, i, m);
            case ElementKind::skip:
                if (at_[i] >= 0) return s_.mentions[std::size_t(at_[i])].last_token;
                return i + 1;
        }
        return std::nullopt;
    }

    // The start of the element when it ends at `end` (exclusive), or nothing.
    std::optional<std::size_t> backward_at(const PatternElement& e, std::uint32_t word,
                                           std::size_t end, PatternMatch& m) const {
        if (end <= lo_) return std::nullopt;
        const std::size_t i = end - 1;
        switch (e.kind) {
            case ElementKind::word:
                if (has_word(i, word)) return i;
                return std::nullopt;
            case ElementKind::synset:
                // A phrase spans at most as many tokens as it has words (fewer
                // when a contraction is one token).
                for (std::size_t p = 0; p < phrases(e.synset).size(); ++p)
                    for (std::size_t len = 1;
                         len <= phrases(e.synset)[p].size() && len <= end - lo_; ++len)
                        if (phrase_at(e.synset, p, end - len) == end) return end - len;
                return std::nullopt;
            case ElementKind::source:
            case ElementKind::target:
            case ElementKind::compound: {
                if (at_[i] < 0) return std::nullopt;
                const auto& mention = s_.mentions[std::size_t(at_[i])];
                if (mention.last_token != end || mention.first_token < lo_) return std::nullopt;
                // "%" to the left ends a compound: "A and B" with B ending here.
                if (e.kind == ElementKind::compound) {
                    std::size_t f = mention.first_token;
                    if (f > lo_ && s_.keys[f - 1] == "the") --f;  // "A and the B"
                    if (f < lo_ + 2 || (s_.keys[f - 1] != "and" && s_.keys[f - 1] != ",") ||
                        at_[f - 2] < 0)
                        return std::nullopt;
                    m.compound_first = at_[f - 2];
                    m.compound_second = at_[i];
                    return s_.mentions[std::size_t(at_[f - 2])].first_token;
                }
                (e.kind == ElementKind::source ? m.source : m.target) = at_[i];
                return mention.first_token;
            }
            case ElementKind::skip:
                if (at_[i] >= 0) return s_.mentions[std::size_t(at_[i])].first_token;
                return i;
        }
        return std::nullopt;
    }

    // Left to right from `from`; `adjacent`: only right there.
    std::optional<std::size_t> forward(const std::vector<PatternElement>& elements,
                                       std::span<const std::uint32_t> words, std::size_t from,
                                       bool first_adjacent, PatternMatch& m, int& weight) const {
        std::size_t pos = from;
        bool adjacent = first_adjacent;
        for (std::size_t k = 0; k < elements.size(); ++k) {
            const auto& e = elements[k];
            std::optional<std::size_t> end;
            for (std::size_t i = pos; i < hi_ && !end; ++i) {
                end = forward_at(e, words[k], i, m);
                if (adjacent) break;
                if (!end && is_break(i)) break;
            }
            if (!end) return std::nullopt;
            pos = *end;
            adjacent = e.joined;
            weight += e.kind == ElementKind::skip ? 0 : 1;
        }
        return pos;
    }

    std::optional<std::size_t> backward(const std::vector<PatternElement>& elements,
                                        std::span<const std::uint32_t> words, std::size_t to,
                                        PatternMatch& m, int& weight) const {
        std::size_t pos = to;
        for (std::size_t k = elements.size(); k-- > 0;) {
            const auto& e = elements[k];
            std::optional<std::size_t> begin;
            for (std::size_t end = pos; end > lo_ && !begin; --end) {
                begin = backward_at(e, words[k], end, m);
                if (e.joined) break;
                if (!begin && is_break(end - 1)) break;
            }
            if (!begin) return std::nullopt;
            pos = *begin;
            weight += e.kind == ElementKind::skip ? 0 : 1;
        }
        return pos;
    }

private:
    // `word` is a word's number, never no_word (which fills the rest of a TokenWords).
    bool has_word(std::size_t i, std::uint32_t word) const {
        const TokenWords& w = words_[i];
        return w[0] == word || w[1] == word || w[2] == word || w[3] == word;
    }

    const std::vector<std::vector<std::string>>& phrases(std::uint32_t synset) const {
        return d_.synsets()[synset].phrases;
    }

    // Dictionaries written for TreeBank tokens split a contraction in two
    // ("DID N'T", "WO N'T"); the text has it as one token ("didn't").
    std::optional<std::size_t> phrase_at(std::uint32_t synset, std::size_t p, std::size_t i) const {
        const auto& phrase = phrases(synset)[p];
        const PatternIndex::Phrase& words = index_.synsets[synset][p];
        // The first word, or the first two written as one: else nothing to try.
        if (phrase.empty() || i >= hi_ ||
            !(has_word(i, words.words[0]) ||
              (words.joined != PatternIndex::no_word && has_word(i, words.joined))))
            return std::nullopt;
        for (std::size_t k = 0; k < phrase.size(); ++k, ++i) {
            if (i >= hi_) return std::nullopt;
            const std::string_view key = s_.keys[i];
            if (has_word(i, words.words[k])) continue;
            if (k + 1 < phrase.size() && key.size() == phrase[k].size() + phrase[k + 1].size() &&
                key.substr(0, phrase[k].size()) == phrase[k] &&
                key.substr(phrase[k].size()) == phrase[k + 1]) {
                ++k;
                continue;
            }
            return std::nullopt;
        }
        return i;
    }

    std::optional<std::size_t> actor_at(ElementKind kind, std::size_t i, PatternMatch& m) const {
        // An article before an actor belongs to it: "* TO the Pope".
        while (i < hi_ && at_[i] < 0 &&
               (s_.keys[i] == "the" || s_.keys[i] == "a" || s_.keys[i] == "an"))
            ++i;
        if (i >= hi_ || at_[i] < 0) return std::nullopt;
        const auto& mention = s_.mentions[std::size_t(at_[i])];
        if (mention.first_token != i) return std::nullopt;
        if (kind == ElementKind::compound) {
            const std::size_t l = mention.last_token;
            if (l + 1 >= hi_ || (s_.keys[l] != "and" && s_.keys[l] != ",")) return std::nullopt;
            std::size_t second = l + 1;
            if (second + 1 < hi_ && s_.keys[second] == "the") ++second;  // "A and the B"
            if (at_[second] < 0) return std::nullopt;
            m.compound_first = at_[i];
            m.compound_second = at_[second];
            return s_.mentions[std::size_t(at_[second])].last_token;
        }
        (kind == ElementKind::source ? m.source : m.target) = at_[i];
        return mention.last_token;
    }

    // A pattern does not reach over a semicolon or into another sentence part.
    bool is_break(std::size_t i) const { return s_.keys[i] == ";" || s_.keys[i] == ":"; }

    const VerbDictionary& d_;
    const PatternIndex& index_;
    const Sentence& s_;
    std::span<const int> at_;
    std::size_t lo_, hi_;
    std::span<const TokenWords> words_;  // by token, [lo_, hi_) filled
};

}  // namespace

std::shared_ptr<const PatternIndex> index_patterns(const VerbDictionary& dictionary) {
    auto index = std::make_shared<PatternIndex>();
    const auto intern = [&](const std::string& word) {
        return index->words.try_emplace(word, std::uint32_t(index->words.size())).first->second;
    };
    for (const Synset& synset : dictionary.synsets()) {
        auto& phrases = index->synsets.emplace_back();
        for (const auto& phrase : synset.phrases) {
            auto& c = phrases.emplace_back();
            for (const std::string& w : phrase) c.words.push_back(intern(w));
            if (phrase.size() > 1) c.joined = intern(phrase[0] + phrase[1]);
        }
    }
    const auto number = [&](const PatternElement& e) {
        if (e.kind != ElementKind::word) return PatternIndex::no_word;
        return intern(e.word);
    };
    index->blocks.reserve(dictionary.blocks().size());
    for (const VerbBlock& block : dictionary.blocks()) {
        auto& patterns = index->blocks.emplace_back();
        patterns.reserve(block.patterns.size());
        for (const VerbPattern& p : block.patterns) {
            auto& c = patterns.emplace_back();
            for (const auto& e : p.before) c.before.push_back(number(e));
            for (const auto& e : p.after) c.after.push_back(number(e));
            for (const auto* side : {&c.before, &c.after})
                for (const std::uint32_t w : *side)
                    if (w != PatternIndex::no_word &&
                        std::find(c.required.begin(), c.required.end(), w) == c.required.end())
                        c.required.push_back(w);
        }
    }
    return index;
}

// Only patterns whose every word stands somewhere between `lo` and `hi` are
// tried: a word the sentence does not have cannot match.
PatternMatch match_patterns(const VerbDictionary& dictionary, const VerbBlock& block,
                            const Sentence& sentence, std::span<const int> mention_at,
                            std::size_t verb_first, std::size_t verb_last, std::size_t lo,
                            std::size_t hi) {
    std::shared_ptr<const PatternIndex> own;
    const PatternIndex* index = dictionary.pattern_index();
    if (!index) own = index_patterns(dictionary), index = own.get();
    const auto b = std::size_t(&block - dictionary.blocks().data());
    const auto& compiled = index->blocks.at(b);

    // The words of the tokens, and which words are there at all (a stamp per word).
    thread_local std::vector<TokenWords> words;
    thread_local std::vector<std::uint32_t> seen;
    thread_local std::uint32_t stamp = 0;
    thread_local std::string buffer;
    const std::size_t end = std::min(hi, sentence.keys.size());
    words.resize(std::max(words.size(), end));
    if (seen.size() < index->words.size()) seen.resize(index->words.size(), 0);
    if (++stamp == 0) std::fill(seen.begin(), seen.end(), 0), stamp = 1;
    for (std::size_t i = lo; i < end; ++i) {
        words[i] = words_of(*index, sentence.keys[i], buffer);
        for (const std::uint32_t w : words[i])
            if (w != PatternIndex::no_word) seen[w] = stamp;
    }

    const Matcher matcher(dictionary, *index, sentence, mention_at, lo, hi, words);
    PatternMatch best;
    for (std::size_t k = 0; k < block.patterns.size(); ++k) {
        const VerbPattern& p = block.patterns[k];
        const PatternIndex::Pattern& c = compiled[k];
        if (!std::all_of(c.required.begin(), c.required.end(),
                         [&](std::uint32_t w) { return seen[w] == stamp; }))
            continue;
        PatternMatch m;
        int weight = 0;
        const auto after_end =
            matcher.forward(p.after, c.after, verb_last, p.verb_joined_after, m, weight);
        if (!after_end) continue;
        m.end = *after_end;
        if (!p.before.empty()) {
            // "IN_*": the element right before the verb is joined to it.
            if (!matcher.backward(p.before, c.before, verb_first, m, weight)) continue;
        }
        if (weight > best.weight) {
            m.weight = weight;
            m.pattern = &p;
            best = m;
        }
    }
    return best;
}

}  // namespace eventgraph::extract::detail

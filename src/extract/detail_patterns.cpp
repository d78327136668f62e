// TABARI's reading of a pattern, on tokens: the elements after the verb are
// found left to right, those before it right to left, each at the next place
// it fits; a joined element ("IN_*", "NEW_&TIETYPES_RELATIONS") must stand
// right next to its neighbour, any other may have words between.

#include "detail_patterns.hpp"

#include <optional>

namespace eventgraph::extract::detail {

namespace {

// A pattern word matches its own key and the regular plural or third person
// of it ("TIES" / "tie", "RESOLUTION" / "resolutions").
bool word_matches(std::string_view word, std::string_view key) {
    if (key == word) return true;
    if (key.size() == word.size() + 1 && key.back() == 's' && key.substr(0, word.size()) == word)
        return true;
    if (key.size() == word.size() + 2 && key.substr(word.size()) == "es" &&
        key.substr(0, word.size()) == word)
        return true;
    if (word.size() > 1 && word.back() == 'y' && key.size() == word.size() + 2 &&
        key.substr(word.size() - 1) == "ies" &&
        key.substr(0, word.size() - 1) == word.substr(0, word.size() - 1))
        return true;
    return false;
}

class Matcher {
public:
    Matcher(const VerbDictionary& d, const Sentence& s, std::span<const int> mention_at,
            std::size_t lo, std::size_t hi)
        : d_(d), s_(s), at_(mention_at), lo_(lo), hi_(std::min(hi, s.keys.size())) {}

    // The end of the element when it starts at i, or nothing.
    std::optional<std::size_t> forward_at(const PatternElement& e, std::size_t i,
                                          PatternMatch& m) const {
        if (i >= hi_) return std::nullopt;
        switch (e.kind) {
            case ElementKind::word:
                if (word_matches(e.word, s_.keys[i])) return i + 1;
                return std::nullopt;
            case ElementKind::synset:
                for (const auto& phrase : d_.synsets()[e.synset].phrases)
                    if (auto end = phrase_at(phrase, i)) return end;
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
    std::optional<std::size_t> backward_at(const PatternElement& e, std::size_t end,
                                           PatternMatch& m) const {
        if (end <= lo_) return std::nullopt;
        const std::size_t i = end - 1;
        switch (e.kind) {
            case ElementKind::word:
                if (word_matches(e.word, s_.keys[i])) return i;
                return std::nullopt;
            case ElementKind::synset:
                // A phrase spans at most as many tokens as it has words (fewer
                // when a contraction is one token).
                for (const auto& phrase : d_.synsets()[e.synset].phrases)
                    for (std::size_t len = 1; len <= phrase.size() && len <= end - lo_; ++len)
                        if (phrase_at(phrase, end - len) == end) return end - len;
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
                                       std::size_t from, bool first_adjacent, PatternMatch& m,
                                       int& weight) const {
        std::size_t pos = from;
        bool adjacent = first_adjacent;
        for (const auto& e : elements) {
            std::optional<std::size_t> end;
            for (std::size_t i = pos; i < hi_ && !end; ++i) {
                end = forward_at(e, i, m);
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

    std::optional<std::size_t> backward(const std::vector<PatternElement>& elements, std::size_t to,
                                        PatternMatch& m, int& weight) const {
        std::size_t pos = to;
        for (std::size_t k = elements.size(); k-- > 0;) {
            const auto& e = elements[k];
            std::optional<std::size_t> begin;
            for (std::size_t end = pos; end > lo_ && !begin; --end) {
                begin = backward_at(e, end, m);
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
    // Dictionaries written for TreeBank tokens split a contraction in two
    // ("DID N'T", "WO N'T"); the text has it as one token ("didn't").
    std::optional<std::size_t> phrase_at(const std::vector<std::string>& phrase,
                                         std::size_t i) const {
        if (phrase.empty()) return std::nullopt;
        for (std::size_t k = 0; k < phrase.size(); ++k, ++i) {
            if (i >= hi_) return std::nullopt;
            const std::string_view key = s_.keys[i];
            if (word_matches(phrase[k], key)) continue;
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
    const Sentence& s_;
    std::span<const int> at_;
    std::size_t lo_, hi_;
};

}  // namespace

PatternMatch match_patterns(const VerbDictionary& dictionary, const VerbBlock& block,
                            const Sentence& sentence, std::span<const int> mention_at,
                            std::size_t verb_first, std::size_t verb_last, std::size_t lo,
                            std::size_t hi) {
    const Matcher matcher(dictionary, sentence, mention_at, lo, hi);
    PatternMatch best;
    for (const VerbPattern& p : block.patterns) {
        PatternMatch m;
        int weight = 0;
        const auto end = matcher.forward(p.after, verb_last, p.verb_joined_after, m, weight);
        if (!end) continue;
        m.end = *end;
        if (!p.before.empty()) {
            // "IN_*": the element right before the verb is joined to it.
            if (!matcher.backward(p.before, verb_first, m, weight)) continue;
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

#include "eventgraph/lexicon/matcher.hpp"

#include <algorithm>
#include <array>

#include "lexicon/detail.hpp"

namespace eventgraph::lexicon {

namespace {

constexpr std::uint32_t no_word = 0xFFFFFFFFu;

// Words that make up titles in news, before a name: "U.S. Deputy Secretary
// of State", "Kremlin spokesman", "his British counterpart". The lexicon's
// role titles add their own words.
constexpr std::string_view builtin_title_words[] = {
    "acting",
    "adm",
    "admiral",
    "adviser",
    "advisor",
    "affairs",
    "aide",
    "ambassador",
    "amb",
    "assistant",
    "attorney",
    "ayatollah",
    "brig",
    "brigadier",
    "cabinet",
    "capt",
    "captain",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "chiefs",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "counterpart",
    "crown",
    "defence",
    "defense",
    "deputy",
    "diplomat",
    "director",
    "dr",
    "economy",
    "emir",
    "emperor",
    "energy",
    "envoy",
    "field",
    "finance",
    "foreign",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "head",
    "health",
    "high",
    "interim",
    "interior",
    "intelligence",
    "joint",
    "justice",
    "king",
    "leader",
    "lieutenant",
    "lt",
    "maj",
    "major",
    "marshal",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "national",
    "negotiator",
    "official",
    "premier",
    "pres",
    "president",
    "president-elect",
    "prime",
    "prince",
    "princess",
    "prof",
    "queen",
    "rep",
    "representative",
    "secretary",
    "secretary-general",
    "security",
    "sen",
    "senator",
    "sgt",
    "sheikh",
    "special",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "staff",
    "state",
    "sultan",
    "supreme",
    "top",
    "trade",
    "treasury",
    "under",
    "undersecretary",
    "vice",
};

int rank(MatchKind k) {
    switch (k) {
        case MatchKind::name:
            return 0;
        case MatchKind::metonym:
            return 1;
        case MatchKind::adjective:
            return 2;
        case MatchKind::agent:
            return 3;
    }
    return 4;
}

bool is_hyphen_at(std::string_view s, std::size_t i, std::size_t& len) {
    if (s[i] == '-') {
        len = 1;
        return true;
    }
    // U+2010 and U+2011 are E2 80 90 / E2 80 91
    if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' &&
        (s[i + 2] == '\x90' || s[i + 2] == '\x91')) {
        len = 3;
        return true;
    }
    return false;
}

int letter_count(std::string_view s) {
    int n = 0;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0) ++n;  // lead bytes only
    }
    return n;
}

}  // namespace

const char* to_string(MatchKind k) {
    switch (k) {
        case MatchKind::name:
            return "name";
        case MatchKind::adjective:
            return "adjective";
        case MatchKind::metonym:
            return "metonym";
        case MatchKind::agent:
            return "agent";
    }
    return "?";
}

// A unit is what the trie steps over: a token, or a part of a hyphenated
// token ("Russian", "-", "made"), so that "North Korean-made" still finds
// "North Korean" and "Guinea-Bissau" is still one name.
struct ActorMatcher::Unit {
    std::uint32_t word = no_word;
    std::uint16_t flags = 0;
    std::uint32_t token = 0;
    text::TokenKind kind = text::TokenKind::word;
    std::size_t begin = 0;
    std::size_t end = 0;
};

namespace {

// Open addressing over 64-bit keys, all ones for an empty slot: the trie's
// edges are made once, looked up for every token of every sentence.
constexpr std::uint64_t empty_edge = ~std::uint64_t{0};

std::size_t edge_slot(std::uint64_t key, std::size_t mask) {
    return std::size_t((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
}

}  // namespace

std::uint32_t* ActorMatcher::edge_insert(std::uint64_t key, std::uint32_t value) {
    if ((edge_count_ + 1) * 2 > edge_slots_.size()) {
        std::vector<EdgeSlot> old(std::max<std::size_t>(1024, edge_slots_.size() * 2),
                                  EdgeSlot{empty_edge, 0});
        old.swap(edge_slots_);
        const std::size_t mask = edge_slots_.size() - 1;
        for (const EdgeSlot& e : old) {
            if (e.key == empty_edge) continue;
            std::size_t i = edge_slot(e.key, mask);
            while (edge_slots_[i].key != empty_edge) i = (i + 1) & mask;
            edge_slots_[i] = e;
        }
    }
    const std::size_t mask = edge_slots_.size() - 1;
    std::size_t i = edge_slot(key, mask);
    while (edge_slots_[i].key != empty_edge) {
        if (edge_slots_[i].key == key) return nullptr;
        i = (i + 1) & mask;
    }
    edge_slots_[i] = EdgeSlot{key, value};
    ++edge_count_;
    return &edge_slots_[i].value;
}

ActorMatcher::ActorMatcher(std::vector<Entry> entries) : entries_(std::move(entries)) {
    for (auto w : builtin_title_words) title_words_.emplace(w);

    // Candidates in the order they are found, chained per node (to merge a
    // form's repeats, which come from the same entry); laid out flat per
    // node at the end.
    constexpr std::uint32_t none = 0xFFFFFFFFu;
    struct Found {
        std::uint32_t node;
        std::uint32_t previous;  // the node's candidate found before, or none
        Candidate candidate;
    };
    std::vector<Found> found;
    std::vector<std::uint32_t> last_found(1, none);  // node → its latest in found
    found.reserve(entries_.size() * 2);
    last_found.reserve(entries_.size() * 3);
    words_.reserve(entries_.size() * 2);
    terminal_begin_.clear();

    std::uint32_t next_node = 1;
    std::vector<Unit> units;
    std::string key;
    std::vector<text::Token> toks;
    // Role titles repeat (every president's "President"): their words once.
    std::unordered_set<std::string_view> titles_seen;
    for (std::uint32_t e = 0; e < entries_.size(); ++e) {
        const Entry& entry = entries_[e];
        const bool person = entry.kind == model::ActorKind::person;
        // People are also found by surname: the last word of a name of two or more.
        auto add_surname = [&](const std::string& n) {
            if (toks.size() < 2 || toks.back().kind != text::TokenKind::word) return;
            auto& ids = surnames_[text::match_key(toks.back().text(n))];
            if (std::find(ids.begin(), ids.end(), e) == ids.end()) ids.push_back(e);
        };
        auto add = [&](const std::string& form, MatchKind kind) {
            detail::tokenize_phrase(form, toks);
            if (person && kind == MatchKind::name) add_surname(form);
            std::size_t first = 0;
            bool the_optional = false;
            if (toks.size() > 1 && toks[0].text(form) == "the") {
                first = 1;
                the_optional = true;
            }
            const std::span<const text::Token> span(toks.data() + first, toks.size() - first);
            if (span.empty()) return;
            units.clear();
            units_of(form, span, units, key, false);
            std::uint32_t node = 0;
            for (const Unit& u : units) {
                const std::string_view piece(form.data() + u.begin, u.end - u.begin);
                key.clear();
                text::append_match_key(piece, u.kind, key);
                auto [it, inserted] = words_.try_emplace(key, std::uint32_t(words_.size()));
                longest_key_ = std::max(longest_key_, key.size());
                CaseRule rule = CaseRule::any;
                if (kind != MatchKind::agent) {
                    const std::uint16_t f = text::case_flags(piece);
                    if (f & text::all_caps) {
                        const int letters = letter_count(piece);
                        rule =
                            letters >= 2 && letters <= 3 ? CaseRule::upper : CaseRule::capitalized;
                    } else if (f & text::capitalized) {
                        rule = CaseRule::capitalized;
                    }
                }
                const std::uint64_t edge = (std::uint64_t(node) << 34) |
                                           (std::uint64_t(it->second) << 2) | std::uint64_t(rule);
                if (edge_insert(edge, next_node)) {
                    node = next_node++;
                    last_found.push_back(none);
                } else {
                    node = child(node, it->second, rule);
                }
            }
            // "U.S." and "the U.S." are one reading, which takes in a "the" when written.
            for (std::uint32_t f = last_found[node]; f != none && found[f].candidate.entry == e;
                 f = found[f].previous) {
                if (found[f].candidate.kind == kind) {
                    found[f].candidate.the_optional |= the_optional;
                    return;
                }
            }
            found.push_back(Found{node, last_found[node], Candidate{e, kind, the_optional}});
            last_found[node] = std::uint32_t(found.size() - 1);
        };
        if (entry.kind == model::ActorKind::agent) {
            for (const auto& n : entry.names) add(n, MatchKind::agent);
        } else {
            for (const auto& n : entry.names) add(n, MatchKind::name);
            if (entry.names.empty() && !entry.name.empty()) add(entry.name, MatchKind::name);
        }
        for (const auto& n : entry.adjectives) add(n, MatchKind::adjective);
        for (const auto& n : entry.metonyms) add(n, MatchKind::metonym);

        for (const auto& role : entry.roles) {
            if (!titles_seen.insert(role.title).second) continue;
            for (const auto& t : text::tokenize(role.title)) {
                if (t.kind == text::TokenKind::word)
                    title_words_.insert(text::match_key(t.text(role.title)));
            }
        }
        // The display name is one of the names as a rule; when not, its surname too.
        if (person && !entry.names.empty() &&
            std::find(entry.names.begin(), entry.names.end(), entry.name) == entry.names.end()) {
            detail::tokenize_phrase(entry.name, toks);
            add_surname(entry.name);
        }
    }

    // Each node's candidates, in the order found, then by kind.
    const std::size_t nodes = last_found.size();
    terminal_begin_.assign(nodes + 1, 0);
    for (const Found& f : found) ++terminal_begin_[f.node + 1];
    for (std::size_t n = 0; n < nodes; ++n) terminal_begin_[n + 1] += terminal_begin_[n];
    candidates_.resize(found.size());
    std::vector<std::uint32_t> fill(terminal_begin_.begin(), terminal_begin_.end() - 1);
    for (const Found& f : found) candidates_[fill[f.node]++] = f.candidate;
    for (std::size_t n = 0; n < nodes; ++n) {
        if (terminal_begin_[n + 1] - terminal_begin_[n] < 2) continue;
        std::stable_sort(
            candidates_.begin() + terminal_begin_[n], candidates_.begin() + terminal_begin_[n + 1],
            [](const Candidate& a, const Candidate& b) { return rank(a.kind) < rank(b.kind); });
    }
}

std::uint32_t ActorMatcher::child(std::uint32_t node, std::uint32_t word, CaseRule rule) const {
    if (edge_slots_.empty()) return 0;
    const std::uint64_t key =
        (std::uint64_t(node) << 34) | (std::uint64_t(word) << 2) | std::uint64_t(rule);
    const std::size_t mask = edge_slots_.size() - 1;
    for (std::size_t i = edge_slot(key, mask);; i = (i + 1) & mask) {
        if (edge_slots_[i].key == key) return edge_slots_[i].value;
        if (edge_slots_[i].key == empty_edge) return 0;
    }
}

void ActorMatcher::units_of(std::string_view s, std::span<const text::Token> tokens,
                            std::vector<Unit>& out, std::string& key, bool find_words) const {
    // While compiling, words_ is still growing: units_of then only cuts the
    // units, and the compiler gives them their ids.
    auto word_of = [&](std::string_view piece, text::TokenKind kind) -> std::uint32_t {
        if (!find_words) return no_word;
        if (piece.size() > longest_key_ * 2 + 4 && !words_.empty()) return no_word;
        key.clear();
        text::append_match_key(piece, kind, key);
        const auto it = words_.find(key);
        return it == words_.end() ? no_word : it->second;
    };
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
        const text::Token& t = tokens[i];
        const std::string_view whole = t.text(s);
        if (!t.has(text::hyphenated)) {
            out.push_back(Unit{word_of(whole, t.kind), t.flags, i, t.kind, t.begin, t.end});
            continue;
        }
        std::size_t start = 0;
        for (std::size_t p = 0; p < whole.size();) {
            std::size_t len = 0;
            if (is_hyphen_at(whole, p, len)) {
                const std::string_view part = whole.substr(start, p - start);
                out.push_back(Unit{word_of(part, t.kind), text::case_flags(part), i, t.kind,
                                   t.begin + start, t.begin + p});
                out.push_back(Unit{word_of("-", text::TokenKind::punct), 0, i,
                                   text::TokenKind::punct, t.begin + p, t.begin + p + len});
                p += len;
                start = p;
            } else {
                ++p;
            }
        }
        const std::string_view part = whole.substr(start);
        out.push_back(
            Unit{word_of(part, t.kind), text::case_flags(part), i, t.kind, t.begin + start, t.end});
    }
}

std::vector<Match> ActorMatcher::match(std::string_view text,
                                       std::span<const text::Token> tokens) const {
    std::vector<Match> out;
    match(text, tokens, out);
    return out;
}

void ActorMatcher::match(std::string_view text, std::span<const text::Token> tokens,
                         std::vector<Match>& out) const {
    out.clear();
    if (tokens.empty() || candidates_.empty()) return;
    // Per-thread scratch space: matching a sentence allocates nothing once warm.
    thread_local std::vector<Unit> units;
    thread_local std::string key;
    units.clear();
    units_of(text, tokens, units, key, true);

    auto allowed = [](CaseRule rule, std::uint16_t flags) {
        switch (rule) {
            case CaseRule::any:
                return true;
            case CaseRule::capitalized:
                return (flags & (text::capitalized | text::all_caps)) != 0;
            case CaseRule::upper:
                return (flags & text::all_caps) != 0;
        }
        return false;
    };

    // Depth-first over the (at most three) case readings of each step; the
    // longest path to a node with candidates wins.
    std::size_t best_end = 0;
    std::uint32_t best_node = 0;
    auto walk = [&](auto&& self, std::uint32_t node, std::size_t u) -> void {
        if (terminal_begin_[node + 1] > terminal_begin_[node] && u > best_end) {
            best_end = u;
            best_node = node;
        }
        if (u >= units.size() || units[u].word == no_word) return;
        for (CaseRule rule : {CaseRule::any, CaseRule::capitalized, CaseRule::upper}) {
            if (!allowed(rule, units[u].flags)) continue;
            const std::uint32_t next = child(node, units[u].word, rule);
            if (next != 0) self(self, next, u + 1);
        }
    };

    for (std::size_t u = 0; u < units.size();) {
        if (units[u].word == no_word) {
            ++u;
            continue;
        }
        best_end = 0;
        walk(walk, 0, u);
        if (best_end == 0) {
            ++u;
            continue;
        }
        const Unit& first = units[u];
        const Unit& last = units[best_end - 1];
        const Candidate& c = candidates_[terminal_begin_[best_node]];
        Match m;
        m.first_token = first.token;
        m.last_token = last.token + 1;
        m.begin = first.begin;
        m.end = last.end;
        m.entry = c.entry;
        m.kind = c.kind;
        m.node = best_node;
        m.candidates = terminal_begin_[best_node + 1] - terminal_begin_[best_node];
        m.in_compound =
            first.begin != tokens[first.token].begin || last.end != tokens[last.token].end;
        if (c.the_optional && !m.in_compound && m.first_token > 0) {
            const text::Token& prev = tokens[m.first_token - 1];
            const std::string_view w = prev.text(text);
            const bool prev_free = out.empty() || out.back().last_token <= m.first_token - 1;
            if (prev_free && w.size() == 3 && (w[0] == 't' || w[0] == 'T') &&
                (w[1] == 'h' || w[1] == 'H') && (w[2] == 'e' || w[2] == 'E')) {
                --m.first_token;
                m.begin = prev.begin;
            }
        }
        out.push_back(m);
        u = best_end;
    }
}

std::span<const Candidate> ActorMatcher::candidates(const Match& m) const {
    if (m.node + 1 >= terminal_begin_.size()) return {};
    return std::span<const Candidate>(candidates_.data() + terminal_begin_[m.node],
                                      terminal_begin_[m.node + 1] - terminal_begin_[m.node]);
}

bool ActorMatcher::is_title_word(std::string_view key) const {
    return title_words_.find(key) != title_words_.end();
}

std::span<const std::uint32_t> ActorMatcher::people_with_surname(std::string_view key) const {
    const auto it = surnames_.find(key);
    if (it == surnames_.end()) return {};
    return it->second;
}

}  // namespace eventgraph::lexicon

#include "eventgraph/lexicon/matcher.hpp"

#include <algorithm>
#include <array>

namespace eventgraph::lexicon {

namespace {

constexpr std::uint32_t no_word = 0xFFFFFFFFu;

// Words that make up titles in news, before a name: "U.S. Deputy Secretary
// of State", "Kremlin spokesman", "his British counterpart". The lexicon's
// role titles add their own words.
constexpr std::string_view builtin_title_words[] = {
    "acting",      "adm",        "admiral",      "adviser",     "advisor",      "affairs",
    "aide",        "ambassador", "amb",          "assistant",   "attorney",     "ayatollah",
    "brig",        "brigadier",  "cabinet",      "capt",        "captain",      "chair",
    "chairman",    "chairwoman", "chancellor",   "chief",       "chiefs",       "col",
    "colonel",     "commander",  "commissioner", "congressman", "congresswoman", "counterpart",
    "crown",       "defence",    "defense",      "deputy",      "diplomat",     "director",
    "dr",          "economy",    "emir",         "emperor",     "energy",       "envoy",
    "field",       "finance",    "foreign",      "former",      "gen",          "general",
    "gov",         "governor",   "head",         "health",      "high",         "interim",
    "interior",    "intelligence", "joint",      "justice",     "king",         "leader",
    "lieutenant",  "lt",         "maj",          "major",       "marshal",      "mayor",
    "minister",    "mr",         "mrs",          "ms",          "national",     "negotiator",
    "official",    "premier",    "pres",         "president",   "president-elect", "prime",
    "prince",      "princess",   "prof",         "queen",       "rep",          "representative",
    "secretary",   "secretary-general", "security", "sen",      "senator",      "sgt",
    "sheikh",      "special",    "speaker",      "spokesman",   "spokesperson", "spokeswoman",
    "staff",       "state",      "sultan",       "supreme",     "top",          "trade",
    "treasury",    "under",      "undersecretary", "vice",
};

int rank(MatchKind k) {
    switch (k) {
        case MatchKind::name: return 0;
        case MatchKind::metonym: return 1;
        case MatchKind::adjective: return 2;
        case MatchKind::agent: return 3;
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
        case MatchKind::name: return "name";
        case MatchKind::adjective: return "adjective";
        case MatchKind::metonym: return "metonym";
        case MatchKind::agent: return "agent";
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

ActorMatcher::ActorMatcher(const std::vector<Entry>& entries) : entries_(entries) {
    for (auto w : builtin_title_words) title_words_.emplace(w);

    // Nodes are numbered as they are made; candidates are gathered per node
    // and laid out flat at the end.
    std::vector<std::vector<Candidate>> per_node(1);
    terminal_begin_.clear();
    edges_.reserve(entries.size() * 4);

    std::uint32_t next_node = 1;

    std::vector<Unit> units;
    std::string key;
    for (std::uint32_t e = 0; e < entries_.size(); ++e) {
        const Entry& entry = entries_[e];
        auto add = [&](const std::string& form, MatchKind kind) {
            const auto toks = text::tokenize(form);
            std::size_t first = 0;
            bool the_optional = false;
            if (toks.size() > 1 && toks[0].text(form) == "the") {
                first = 1;
                the_optional = true;
            }
            const std::span<const text::Token> span(toks.data() + first, toks.size() - first);
            if (span.empty()) return;
            // Make word ids for every unit of the form before stepping the trie.
            units.clear();
            units_of(form, span, units, key);
            std::uint32_t node = 0;
            for (const Unit& u : units) {
                const std::string_view piece(form.data() + u.begin, u.end - u.begin);
                key.clear();
                text::append_match_key(piece, u.kind, key);
                auto [it, inserted] = words_.emplace(key, std::uint32_t(words_.size()));
                longest_key_ = std::max(longest_key_, key.size());
                CaseRule rule = CaseRule::any;
                if (kind != MatchKind::agent) {
                    const std::uint16_t f = text::case_flags(piece);
                    if (f & text::all_caps) {
                        const int letters = letter_count(piece);
                        rule = letters >= 2 && letters <= 3 ? CaseRule::upper : CaseRule::capitalized;
                    } else if (f & text::capitalized) {
                        rule = CaseRule::capitalized;
                    }
                }
                const std::uint64_t edge = (std::uint64_t(node) << 34) |
                                           (std::uint64_t(it->second) << 2) | std::uint64_t(rule);
                auto [eit, made] = edges_.emplace(edge, next_node);
                if (made) {
                    ++next_node;
                    per_node.emplace_back();
                }
                node = eit->second;
            }
            auto& list = per_node[node];
            // "U.S." and "the U.S." are one reading, which takes in a "the" when written.
            const auto seen = std::find_if(list.begin(), list.end(), [&](const Candidate& c) {
                return c.entry == e && c.kind == kind;
            });
            if (seen == list.end())
                list.push_back(Candidate{e, kind, the_optional});
            else
                seen->the_optional |= the_optional;
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
            for (const auto& t : text::tokenize(role.title)) {
                if (t.kind == text::TokenKind::word) title_words_.insert(text::match_key(t.text(role.title)));
            }
        }
        if (entry.kind == model::ActorKind::person) {
            auto add_surname = [&](const std::string& n) {
                const auto toks = text::tokenize(n);
                if (toks.size() < 2 || toks.back().kind != text::TokenKind::word) return;
                auto& ids = surnames_[text::match_key(toks.back().text(n))];
                if (std::find(ids.begin(), ids.end(), e) == ids.end()) ids.push_back(e);
            };
            add_surname(entry.name);
            for (const auto& n : entry.names) add_surname(n);
        }
    }

    terminal_begin_.assign(per_node.size() + 1, 0);
    for (std::size_t n = 0; n < per_node.size(); ++n) {
        auto& list = per_node[n];
        std::stable_sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) {
            return rank(a.kind) < rank(b.kind);
        });
        terminal_begin_[n] = std::uint32_t(candidates_.size());
        candidates_.insert(candidates_.end(), list.begin(), list.end());
    }
    terminal_begin_[per_node.size()] = std::uint32_t(candidates_.size());
}

std::uint32_t ActorMatcher::child(std::uint32_t node, std::uint32_t word, CaseRule rule) const {
    const std::uint64_t edge =
        (std::uint64_t(node) << 34) | (std::uint64_t(word) << 2) | std::uint64_t(rule);
    const auto it = edges_.find(edge);
    return it == edges_.end() ? 0 : it->second;
}

void ActorMatcher::units_of(std::string_view s, std::span<const text::Token> tokens,
                            std::vector<Unit>& out, std::string& key) const {
    // While compiling, words_ is still growing: units_of then only cuts the
    // units; add_form gives them their ids.
    auto word_of = [&](std::string_view piece, text::TokenKind kind) -> std::uint32_t {
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
        out.push_back(Unit{word_of(part, t.kind), text::case_flags(part), i, t.kind, t.begin + start,
                           t.end});
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
    units_of(text, tokens, units, key);

    auto allowed = [](CaseRule rule, std::uint16_t flags) {
        switch (rule) {
            case CaseRule::any: return true;
            case CaseRule::capitalized: return (flags & (text::capitalized | text::all_caps)) != 0;
            case CaseRule::upper: return (flags & text::all_caps) != 0;
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
        m.in_compound = first.begin != tokens[first.token].begin || last.end != tokens[last.token].end;
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

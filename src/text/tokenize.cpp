#include "eventgraph/text/tokenize.hpp"

#include <algorithm>
#include <array>

#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/utf8.hpp"
#include "eventgraph/text/words.hpp"

namespace eventgraph::text {

namespace {

// Decodes one code point at s[i]. Invalid bytes decode as U+FFFD of length 1,
// so that a tokenizer fed any bytes always moves forward.
std::size_t decode_at(std::string_view s, std::size_t i, char32_t& cp) {
    const std::size_t n = decode_utf8(s, i, cp);
    if (n == 0) cp = 0xFFFD;
    return n == 0 ? 1 : n;
}

char32_t cp_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    char32_t cp = 0;
    decode_at(s, i, cp);
    return cp;
}

// Tokens are split at white space and at the zero-width space (U+200B) and
// byte-order mark (U+FEFF), which separate words without showing.
bool is_space(char32_t cp) { return is_unicode_space(cp) || cp == 0x200B || cp == 0xFEFF; }

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Letters are what is neither space, digit, control nor a known block of
// punctuation and symbols: approximate, but right for the scripts of news.
bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
    if (cp >= 0xFF1A && cp <= 0xFF20) return false;
    if (cp >= 0xFF3B && cp <= 0xFF40) return false;
    if (cp >= 0xFF5B && cp <= 0xFF65) return false;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;
    return !is_space(cp);
}

bool is_alnum(char32_t cp) { return is_digit(cp) || is_letter(cp); }
bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
    if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
    if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
    if (c == 0x178) return true;
    if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
    if (c >= 0x391 && c <= 0x3A9) return c != 0x3A2;
    if (c >= 0x400 && c <= 0x42F) return true;
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF)) return c % 2 == 0;
    if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;
    return false;
}

char32_t to_lower(char32_t c) {
    if (!is_upper(c)) return c;
    if (c < 0x80) return c + 0x20;
    if (c <= 0xDE) return c + 0x20;
    if (c == 0x130) return 'i';  // Turkish dotted I: "İstanbul" must meet "Istanbul"
    if (c == 0x178) return 0xFF;
    if (c <= 0x17E) return c + 1;
    if (c <= 0x3A9) return c + 0x20;
    if (c <= 0x40F) return c + 0x50;
    if (c <= 0x42F) return c + 0x20;
    return c + 1;
}

// Lower-case letters of the scripts to_lower knows; letters of scripts
// without case (CJK, Arabic, Hebrew) are neither upper nor lower.
bool is_lower(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
    if (c >= 0x100 && c <= 0x17F) return !is_upper(c);
    if (c >= 0x3AC && c <= 0x3CE) return true;
    if (c >= 0x430 && c <= 0x45F) return true;
    if ((c >= 0x461 && c <= 0x481) || (c >= 0x48B && c <= 0x4BF)) return c % 2 == 1;
    if (c >= 0x1E01 && c <= 0x1EFF) return c % 2 == 1;
    return false;
}

// ---- abbreviations ---------------------------------------------------------

// The class of a token that kept its period.
AbbreviationKind abbreviation_class(std::string_view tok) {
    if (tok.size() < 2 || tok.back() != '.') return AbbreviationKind::none;
    const std::string_view w = tok.substr(0, tok.size() - 1);
    if (w.find('.') != std::string_view::npos) {  // dotted: "U.S.", "e.g.", "a.m."
        if (w == "a.m" || w == "p.m" || w == "A.M" || w == "P.M") return AbbreviationKind::other;
        return is_upper(cp_at(w, 0)) ? AbbreviationKind::dotted : AbbreviationKind::title;
    }
    const AbbreviationKind c = listed_abbreviation(w);
    if (c != AbbreviationKind::none) return c;
    char32_t cp = 0;
    if (decode_at(w, 0, cp) == w.size() && is_upper(cp))
        return AbbreviationKind::dotted;  // initial
    return AbbreviationKind::none;
}

// Length in bytes of a dotted acronym at s[i] ("U.S.", "U.K.", "a.m.",
// "Ph.D."): two or more groups of one or two letters, each with its period.
std::size_t dotted_length(std::string_view s, std::size_t i) {
    std::size_t p = i;
    int groups = 0;
    for (;;) {
        std::size_t q = p;
        int letters = 0;
        char32_t cp = 0;
        while (q < s.size() && letters < 3) {
            const std::size_t n = decode_at(s, q, cp);
            if (!is_letter(cp)) break;
            q += n;
            ++letters;
        }
        if (letters == 0 || letters > 2 || q >= s.size() || s[q] != '.') break;
        p = q + 1;
        ++groups;
    }
    if (groups < 2) return 0;
    if (is_alnum(cp_at(s, p))) return 0;  // "a.b.c" inside a URL or code
    return p - i;
}

// ---- sentence starts -------------------------------------------------------

// Capitalized closed-class words that begin sentences and hardly ever follow
// "U.S." or an initial inside a name: after a dotted abbreviation they are
// the sign that the abbreviation also ended the sentence.
constexpr std::string_view sentence_starters[] = {
    "a",      "according", "after",   "all",     "also",   "although", "amid",  "an",   "and",
    "as",     "asked",     "at",      "because", "before", "both",     "but",   "by",   "despite",
    "during", "each",      "earlier", "for",     "from",   "he",       "her",   "here", "his",
    "how",    "however",   "i",       "if",      "in",     "it",       "its",   "last", "later",
    "many",   "meanwhile", "more",    "most",    "my",     "no",       "nor",   "not",  "on",
    "once",   "one",       "or",      "our",     "over",   "she",      "since", "so",   "some",
    "still",  "that",      "the",     "their",   "there",  "these",    "they",  "this", "those",
    "to",     "under",     "we",      "what",    "when",   "where",    "while", "why",  "you",
};

bool is_sentence_starter(std::string_view s, const Token& t) {
    if (t.kind != TokenKind::word || !t.is_capitalized()) return false;
    const std::string_view w = t.text(s);
    if (w.size() > 12) return false;
    for (const auto& st : sentence_starters)
        if (iequals(st, w)) return true;
    return false;
}

bool is_open_bracket(std::string_view t) { return t == "(" || t == "["; }
bool is_close_bracket(std::string_view t) { return t == ")" || t == "]"; }

}  // namespace

// ---- public helpers --------------------------------------------------------

void append_folded(std::string_view s, std::string& out) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = decode_at(s, i, cp);
        if (cp < 0x80) {
            out += (cp >= 'A' && cp <= 'Z') ? char(cp + 0x20) : char(cp);
        } else if (cp == 0xFFFD && n == 1) {
            out += s[i];  // keep bad bytes as they are: folding must not invent text
        } else {
            append_utf8(out, to_lower(cp));
        }
        i += n;
    }
}

void append_match_key(std::string_view s, TokenKind kind, std::string& out) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = decode_at(s, i, cp);
        if (cp < 0x80) {
            if (cp == '.' && kind == TokenKind::word && s.size() > 1) {
                // "U.S." is "US"; a lone "." stays a period
            } else if (cp == '`') {
                out += '\'';
            } else {
                out += (cp >= 'A' && cp <= 'Z') ? char(cp + 0x20) : char(cp);
            }
        } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x2032) {
            out += '\'';
        } else if (cp == 0x2010 || cp == 0x2011) {
            out += '-';
        } else if (cp == 0xFFFD && n == 1) {
            out += s[i];
        } else {
            append_utf8(out, to_lower(cp));
        }
        i += n;
    }
}

std::string match_key(std::string_view token_text, TokenKind kind) {
    std::string out;
    append_match_key(token_text, kind, out);
    return out;
}

std::uint16_t case_flags(std::string_view s) {
    bool any_upper = false, any_lower = false, first_seen = false, first_upper = false;
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        i += decode_at(s, i, cp);
        if (!is_letter(cp)) continue;
        const bool up = is_upper(cp);
        const bool low = is_lower(cp);
        if (!first_seen) {
            first_seen = true;
            first_upper = up;
        }
        any_upper |= up;
        any_lower |= low;
    }
    std::uint16_t f = 0;
    if (first_upper) f |= capitalized;
    if (any_upper && !any_lower) f |= all_caps;
    if (any_lower && !any_upper) f |= lowercase;
    return f;
}

// ---- tokenize --------------------------------------------------------------

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    tokens.reserve(s.size() / 5 + 1);
    std::uint16_t pending = paragraph_start | line_start;
    int newlines = 0;
    std::size_t pos = 0;
    char32_t cp = 0;

    while (pos < s.size()) {
        const std::size_t len = decode_at(s, pos, cp);
        if (is_space(cp)) {
            if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
                ++newlines;
                pending |= line_start;
                if (newlines >= 2 || cp == 0x2029) pending |= paragraph_start;
            }
            pos += len;
            continue;
        }
        newlines = 0;
        Token t;
        t.begin = pos;
        t.flags = pending;
        pending = 0;

        const bool glued_to_word =
            !tokens.empty() && tokens.back().end == pos && tokens.back().kind != TokenKind::punct;
        if (is_apostrophe(cp) && glued_to_word &&
            (cp_at(s, pos + len) == 's' || cp_at(s, pos + len) == 'S') &&
            !is_alnum(cp_at(s, pos + len + 1))) {
            t.end = pos + len + 1;
            t.kind = TokenKind::word;
            t.flags |= possessive | case_flags(s.substr(pos, t.end - pos));
            tokens.push_back(t);
            pos = t.end;
            continue;
        }

        if (is_alnum(cp)) {
            t.kind = is_digit(cp) ? TokenKind::number : TokenKind::word;
            std::size_t p = pos + dotted_length(s, pos);
            bool period_kept = p != pos;
            bool hyphen = false;
            for (;;) {
                char32_t c = 0;
                while (p < s.size()) {
                    const std::size_t n = decode_at(s, p, c);
                    if (!is_alnum(c)) break;
                    p += n;
                }
                if (p >= s.size()) break;
                const std::size_t n = decode_at(s, p, c);
                const char32_t next = cp_at(s, p + n);
                if (is_hyphen(c) && is_alnum(next)) {
                    hyphen = true;
                    p += n;
                    const std::size_t d = dotted_length(s, p);  // "pro-U.S."
                    p += d;
                    period_kept = d != 0;
                    continue;
                }
                if (is_apostrophe(c) && is_letter(next) && p > pos) {
                    // A possessive "'s" ends the word; other apostrophes belong to it.
                    if ((next == 's' || next == 'S') && !is_alnum(cp_at(s, p + n + 1))) break;
                    p += n;
                    period_kept = false;
                    continue;
                }
                if ((c == '.' || c == ',' || c == ':') && is_digit(next) && p > pos &&
                    is_digit(static_cast<unsigned char>(s[p - 1]))) {
                    p += n;
                    continue;
                }
                break;
            }
            // A period that belongs to the word: listed abbreviations and initials.
            if (!period_kept && t.kind == TokenKind::word && p < s.size() && s[p] == '.' &&
                s.substr(p, 3) != "...") {
                const std::string_view w = s.substr(pos, p - pos);
                const AbbreviationKind c = listed_abbreviation(w);
                bool take = c != AbbreviationKind::none;
                if (take && (w == "No" || w == "Nos" || w == "NO" || w == "NOS")) {
                    std::size_t q = p + 1;  // "No. 2", not "said no."
                    while (q < s.size() && s[q] == ' ') ++q;
                    take = q < s.size() && is_digit(static_cast<unsigned char>(s[q]));
                }
                char32_t first = 0;
                if (!take && !hyphen && decode_at(w, 0, first) == w.size() && is_upper(first))
                    take = true;  // an initial: "J."
                if (take) {
                    ++p;
                    period_kept = true;
                }
            }
            t.end = p;
            if (period_kept && s[p - 1] == '.') t.flags |= abbreviation;
            if (hyphen) t.flags |= hyphenated;
            t.flags |= case_flags(s.substr(pos, p - pos));
            tokens.push_back(t);
            pos = p;
            continue;
        }

        // Punctuation: one code point, except runs of periods and of hyphens.
        t.kind = TokenKind::punct;
        std::size_t p = pos + len;
        if (cp == '.' || cp == '-') {
            while (p < s.size() && s[p] == char(cp)) ++p;
        }
        t.end = p;
        const char32_t before = pos == 0 ? U' ' : [&] {
            std::size_t q = pos - 1;
            while (q > 0 && (static_cast<unsigned char>(s[q]) & 0xC0) == 0x80) --q;
            return cp_at(s, q);
        }();
        const char32_t after = p < s.size() ? cp_at(s, p) : U' ';
        switch (cp) {
            case U'\u201C':
            case U'\u201E':
            case U'\u00AB':
            case U'\u2039':
            case U'\u2018':
                t.flags |= open_quote;
                break;
            case U'\u201D':
            case U'\u00BB':
            case U'\u203A':
            case U'\u2019':
                t.flags |= close_quote;
                break;
            case U'"':
            case U'\'':
            case U'`': {
                const bool opens_after = is_space(before) || before == '(' || before == '[' ||
                                         before == 0x2014 || before == 0x2013 || before == '-';
                t.flags |= (opens_after && !is_space(after)) ? open_quote : close_quote;
                break;
            }
            default:
                break;
        }
        tokens.push_back(t);
        pos = p;
    }
    return tokens;
}

// ---- sentences -------------------------------------------------------------

namespace {

// How good a place the gap before tokens[k] is to cut a run-on sentence, 0
// (inside a name) to 5 (a line, cell or clause boundary).
int cut_rank(std::string_view s, std::span<const Token> tokens, std::size_t k) {
    const Token& prev = tokens[k - 1];
    const Token& next = tokens[k];
    const std::string_view gap = s.substr(prev.end, next.begin - prev.end);
    const std::string_view p = prev.text(s), n = next.text(s);
    if (next.has(line_start) || gap.size() >= 2 || gap.find('\t') != std::string_view::npos ||
        p == ";" || p == "|" || p == "\u2022")
        return 5;
    if (p == "," || p == ":" || p == "-" || p == "\u2013" || p == "\u2014") return 4;
    if (next.kind == TokenKind::word && next.is_lowercase()) {
        for (std::string_view c : {"and", "but", "or", "while", "then", "so", "because", "when"})
            if (n == c) return 3;
    }
    const bool prev_name = prev.kind == TokenKind::word && !prev.is_lowercase();
    const bool next_name = next.kind == TokenKind::word && !next.is_lowercase();
    if (next.has(possessive) || (prev_name && next_name)) return 0;
    if (next_name) {
        // "Bank of England", "Abu al-Hassan": the name goes on across these.
        for (std::string_view j : {"of", "the", "de", "al", "bin", "van", "von", "da", "del", "la"})
            if (p == j) return 0;
    }
    return next_name || next.kind == TokenKind::number ? 2 : 1;
}

// Appends tokens [first, last) as sentences of at most max tokens (see
// SentenceOptions::max_tokens). Each piece looks at no more than max/2 + 1
// places and moves on by at least max/2 tokens: linear in the tokens.
void append_bounded(std::string_view s, std::span<const Token> tokens, std::size_t first,
                    std::size_t last, std::size_t paragraph, std::size_t max,
                    std::vector<Sentence>& out) {
    auto add = [&](std::size_t b, std::size_t e) {
        Sentence sen;
        sen.first_token = b;
        sen.last_token = e;
        sen.begin = tokens[b].begin;
        sen.end = tokens[e - 1].end;
        sen.paragraph = paragraph;
        out.push_back(sen);
    };
    while (max > 0 && last - first > max) {
        std::size_t cut = first + max;
        int best = -1;
        for (std::size_t k = first + max; k >= first + (max + 1) / 2; --k) {
            if (const int r = cut_rank(s, tokens, k); r > best) {
                best = r;
                cut = k;
                if (r == 5) break;
            }
        }
        add(first, cut);
        first = cut;
    }
    add(first, last);
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view s, std::span<const Token> tokens,
                                      const SentenceOptions& options) {
    std::vector<Sentence> out;
    const std::size_t n = tokens.size();
    std::size_t start = 0;
    std::size_t paragraph = 0;
    bool first = true;

    auto close = [&](std::size_t end) {
        if (end <= start) return;
        append_bounded(s, tokens, start, end, paragraph, options.max_tokens, out);
        start = end;
    };

    // Can a sentence begin with tokens[j]?
    auto starts_sentence = [&](std::size_t j) {
        const Token& t = tokens[j];
        if (t.kind == TokenKind::number) return true;
        if (t.kind == TokenKind::word) return !t.is_lowercase();
        const std::string_view x = t.text(s);
        return t.has(open_quote) || is_open_bracket(x);
    };

    for (std::size_t i = 0; i < n; ++i) {
        const Token& t = tokens[i];
        if (t.has(paragraph_start) || (options.line_breaks_end_sentences && t.has(line_start))) {
            close(i);
            if (t.has(paragraph_start) && !first) ++paragraph;
        }
        first = false;

        const std::string_view x = t.text(s);
        bool terminal = false;
        bool ellipsis = false;
        AbbreviationKind abbr = AbbreviationKind::none;
        if (t.kind == TokenKind::punct) {
            if (x == "." || x == "!" || x == "?") terminal = true;
            if (x.size() >= 3 && x.find_first_not_of('.') == std::string_view::npos)
                ellipsis = true;
            if (x == "\u2026") ellipsis = true;
        } else if (t.has(abbreviation)) {
            abbr = abbreviation_class(x);
        }
        if (!terminal && !ellipsis &&
            (abbr == AbbreviationKind::none || abbr == AbbreviationKind::title))
            continue;

        // The sentence takes the end punctuation that follows ("?!") and the
        // quotes and brackets that close after it (said."): they belong to it.
        std::size_t j = i + 1;
        auto boundary = [&](std::size_t k) {
            return tokens[k].has(paragraph_start) ||
                   (options.line_breaks_end_sentences && tokens[k].has(line_start));
        };
        while (j < n && !boundary(j) && tokens[j].kind == TokenKind::punct) {
            const std::string_view y = tokens[j].text(s);
            if (y == "." || y == "!" || y == "?" || tokens[j].has(close_quote) ||
                is_close_bracket(y))
                ++j;
            else
                break;
        }
        if (j >= n || boundary(j)) {
            close(j);
            i = j - 1;
            continue;
        }
        bool ends = false;
        if (terminal) {
            ends = starts_sentence(j);
        } else if (ellipsis) {
            ends = (tokens[j].kind == TokenKind::word && tokens[j].is_capitalized()) ||
                   tokens[j].has(open_quote);
        } else if (abbr == AbbreviationKind::dotted) {
            ends = j > i + 1 || is_sentence_starter(s, tokens[j]) || tokens[j].has(open_quote);
        } else if (abbr == AbbreviationKind::other) {
            ends = j > i + 1 || (tokens[j].kind == TokenKind::word && tokens[j].is_capitalized()) ||
                   tokens[j].has(open_quote);
        }
        if (ends) {
            close(j);
            i = j - 1;
        }
    }
    close(n);
    return out;
}

Tokenized tokenize_text(std::string_view text, const SentenceOptions& options) {
    Tokenized t;
    t.tokens = tokenize(text);
    t.sentences = split_sentences(text, t.tokens, options);
    return t;
}

}  // namespace eventgraph::text

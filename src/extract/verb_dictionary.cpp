// TABARI/PETRARCH verb dictionaries, line by line: "&NAME" and its "+" phrases;
// "--- NAME [CODE] ---" and its verbs and "- ... * ... [CODE]" patterns; "~"
// transformations. Legacy data: a defect is a warning, only its piece is left out.

#include "eventgraph/extract/verb_dictionary.hpp"

#include <algorithm>
#include <optional>

#include "eventgraph/error.hpp"
#include "eventgraph/extract/triggers.hpp"
#include "eventgraph/io/input.hpp"
#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/tokenize.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::extract {

namespace {

std::string key_of(std::string_view word) { return text::match_key(word, text::TokenKind::word); }

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The regular plural of a synset phrase's last word, as the PETRARCH
// documentation gives it (Y→IES, SS→SES, else S), except that a vowel before
// the Y keeps it: "moneys", "attorneys", where the rule as written makes
// words no text has ("moneies").
std::string plural(const std::string& w) {
    if (w.size() >= 2 && w.back() == 'y' && !is_vowel(w[w.size() - 2]))
        return w.substr(0, w.size() - 1) + "ies";
    if (w.size() >= 2 && w.compare(w.size() - 2, 2, "ss") == 0) return w + "es";
    return w + "s";
}

// Characters that end a word in a pattern: separators and the pattern's own marks.
bool ends_word(char c) {
    switch (c) {
        case ' ':
        case '\t':
        case '\f':
        case '\v':
        case '\r':
        case '_':
        case '(':
        case ')':
        case '{':
        case '}':
        case '[':
        case ']':
        case '*':
        case '$':
        case '+':
        case '%':
        case '^':
        case '&':
            return true;
        default:
            return false;
    }
}

// Where a comment starts: '#' to the end of the line, and ';' too, TABARI's
// comment ("SCRAP {...};shan 8/30/93"); not inside a code, which may be
// anything ("[###]" in the validation dictionary).
std::size_t comment_at(std::string_view s) {
    bool in_code = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '[')
            in_code = true;
        else if (s[i] == ']')
            in_code = false;
        else if ((s[i] == '#' || s[i] == ';') && !in_code)
            return i;
    }
    return s.size();
}

bool is_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// One verb (or one of its {...} forms) as words, the '+' one the head.
struct VerbWords {
    std::vector<std::string> words;
    std::size_t head = 0;
    bool marked = false;  // a '+' said which word
};

VerbWords verb_words(std::string_view lemma) {
    VerbWords v;
    std::size_t i = 0;
    while (i < lemma.size()) {
        std::size_t j = i;
        while (j < lemma.size() && lemma[j] != '_' && !text::is_ascii_space(lemma[j])) ++j;
        std::string_view w = lemma.substr(i, j - i);
        if (!w.empty() && w.front() == '+') {
            if (!v.marked) v.head = v.words.size();
            v.marked = true;
            w.remove_prefix(1);
        }
        if (!w.empty()) v.words.push_back(key_of(w));
        i = j + 1;
    }
    if (v.head >= v.words.size()) v.head = 0;  // "WIRE_+" with nothing after the '+'
    return v;
}

class Reader {
public:
    Reader(std::vector<Synset>& synsets,
           std::unordered_map<std::string, std::uint32_t>& synset_index, std::vector<Verb>& verbs,
           std::vector<VerbBlock>& blocks, std::vector<DictionaryForm>& forms,
           std::vector<VerbTransformation>& transformations, std::vector<std::string>& warnings,
           std::string_view text, const std::string& file)
        : synsets_(synsets),
          synset_index_(synset_index),
          verbs_(verbs),
          blocks_(blocks),
          forms_(forms),
          transformations_(transformations),
          warnings_(warnings),
          text_(text),
          file_(file) {}

    void read() {
        if (const auto nul = text_.find('\0'); nul != std::string_view::npos)
            throw input_error(file_, text::position_of(text_, nul).line,
                              "NUL byte: this is not a text file");
        std::size_t pos = 0;
        int line_no = 0;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
        while (pos < text_.size()) {
            const std::size_t nl = text_.find('\n', pos);
            const std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
            line(text_.substr(pos, end - pos), ++line_no);
            pos = end + 1;
        }
    }

private:
    enum class State { none, synset, block };

    void warn(int line, const std::string& what) {
        std::string w = file_;
        w.append(":").append(std::to_string(line)).append(": ").append(what);
        warnings_.push_back(std::move(w));
    }

    DictionaryPlace place(int line) const { return {file_, line}; }

    void line(std::string_view raw, int n) {
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        if (in_comment_) {
            // "<!-- ... -->" over several lines: the rest of the closing line goes with it.
            if (raw.find("-->") != std::string_view::npos) in_comment_ = false;
            return;
        }
        if (const auto bad = text::find_invalid_utf8(raw); bad != std::string_view::npos)
            return warn(n, "invalid UTF-8 at column " + std::to_string(bad + 1) + "; line skipped");
        std::string_view s = text::trim(raw);
        if (s.substr(0, 4) == "<!--") {
            in_comment_ = s.find("-->", 4) == std::string_view::npos;
            return;
        }
        s = text::trim(s.substr(0, comment_at(s)));
        if (s.empty()) return;
        switch (s.front()) {
            case '&':
                return synset_header(s, n);
            case '~':
                transformations_.push_back({std::string(s), place(n)});
                return;
            case '-':
                if (s.substr(0, 3) == "---") return block_header(s, n);
                return pattern(s.substr(1), n);
            case '+':
                if (state_ == State::synset) return phrase(s.substr(1), n);
                return verb_line(s, n);
            default:
                return verb_line(s, n);
        }
    }

    // ---- synsets ------------------------------------------------------------

    void synset_header(std::string_view s, int n) {
        std::string_view name = text::trim(s.substr(1));
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_char)) {
            state_ = State::none;
            return warn(n, "malformed synset name " + quoted(s) + "; synset left out");
        }
        const bool no_plurals = name.back() == '_';
        while (!name.empty() && name.back() == '_') name.remove_suffix(1);
        if (name.empty()) {
            state_ = State::none;
            return warn(n, "malformed synset name " + quoted(s) + "; synset left out");
        }
        const auto index = std::uint32_t(synsets_.size());
        synsets_.push_back({text::ascii_upper(name), {}, place(n)});
        const auto [it, fresh] = synset_index_.try_emplace(synsets_.back().name, index);
        if (!fresh) {
            warn(n, "synset &" + synsets_.back().name + " defined again (first at line " +
                        std::to_string(synsets_[it->second].place.line) +
                        "); this one is used from here on");
            it->second = index;
        }
        synset_ = index;
        synset_plurals_ = !no_plurals;
        state_ = State::synset;
    }

    void add_phrase(std::vector<std::string> words) {
        auto& phrases = synsets_[synset_].phrases;
        if (std::find(phrases.begin(), phrases.end(), words) == phrases.end())
            phrases.push_back(std::move(words));
    }

    void phrase(std::string_view s, int n) {
        s = text::trim(s);
        if (!s.empty() && s.front() == '&') {
            // "+&OTHER": the phrases of a synset defined earlier, as they are.
            std::string name = text::ascii_upper(text::trim(s.substr(1)));
            while (!name.empty() && name.back() == '_') name.pop_back();
            const auto it = synset_index_.find(name);
            if (it == synset_index_.end())
                return warn(n, "synset &" + name +
                                   " is not defined (a synset must be defined before it is "
                                   "used); phrase left out");
            if (it->second == synset_)
                return warn(n, "synset &" + name + " embeds itself; ignored");
            const auto copy = synsets_[it->second].phrases;  // the vector may grow under us
            for (const auto& p : copy) add_phrase(p);
            return;
        }
        const bool no_plural = !s.empty() && s.back() == '_';
        std::vector<std::string> words;
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t j = i;
            while (j < s.size() && s[j] != '_' && !text::is_ascii_space(s[j])) ++j;
            if (j > i) words.push_back(key_of(s.substr(i, j - i)));
            i = j + 1;
        }
        if (words.empty()) return warn(n, "empty synset phrase; ignored");
        if (synset_plurals_ && !no_plural) {
            std::vector<std::string> plural_words = words;
            plural_words.back() = plural(plural_words.back());
            add_phrase(std::move(words));
            add_phrase(std::move(plural_words));
        } else {
            add_phrase(std::move(words));
        }
    }

    // ---- codes --------------------------------------------------------------

    // "[190]", "[032:033]", "[---]" at the start of `s`; `rest` gets what follows.
    std::optional<VerbCode> code(std::string_view s, int n, std::string_view& rest) {
        const auto close = s.find(']');
        if (close == std::string_view::npos) {
            rest = {};
            warn(n, "unclosed '[' in " + quoted(s) + "; code left out");
            return std::nullopt;
        }
        rest = text::trim(s.substr(close + 1));
        const std::string_view body = text::trim(s.substr(1, close - 1));
        const auto colon = body.find(':');
        const std::string_view first = text::trim(body.substr(0, colon));
        const std::string_view second = colon == std::string_view::npos
                                            ? std::string_view()
                                            : text::trim(body.substr(colon + 1));
        const auto bad = [](std::string_view c) {
            return std::any_of(c.begin(), c.end(), [](char ch) {
                return text::is_ascii_space(ch) || ch == '[' || ch == ':';
            });
        };
        // "[:173]" (CAMEO.2.0.txt has 90 of them): no event, the target's is 173.
        if ((first.empty() && colon == std::string_view::npos) ||
            (colon != std::string_view::npos && second.empty()) || bad(first) || bad(second)) {
            warn(n, "malformed code [" + std::string(body) + "]; left out");
            return std::nullopt;
        }
        VerbCode c;
        c.given = true;
        if (first != "---") c.code = text::ascii_upper(first);  // "" stays ""
        if (second != "---") c.reverse = text::ascii_upper(second);
        return c;
    }

    // ---- blocks and verbs ---------------------------------------------------

    void block_header(std::string_view s, int n) {
        while (!s.empty() && s.front() == '-') s.remove_prefix(1);
        while (!s.empty() && s.back() == '-') s.remove_suffix(1);
        s = text::trim(s);
        VerbBlock block;
        block.place = place(n);
        const auto open = s.find('[');
        block.name = std::string(text::trim(s.substr(0, open)));
        if (open != std::string_view::npos) {
            std::string_view rest;
            if (auto c = code(s.substr(open), n, rest)) block.code = std::move(*c);
            // "---  DISGRACE   [110]---  ---": dashes after the code close the header too.
            if (rest.find_first_not_of("- \t") != std::string_view::npos)
                warn(n, "unexpected text " + quoted(rest) + " after the code; ignored");
        }
        if (block.name.empty()) warn(n, "verb block without a name");
        blocks_.push_back(std::move(block));
        state_ = State::block;
    }

    void add_form(std::vector<std::string> words, std::size_t head, std::uint32_t verb,
                  std::size_t first_form) {
        for (std::size_t k = first_form; k < forms_.size(); ++k)
            if (forms_[k].words == words && forms_[k].head == head) return;
        forms_.push_back({std::move(words), head, verb});
    }

    void verb_line(std::string_view s, int n) {
        if (blocks_.empty())
            return warn(n, "verb " + quoted(s) + " before any verb block; left out");
        state_ = State::block;
        std::size_t end = 0;
        while (end < s.size() && !text::is_ascii_space(s[end]) && s[end] != '{' && s[end] != '[')
            ++end;
        const std::string_view lemma = s.substr(0, end);
        std::string_view rest = text::trim(s.substr(end));
        const auto bad_char = lemma.find_first_of("(){}[]*$%^&");
        VerbWords base = verb_words(lemma);
        if (bad_char != std::string_view::npos || base.words.empty())
            return warn(n, "malformed verb " + quoted(s) + "; left out");
        std::optional<std::string_view> irregular;
        VerbCode own;
        while (!rest.empty()) {
            if (rest.front() == '{' && !irregular) {
                const auto close = rest.find('}');
                if (close == std::string_view::npos)
                    return warn(n, "unclosed '{' in " + quoted(s) + "; verb left out");
                irregular = rest.substr(1, close - 1);
                rest = text::trim(rest.substr(close + 1));
            } else if (rest.front() == '[' && !own.given) {
                std::string_view after;
                if (auto c = code(rest, n, after)) own = std::move(*c);
                rest = after;
            } else {
                warn(n, "unexpected text " + quoted(rest) + " after verb " + std::string(lemma) +
                            "; ignored");
                break;
            }
        }
        if (base.words.size() > 1 && !base.marked)
            warn(n, "multi-word verb " + std::string(lemma) +
                        " has no '+' before its verb word; the first word taken");

        const auto index = std::uint32_t(verbs_.size());
        const auto block = std::uint32_t(blocks_.size() - 1);
        verbs_.push_back({std::string(lemma), std::move(own), block, place(n)});
        blocks_.back().verbs.push_back(index);

        const std::size_t first_form = forms_.size();
        const std::size_t head = base.head;
        add_form(base.words, head, index, first_form);
        if (irregular) {
            // "{BROKE BROKEN}": the forms besides the base, as the file gives them.
            // Forms are separated by blanks; some entries add commas ("{+WAS_DETERMINED ,
            // +BE_DETERMINED}").
            std::string_view list = *irregular;
            const auto gap = [](char c) { return text::is_ascii_space(c) || c == ','; };
            std::size_t i = 0;
            while (i < list.size()) {
                while (i < list.size() && gap(list[i])) ++i;
                std::size_t j = i;
                while (j < list.size() && !gap(list[j])) ++j;
                if (j > i) {
                    VerbWords f = verb_words(list.substr(i, j - i));
                    if (!f.marked && f.words.size() == base.words.size()) f.head = head;
                    if (!f.words.empty()) add_form(std::move(f.words), f.head, index, first_form);
                }
                i = j;
            }
        } else {
            const VerbForms f = inflect(base.words[head]);
            for (const std::string* w : {&f.third, &f.past, &f.participle, &f.gerund}) {
                std::vector<std::string> words = base.words;
                words[head] = *w;
                add_form(std::move(words), head, index, first_form);
            }
        }
        const std::string key = [&] {
            std::string k;
            for (const auto& w : base.words) k.append(w).append(" ");
            return k;
        }();
        if (const auto [it, fresh] = verb_lines_.try_emplace(key, n); !fresh)
            warn(n, "verb " + std::string(lemma) + " given again (first at line " +
                        std::to_string(it->second) + "); both kept");
    }

    // ---- patterns -----------------------------------------------------------

    void pattern(std::string_view s, int n) {
        if (blocks_.empty()) return warn(n, "pattern before any verb block; left out");
        state_ = State::block;
        VerbPattern p;
        p.place = place(n);
        std::string_view body = s;
        if (const auto open = s.find('['); open != std::string_view::npos) {
            body = s.substr(0, open);
            std::string_view rest;
            if (auto c = code(s.substr(open), n, rest)) p.code = std::move(*c);
            if (!rest.empty())
                warn(n, "unexpected text " + quoted(rest) + " after the code; ignored");
        }
        if (!elements(text::trim(body), n, p)) return;
        blocks_.back().patterns.push_back(std::move(p));
    }

    // The elements of "[before] * [after]"; false (and a warning) for a defect.
    bool elements(std::string_view s, int n, VerbPattern& p) {
        std::vector<PatternElement> all;
        std::optional<std::size_t> star;  // elements before the '*'
        enum class Last { none, element, star } last = Last::none;
        bool join = false;  // a '_' since the last element or '*'
        int parens = 0;
        std::optional<std::size_t> brace;  // where the open {...} started in `all`
        const auto defect = [&](const std::string& what) {
            warn(n, "pattern " + quoted(s) + ": " + what + "; left out");
            return false;
        };
        const auto push = [&](PatternElement e) {
            if (join && last == Last::element) all.back().joined = true;
            if (join && last == Last::star) p.verb_joined_after = true;
            // "{FINANCIAL AID}": a braced phrase's words follow one another.
            if (brace && all.size() > *brace && last == Last::element) all.back().joined = true;
            all.push_back(std::move(e));
            last = Last::element;
            join = false;
        };
        std::size_t i = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (text::is_ascii_space(c)) {
                ++i;
                continue;
            }
            switch (c) {
                case '_':
                    join = last != Last::none;
                    ++i;
                    continue;
                case '*':
                    if (star) return defect("more than one '*'");
                    if (parens || brace) return defect("'*' inside brackets");
                    if (join && last == Last::element) all.back().joined = true;
                    star = all.size();
                    last = Last::star;
                    join = false;
                    ++i;
                    continue;
                case '(':
                    if (brace) return defect("'(' inside {...}");
                    ++parens;
                    ++i;
                    continue;
                case ')':
                    if (parens == 0 || brace) return defect("unmatched ')'");
                    --parens;
                    ++i;
                    continue;
                case '{':
                    if (brace) return defect("'{' inside {...}");
                    brace = all.size();
                    ++i;
                    continue;
                case '}':
                    if (!brace) return defect("unmatched '}'");
                    brace.reset();
                    ++i;
                    continue;
                case ']':
                    return defect("unmatched ']'");
                case '$':
                case '+':
                case '%':
                case '^': {
                    PatternElement e;
                    e.kind = c == '$'   ? ElementKind::source
                             : c == '+' ? ElementKind::target
                             : c == '%' ? ElementKind::compound
                                        : ElementKind::skip;
                    push(std::move(e));
                    ++i;
                    continue;
                }
                case '&': {
                    std::size_t j = i + 1;
                    while (j < s.size() && is_name_char(s[j])) ++j;
                    const std::string run = text::ascii_upper(s.substr(i + 1, j - i - 1));
                    // Synset names have '_' in them ("&FIGHT_OF_WORDS") and so does
                    // a joined run ("&TIETYPES_RELATIONS"): the longest name defined.
                    std::size_t len = run.size();
                    auto found = synset_index_.end();
                    while (len > 0) {
                        if (run[len - 1] != '_') {
                            found = synset_index_.find(run.substr(0, len));
                            if (found != synset_index_.end()) break;
                        }
                        const auto us = run.rfind('_', len - 1);
                        if (us == std::string::npos) break;
                        len = us;
                    }
                    if (run.empty()) return defect("'&' without a synset name");
                    if (found == synset_index_.end()) {
                        std::string name = run;
                        while (!name.empty() && name.back() == '_') name.pop_back();
                        return defect("synset &" + name +
                                      " is not defined (a synset must be defined before it is "
                                      "used)");
                    }
                    PatternElement e;
                    e.kind = ElementKind::synset;
                    e.synset = found->second;
                    push(std::move(e));
                    i += 1 + len;
                    continue;
                }
                default: {
                    std::size_t j = i;
                    while (j < s.size() && !ends_word(s[j])) ++j;
                    PatternElement e;
                    e.word = key_of(s.substr(i, j - i));
                    push(std::move(e));
                    i = j;
                    continue;
                }
            }
        }
        if (parens) return defect("unclosed '('");
        if (brace) return defect("unclosed '{'");
        if (!star) return defect("no '*' (the verb)");
        p.before.assign(std::make_move_iterator(all.begin()),
                        std::make_move_iterator(all.begin() + std::ptrdiff_t(*star)));
        p.after.assign(std::make_move_iterator(all.begin() + std::ptrdiff_t(*star)),
                       std::make_move_iterator(all.end()));
        if (!p.after.empty()) p.after.back().joined = false;  // "* OUT_": nothing to join to
        return true;
    }

    std::vector<Synset>& synsets_;
    std::unordered_map<std::string, std::uint32_t>& synset_index_;
    std::vector<Verb>& verbs_;
    std::vector<VerbBlock>& blocks_;
    std::vector<DictionaryForm>& forms_;
    std::vector<VerbTransformation>& transformations_;
    std::vector<std::string>& warnings_;
    std::string_view text_;
    const std::string& file_;

    State state_ = State::none;
    bool in_comment_ = false;
    std::uint32_t synset_ = 0;
    bool synset_plurals_ = true;
    std::unordered_map<std::string, int> verb_lines_;  // words of a verb's base → its line
};

}  // namespace

void VerbDictionary::load_file(const std::string& path) {
    const std::string text =
        io::read_file(path, max_verb_dictionary_bytes,
                      "verb dictionary larger than " +
                          std::to_string(max_verb_dictionary_bytes >> 20) + " MB: not read");
    load_text(text, path);
}

void VerbDictionary::load_text(std::string_view text, const std::string& file) {
    Reader(synsets_, synset_index_, verbs_, blocks_, forms_, transformations_, warnings_, text,
           file)
        .read();
    index_ = detail::index_patterns(*this);
}

const VerbCode& VerbDictionary::code_of(const Verb& verb) const {
    return verb.code.given ? verb.code : blocks_.at(verb.block).code;
}

}  // namespace eventgraph::extract

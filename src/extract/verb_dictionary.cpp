// TABARI/PETRARCH verb dictionaries, line by line. The two dialects in use
// are read by one grammar: TABARI's flat patterns ("- $ * ^ TO_ +") and
// PETRARCH2's noun phrases ("- * (FOR {FINANCIAL AID})"), which become the
// same elements. Every defect is a warning and only its line is left out.

#include "eventgraph/extract/verb_dictionary.hpp"

#include <algorithm>

#include "eventgraph/error.hpp"
#include "eventgraph/extract/triggers.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/text/tokenize.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::extract {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The match key of one dictionary word, as the extractor keys tokens.
std::string key_of(std::string_view word) { return text::match_key(word, text::TokenKind::word); }

// Words of a phrase written with spaces or underscores.
std::vector<std::string> phrase_words(std::string_view phrase) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : phrase) {
        if (c == ' ' || c == '_' || c == '\t') {
            if (!cur.empty()) out.push_back(key_of(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(key_of(cur));
    return out;
}

// A regular plural, as the dictionaries make them: S, Y → IES, SS → ES.
std::string plural(std::string_view w) {
    if (ends_with(w, "ss") || ends_with(w, "sh") || ends_with(w, "ch") || ends_with(w, "x"))
        return std::string(w) + "es";
    if (w.size() > 1 && w.back() == 'y' && std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos)
        return std::string(w.substr(0, w.size() - 1)) + "ies";
    if (w.back() == 's') return std::string(w);
    return std::string(w) + "s";
}

class Reader {
public:
    Reader(std::string_view file, std::vector<Synset>& synsets, std::unordered_map<std::string, std::uint32_t>& index,
           std::vector<Verb>& verbs, std::vector<VerbBlock>& blocks, std::vector<DictionaryForm>& forms,
           std::vector<VerbTransformation>& transformations, std::vector<std::string>& warnings)
        : file_(file), synsets_(synsets), index_(index), verbs_(verbs), blocks_(blocks), forms_(forms),
          transformations_(transformations), warnings_(warnings) {}

    void read(std::string_view text) {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        int n = 0;
        bool in_comment = false;  // inside <!-- ... -->
        while (!text.empty()) {
            const auto nl = text.find('\n');
            std::string_view line = text.substr(0, nl);
            text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
            ++n;
            if (in_comment || trim(line).substr(0, 4) == "<!--") {
                in_comment = line.find("-->") == std::string_view::npos;
                continue;
            }
            if (text::find_invalid_utf8(line) != std::string_view::npos) {
                warn(n, "invalid UTF-8; line skipped");
                continue;
            }
            line_ = n;
            read_line(line);
        }
        finish_synset();
    }

private:
    void warn(int line, const std::string& what) { warnings_.push_back(std::string(file_) + ":" + std::to_string(line) + ": " + what); }
    void warn(const std::string& what) { warn(line_, what); }
    DictionaryPlace here() const { return {std::string(file_), line_}; }

    void read_line(std::string_view raw) {
        std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') return;
        // A block header's dashes are no comment; elsewhere '#' starts one.
        if (line.substr(0, 3) == "---") {
            finish_synset();
            return block_header(line);
        }
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = trim(line.substr(0, hash));
        if (line.empty()) return;
        switch (line.front()) {
            case '&':
                finish_synset();
                return synset_header(line);
            case '+':
                if (synset_) return synset_phrase(line.substr(1));
                finish_synset();
                return verb_line(line);
            case '-':
                finish_synset();
                return pattern_line(line.substr(1));
            case '~':
                finish_synset();
                transformations_.push_back({std::string(line), here()});
                return;
            default:
                finish_synset();
                return verb_line(line);
        }
    }

    // ---- codes --------------------------------------------------------------

    // "[032:033]" at the end of `line`: the code, and the line before it.
    std::optional<VerbCode> trailing_code(std::string_view& line) {
        line = trim(line);
        if (line.empty() || line.back() != ']') {
            if (line.find('[') != std::string_view::npos) warn("unclosed '[' in \"" + std::string(line) + "\"; line left out");
            return std::nullopt;
        }
        const auto open = line.rfind('[');
        if (open == std::string_view::npos) {
            warn("']' without '[' in \"" + std::string(line) + "\"");
            return std::nullopt;
        }
        std::string_view inside = trim(line.substr(open + 1, line.size() - open - 2));
        line = trim(line.substr(0, open));
        VerbCode code;
        code.given = true;
        const auto colon = inside.find(':');
        auto clean = [](std::string_view c) {
            c = trim(c);
            std::string out;
            for (char ch : c) out += char(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
            return out.find_first_not_of('-') == std::string::npos ? std::string() : out;
        };
        code.code = clean(inside.substr(0, colon));
        if (colon != std::string_view::npos) code.reverse = clean(inside.substr(colon + 1));
        auto valid = [](const std::string& c) {
            return std::all_of(c.begin(), c.end(), [](char ch) {
                return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || ch == '?';
            }) && c.size() <= 8;
        };
        if (!valid(code.code) || !valid(code.reverse)) {
            warn("malformed code [" + std::string(inside) + "]; line left out");
            return std::nullopt;
        }
        // "[025?]": a coder's doubt, not part of the code.
        std::erase(code.code, '?');
        std::erase(code.reverse, '?');
        return code;
    }

    // ---- synsets ------------------------------------------------------------

    void synset_header(std::string_view line) {
        std::string name(trim(line.substr(1)));
        if (name.empty() || name.find(' ') != std::string::npos) {
            warn("malformed synset name \"" + std::string(line) + "\"; left out");
            return;
        }
        synset_no_plurals_ = name.back() == '_';
        if (synset_no_plurals_) name.pop_back();
        if (index_.count(name)) warn("synset &" + name + " defined again; the later one is used");
        synset_ = Synset{name, {}, here()};
    }

    void synset_phrase(std::string_view phrase) {
        phrase = trim(phrase);
        if (!phrase.empty() && phrase.front() == '&') {
            std::string name(phrase.substr(1));
            if (!name.empty() && name.back() == '_') name.pop_back();
            const auto it = index_.find(name);
            if (it == index_.end()) return warn("undefined synset &" + name + " inside &" + synset_->name + "; left out");
            for (const auto& p : synsets_[it->second].phrases) synset_->phrases.push_back(p);
            return;
        }
        if (phrase.find_first_of("$+%^*{}()[]") != std::string_view::npos)
            return warn("a synset phrase holds only words: \"" + std::string(phrase) + "\"; left out");
        const bool no_plural = synset_no_plurals_ || ends_with(phrase, "_");
        auto words = phrase_words(phrase);
        if (words.empty()) return;
        synset_->phrases.push_back(words);
        if (!no_plural) {
            const std::string p = plural(words.back());
            if (p != words.back()) {
                words.back() = p;
                synset_->phrases.push_back(std::move(words));
            }
        }
    }

    void finish_synset() {
        if (!synset_) return;
        const auto id = std::uint32_t(synsets_.size());
        index_[synset_->name] = id;
        synsets_.push_back(std::move(*synset_));
        synset_.reset();
    }

    // ---- verb blocks and verbs ----------------------------------------------

    void block_header(std::string_view line) {
        std::string_view inner = line.substr(3);
        if (const auto hash = inner.find('#'); hash != std::string_view::npos) inner = inner.substr(0, hash);
        // the closing dashes, sometimes run into the code: "[110]---  ---"
        while (!inner.empty() && (inner.back() == '-' || inner.back() == ' ' || inner.back() == '\t')) inner.remove_suffix(1);
        inner = trim(inner);
        VerbBlock b;
        b.place = here();
        if (auto code = trailing_code(inner)) b.code = *code;
        b.name = std::string(inner);
        if (b.name.empty()) warn("verb block without a name");
        blocks_.push_back(std::move(b));
    }

    VerbBlock* block() {
        if (blocks_.empty()) {
            warn("verb or pattern before any \"--- NAME [CODE] ---\" block; left out");
            return nullptr;
        }
        return &blocks_.back();
    }

    // A form as written ("WIRE_+TAPPED", "+CORDON_OFF", "BANNED") → its words and head.
    std::optional<DictionaryForm> form_of(std::string_view written) {
        DictionaryForm f;
        std::size_t head = std::string_view::npos;
        std::string cur;
        auto flush = [&] {
            if (!cur.empty()) f.words.push_back(key_of(cur));
            cur.clear();
        };
        for (char c : written) {
            if (c == '_' || c == ' ') {
                flush();
            } else if (c == '+') {
                flush();
                head = f.words.size();
            } else {
                cur += c;
            }
        }
        flush();
        if (f.words.empty()) return std::nullopt;
        if (head == std::string_view::npos) head = 0;  // TABARI: the first word is the verb
        if (head >= f.words.size()) {
            warn("'+' at the end of \"" + std::string(written) + "\"; left out");
            return std::nullopt;
        }
        f.head = head;
        return f;
    }

    void add_form(DictionaryForm f, std::uint32_t verb) {
        f.verb = verb;
        if (std::find(forms_.begin() + first_form_, forms_.end(), f) == forms_.end()) forms_.push_back(std::move(f));
    }

    void verb_line(std::string_view line) {
        VerbBlock* b = block();
        if (!b) return;
        while (!line.empty() && line.back() == '-') line.remove_suffix(1);
        std::optional<VerbCode> code = trailing_code(line);
        if (!code && line.find('[') != std::string_view::npos) return;  // warned
        std::string_view irregular;
        if (const auto open = line.find('{'); open != std::string_view::npos) {
            const auto close = line.find('}', open);
            if (close == std::string_view::npos) return warn("unclosed '{' in \"" + std::string(line) + "\"; left out");
            irregular = line.substr(open + 1, close - open - 1);
            line = trim(line.substr(0, open));
        }
        const auto base = form_of(line);
        if (!base) return;
        const auto id = std::uint32_t(verbs_.size());
        verbs_.push_back({std::string(line), code.value_or(VerbCode{}), std::uint32_t(blocks_.size() - 1), here()});
        b->verbs.push_back(id);
        first_form_ = forms_.size();
        add_form(*base, id);
        if (!irregular.empty()) {
            // The forms given replace the regular ones.
            std::size_t i = 0;
            while (i < irregular.size()) {
                // forms are separated by blanks, some files add commas
                auto gap = [&](char ch) { return ch == ' ' || ch == '\t' || ch == ','; };
                while (i < irregular.size() && gap(irregular[i])) ++i;
                std::size_t j = i;
                while (j < irregular.size() && !gap(irregular[j])) ++j;
                if (j > i)
                    if (auto f = form_of(irregular.substr(i, j - i))) add_form(std::move(*f), id);
                i = j;
            }
            return;
        }
        // Regular forms of the head word; the other words stay as they are.
        const VerbForms regular = inflect(base->words[base->head]);
        for (const std::string* w : {&regular.third, &regular.past, &regular.participle, &regular.gerund}) {
            DictionaryForm f = *base;
            f.words[f.head] = *w;
            add_form(std::move(f), id);
        }
    }

    // ---- patterns -----------------------------------------------------------

    void pattern_line(std::string_view line) {
        VerbBlock* b = block();
        if (!b) return;
        VerbPattern p;
        p.place = here();
        const bool bracket = line.find('[') != std::string_view::npos;
        const auto code = trailing_code(line);
        if (!code) return bracket ? void() : warn("pattern without a [CODE]; left out");
        p.code = *code;
        std::vector<PatternElement>* side = &p.before;
        bool seen_verb = false;
        std::size_t i = 0;
        int paren = 0, brace = 0;
        bool pending_join = false;  // an '_' after the last element
        auto push = [&](PatternElement e) {
            if (pending_join && !side->empty()) side->back().joined = true;
            if (pending_join && side->empty() && side == &p.after) p.verb_joined_after = true;
            pending_join = false;
            // Words inside braces are one noun phrase: each joined to the next.
            if (brace > 0 && !side->empty() && side->back().kind != ElementKind::skip && brace_open_ < side->size())
                side->back().joined = true;
            side->push_back(std::move(e));
        };
        while (i < line.size()) {
            const char c = line[i];
            if (c == ' ' || c == '\t') {
                ++i;
                continue;
            }
            if (c == '_') {
                pending_join = true;
                ++i;
                continue;
            }
            if (c == '(' || c == ')') {
                paren += c == '(' ? 1 : -1;
                ++i;
                continue;
            }
            if (c == '{' || c == '}') {
                if (c == '{') {
                    ++brace;
                    brace_open_ = side->size();
                } else {
                    --brace;
                }
                ++i;
                continue;
            }
            if (c == '*') {
                if (seen_verb) return warn("two '*' in a pattern; left out");
                seen_verb = true;
                // "IN_*": the element before is joined to the verb.
                if (pending_join && !p.before.empty()) p.before.back().joined = true;
                pending_join = false;
                side = &p.after;
                ++i;
                if (i < line.size() && line[i] == '_') {
                    p.verb_joined_after = true;
                    ++i;
                }
                continue;
            }
            PatternElement e;
            if (c == '$' || c == '+' || c == '%' || c == '^') {
                e.kind = c == '$' ? ElementKind::source : c == '+' ? ElementKind::target : c == '%' ? ElementKind::compound : ElementKind::skip;
                ++i;
                push(std::move(e));
                continue;
            }
            std::size_t j = i;
            while (j < line.size() && std::string_view(" \t_(){}*$%^+").find(line[j]) == std::string_view::npos) ++j;
            if (j == i) {
                // a '+' inside a word run was handled above; anything else is a defect
                return warn("unexpected character '" + std::string(1, c) + "' in the pattern; left out");
            }
            std::string_view word = line.substr(i, j - i);
            i = j;
            if (word.front() == '&') {
                std::string name(word.substr(1));
                if (!name.empty() && name.back() == '_') name.pop_back();
                const auto it = index_.find(name);
                if (it == index_.end()) return warn("undefined synset &" + name + "; pattern left out");
                e.kind = ElementKind::synset;
                e.synset = it->second;
            } else {
                e.word = key_of(word);
                if (e.word.empty()) continue;
            }
            push(std::move(e));
        }
        if (!seen_verb) return warn("pattern without '*' (where the verb stands); left out");
        if (paren != 0 || brace != 0) warn("unbalanced brackets in the pattern; read as if balanced");
        b->patterns.push_back(std::move(p));
    }

    std::string_view file_;
    std::vector<Synset>& synsets_;
    std::unordered_map<std::string, std::uint32_t>& index_;
    std::vector<Verb>& verbs_;
    std::vector<VerbBlock>& blocks_;
    std::vector<DictionaryForm>& forms_;
    std::vector<VerbTransformation>& transformations_;
    std::vector<std::string>& warnings_;
    int line_ = 0;
    std::optional<Synset> synset_;
    bool synset_no_plurals_ = false;
    std::size_t first_form_ = 0;
    std::size_t brace_open_ = 0;
};

}  // namespace

void VerbDictionary::load_text(std::string_view text, const std::string& file) {
    Reader(file, synsets_, synset_index_, verbs_, blocks_, forms_, transformations_, warnings_).read(text);
}

void VerbDictionary::load_file(const std::string& path) {
    const std::string text = lexicon::read_dictionary_file(path);
    if (text.find('\0') != std::string::npos) throw input_error(path, "binary file, not a verb dictionary");
    load_text(text, path);
}

const VerbCode& VerbDictionary::code_of(const Verb& verb) const {
    return verb.code.given ? verb.code : blocks_.at(verb.block).code;
}

}  // namespace eventgraph::extract

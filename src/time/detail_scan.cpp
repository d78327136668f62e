#include "time/detail_scan.hpp"

#include <unordered_map>

#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/words.hpp"

// A hand-written scanner: text::tokenize's tokens are cut into words, numbers
// and punctuation with their byte offsets, each short word looked up once in
// a small table; the patterns then only ever look at a token or two around a
// month, a weekday, a number or one of a few dozen keywords. Regular
// expressions over every sentence of a corpus would cost far more, and could
// not say "a capitalised month after 'in'" or "a year that is not a count".

namespace eventgraph::time::detail {

namespace {

using Table = std::unordered_map<std::string_view, Entry>;

const Table& table();

// Which first letters the table's words of each length start with: most words
// of running text fail this test and never reach the hash table.
struct Prefilter {
    std::uint32_t letters[13] = {};
    Prefilter() {
        for (const auto& [word, entry] : table())
            if (word.size() < 13) letters[word.size()] |= 1u << (word[0] - 'a');
    }
    bool may_hold(const char* lower, std::size_t len) const {
        return len < 13 && (letters[len] >> (lower[0] - 'a') & 1u);
    }
};

const Table& table() {
    static const Table t = [] {
        Table m;
        auto add = [&m](std::initializer_list<std::string_view> words, W w, int value = 0,
                        bool abbrev = false) {
            for (auto s : words) m.emplace(s, Entry{w, std::uint8_t(value), abbrev});
        };
        for (int i = 0; i < 12; ++i) {
            const std::string_view name = text::month_names[i];
            add({name}, W::month, i + 1);
            if (name.size() > 3) add({name.substr(0, 3)}, W::month, i + 1, true);  // "Jan"
        }
        add({"sept"}, W::month, 9, true);
        for (int i = 0; i < 7; ++i) add({text::weekday_names[i]}, W::weekday, i);
        add({"today"}, W::today);
        add({"tonight"}, W::tonight);
        add({"yesterday"}, W::yesterday);
        add({"tomorrow"}, W::tomorrow);
        add({"last"}, W::last);
        add({"this"}, W::this_);
        add({"next"}, W::next);
        add({"ago"}, W::ago);
        add({"day", "days"}, W::unit, 0);
        add({"week", "weeks"}, W::unit, 1);
        add({"month", "months"}, W::unit, 2);
        add({"year", "years"}, W::unit, 3);
        const char* numbers[] = {"one",     "two",       "three",    "four",     "five",
                                 "six",     "seven",     "eight",    "nine",     "ten",
                                 "eleven",  "twelve",    "thirteen", "fourteen", "fifteen",
                                 "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
        for (int i = 0; i < 20; ++i) add({numbers[i]}, W::number, i + 1);
        add({"thirty"}, W::number, 30);
        add({"a", "an"}, W::a);
        add({"early"}, W::early);
        add({"mid"}, W::mid);
        add({"late"}, W::late);
        add({"earlier"}, W::earlier);
        add({"later"}, W::later);
        add({"night", "morning", "afternoon", "evening"}, W::part_of_day);
        add({"in"}, W::prep, p_in);
        add({"on"}, W::prep, p_on);
        add({"since"}, W::prep, p_since);
        add({"until", "till", "through", "throughout"}, W::prep, p_until);
        add({"by"}, W::prep, p_by);
        add({"from"}, W::prep, p_from);
        add({"during"}, W::prep, p_during);
        add({"before"}, W::prep, p_before);
        add({"after"}, W::prep, p_after);
        add({"between"}, W::prep, p_between);
        add({"circa"}, W::prep, p_circa);
        add({"for"}, W::prep, p_for);
        add({"of"}, W::of);
        add({"and", "or", "to"}, W::and_or);
        add({"the", "its", "his", "her", "their"}, W::determiner);
        add({"will", "shall", "would", "due", "scheduled", "slated", "plans", "plan", "planning",
             "planned", "expected", "expects", "expect", "intends", "intend", "aims", "hopes",
             "upcoming", "forthcoming"},
            W::future_cue);
        add({"said", "told",   "was",    "were",  "had",  "did",  "met",
             "held", "struck", "took",   "began", "came", "went", "saw",
             "made", "hit",    "fought", "gave",  "sent", "ago",  "says"},
            W::past_cue);
        add({"troops",   "soldiers",   "people",     "civilians", "residents",  "refugees",
             "migrants", "children",   "women",      "men",       "fighters",   "militants",
             "members",  "workers",    "police",     "officers",  "casualties", "deaths",
             "dead",     "wounded",    "injured",    "victims",   "hostages",   "prisoners",
             "rockets",  "missiles",   "drones",     "shells",    "rounds",     "bombs",
             "tanks",    "vehicles",   "aircraft",   "jets",      "planes",     "ships",
             "homes",    "houses",     "buildings",  "cases",     "votes",      "seats",
             "km",       "kilometres", "kilometers", "miles",     "metres",     "meters",
             "tons",     "tonnes",     "barrels",    "dollars",   "euros",      "pounds",
             "rubles",   "yuan",       "units",      "pages",     "words",      "times",
             "hours",    "minutes",    "percent",    "per",       "feet",       "acres",
             "hectares", "jobs",       "points",     "shares"},
            W::count_noun);
        add({"end", "beginning", "start", "rest", "half", "quarter", "course", "part", "middle"},
            W::time_noun);
        add({"spring", "summer", "autumn", "fall", "winter"}, W::season);
        add({"fiscal"}, W::fiscal);
        // The tokenizer's abbreviations, lower case: a period after one does
        // not end a sentence (the months' are months, added above).
        static const std::vector<std::string> abbreviations = [] {
            std::vector<std::string> out;
            for (const auto& a : text::abbreviations()) out.push_back(text::ascii_lower(a.word));
            return out;
        }();
        for (const std::string& a : abbreviations) add({a}, W::abbreviation);
        add({"set"}, W::set);
        add({"going"}, W::going);
        add({"won"}, W::won);
        add({"ll"}, W::ll);
        add({"time"}, W::time_word);
        return m;
    }();
    return t;
}

using text::is_ascii_alnum;
using text::is_ascii_alpha;
using text::is_ascii_digit;
using text::is_ascii_upper;

// Multi-byte characters the scanner treats as white space or punctuation
// (no-break and thin spaces, dashes, curly quotes); 0 for anything else.
// Sets `as` to the punctuation they stand for, or to ' ' for space.
std::size_t special_at(std::string_view s, std::size_t i, char& as) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        as = ' ';
        return 2;
    }
    if (c0 != 0xE2 || i + 2 >= s.size() || static_cast<unsigned char>(s[i + 1]) != 0x80) return 0;
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c2 <= 0x8B || c2 == 0xAF)
        as = ' ';
    else if (c2 == 0x93)
        as = '-';
    else if (c2 == 0x94)
        as = '|';
    else if (c2 == 0x98 || c2 == 0x99)
        as = '\'';
    else if (c2 == 0x9C || c2 == 0x9D)
        as = '"';
    else
        return 0;
    return 3;
}

// One token of the scanner at s[i], within a text token ending at n; moves i past it.
void scan_one(std::string_view s, std::size_t& i, std::size_t n, bool paragraph, const Table& words,
              const Prefilter& prefilter, std::vector<Token>& out) {
    const auto c = static_cast<unsigned char>(s[i]);
    char as = 0;
    const std::size_t special = c >= 0x80 ? special_at(s, i, as) : 0;
    if (special && as == ' ') {
        i += special;
        return;
    }
    Token t;
    t.begin = i;
    t.new_paragraph = paragraph;
    if (special || c == '\'') {
        const std::size_t len = special ? special : 1;
        const char ch = special ? as : '\'';
        // "Tuesday's": the possessive belongs to the word before it.
        if (ch == '\'' && !out.empty() && out.back().end == i && i + len < n &&
            (s[i + len] | 0x20) == 's' && (i + len + 1 == n || !is_ascii_alnum(s[i + len + 1]))) {
            out.back().possessive = true;
            i += len + 1;
            return;
        }
        t.kind = TK::punct;
        t.ch = ch;
        t.end = i + len;
    } else if (is_ascii_digit(c)) {
        std::size_t j = i;
        int v = 0, d = 0;
        while (j < n && is_ascii_digit(s[j])) {
            if (d < 9) v = v * 10 + (s[j] - '0');
            ++d;
            ++j;
        }
        bool plain = true;
        // "2,000" and "3.5" are quantities, never a day or a year.
        while (j + 1 < n && (s[j] == ',' || s[j] == '.') && is_ascii_digit(s[j + 1])) {
            plain = false;
            ++j;
            while (j < n && is_ascii_digit(s[j])) ++j;
        }
        if (j < n && is_ascii_alpha(s[j])) {
            const std::size_t k0 = j;
            while (j < n && is_ascii_alnum(s[j])) ++j;
            const std::string_view suffix = s.substr(k0, j - k0);
            auto eq = [&](const char* x) {
                return suffix.size() == 2 && (suffix[0] | 0x20) == x[0] &&
                       (suffix[1] | 0x20) == x[1];
            };
            if (eq("st") || eq("nd") || eq("rd") || eq("th"))
                t.ordinal = true;
            else
                plain = false;  // "1990s", "10am", "5km"
        }
        t.kind = TK::number;
        t.plain = plain;
        t.digits = d;
        t.value = v;
        t.end = j;
    } else if (is_ascii_alpha(c) || c >= 0x80) {
        // Letters, digits and other non-ASCII characters make one word, so
        // "G7", "F16" and "Erdoğan" are words that no pattern knows.
        std::size_t j = i;
        bool plain_word = true;  // ASCII letters only: worth a table look-up
        char dummy = 0;
        while (j < n) {
            const auto cj = static_cast<unsigned char>(s[j]);
            if (is_ascii_alpha(cj)) {
                ++j;
            } else if (is_ascii_digit(cj) || (cj >= 0x80 && !special_at(s, j, dummy))) {
                plain_word = false;
                ++j;
            } else {
                break;
            }
        }
        t.kind = TK::word;
        t.cap = is_ascii_upper(c);
        t.end = j;
        const std::size_t len = j - i;
        if (plain_word && len <= 12) {
            char buf[12];
            for (std::size_t k = 0; k < len; ++k) buf[k] = char(s[i + k] | 0x20);
            if (prefilter.may_hold(buf, len))
                if (auto it = words.find(std::string_view(buf, len)); it != words.end())
                    t.entry = it->second;
        }
    } else {
        t.kind = TK::punct;
        t.ch = char(c);
        t.end = i + 1;
    }
    i = t.end;
    out.push_back(t);
}

}  // namespace

// The scanner's tokens inside text::tokenize's: text/ says where words,
// white space and paragraphs are; each of its tokens is cut finer here, as
// dates need ("mid-July" is mid - July, "Sept." is Sept and its period,
// "12:30" three tokens, "won't" won ' t), with numbers read and words looked up.
void tokenize(std::string_view s, std::span<const text::Token> words, std::size_t base,
              std::vector<Token>& out) {
    out.clear();
    const Table& table_words = table();
    static const Prefilter prefilter;
    for (const text::Token& word : words) {
        bool paragraph = word.has(text::paragraph_start);
        const std::size_t n = word.end - base;
        for (std::size_t i = word.begin - base; i < n;) {
            scan_one(s, i, n, paragraph, table_words, prefilter, out);
            paragraph = false;
        }
    }
}

// Sentences and clauses, for judging the future: a sentence ends at . ! ?
// (not after "Sept." or "U.S.") before a capital, a number or a quote; a
// clause also ends at a comma, a semicolon, a colon, a bracket or a dash.
void mark_sentences(std::vector<Token>& t) {
    std::uint32_t sentence = 0, clause = 0;
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (t[k].new_paragraph && k > 0) {
            ++sentence;
            ++clause;
        }
        t[k].sentence = sentence;
        t[k].clause = clause;
        if (t[k].kind != TK::punct) continue;
        const char ch = t[k].ch;
        if (ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '|' ||
            ch == '"') {
            ++clause;
        } else if (ch == '.' || ch == '!' || ch == '?') {
            if (ch == '.' && k > 0 && t[k - 1].kind == TK::word && t[k - 1].end == t[k].begin &&
                (t[k - 1].end - t[k - 1].begin == 1 || t[k - 1].entry.abbrev ||
                 t[k - 1].entry.w == W::abbreviation))
                continue;
            const bool ends = k + 1 == t.size() || t[k + 1].cap || t[k + 1].kind == TK::number ||
                              (t[k + 1].kind == TK::punct && t[k + 1].ch == '"');
            if (ends) {
                ++sentence;
                ++clause;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Calendar

int days_in_month(int y, unsigned m) {
    return int(unsigned(
        date::year_month_day_last(date::year{y}, date::month_day_last{date::month{m}}).day()));
}

date::year_month add_months(date::year_month ym, int n) { return ym + date::months{n}; }

date::year_month_day resolve_month_day(unsigned m, unsigned d, date::year_month_day ref,
                                       bool forward) {
    int y = int(ref.year());
    for (int k = 0; k < 8; ++k) {
        const date::year_month_day c{date::year{y}, date::month{m}, date::day{d}};
        if (c.ok() && (forward ? date::sys_days(c) >= date::sys_days(ref)
                               : date::sys_days(c) <= date::sys_days(ref)))
            return c;
        y += forward ? 1 : -1;
    }
    return ref;  // unreachable for a valid month and day
}

date::year_month resolve_month(unsigned m, date::year_month_day ref, bool forward) {
    int y = int(ref.year());
    const unsigned rm = unsigned(ref.month());
    if (!forward && m > rm) --y;
    if (forward && m < rm) ++y;
    return date::year{y} / date::month{m};
}

}  // namespace eventgraph::time::detail

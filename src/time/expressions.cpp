#include "eventgraph/time/expressions.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>

#include "time/detail_scan.hpp"

// The date patterns, over the tokens of detail_scan.cpp.

namespace eventgraph::time {

namespace {

using date::days;
using date::sys_days;
using date::year_month_day;
using namespace detail;

enum class Mod : std::uint8_t { none, last, this_, next, early, mid, late };

bool is_edge(Mod m) { return m == Mod::early || m == Mod::mid || m == Mod::late; }

// ---------------------------------------------------------------------------
// The scanner

struct Match {
    std::size_t first = 0;
    std::size_t last = 0;  // inclusive
    model::DateSpan span;
    bool approximate = false;
    int direction = 0;  // -1 said to be past, +1 said to be future, 0 as the clause says
};

struct Cue {
    std::size_t token;
    bool future;
};

class Scanner {
public:
    Scanner(std::string_view text, year_month_day ref, const std::vector<Token>& tokens)
        : text_(text), ref_(ref), t_(tokens), n_(tokens.size()) {}

    void run(std::vector<TimeExpression>& out) {
        find_cues();
        std::size_t i = 0;
        while (i < n_) {
            std::optional<Match> m = match_at(i);
            if (m && (!have_last_ || m->first > last_tok_)) {
                emit(*m, out);
                i = m->last + 1;
            } else {
                ++i;
            }
        }
    }

private:
    using Opt = std::optional<Match>;

    std::string_view text_;
    year_month_day ref_;
    const std::vector<Token>& t_;
    std::size_t n_;
    std::vector<Cue> cues_;
    bool have_last_ = false;
    std::size_t last_tok_ = 0;
    model::Granularity last_gran_ = model::Granularity::day;

    // --- token tests

    bool word(std::size_t i, W w) const {
        return i < n_ && t_[i].kind == TK::word && t_[i].entry.w == w;
    }
    bool cap_word(std::size_t i, W w) const { return word(i, w) && t_[i].cap; }
    bool punct(std::size_t i, char c) const {
        return i < n_ && t_[i].kind == TK::punct && t_[i].ch == c;
    }
    bool adjacent(std::size_t i, std::size_t j) const { return t_[i].end == t_[j].begin; }
    bool is(std::size_t i, std::string_view lower) const {
        if (i >= n_ || t_[i].kind != TK::word || t_[i].end - t_[i].begin != lower.size())
            return false;
        for (std::size_t k = 0; k < lower.size(); ++k)
            if ((text_[t_[i].begin + k] | 0x20) != lower[k]) return false;
        return true;
    }
    bool sentence_initial(std::size_t i) const {
        return i == 0 || t_[i - 1].sentence != t_[i].sentence ||
               (punct(i - 1, '"') && (i == 1 || t_[i - 2].sentence != t_[i].sentence));
    }

    // A number standing on its own: not part of "F-16", "$2024", "4:30", "3/4".
    bool free_number(std::size_t i) const {
        if (i >= n_ || t_[i].kind != TK::number || !t_[i].plain) return false;
        if (i > 0 && adjacent(i - 1, i)) {
            const Token& p = t_[i - 1];
            if (p.kind != TK::punct) return false;
            if (std::strchr("-/.:$#+&", p.ch)) return false;
        }
        if (i + 1 < n_ && adjacent(i, i + 1)) {
            const Token& q = t_[i + 1];
            if (q.kind != TK::punct || q.ch == ':' || q.ch == '/' || q.ch == '%') return false;
        }
        return true;
    }
    int day_at(std::size_t i) const {
        return free_number(i) && t_[i].digits <= 2 && t_[i].value >= 1 && t_[i].value <= 31
                   ? t_[i].value
                   : 0;
    }
    bool four_digits(std::size_t i) const {
        return free_number(i) && t_[i].digits == 4 && !t_[i].ordinal;
    }
    int year_at(std::size_t i) const {
        return four_digits(i) && t_[i].value >= 1900 && t_[i].value <= 2100 ? t_[i].value : 0;
    }
    bool month_word(std::size_t i) const { return cap_word(i, W::month); }

    // "in June and July", "from 2019 to 2021": the last expression ended just
    // before the conjunction.
    bool chained(std::size_t i, bool month_ok) const {
        if (i < 2 || !have_last_ || last_tok_ != i - 2) return false;
        if (!word(i - 1, W::and_or) && !punct(i - 1, '-')) return false;
        return month_ok ? last_gran_ != model::Granularity::year
                        : last_gran_ == model::Granularity::year;
    }

    // The word that sets an expression in context, looking past "the" and
    // "at least": "since the 7 October attack", "since at least 2023"; npos if none.
    std::size_t context_before(std::size_t i) const {
        if (i == 0) return std::size_t(-1);
        std::size_t p = i - 1;
        if (is(p, "the") && p > 0)
            --p;
        else if (is(p, "least") && is(p - 1, "at") && p > 1)
            p -= 2;
        return t_[p].kind == TK::word ? p : std::size_t(-1);
    }

    // --- the future

    void find_cues() {
        cues_.clear();
        for (std::size_t k = 0; k < n_; ++k) {
            const Token& x = t_[k];
            // "Will Smith" is no future; a capital starts a sentence or a name.
            if (x.kind != TK::word || (x.cap && !sentence_initial(k))) continue;
            bool future = false, past = false;
            switch (x.entry.w) {
                case W::future_cue:
                    future = true;
                    break;
                case W::past_cue:
                case W::earlier:
                    past = true;
                    break;
                case W::set:
                    future = is(k - 1, "is") || is(k - 1, "are") || is(k - 1, "was") ||
                             is(k - 1, "were") || (k > 0 && t_[k - 1].possessive);
                    break;
                case W::going:
                    future = is(k + 1, "to");
                    break;
                case W::won:
                    future = punct(k + 1, '\'') && is(k + 2, "t");
                    past = !future;
                    break;
                case W::ll:
                    future = punct(k - 1, '\'');
                    break;
                case W::none: {
                    // Most past tenses end in -ed; the future ones are in the table.
                    const std::size_t len = x.end - x.begin;
                    past = len >= 4 && (text_[x.end - 2] | 0x20) == 'e' &&
                           (text_[x.end - 1] | 0x20) == 'd';
                    break;
                }
                default:
                    break;
            }
            // "will be held", "to be signed": a participle after "be" takes its
            // tense from the words before it.
            // "is to be signed" plans it.
            if (past && (is(k - 1, "be") || is(k - 1, "being"))) {
                past = false;
                future = is(k - 2, "to");
            }
            if (future || past) cues_.push_back({k, future});
        }
    }

    // The nearest tense cue decides: first in the expression's own clause,
    // else in its sentence; a tie goes to the past, as does no cue at all.
    bool clause_future(std::size_t first, std::size_t last) const {
        const std::uint32_t sentence = t_[first].sentence, clause = t_[first].clause;
        long best = LONG_MAX;
        bool future = false;
        // Cues are in text order, so the sentence's own are one run: found by
        // bisection, or a whole article in one call would cost its square.
        auto it = std::lower_bound(
            cues_.begin(), cues_.end(), sentence,
            [this](const Cue& c, std::uint32_t s) { return t_[c.token].sentence < s; });
        for (; it != cues_.end() && t_[it->token].sentence == sentence; ++it) {
            const Cue& c = *it;
            if (c.token >= first && c.token <= last) continue;
            const long dist = c.token < first ? long(first - c.token) : long(c.token - last);
            const long key = (t_[c.token].clause == clause ? 0 : 1'000'000) + dist;
            if (key < best || (key == best && !c.future)) {
                best = key;
                future = c.future;
            }
        }
        return future;
    }

    // --- emitting

    void emit(const Match& m, std::vector<TimeExpression>& out) {
        TimeExpression e;
        e.begin = t_[m.first].begin;
        e.end = t_[m.last].end;
        e.text = text_.substr(e.begin, e.end - e.begin);
        e.span = m.span;
        e.flags.approximate = m.approximate;
        const bool after = sys_days(m.span.start) > sys_days(ref_);
        const bool not_past = sys_days(m.span.end) >= sys_days(ref_);
        e.flags.future = m.direction > 0 || after ||
                         (m.direction == 0 && not_past && clause_future(m.first, m.last));
        if (const std::size_t b = context_before(m.first); b < n_) {
            const Entry& p = t_[b].entry;
            if (p.w == W::prep) {
                switch (p.value) {
                    case p_since:
                    case p_from:
                        e.relation = TimeRelation::since;
                        break;
                    case p_until:
                    case p_by:
                        e.relation = TimeRelation::until;
                        break;
                    case p_before:
                        e.relation = TimeRelation::before;
                        break;
                    case p_after:
                        e.relation = TimeRelation::after;
                        break;
                    default:
                        break;
                }
            }
        }
        out.push_back(e);
        have_last_ = true;
        last_tok_ = m.last;
        last_gran_ = m.span.granularity;
    }

    Match day_match(std::size_t first, std::size_t last, year_month_day d, model::DateBasis basis,
                    int direction = 0, bool approximate = false) const {
        return Match{first, last, model::day_span(d, basis), approximate, direction};
    }
    Match month_match(std::size_t first, std::size_t last, date::year_month ym,
                      model::DateBasis basis, int direction = 0, bool approximate = false) const {
        return Match{first, last, model::month_span(ym, basis), approximate, direction};
    }
    Match year_match(std::size_t first, std::size_t last, int y, model::DateBasis basis,
                     int direction = 0, bool approximate = false) const {
        return Match{first, last, model::year_span(date::year{y}, basis), approximate, direction};
    }
    year_month_day shift(int n) const { return year_month_day{sys_days(ref_) + days{n}}; }

    // --- patterns

    Opt match_at(std::size_t i) const {
        const Token& x = t_[i];
        if (x.kind == TK::number) {
            if (Opt m = iso_date(i)) return m;
            if (Opt m = slash_date(i)) return m;
            if (Opt m = day_led(i)) return m;
            if (Opt m = quantity_ago(i, i)) return m;
            return year_led(i);
        }
        if (x.kind != TK::word) return std::nullopt;
        switch (x.entry.w) {
            case W::month:
                return month_led(i, i, Mod::none);
            case W::weekday:
                return weekday_at(i, i, Mod::none);
            case W::today:
            case W::tonight:
                if (x.cap && !sentence_initial(i)) return std::nullopt;  // "USA Today"
                return day_match(i, i, ref_, model::DateBasis::relative);
            case W::yesterday: {
                const bool two = is(i - 1, "before") && is(i - 2, "day");
                const std::size_t first = two ? (word(i - 3, W::determiner) ? i - 3 : i - 2) : i;
                return day_match(first, i, shift(two ? -2 : -1), model::DateBasis::relative, -1);
            }
            case W::tomorrow: {
                const bool two = is(i - 1, "after") && is(i - 2, "day");
                const std::size_t first = two ? (word(i - 3, W::determiner) ? i - 3 : i - 2) : i;
                return day_match(first, i, shift(two ? 2 : 1), model::DateBasis::relative, 1);
            }
            case W::last:
                return modified(i, Mod::last);
            case W::this_:
                return modified(i, Mod::this_);
            case W::next:
                return modified(i, Mod::next);
            case W::early:
                return edge(i, Mod::early);
            case W::mid:
                return edge(i, Mod::mid);
            case W::late:
                return edge(i, Mod::late);
            case W::earlier:
            case W::later:
                return earlier_later(i);
            case W::number:
            case W::a:
                return quantity_ago(i, i);
            case W::prep:
                if (x.entry.value == p_in) return in_quantity(i);
                return std::nullopt;
            default:
                return std::nullopt;
        }
    }

    // "2024-09-10"
    Opt iso_date(std::size_t i) const {
        if (i + 4 >= n_ || t_[i].digits != 4 || !t_[i].plain || t_[i].ordinal) return std::nullopt;
        if (!punct(i + 1, '-') || !punct(i + 3, '-')) return std::nullopt;
        for (std::size_t k = i; k < i + 4; ++k)
            if (!adjacent(k, k + 1)) return std::nullopt;
        const Token &m = t_[i + 2], &d = t_[i + 4];
        if (m.kind != TK::number || d.kind != TK::number || !m.plain || !d.plain || m.ordinal ||
            d.ordinal || m.digits != 2 || d.digits != 2)
            return std::nullopt;
        if (i > 0 && adjacent(i - 1, i) && t_[i - 1].kind != TK::punct) return std::nullopt;
        if (i + 5 < n_ && adjacent(i + 4, i + 5) &&
            (t_[i + 5].kind != TK::punct || punct(i + 5, '-')))
            return std::nullopt;
        const int y = t_[i].value;
        if (y < 1900 || y > 2100) return std::nullopt;
        const year_month_day v{date::year{y}, date::month{unsigned(m.value)},
                               date::day{unsigned(d.value)}};
        if (!v.ok()) return std::nullopt;
        return day_match(i, i + 4, v, model::DateBasis::explicit_date);
    }

    // "9/10/2024": read only when the order is plain, since US papers write
    // month/day and most others day/month; 9/10/2024 could be either, and a
    // wrong day is worse than none.
    Opt slash_date(std::size_t i) const {
        if (i + 4 >= n_ || !punct(i + 1, '/') || !punct(i + 3, '/')) return std::nullopt;
        for (std::size_t k = i; k < i + 4; ++k)
            if (!adjacent(k, k + 1)) return std::nullopt;
        const Token &a = t_[i], &b = t_[i + 2], &c = t_[i + 4];
        if (a.kind != TK::number || b.kind != TK::number || c.kind != TK::number || !a.plain ||
            !b.plain || !c.plain || a.digits > 2 || b.digits > 2 || c.digits != 4)
            return std::nullopt;
        if (i > 0 && adjacent(i - 1, i)) return std::nullopt;
        if (i + 5 < n_ && adjacent(i + 4, i + 5) && !punct(i + 5, '.') && !punct(i + 5, ','))
            return std::nullopt;
        int month = 0, day = 0;
        if (a.value == b.value || (a.value <= 12 && b.value > 12)) {
            month = a.value;
            day = b.value;
        } else if (a.value > 12 && b.value <= 12) {
            month = b.value;
            day = a.value;
        } else {
            return std::nullopt;
        }
        if (c.value < 1900 || c.value > 2100 || month < 1 || day < 1) return std::nullopt;
        const year_month_day v{date::year{c.value}, date::month{unsigned(month)},
                               date::day{unsigned(day)}};
        if (!v.ok()) return std::nullopt;
        return day_match(i, i + 4, v, model::DateBasis::explicit_date);
    }

    // The day, month and perhaps year after a month's name or a day's number.
    Opt day_month(std::size_t first, std::size_t last_without_year, std::size_t year_pos,
                  unsigned month, unsigned day) const {
        std::size_t k = year_pos;
        if (punct(k, ',') && four_digits(k + 1)) ++k;
        if (four_digits(k)) {
            const int y = year_at(k);
            if (!y) return std::nullopt;  // "July 4, 1776": not in this scanner's range
            const year_month_day v{date::year{y}, date::month{month}, date::day{day}};
            if (!v.ok()) return std::nullopt;
            return day_match(first, k, v, model::DateBasis::explicit_date);
        }
        if (int(day) > days_in_month(2000, month)) return std::nullopt;  // "February 30"
        const bool forward = clause_future(first, last_without_year);
        return day_match(first, last_without_year, resolve_month_day(month, day, ref_, forward),
                         model::DateBasis::relative);
    }

    // "10 September", "the 7 October attack", "10th of Sept. 2024"
    Opt day_led(std::size_t i) const {
        const int d = day_at(i);
        if (!d) return std::nullopt;
        std::size_t j = i + 1;
        if (word(j, W::of)) ++j;
        if (!month_word(j)) return std::nullopt;
        std::size_t last = j;
        if (t_[j].entry.abbrev && punct(j + 1, '.') && adjacent(j, j + 1)) last = j + 1;
        return day_month(i, last, last + 1, t_[j].entry.value, unsigned(d));
    }

    // Is a month's name alone a month here? "in July", not "May said" or
    // "March on Kyiv"; May, also a name, needs a surer context.
    bool bare_month_ok(std::size_t i, Mod mod) const {
        if (t_[i].entry.abbrev) return false;
        const bool may = t_[i].entry.value == 5;
        if (mod != Mod::none) return true;
        if (may && t_[i].possessive) return false;
        if (i == 0) return false;
        if (chained(i, true)) return true;
        const std::size_t b = context_before(i);
        if (b >= n_) return false;
        const Token& p = t_[b];
        if (p.entry.w == W::prep) {
            switch (p.entry.value) {
                case p_in:
                case p_since:
                case p_until:
                case p_during:
                    return true;
                case p_by:
                case p_from:
                case p_before:
                case p_after:
                case p_between:
                case p_for:
                    return !may;
                default:
                    return false;
            }
        }
        return false;
    }

    // "September 10, 2024", "Sept. 10", "October 7th", "December 2023", "in July"
    Opt month_led(std::size_t i, std::size_t first, Mod mod) const {
        if (!t_[i].cap) return std::nullopt;
        const unsigned month = t_[i].entry.value;
        std::size_t j = i + 1;
        if (t_[i].entry.abbrev && punct(j, '.') && adjacent(i, j)) ++j;
        if (const int d = day_at(j)) {
            if (Opt m = day_month(first, j, j + 1, month, unsigned(d))) return m;
            return std::nullopt;
        }
        if (const int y = year_at(j))
            return month_match(first, j, date::year{y} / date::month{month},
                               model::DateBasis::explicit_date, 0, is_edge(mod));
        if (word(j, W::of))
            if (const int y = year_at(j + 1))
                return month_match(first, j + 1, date::year{y} / date::month{month},
                                   model::DateBasis::explicit_date, 0, is_edge(mod));
        // "the end of July": a part of the month, named from the part.
        std::size_t from = first;
        bool approximate = is_edge(mod);
        if (mod == Mod::none && word(i - 1, W::of) && i >= 2 && word(i - 2, W::time_noun)) {
            from = i - 2;
            approximate = true;
        } else if (!bare_month_ok(i, mod)) {
            return std::nullopt;
        }
        const unsigned rm = unsigned(ref_.month());
        int y = int(ref_.year());
        int direction = 0;
        if (mod == Mod::last) {
            if (month >= rm) --y;
            direction = -1;
        } else if (mod == Mod::next) {
            if (month <= rm) ++y;
            direction = 1;
        } else {
            const date::year_month ym = resolve_month(month, ref_, clause_future(from, i));
            y = int(ym.year());
        }
        return month_match(from, i, date::year{y} / date::month{month}, model::DateBasis::relative,
                           direction, approximate);
    }

    // "Tuesday", "on Monday night", "last Tuesday", "Tuesday's attack",
    // "Tuesday, Sept. 10"; not "Good Friday" or "the Sunday Times".
    Opt weekday_at(std::size_t i, std::size_t first, Mod mod) const {
        if (!t_[i].cap) return std::nullopt;
        if (i > 0 && t_[i - 1].cap &&
            (is(i - 1, "good") || is(i - 1, "black") || is(i - 1, "super") || is(i - 1, "ash") ||
             is(i - 1, "easter") || is(i - 1, "bloody") || is(i - 1, "palm") || is(i - 1, "holy") ||
             is(i - 1, "cyber") || is(i - 1, "maundy")))
            return std::nullopt;
        if (i + 1 < n_ && t_[i + 1].cap &&
            (is(i + 1, "times") || is(i + 1, "telegraph") || is(i + 1, "express") ||
             is(i + 1, "mirror") || is(i + 1, "post") || is(i + 1, "herald") || is(i + 1, "mail") ||
             is(i + 1, "independent") || is(i + 1, "tribune") || is(i + 1, "club") ||
             is(i + 1, "sport") || is(i + 1, "star")))
            return std::nullopt;
        if (mod == Mod::none && !t_[i].possessive) {
            // The date after it says which Tuesday.
            std::size_t j = i + 1;
            if (punct(j, ',')) ++j;
            Opt d = month_word(j) ? month_led(j, first, Mod::none) : day_led(j);
            if (d && d->span.granularity == model::Granularity::day) {
                d->first = first;
                // "Friday, 13 September" without a year: the weekday can choose
                // between the year before and the year after.
                const date::weekday wd{unsigned(t_[i].entry.value)};
                const year_month_day got = d->span.start;
                if (d->span.basis == model::DateBasis::relative &&
                    date::weekday{sys_days(got)} != wd) {
                    const bool was_forward = sys_days(got) >= sys_days(ref_);
                    const year_month_day other = resolve_month_day(
                        unsigned(got.month()), unsigned(got.day()), ref_, !was_forward);
                    if (date::weekday{sys_days(other)} == wd)
                        d->span = model::day_span(other, model::DateBasis::relative);
                }
                return d;
            }
        }
        std::size_t last = i;
        if (!t_[i].possessive && word(i + 1, W::part_of_day)) last = i + 1;
        const date::weekday wd{unsigned(t_[i].entry.value)};
        const date::weekday rw{sys_days(ref_)};
        int back = int((rw - wd).count()), fwd = int((wd - rw).count());
        int offset = 0, direction = 0;
        if (mod == Mod::last) {
            offset = -(back == 0 ? 7 : back);
            direction = -1;
        } else if (mod == Mod::next) {
            offset = fwd == 0 ? 7 : fwd;
            direction = 1;
        } else {
            offset = clause_future(first, last) ? fwd : -back;
        }
        return day_match(first, last, shift(offset), model::DateBasis::relative, direction);
    }

    // last / this / next + weekday, month, week, month, year, night
    Opt modified(std::size_t i, Mod mod) const {
        const std::size_t j = i + 1;
        if (j >= n_ || t_[j].kind != TK::word) return std::nullopt;
        switch (t_[j].entry.w) {
            case W::weekday:
                return weekday_at(j, i, mod);
            case W::month:
                return month_led(j, i, mod);
            case W::unit:
                // "over the last year" is a length of time, not a date.
                if (word(i - 1, W::determiner) || is(i - 1, "past")) return std::nullopt;
                return relative_unit(i, j, mod, false);
            case W::part_of_day:
                if (mod == Mod::last && is(j, "night"))
                    return day_match(i, j, shift(-1), model::DateBasis::relative, -1);
                if (mod == Mod::this_ && !is(j, "night"))
                    return day_match(i, j, ref_, model::DateBasis::relative);
                return std::nullopt;
            default:
                return std::nullopt;
        }
    }

    // "this year", "last month", "next week"; first is where the text starts.
    Opt relative_unit(std::size_t first, std::size_t j, Mod mod, bool approximate) const {
        // Only the singular: "last three years" is a length of time.
        if ((text_[t_[j].end - 1] | 0x20) == 's') return std::nullopt;
        const int step = mod == Mod::last ? -1 : mod == Mod::next ? 1 : 0;
        const int direction = step;
        switch (t_[j].entry.value) {
            case 1:  // a week: no week granularity, so the same day a week off, approximately
                return day_match(first, j, shift(7 * step), model::DateBasis::relative, direction,
                                 true);
            case 2:
                return month_match(first, j, add_months(ref_.year() / ref_.month(), step),
                                   model::DateBasis::relative, direction, approximate);
            case 3:
                return year_match(first, j, int(ref_.year()) + step, model::DateBasis::relative,
                                  direction, approximate);
            default:
                return std::nullopt;
        }
    }

    // early / mid / late + month, year, weekday, or this/last/next + unit
    Opt edge(std::size_t i, Mod mod) const {
        std::size_t j = i + 1;
        if (punct(j, '-') && adjacent(i, j) && j + 1 < n_ && adjacent(j, j + 1)) ++j;
        if (j >= n_) return std::nullopt;
        if (month_word(j)) return month_led(j, i, mod);
        if (t_[j].kind == TK::number) {
            const bool hyphen = j == i + 2;
            const Token& y = t_[j];
            if (!y.plain || y.ordinal || y.digits != 4 || y.value < 1900 || y.value > 2100)
                return std::nullopt;
            if (!hyphen && !free_number(j)) return std::nullopt;
            if (j + 1 < n_ && (word(j + 1, W::count_noun) || word(j + 1, W::unit)))
                return std::nullopt;
            return year_match(i, j, y.value, model::DateBasis::explicit_date, 0, true);
        }
        if (cap_word(j, W::weekday) && mod != Mod::mid) return weekday_at(j, i, Mod::none);
        if (word(j, W::last) || word(j, W::this_) || word(j, W::next)) {
            if (!word(j + 1, W::unit) || t_[j + 1].entry.value < 2) return std::nullopt;
            const Mod m = word(j, W::last) ? Mod::last : word(j, W::this_) ? Mod::this_ : Mod::next;
            return relative_unit(i, j + 1, m, true);
        }
        return std::nullopt;
    }

    // "earlier this year", "later this month": inside the span, so not approximate.
    Opt earlier_later(std::size_t i) const {
        const std::size_t j = i + 1;
        if (!(word(j, W::this_) || word(j, W::last) || word(j, W::next)) || !word(j + 1, W::unit))
            return std::nullopt;
        const Mod m = word(j, W::last) ? Mod::last : word(j, W::this_) ? Mod::this_ : Mod::next;
        Opt r = relative_unit(i, j + 1, m, false);
        if (r && m == Mod::this_) r->direction = word(i, W::later) ? 1 : -1;
        return r;
    }

    // "two", "2", "a": how many units
    int quantity(std::size_t i) const {
        if (i >= n_) return 0;
        if (t_[i].kind == TK::number)
            return free_number(i) && !t_[i].ordinal && t_[i].digits <= 3 ? t_[i].value : 0;
        if (word(i, W::number)) return t_[i].entry.value;
        if (word(i, W::a)) return 1;
        return 0;
    }

    Opt units_from_ref(std::size_t first, std::size_t last, int count, unsigned unit,
                       int sign) const {
        const int direction = sign;
        switch (unit) {
            case 0:
                return day_match(first, last, shift(sign * count), model::DateBasis::relative,
                                 direction);
            case 1:
                return day_match(first, last, shift(sign * 7 * count), model::DateBasis::relative,
                                 direction, true);
            case 2:
                return month_match(first, last,
                                   add_months(ref_.year() / ref_.month(), sign * count),
                                   model::DateBasis::relative, direction);
            case 3:
                return year_match(first, last, int(ref_.year()) + sign * count,
                                  model::DateBasis::relative, direction);
            default:
                return std::nullopt;
        }
    }

    // "two days ago", "a year ago", "3 weeks ago"
    Opt quantity_ago(std::size_t i, std::size_t first) const {
        const int q = quantity(i);
        if (q <= 0 || !word(i + 1, W::unit) || !word(i + 2, W::ago)) return std::nullopt;
        return units_from_ref(first, i + 2, q, t_[i + 1].entry.value, -1);
    }

    // "in 10 days", "in two weeks' time": a date only when the clause speaks of
    // the future, since "the first time in 10 years" and "in 10 days of
    // fighting" are lengths of time.
    Opt in_quantity(std::size_t i) const {
        const std::size_t q_at = i + 1;
        if (word(q_at, W::a)) return std::nullopt;  // "the highest in a year"
        const int q = quantity(q_at);
        if (q <= 0 || !word(q_at + 1, W::unit)) return std::nullopt;
        const std::size_t u = q_at + 1;
        if (word(u + 1, W::of) || word(u + 1, W::ago)) return std::nullopt;
        std::size_t last = u;
        if (word(u + 1, W::time_word))
            last = u + 1;
        else if (punct(u + 1, '\'') && word(u + 2, W::time_word))
            last = u + 2;
        if (last == u && !clause_future(i, u)) return std::nullopt;
        return units_from_ref(i, last, q, t_[u].entry.value, 1);
    }

    // A year alone, where the words around it make it one: "in 2022",
    // "since 2014", "by 2030", "2022's", "the 2022 election", "spring 2022",
    // "the end of 2023"; not "Resolution 2231", "2000 troops" or "1990s".
    Opt year_led(std::size_t i) const {
        const int y = year_at(i);
        if (!y) return std::nullopt;
        const bool counted = i + 1 < n_ && (word(i + 1, W::count_noun) || word(i + 1, W::unit));
        if (t_[i].possessive) return year_match(i, i, y, model::DateBasis::explicit_date);
        if (counted || i == 0) return std::nullopt;
        if (chained(i, false)) return year_match(i, i, y, model::DateBasis::explicit_date);
        if (t_[i - 1].kind != TK::word) return std::nullopt;
        if (const std::size_t b = context_before(i);
            b < n_ && b != i - 1 && t_[b].entry.w == W::prep && t_[b].entry.value != p_on &&
            t_[b].entry.value != p_for)
            return year_match(i, i, y, model::DateBasis::explicit_date);  // "since at least 2023"
        const Token& p = t_[i - 1];
        switch (p.entry.w) {
            case W::prep:
                // "for 2000" is too often a count to be a year.
                if (p.entry.value == p_on || p.entry.value == p_for) return std::nullopt;
                return year_match(i, i, y, model::DateBasis::explicit_date);
            case W::fiscal:
            case W::unit:  // "the year 2022"
                if (p.entry.w == W::unit && !is(i - 1, "year")) return std::nullopt;
                return year_match(i, i, y, model::DateBasis::explicit_date);
            case W::season:
                return year_match(i - 1, i, y, model::DateBasis::explicit_date, 0, true);
            case W::of: {
                if (i < 2) return std::nullopt;
                if (word(i - 2, W::time_noun) || word(i - 2, W::season)) {
                    std::size_t from = i - 2;
                    if (is(from - 1, "first") || is(from - 1, "second") || is(from - 1, "third") ||
                        is(from - 1, "fourth") || is(from - 1, "last"))
                        --from;
                    return year_match(from, i, y, model::DateBasis::explicit_date, 0, true);
                }
                return std::nullopt;
            }
            case W::determiner:
            case W::a:
                // "a 2024 report", "the 2022 election": a year that dates a thing.
                if (i + 1 < n_ && t_[i + 1].kind == TK::word && !t_[i + 1].entry.abbrev)
                    return year_match(i, i, y, model::DateBasis::explicit_date);
                return std::nullopt;
            default:
                return std::nullopt;
        }
    }
};

}  // namespace

std::vector<TimeExpression> find_time_expressions(std::string_view text,
                                                  date::year_month_day reference) {
    const std::vector<text::Token> tokens = text::tokenize(text);
    return find_time_expressions(text, TextTokens{tokens, 0}, reference);
}

std::vector<TimeExpression> find_time_expressions(std::string_view text, const TextTokens& words,
                                                  date::year_month_day reference) {
    // Token buffers are reused across calls on a thread: the scanner runs once
    // per sentence of a corpus.
    thread_local std::vector<Token> tokens;
    tokenize(text, words.tokens, words.base, tokens);
    mark_sentences(tokens);
    std::vector<TimeExpression> out;
    Scanner(text, reference, tokens).run(out);
    return out;
}

std::vector<DateMention> list_dates(std::string_view text, date::year_month_day reference) {
    model::Timestamp day;
    day.day = reference;
    return list_dates(text, day);
}

const char* to_string(TimeRelation r) {
    switch (r) {
        case TimeRelation::at:
            return "at";
        case TimeRelation::since:
            return "since";
        case TimeRelation::until:
            return "until";
        case TimeRelation::before:
            return "before";
        case TimeRelation::after:
            return "after";
    }
    return "at";
}

}  // namespace eventgraph::time

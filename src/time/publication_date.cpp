#include "eventgraph/time/publication_date.hpp"

#include <array>
#include <string>
#include <utility>

#include "eventgraph/text/ascii.hpp"
#include "eventgraph/text/utf8.hpp"
#include "eventgraph/text/words.hpp"

namespace eventgraph::time {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// A reading position in one line. Patterns work on copies, so a pattern that
// fails half-way leaves the caller's position untouched.
struct Cursor {
    std::string_view s;
    std::size_t pos = 0;

    char peek(std::size_t k = 0) const { return pos + k < s.size() ? s[pos + k] : '\0'; }
    bool at_end() const { return pos >= s.size(); }

    // Pages put no-break and narrow no-break spaces between "7:59" and "PM".
    std::size_t space_length() const {
        const std::string_view rest = s.substr(pos);
        if (rest.empty()) return 0;
        if (rest[0] == ' ' || rest[0] == '\t') return 1;
        if (rest.starts_with("\xC2\xA0")) return 2;  // U+00A0
        if (rest.starts_with("\xE2\x80\xAF") || rest.starts_with("\xE2\x80\x89"))
            return 3;  // U+202F, U+2009
        return 0;
    }
    bool skip_spaces() {
        const std::size_t start = pos;
        while (std::size_t n = space_length()) pos += n;
        return pos != start;
    }

    // min..max digits not followed by another digit; -1 otherwise.
    int number(std::size_t min_digits, std::size_t max_digits) {
        std::size_t n = 0;
        int v = 0;
        while (n < max_digits && text::is_ascii_digit(peek(n))) v = v * 10 + (peek(n++) - '0');
        if (n < min_digits || text::is_ascii_digit(peek(n))) return -1;
        pos += n;
        return v;
    }

    std::string_view word() {
        std::size_t n = 0;
        while (text::is_ascii_alpha(peek(n))) ++n;
        const std::string_view w = s.substr(pos, n);
        pos += n;
        return w;
    }

    bool literal(std::string_view text) {
        if (!s.substr(pos).starts_with(text)) return false;
        pos += text.size();
        return true;
    }

    // A whole word, case-insensitive.
    bool keyword(std::string_view w) {
        Cursor c = *this;
        if (!text::iequals(c.word(), w)) return false;
        *this = c;
        return true;
    }
};

// "Sept." / "September" / "Sep": the month number, 0 if it is none.
unsigned read_month(Cursor& c) {
    Cursor t = c;
    const unsigned m = text::month_number(t.word());
    if (m == 0) return 0;
    t.literal(".");
    c = t;
    return m;
}

// "10", "10th", "1st".
int read_day(Cursor& c) {
    Cursor t = c;
    const int d = t.number(1, 2);
    if (d < 1) return -1;
    Cursor suffix = t;
    const std::string_view w = suffix.word();
    if (text::iequals(w, "st") || text::iequals(w, "nd") || text::iequals(w, "rd") ||
        text::iequals(w, "th")) {
        t = suffix;
    } else if (!w.empty()) {
        return -1;  // "10km" is no day
    }
    c = t;
    return d;
}

int read_year(Cursor& c) {
    Cursor t = c;
    const int y = t.number(4, 4);
    if (y < 0 || text::is_ascii_alpha(t.peek())) return -1;
    c = t;
    return y;
}

std::optional<date::year_month_day> make_day(int y, unsigned m, int d) {
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{unsigned(d)}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

// "September 10, 2024", "Sept. 10 2024".
std::optional<date::year_month_day> month_first(Cursor& c) {
    Cursor t = c;
    const unsigned m = read_month(t);
    if (m == 0 || !t.skip_spaces()) return std::nullopt;
    const int d = read_day(t);
    if (d < 0) return std::nullopt;
    t.literal(",");
    t.skip_spaces();
    const int y = read_year(t);
    if (y < 0) return std::nullopt;
    auto ymd = make_day(y, m, d);
    if (ymd) c = t;
    return ymd;
}

// "10 September 2024", "10th of Sept. 2024".
std::optional<date::year_month_day> day_first(Cursor& c) {
    Cursor t = c;
    const int d = read_day(t);
    if (d < 0 || !t.skip_spaces()) return std::nullopt;
    if (t.keyword("of")) t.skip_spaces();
    const unsigned m = read_month(t);
    if (m == 0) return std::nullopt;
    t.literal(",");
    if (!t.skip_spaces()) return std::nullopt;
    const int y = read_year(t);
    if (y < 0) return std::nullopt;
    auto ymd = make_day(y, m, d);
    if (ymd) c = t;
    return ymd;
}

// "10.09.2024": pages that print dots (German, Ukrainian, Russian, Polish…)
// all put the day first, so unlike slashes this form is not ambiguous.
std::optional<date::year_month_day> dotted(Cursor& c) {
    Cursor t = c;
    const int d = t.number(1, 2);
    if (d < 0 || !t.literal(".")) return std::nullopt;
    const int m = t.number(1, 2);
    if (m < 1 || m > 12 || !t.literal(".")) return std::nullopt;
    const int y = read_year(t);
    if (y < 0 || (t.peek() == '.' && text::is_ascii_digit(t.peek(1))))
        return std::nullopt;  // a version number
    auto ymd = make_day(y, unsigned(m), d);
    if (ymd) c = t;
    return ymd;
}

std::optional<date::year_month_day> iso_day(Cursor& c) {
    Cursor t = c;
    const int y = t.number(4, 4);
    if (y < 0 || !t.literal("-")) return std::nullopt;
    const int m = t.number(2, 2);
    if (m < 1 || m > 12 || !t.literal("-")) return std::nullopt;
    const int d = t.number(2, 2);
    if (d < 0) return std::nullopt;
    auto ymd = make_day(y, unsigned(m), d);
    if (ymd) c = t;
    return ymd;
}

struct CalendarDay {
    date::year_month_day ymd;
    bool iso = false;
};

std::optional<CalendarDay> read_calendar_day(Cursor& c) {
    if (auto d = iso_day(c)) return CalendarDay{*d, true};
    if (auto d = dotted(c)) return CalendarDay{*d, false};
    Cursor t = c;
    Cursor after_weekday = t;
    if (text::weekday_number(after_weekday.word()) >= 0) {
        after_weekday.literal(".");
        after_weekday.literal(",");
        if (after_weekday.skip_spaces()) t = after_weekday;
    }
    if (auto d = month_first(t)) {
        c = t;
        return CalendarDay{*d, false};
    }
    if (auto d = day_first(t)) {
        c = t;
        return CalendarDay{*d, false};
    }
    return std::nullopt;
}

struct Zone {
    std::string_view name;
    int offset_minutes;
};

// Only abbreviations that name one zone. CST (US Central or China), IST
// (India, Ireland, Israel), AST (Atlantic or Arabia) and the season-less ET/PT
// are read, so that they belong to the match, but give no offset.
constexpr std::array<Zone, 28> unambiguous_zones = {{
    {"UTC", 0},     {"GMT", 0},     {"Z", 0},      {"WET", 0},    {"WEST", 60},  {"BST", 60},
    {"CET", 60},    {"CEST", 120},  {"EET", 120},  {"EEST", 180}, {"MSK", 180},  {"EST", -300},
    {"EDT", -240},  {"CDT", -300},  {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420},
    {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"JST", 540},  {"KST", 540},  {"AEST", 600},
    {"AEDT", 660},  {"NZST", 720},  {"NZDT", 780}, {"SGT", 480},
}};
constexpr std::array<std::string_view, 9> ambiguous_zones = {"CST", "IST", "AST", "ET", "PT",
                                                             "CT",  "MT",  "BT",  "SST"};

bool is_upper_word(std::string_view w) {
    if (w.empty()) return false;
    for (const char ch : w)
        if (ch < 'A' || ch > 'Z') return false;
    return true;
}

// "+03:00", "+0300", "+3", "-05:30" right at the cursor.
std::optional<minutes> read_numeric_offset(Cursor& c) {
    Cursor t = c;
    const char sign = t.peek();
    if (sign != '+' && sign != '-' && !t.s.substr(t.pos).starts_with("\xE2\x88\x92"))
        return std::nullopt;
    t.pos += (sign == '+' || sign == '-') ? 1 : 3;  // U+2212 minus sign is 3 bytes
    int h = -1, m = 0;
    Cursor four = t;
    if (const int hhmm = four.number(4, 4); hhmm >= 0) {
        h = hhmm / 100, m = hhmm % 100;
        t = four;
    } else {
        h = t.number(1, 2);
        if (h < 0) return std::nullopt;
        Cursor colon = t;
        if (colon.literal(":")) {
            m = colon.number(2, 2);
            if (m < 0) return std::nullopt;
            t = colon;
        }
    }
    if (h > 14 || m > 59 || text::is_ascii_alnum(t.peek())) return std::nullopt;
    c = t;
    const minutes off = hours{h} + minutes{m};
    return sign == '+' ? off : -off;
}

// The zone after a time: "EDT", "GMT+2", "UTC+05:30", "+03:00". The outer
// optional says whether a zone was read, the inner one whether it has a
// known offset.
std::optional<std::optional<minutes>> read_zone(Cursor& c) {
    Cursor t = c;
    t.skip_spaces();
    if (auto off = read_numeric_offset(t)) {
        c = t;
        return std::optional<minutes>{*off};
    }
    const std::string_view w = t.word();
    if (!is_upper_word(w) || text::is_ascii_alnum(t.peek())) return std::nullopt;
    if (w == "GMT" || w == "UTC") {
        Cursor signed_offset = t;
        if (auto off = read_numeric_offset(signed_offset)) {
            c = signed_offset;
            return std::optional<minutes>{*off};
        }
    }
    if (auto off = zone_offset(w)) {
        c = t;
        return std::optional<minutes>{*off};
    }
    for (const auto a : ambiguous_zones) {
        if (w == a) {
            c = t;
            return std::optional<minutes>{};
        }
    }
    return std::nullopt;
}

// "PM", "pm", "p.m.", "P.M": true for after noon; nullopt if there is none.
std::optional<bool> read_meridiem(Cursor& c) {
    Cursor t = c;
    t.skip_spaces();
    const char ap = text::ascii_lower(t.peek());
    if (ap != 'a' && ap != 'p') return std::nullopt;
    if (text::ascii_lower(t.peek(1)) == 'm' && !text::is_ascii_alnum(t.peek(2))) {
        t.pos += 2;
    } else if (t.peek(1) == '.' && text::ascii_lower(t.peek(2)) == 'm' &&
               !text::is_ascii_alnum(t.peek(3))) {
        t.pos += 3;
        t.literal(".");
    } else {
        return std::nullopt;
    }
    c = t;
    return ap == 'p';
}

std::optional<TimeOfDay> read_time(Cursor& c) {
    Cursor t = c;
    int h = t.number(1, 2);
    if (h < 0 || !t.literal(":")) return std::nullopt;
    const int m = t.number(2, 2);
    if (m < 0 || m > 59) return std::nullopt;
    int s = 0;
    Cursor sec = t;
    if (sec.literal(":")) {
        s = sec.number(2, 2);
        if (s < 0 || s > 60) return std::nullopt;
        t = sec;
    }
    if (text::is_ascii_alnum(t.peek()) && text::ascii_lower(t.peek()) != 'a' &&
        text::ascii_lower(t.peek()) != 'p')
        return std::nullopt;
    if (auto pm = read_meridiem(t)) {
        if (h < 1 || h > 12) return std::nullopt;
        h = (h % 12) + (*pm ? 12 : 0);
    } else if (h > 23 || text::is_ascii_alnum(t.peek())) {
        return std::nullopt;
    }
    TimeOfDay out;
    out.since_midnight = hours{h} + minutes{m} + seconds{s};
    if (auto zone = read_zone(t)) out.utc_offset = *zone;
    c = t;
    return out;
}

// What may stand between a date and its time: "Sept. 10, 2024 at 7:59",
// "10 Sep 2024, 19:59", "March 4, 2024 | 3:05 PM", "10.09.2024 — 19:59".
void skip_date_time_separators(Cursor& c) {
    for (int i = 0; i < 3; ++i) {
        c.skip_spaces();
        if (c.literal(",") || c.literal("|") || c.literal("-") || c.literal("\xE2\x80\x93") ||
            c.literal("\xE2\x80\x94") || c.literal("\xC2\xB7") || c.keyword("at"))
            continue;
        break;
    }
    c.skip_spaces();
}

struct Found {
    model::Timestamp value;
    std::size_t end = 0;
};

model::Timestamp with_time(date::year_month_day day, const TimeOfDay& t) {
    model::Timestamp ts;
    ts.day = day;
    ts.time_of_day = t.since_midnight;
    ts.utc_offset = t.utc_offset;
    return ts;
}

// An ISO date-time "2024-09-10T19:59:00+03:00" starting at `begin`: the
// model's own ISO parser decides, on the longest run of ISO characters it accepts.
std::optional<Found> iso_date_time(std::string_view s, std::size_t begin, std::size_t day_end) {
    if (day_end >= s.size() || s[day_end] != 'T') return std::nullopt;
    std::size_t e = day_end + 1;
    while (e < s.size() && (text::is_ascii_digit(s[e]) ||
                            std::string_view(":+-.,Z").find(s[e]) != std::string_view::npos))
        ++e;
    for (; e > day_end + 1; --e) {
        if (e < s.size() && text::is_ascii_alnum(s[e])) continue;
        if (auto ts = model::parse_iso_timestamp(s.substr(begin, e - begin))) return Found{*ts, e};
    }
    return std::nullopt;
}

// A date (with the time printed before or after it) starting exactly at c.pos.
std::optional<Found> read_date_time(Cursor c) {
    {  // wire services print the time first: "3:05 PM GMT+2, March 4, 2024"
        Cursor t = c;
        if (auto tod = read_time(t)) {
            t.skip_spaces();
            t.literal(",");
            t.skip_spaces();
            if (t.keyword("on")) t.skip_spaces();
            if (auto day = read_calendar_day(t)) return Found{with_time(day->ymd, *tod), t.pos};
        }
    }
    const std::size_t begin = c.pos;
    const auto day = read_calendar_day(c);
    if (!day) return std::nullopt;
    if (day->iso) {
        if (auto full = iso_date_time(c.s, begin, c.pos)) return full;
    }
    Found found{model::Timestamp{day->ymd, std::nullopt, std::nullopt}, c.pos};
    Cursor t = c;
    skip_date_time_separators(t);
    if (auto tod = read_time(t)) found = Found{with_time(day->ymd, *tod), t.pos};
    return found;
}

}  // namespace

std::optional<std::chrono::minutes> zone_offset(std::string_view abbreviation) {
    for (const auto& z : unambiguous_zones)
        if (z.name == abbreviation) return minutes{z.offset_minutes};
    return std::nullopt;
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
    const std::string clean = text::clean_whitespace(text);
    Cursor c{clean, 0};
    auto t = read_time(c);
    if (!t || !c.at_end()) return std::nullopt;
    return t;
}

std::optional<model::Timestamp> parse_publication_date(std::string_view text) {
    const std::string clean = text::clean_whitespace(text);
    // ISO 8601 reduced precision: feeds and archives often know only the month or the year.
    if (clean.size() == 4 || clean.size() == 7) return model::parse_iso_timestamp(clean);
    auto found = read_date_time(Cursor{clean, 0});
    if (!found || found->end != clean.size()) return std::nullopt;
    return found->value;
}

std::optional<DateMatch> find_publication_date(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (!text::is_ascii_alnum(line[i]) || (i > 0 && text::is_ascii_alnum(line[i - 1])))
            continue;
        // Not the tail of a longer number: "2.10.09.2024", "12:10 Sep 2024".
        if (i >= 2 && std::string_view(".:-/").find(line[i - 1]) != std::string_view::npos &&
            text::is_ascii_digit(line[i - 2]))
            continue;
        if (auto found = read_date_time(Cursor{line, i}))
            return DateMatch{found->value, i, found->end};
    }
    return std::nullopt;
}

}  // namespace eventgraph::time

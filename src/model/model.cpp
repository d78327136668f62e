#include <cstdio>
#include <cstdlib>

#include "eventgraph/model/actor.hpp"
#include "eventgraph/model/article.hpp"
#include "eventgraph/model/date_span.hpp"
#include "eventgraph/model/event.hpp"
#include "eventgraph/model/timestamp.hpp"

namespace eventgraph::model {

std::string to_iso(const date::year_month_day& d) {
    const int y = int(d.year());
    const unsigned m = unsigned(d.month()), day = unsigned(d.day());
    // The common case without printf, which costs more than the rest of a date.
    if (y >= 0 && y <= 9999 && m <= 99 && day <= 99) {
        const auto digit = [](unsigned v) { return static_cast<char>('0' + v); };
        const auto u = static_cast<unsigned>(y);
        const char text[10] = {digit(u / 1000),
                               digit(u / 100 % 10),
                               digit(u / 10 % 10),
                               digit(u % 10),
                               '-',
                               digit(m / 10),
                               digit(m % 10),
                               '-',
                               digit(day / 10),
                               digit(day % 10)};
        return std::string(text, sizeof text);
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()));
    return buf;
}

std::string to_iso(const Timestamp& t) {
    std::string s = to_iso(t.day);
    if (t.granularity == Granularity::month) return s.substr(0, 7);
    if (t.granularity == Granularity::year) return s.substr(0, 4);
    if (!t.time_of_day) return s;
    const long secs = long(t.time_of_day->count());
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
    s += buf;
    if (t.utc_offset) {
        const long off = long(t.utc_offset->count());
        const long a = off < 0 ? -off : off;
        std::snprintf(buf, sizeof buf, "%c%02ld:%02ld", off < 0 ? '-' : '+', a / 60, a % 60);
        s += buf;
    }
    return s;
}

namespace {

// Reads exactly n digits at text[pos…]; -1 if they are not all there.
int digits(std::string_view text, std::size_t pos, std::size_t n) {
    if (pos + n > text.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

}  // namespace

std::optional<Timestamp> parse_iso_timestamp(std::string_view text) {
    // Reduced precision (ISO 8601): "2024" is a year, "2024-04" a month.
    const int y = digits(text, 0, 4);
    if (y < 0) return std::nullopt;
    Timestamp t;
    if (text.size() == 4) {
        t.day = date::year{y} / date::January / 1;
        t.granularity = Granularity::year;
        return t;
    }
    const int m = digits(text, 5, 2);
    if (m < 1 || m > 12 || text[4] != '-') return std::nullopt;
    if (text.size() == 7) {
        t.day = date::year{y} / date::month{unsigned(m)} / 1;
        t.granularity = Granularity::month;
        return t;
    }
    const int d = digits(text, 8, 2);
    if (d < 0 || text[7] != '-') return std::nullopt;
    t.day = date::year{y} / date::month{unsigned(m)} / date::day{unsigned(d)};
    if (!t.day.ok()) return std::nullopt;
    if (text.size() == 10) return t;
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    const int hh = digits(text, 11, 2), mm = digits(text, 14, 2);
    if (hh < 0 || mm < 0 || text[13] != ':' || hh > 23 || mm > 59) return std::nullopt;
    std::size_t pos = 16;
    int ss = 0;
    if (pos < text.size() && text[pos] == ':') {
        ss = digits(text, pos + 1, 2);
        if (ss < 0 || ss > 60) return std::nullopt;
        pos += 3;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {  // fractions: dropped
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        }
    }
    t.time_of_day = std::chrono::seconds{hh * 3600 + mm * 60 + ss};
    if (pos == text.size()) return t;
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
        t.utc_offset = std::chrono::minutes{0};
        return t;
    }
    if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
    const int oh = digits(text, pos + 1, 2);
    int om = -1;
    std::size_t after = 0;
    if (pos + 3 < text.size() && text[pos + 3] == ':') {
        om = digits(text, pos + 4, 2);
        after = pos + 6;
    } else {
        om = digits(text, pos + 3, 2);
        after = pos + 5;
    }
    if (oh < 0 || om < 0 || oh > 18 || om > 59 || after != text.size()) return std::nullopt;
    const int off = oh * 60 + om;
    t.utc_offset = std::chrono::minutes{text[pos] == '-' ? -off : off};
    return t;
}

DateSpan day_span(date::year_month_day d, DateBasis basis) {
    return DateSpan{d, d, Granularity::day, basis, {}};
}

DateSpan month_span(date::year_month ym, DateBasis basis) {
    return DateSpan{
        ym / date::day{1}, date::year_month_day{ym / date::last}, Granularity::month, basis, {}};
}

DateSpan year_span(date::year y, DateBasis basis) {
    return DateSpan{y / date::January / 1, y / date::December / 31, Granularity::year, basis, {}};
}

DateSpan span_of(const Timestamp& t, DateBasis basis) {
    switch (t.granularity) {
        case Granularity::month:
            return month_span(t.day.year() / t.day.month(), basis);
        case Granularity::year:
            return year_span(t.day.year(), basis);
        case Granularity::day:
            break;
    }
    return day_span(t.day, basis);
}

std::string date_value(const DateSpan& span) {
    const std::string full = to_iso(span.start);
    switch (span.granularity) {
        case Granularity::day:
            return full;
        case Granularity::month:
            return full.substr(0, 7);
        case Granularity::year:
            return full.substr(0, 4);
    }
    return full;
}

const char* to_string(Granularity g) {
    switch (g) {
        case Granularity::day:
            return "day";
        case Granularity::month:
            return "month";
        case Granularity::year:
            return "year";
    }
    return "day";
}

const char* to_string(DateBasis b) {
    switch (b) {
        case DateBasis::explicit_date:
            return "explicit";
        case DateBasis::relative:
            return "relative";
        case DateBasis::publication:
            return "publication";
    }
    return "publication";
}

const char* to_string(ActorKind k) {
    switch (k) {
        case ActorKind::country:
            return "country";
        case ActorKind::person:
            return "person";
        case ActorKind::organisation:
            return "organisation";
        case ActorKind::group:
            return "group";
        case ActorKind::agent:
            return "agent";
        case ActorKind::place:
            return "place";
        case ActorKind::unknown:
            return "unknown";
    }
    return "country";
}

const char* to_string(GeoPrecision p) {
    switch (p) {
        case GeoPrecision::place:
            return "place";
        case GeoPrecision::subdivision:
            return "subdivision";
        case GeoPrecision::country:
            return "country";
    }
    return "place";
}

const char* to_string(ParagraphRole r) {
    switch (r) {
        case ParagraphRole::body:
            return "body";
        case ParagraphRole::caption:
            return "caption";
        case ParagraphRole::teaser:
            return "teaser";
        case ParagraphRole::feed:
            return "feed";
    }
    return "body";
}

const char* to_string(Polarity p) {
    switch (p) {
        case Polarity::asserted:
            return "asserted";
        case Polarity::denied:
            return "denied";
        case Polarity::hypothetical:
            return "hypothetical";
        case Polarity::future:
            return "future";
    }
    return "asserted";
}

}  // namespace eventgraph::model

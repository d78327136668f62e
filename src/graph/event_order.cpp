// The events' order: the records (and the events, when kept) sorted by
// event id, the second of an id and article dropped (see build_graph's doc).

#include <algorithm>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "detail_build.hpp"
#include "parallel.hpp"

namespace eventgraph::graph {

using detail::day_number;
using detail::prefix_key;
using detail::Tie;
using model::DateSpan;
using model::Event;

namespace {

// Events in id order; ties broken on enough of the rest that the order does
// not depend on the input's.
using Str = const std::string&;
std::tuple<Str, Str, int, std::size_t, Str, Str, Str, model::Polarity, Str, int, double, Str>
event_order_key(const Event& e) {
    static const std::string none;
    return {e.id,
            e.article,
            e.evidence.sentence,
            e.evidence.begin,
            e.type,
            e.source ? e.source->id : none,
            e.target ? e.target->id : none,
            e.polarity,
            e.evidence.text,
            e.date ? day_number(e.date->start) : 0,
            e.confidence,
            e.mode};
}

// Permuted in place, cycle by cycle: a second vector of a million events
// would cost more in fresh memory than the moves themselves.
template <typename T>
void permute(std::vector<T>& v, std::vector<std::size_t> from) {
    for (std::size_t start = 0; start < from.size(); ++start) {
        if (from[start] == start) continue;
        T held = std::move(v[start]);
        std::size_t at = start;
        while (from[at] != start) {
            v[at] = std::move(v[from[at]]);
            const std::size_t next = from[at];
            from[at] = at;
            at = next;
        }
        v[at] = std::move(held);
        from[at] = at;
    }
}

}  // namespace

namespace detail {

std::pair<std::uint64_t, std::uint64_t> prefix_key(std::string_view s) {
    std::uint64_t hi = 0, lo = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        const std::uint64_t c = i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
        (i < 8 ? hi : lo) = ((i < 8 ? hi : lo) << 8) | c;
    }
    return {hi, lo};
}

void sort_events(EventGraph& g, const std::vector<Tie>& ties, unsigned threads) {
    auto& reports = g.reports;
    const bool kept = !g.events.empty();
    struct Key {
        std::uint64_t hi, lo;
        std::size_t index;
    };
    std::vector<Key> keys(reports.size());
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const auto [hi, lo] = prefix_key(reports[i].id);
        keys[i] = {hi, lo, i};
    }
    static const std::string no_actor;
    const auto record_key = [&](std::size_t i) {
        const Report& r = reports[i];
        const Tie& t = ties[i];
        const DateSpan* d = g.date(r.date);
        return std::tuple<Str, Str, int, std::size_t, Str, Str, Str, model::Polarity,
                          std::string_view, std::uint64_t, int, double, Str>{
            r.id,
            g.articles[r.article],
            t.sentence,
            t.begin,
            g.types[r.type],
            r.source == none ? no_actor : g.actors[r.source].id,
            r.target == none ? no_actor : g.actors[r.target].id,
            r.polarity,
            g.text(r),
            t.text,
            d ? day_number(d->start) : 0,
            r.confidence,
            g.modes[r.mode]};
    };
    // (records alike in all of it: the first read comes first)
    const auto less = [&](const Key& a, const Key& b) {
        if (a.hi != b.hi) return a.hi < b.hi;
        if (a.lo != b.lo) return a.lo < b.lo;
        const auto c =
            kept ? event_order_key(g.events[a.index]) <=> event_order_key(g.events[b.index])
                 : record_key(a.index) <=> record_key(b.index);
        return c != 0 ? c < 0 : a.index < b.index;
    };
    // Events most often come in id order (extract writes them so): one pass
    // tells, and then nothing is sorted or moved.
    if (!std::is_sorted(keys.begin(), keys.end(), less)) {
        sort_in_parts(keys.begin(), keys.end(), threads, less);
        std::vector<std::size_t> from(reports.size());
        for (std::size_t i = 0; i < keys.size(); ++i) from[i] = keys[i].index;
        if (kept) permute(g.events, from);
        permute(reports, std::move(from));
    }
    keys = {};
    std::size_t out = 0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        if (out > 0 && !reports[i].id.empty() && reports[i].id == reports[out - 1].id &&
            reports[i].article == reports[out - 1].article)
            continue;
        if (out != i) {
            reports[out] = std::move(reports[i]);
            if (kept) g.events[out] = std::move(g.events[i]);
        }
        ++out;
    }
    reports.resize(out);
    if (kept) g.events.resize(out);
}

}  // namespace detail
}  // namespace eventgraph::graph

// GraphBuilder: each event turned into its record as it is read, its
// strings interned in the graph's tables; the graph built from the records
// at finish() (graph.cpp).

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "detail_build.hpp"
#include "eventgraph/graph/graph.hpp"

namespace eventgraph::graph {

using detail::day_number;
using detail::text_hash;
using model::Actor;
using model::DateSpan;
using model::Event;

namespace {

// Values numbered in the order they first come: a table's entries (the
// graph's articles, types, actors, dates), found again by hash in an
// open-addressed table of their numbers (a power of two of slots, probed in
// turn), the values themselves only in the graph's table. A million events
// name a few hundred thousand articles: std::unordered_map took a node, a
// copy of the string and divisions by its prime bucket count for each (the
// reading thread's add() over a million events: 0.48 s then, 0.31 s now).
template <typename T, typename Hash>
class Numbering {
public:
    /// The number of `v` in `table`, where it is added if it is new.
    template <typename V>
    Index number(std::vector<T>& table, const V& v) {
        if (2 * (table.size() + 1) > slots_.size()) grow(table);
        const auto [at, tag] = place(Hash{}(v));
        for (std::size_t i = at;; i = (i + 1) & (slots_.size() - 1)) {
            Slot& slot = slots_[i];
            if (slot.index == none) {
                slot = {tag, static_cast<Index>(table.size())};
                table.emplace_back(v);
                return slot.index;
            }
            if (slot.tag == tag && table[slot.index] == v) return slot.index;
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0;  // the rest of the hash, compared before the values
        Index index = none;
    };
    std::vector<Slot> slots_;
    unsigned shift_ = 64;  // 64 less the bits of a slot's number (set as the slots are made)

    // Fibonacci hashing: the slot from the product's top bits, so that a hash
    // that varies only in its high bits (a date's start) still spreads.
    std::pair<std::size_t, std::uint32_t> place(std::uint64_t h) const {
        const std::uint64_t m = h * 0x9E3779B97F4A7C15ULL;
        return {static_cast<std::size_t>(m >> shift_), static_cast<std::uint32_t>(m)};
    }
    // Twice the slots (64 at first), the table's values placed again.
    void grow(const std::vector<T>& table) {
        shift_ = slots_.empty() ? 58 : shift_ - 1;
        slots_.assign(std::size_t{1} << (64 - shift_), Slot{});
        for (std::size_t i = 0; i < table.size(); ++i) {
            const auto [at, tag] = place(Hash{}(table[i]));
            std::size_t k = at;
            while (slots_[k].index != none) k = (k + 1) & (slots_.size() - 1);
            slots_[k] = {tag, static_cast<Index>(i)};
        }
    }
};

struct TextHash {
    std::uint64_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// An actor's hash is its id's mixed with its kind and the lengths of its
// other strings: one hash a mention, and the variants of an id (another
// name, role or code) that share it are told apart by comparing them whole.
struct ActorHash {
    std::uint64_t operator()(const Actor& a) const {
        std::uint64_t h = std::hash<std::string>{}(a.id);
        for (const std::string* s : {&a.code, &a.name, &a.role, &a.agent, &a.cameo})
            h = (h ^ s->size()) * 0x100000001b3ULL;
        return h ^ (static_cast<std::uint64_t>(a.kind) << 56);
    }
};

struct DateHash {
    std::uint64_t operator()(const DateSpan& d) const {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day_number(d.start))) << 32) ^
               (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day_number(d.end))) << 4) ^
               (static_cast<std::uint64_t>(d.granularity) << 2) ^
               static_cast<std::uint64_t>(d.basis);
    }
};

}  // namespace

TextStore::Ref TextStore::add(std::string_view s) {
    // Blocks are never grown past what they were given: what they hold stays where it is.
    constexpr std::size_t block = std::size_t{1} << 20;
    if (s.empty()) return {};
    if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < s.size()) {
        blocks_.emplace_back();
        blocks_.back().reserve(std::max(block, s.size()));
    }
    std::string& b = blocks_.back();
    const Ref r{static_cast<std::uint32_t>(blocks_.size() - 1),
                static_cast<std::uint32_t>(b.size()), static_cast<std::uint32_t>(s.size())};
    b.append(s);
    return r;
}

struct GraphBuilder::State {
    EventGraph g;
    Keep keep = Keep::events;
    unsigned threads = 1;
    std::vector<detail::Tie> ties;  // when the events are not kept
    Index last_article = 0;
    // Actors and dates are numbered by value: a few stand for millions of mentions.
    Numbering<std::string, TextHash> articles, types, modes, words;
    Numbering<Actor, ActorHash> actors;
    Numbering<DateSpan, DateHash> dates;
};

GraphBuilder::GraphBuilder(Level level, Keep keep) : state_(std::make_unique<State>()) {
    state_->g.level = level;
    state_->keep = keep;
    state_->g.modes.emplace_back();  // modes[0] is "" (its numbering finds it there)
}

GraphBuilder::GraphBuilder(Level level, bool keep_events)
    : GraphBuilder(level, keep_events ? Keep::events : Keep::records) {}

GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::add_input(const std::string& name) { state_->g.inputs.push_back(name); }

void GraphBuilder::set_threads(unsigned threads) { state_->threads = std::max(1U, threads); }

void GraphBuilder::add(Event&& e, Position position) {
    State& s = *state_;
    EventGraph& g = s.g;
    Report r;
    // An article's events come together: its index is most often the last one's.
    if (g.articles.empty() || g.articles[s.last_article] != e.article)
        s.last_article = s.articles.number(g.articles, e.article);
    r.article = s.last_article;
    r.type = s.types.number(g.types, e.type);
    r.mode = e.mode.empty() ? 0 : s.modes.number(g.modes, e.mode);  // modes[0] is ""
    if (e.source) r.source = s.actors.number(g.actors, *e.source);
    if (e.target) r.target = s.actors.number(g.actors, *e.target);
    if (e.attributed_to) r.attributed_to = s.actors.number(g.actors, *e.attributed_to);
    if (e.location) r.location = s.actors.number(g.actors, *e.location);
    if (e.date) r.date = s.dates.number(g.dates, *e.date);
    r.quad = static_cast<std::int8_t>(e.quad);
    r.polarity = e.polarity;
    r.confidence = e.confidence;
    r.position = position;
    if (s.keep != Keep::records) {
        EvidenceTable& t = g.evidence;
        r.evidence = static_cast<Index>(t.rows.size());
        t.rows.push_back({e.evidence.sentence, t.texts.add(e.evidence.text),
                          s.words.number(t.words, e.evidence.trigger),
                          s.words.number(t.words, e.cameo)});
    }
    if (s.keep == Keep::events) {
        r.id = e.id;
        g.events.push_back(std::move(e));
    } else {
        r.id = std::move(e.id);
        s.ties.push_back({e.evidence.sentence, e.evidence.begin, text_hash(e.evidence.text)});
    }
    g.reports.push_back(std::move(r));
}

EventGraph GraphBuilder::finish() {
    State& s = *state_;
    // The tables' indices are all the graph needs of them now.
    s.articles = {};
    s.types = {};
    s.modes = {};
    s.actors = {};
    s.dates = {};
    s.words = {};
    detail::build(s.g, s.ties, s.threads);
    s.ties = {};
    EventGraph g = std::move(s.g);
    s.g = EventGraph{};
    s.g.level = g.level;
    s.g.modes.emplace_back();
    return g;
}

EventGraph build_graph(std::vector<Event> events, Level level) {
    GraphBuilder builder(level, Keep::events);
    for (Event& e : events) builder.add(std::move(e));
    events = {};
    return builder.finish();
}

}  // namespace eventgraph::graph

// GraphBuilder: each event turned into its record as it is read, its
// strings interned in the graph's tables; the graph built from the records
// at finish() (graph.cpp).

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "detail_build.hpp"
#include "eventgraph/graph/graph.hpp"

namespace eventgraph::graph {

using detail::day_number;
using detail::text_hash;
using model::Actor;
using model::DateSpan;
using model::Event;

namespace {

// Actors and dates are interned by value: a few keys stand for millions of
// mentions. An actor's key is its id's hash mixed with its kind and the
// lengths of its other strings: one hash a mention, and the variants of an
// id (another name, role or code) that share a key are told apart by
// comparing them whole.
std::uint64_t actor_key(const Actor& a) {
    std::uint64_t h = std::hash<std::string>{}(a.id);
    for (const std::string* s : {&a.code, &a.name, &a.role, &a.agent, &a.cameo})
        h = (h ^ s->size()) * 0x100000001b3ULL;
    return h ^ (static_cast<std::uint64_t>(a.kind) << 56);
}

// Strings numbered in the order they first come, the numbers kept in an
// open-addressed table (a power of two of slots, probed in turn) and the
// strings only in the graph's table they index. A million events name a few
// hundred thousand articles: std::unordered_map took a node, a copy of the
// string and a division by its prime bucket count for each, a fifth of the
// thread that reads the events.
class Interner {
public:
    Index intern(std::vector<std::string>& names, std::string_view s) {
        if (2 * (names.size() + 1) > slots_.size()) grow(names);
        const std::uint64_t h = std::hash<std::string_view>{}(s);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t at = h & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
            Slot& slot = slots_[at];
            if (slot.index == none) {
                slot = {tag, static_cast<Index>(names.size())};
                names.emplace_back(s);
                return slot.index;
            }
            if (slot.tag == tag && names[slot.index] == s) return slot.index;
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0;  // the hash's high half
        Index index = none;
    };
    std::vector<Slot> slots_;

    // Twice the slots, every name placed again (from its hash).
    void grow(const std::vector<std::string>& names) {
        slots_.assign(std::max<std::size_t>(64, 2 * slots_.size()), Slot{});
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::uint64_t h = std::hash<std::string_view>{}(names[i]);
            std::size_t at = h & (slots_.size() - 1);
            while (slots_[at].index != none) at = (at + 1) & (slots_.size() - 1);
            slots_[at] = {static_cast<std::uint32_t>(h >> 32), static_cast<Index>(i)};
        }
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
    Interner articles, types, modes, words;
    std::unordered_map<std::uint64_t, std::vector<Index>> actors;  // actor_key → candidates
    std::unordered_map<std::uint64_t, std::vector<Index>> dates;

    Index actor(const Actor& a) {
        auto& candidates = actors[actor_key(a)];
        for (const Index i : candidates)
            if (g.actors[i] == a) return i;
        candidates.push_back(static_cast<Index>(g.actors.size()));
        g.actors.push_back(a);
        return candidates.back();
    }
    Index date(const DateSpan& d) {
        const std::uint64_t key =
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day_number(d.start))) << 32) ^
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day_number(d.end))) << 4) ^
            (static_cast<std::uint64_t>(d.granularity) << 2) ^ static_cast<std::uint64_t>(d.basis);
        auto& candidates = dates[key];
        for (const Index i : candidates)
            if (g.dates[i] == d) return i;
        candidates.push_back(static_cast<Index>(g.dates.size()));
        g.dates.push_back(d);
        return candidates.back();
    }
};

GraphBuilder::GraphBuilder(Level level, Keep keep) : state_(std::make_unique<State>()) {
    state_->g.level = level;
    state_->keep = keep;
    state_->g.modes.emplace_back();  // modes[0] is "" (the interner finds it there)
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
        s.last_article = s.articles.intern(g.articles, e.article);
    r.article = s.last_article;
    r.type = s.types.intern(g.types, e.type);
    r.mode = e.mode.empty() ? 0 : s.modes.intern(g.modes, e.mode);  // modes[0] is ""
    if (e.source) r.source = s.actor(*e.source);
    if (e.target) r.target = s.actor(*e.target);
    if (e.attributed_to) r.attributed_to = s.actor(*e.attributed_to);
    if (e.location) r.location = s.actor(*e.location);
    if (e.date) r.date = s.date(*e.date);
    r.quad = static_cast<std::int8_t>(e.quad);
    r.polarity = e.polarity;
    r.confidence = e.confidence;
    r.position = position;
    if (s.keep != Keep::records) {
        EvidenceTable& t = g.evidence;
        r.evidence = static_cast<Index>(t.rows.size());
        t.rows.push_back({e.evidence.sentence, t.texts.add(e.evidence.text),
                          s.words.intern(t.words, e.evidence.trigger),
                          s.words.intern(t.words, e.cameo)});
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

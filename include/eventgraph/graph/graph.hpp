#pragma once
// The relationship graph: actors are vertices, relations are edges (one per
// source, target, type and polarity class), each aggregating the happenings
// it stands for. A happening is one real-world event told by one or many
// reports (events of different articles with the same type, source and
// target and overlapping dates).

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventgraph/model/event.hpp"

namespace eventgraph::graph {

/// How far actors are folded: countries and organisations, every actor, or
/// CAMEO actor codes (RUSGOV and RUSMIL apart, Russia's people in office in RUSGOV).
enum class Level { code, actor, cameo };

/// An index into one of EventGraph's tables; `none` where the event has none.
using Index = std::uint32_t;
inline constexpr Index none = static_cast<Index>(-1);

/// Where an event was read: an input (index into EventGraph::inputs) and its
/// line, for reading it again (line 0: not known, or not to be read again).
struct Position {
    Index input = 0;
    std::size_t line = 0;
};

/// One event as the graph keeps it: what building, filtering, counting and
/// ranking need, its strings interned in EventGraph's tables. A million of
/// them fit where a million whole events would not.
struct Report {
    std::string id;
    Index article = 0;                   ///< EventGraph::articles
    Index source = none, target = none;  ///< EventGraph::actors, as the event names them
    Index attributed_to = none, location = none;
    Index date = none;      ///< EventGraph::dates
    Index type = 0;         ///< EventGraph::types
    Index mode = 0;         ///< EventGraph::modes (0 is "")
    Index evidence = none;  ///< EvidenceTable::rows (none: not kept, see Keep)
    std::int8_t quad = 0;
    model::Polarity polarity = model::Polarity::asserted;
    double confidence = 0;
    Position position;
};

/// Strings end to end in large blocks, each named by where it lies: a million
/// sentences without a million allocations. A copy names them alike.
class TextStore {
public:
    struct Ref {
        std::uint32_t block = 0, offset = 0, size = 0;
    };
    Ref add(std::string_view s);
    std::string_view operator[](Ref r) const {
        return r.size == 0 ? std::string_view{}
                           : std::string_view(blocks_[r.block].data() + r.offset, r.size);
    }

private:
    std::vector<std::string> blocks_;
};

/// What the outputs that show sentences (the timelines, the page, the map,
/// the table) need of an event beyond its record: its strongest sentence
/// and its CAMEO code.
struct EvidenceRow {
    int sentence = 0;     ///< model::Evidence::sentence
    TextStore::Ref text;  ///< model::Evidence::text, in EvidenceTable::texts
    Index trigger = 0;    ///< model::Evidence::trigger, in EvidenceTable::words
    Index cameo = 0;      ///< model::Event::cameo, in EvidenceTable::words
};

/// The reports' evidence rows (Report::evidence): indexed, so sorting or
/// filtering the reports leaves the table as it is.
struct EvidenceTable {
    std::vector<EvidenceRow> rows;
    TextStore texts;
    std::vector<std::string> words;  ///< triggers and CAMEO codes, each once
};

/// What a GraphBuilder keeps of each event beside its record: nothing more
/// (the graph's formats, stats, paths), its evidence row, or the event
/// whole as well (EventGraph::events).
enum class Keep { records, evidence, events };

/// A date of EventGraph::dates, or none: EventGraph::date gives it. (A type
/// of its own, so that it is not read as a bool or as another table's index.)
struct DateRef {
    Index index = none;
};

/// One real-world event and every report of it.
/// Its strings are its graph's: EventGraph::id, type and mode give them.
struct Happening {
    Index type = none;  ///< EventGraph::types
    Index mode = none;  ///< EventGraph::modes (none or 0: no mode)
    int quad = 0;
    /// EventGraph::actors, at the graph's level (folded to the code at
    /// Level::code); none for an unknown source, whose vertex is unknown_vertex_id
    Index source = none;
    Index target = none;
    model::Polarity polarity = model::Polarity::asserted;
    DateRef date;  ///< EventGraph::dates: the most precise among the reports (none: undated)
    /// Where its reports begin in EventGraph::report_lists (`mentions` of
    /// them): EventGraph::reports_of gives them.
    Index first_report = 0;
    std::size_t mentions = 0;  ///< reports (GDELT's NumMentions)
    std::size_t sources = 0;   ///< distinct articles' sources/pages (GDELT's NumSources)
};

struct Vertex {
    std::string id;  ///< actor id at the graph's level ("CHN", or "USA.ANTONY_BLINKEN")
    std::string code;
    std::string name;
    model::ActorKind kind = model::ActorKind::country;
};

struct Edge {
    std::string type;  ///< event type, or "member-of" (Level::actor)
    int quad = 0;
    bool asserted = true;      ///< false: denied or hypothetical or future happenings, kept apart
    std::size_t count = 0;     ///< happenings
    std::size_t mentions = 0;  ///< reports of them
    DateRef first, last;       ///< EventGraph::dates: the earliest and latest happenings' dates
    std::vector<std::size_t> happenings;  ///< indices into EventGraph::happenings
    std::vector<Index> articles;  ///< EventGraph::articles, distinct, in the order of their names
    std::vector<std::string> attributions;  ///< distinct codes or ids of who claims them, sorted
    double weight = 0;  ///< count (happenings), for layout and shortest paths use 1/weight
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Vertex, Edge>;
using VertexId = boost::graph_traits<Graph>::vertex_descriptor;
using EdgeId = boost::graph_traits<Graph>::edge_descriptor;

/// Holds EventGraph's graph so that moving an EventGraph moves it: Boost's
/// adjacency_list has no move of its own, and its swap copies the graph
/// three times. What the graph is, for vecS vertices, is its vertex vector
/// and its edge list; swapping those two moves it, every edge where it was
/// (the vertices' out- and in-edge lists point into the edge list's nodes,
/// which a std::list swap leaves where they are).
struct GraphHolder {
    Graph graph;

    GraphHolder() = default;
    GraphHolder(const GraphHolder&) = default;
    GraphHolder& operator=(const GraphHolder&) = default;
    GraphHolder(GraphHolder&& o) noexcept { take(o); }
    GraphHolder& operator=(GraphHolder&& o) noexcept {
        if (this != &o) {
            graph.clear();
            take(o);
        }
        return *this;
    }
    ~GraphHolder() = default;

private:
    void take(GraphHolder& o) noexcept {
        graph.m_vertices.swap(o.graph.m_vertices);
        graph.m_edges.swap(o.graph.m_edges);
    }
};

/// The events, their happenings and the graph of them (`graph`, of GraphHolder).
struct EventGraph : GraphHolder {
    Level level = Level::code;
    /// Every event, in event order (see build_graph), as its record.
    std::vector<Report> reports;
    /// The whole events, the same indices as `reports`; empty unless the
    /// build was asked to keep them (Keep::events).
    std::vector<model::Event> events;
    /// The reports' sentences, for the outputs that show them; empty with Keep::records.
    EvidenceTable evidence;
    std::vector<Happening> happenings;
    /// The happenings' reports end to end, as indices into `reports` (and
    /// `events`), each happening's in event order: the first has the
    /// smallest event id, which is the happening's id. One list for all, not
    /// a vector each: most of a million happenings have a single report.
    std::vector<Index> report_lists;
    std::unordered_map<std::string, VertexId> vertex_by_id;

    // The records' tables.
    std::vector<std::string> articles;
    std::vector<std::string> types;
    std::vector<std::string> modes;  ///< modes[0] is ""
    /// Distinct actors: as the events name them, and the happenings' at the level.
    std::vector<model::Actor> actors;
    std::vector<model::DateSpan> dates;
    std::vector<std::string> inputs;  ///< Position::input

    /// An actor of the table, or nullptr for none.
    const model::Actor* actor(Index i) const { return i == none ? nullptr : &actors[i]; }
    /// A record's date, or nullptr for none.
    const model::DateSpan* date(Index i) const { return i == none ? nullptr : &dates[i]; }
    const model::DateSpan* date(DateRef i) const { return date(i.index); }
    /// A date added to the table (for a graph made by hand), as happenings and relations refer to
    /// it.
    DateRef add_date(model::DateSpan d) {
        dates.push_back(std::move(d));
        return {static_cast<Index>(dates.size() - 1)};
    }
    /// A happening's date, or nullptr for none.
    const model::DateSpan* date(const Happening& h) const { return date(h.date); }
    const std::string& article(const Report& r) const { return articles[r.article]; }
    const std::string& type(const Report& r) const { return types[r.type]; }
    /// A happening's reports (indices into `reports`), in event order.
    std::span<const Index> reports_of(const Happening& h) const {
        return {report_lists.data() + h.first_report, h.mentions};
    }
    /// A happening's id (its first report's), type and mode ("" for none).
    const std::string& id(const Happening& h) const {
        return h.mentions == 0 ? no_word() : reports[report_lists[h.first_report]].id;
    }
    const std::string& type(const Happening& h) const {
        return h.type == none ? no_word() : types[h.type];
    }
    const std::string& mode(const Happening& h) const {
        return h.mode == none ? no_word() : modes[h.mode];
    }
    /// A report's sentence, trigger and CAMEO code ("" where not kept).
    int sentence(const Report& r) const {
        return r.evidence == none ? 0 : evidence.rows[r.evidence].sentence;
    }
    std::string_view text(const Report& r) const {
        return r.evidence == none ? std::string_view{}
                                  : evidence.texts[evidence.rows[r.evidence].text];
    }
    const std::string& trigger(const Report& r) const {
        return r.evidence == none ? no_word() : evidence.words[evidence.rows[r.evidence].trigger];
    }
    const std::string& cameo(const Report& r) const {
        return r.evidence == none ? no_word() : evidence.words[evidence.rows[r.evidence].cameo];
    }

private:
    static const std::string& no_word() {
        static const std::string empty;
        return empty;
    }
};

/// The one vertex that stands for every unnamed or unknown source (events
/// with no source), named "unknown actor", of kind ActorKind::unknown. It is
/// there only when such events are: a relation `? → USA` says "someone
/// attacked the United States", not that one actor did all of them.
inline constexpr const char* unknown_vertex_id = "?";

/// The vertex id of an event's source: vertex_key, or unknown_vertex_id.
std::string source_key(const std::optional<model::Actor>& source, Level level);
std::string source_key(const model::Actor* source, Level level);

/// Builds the graph as the events are read, each turned into its record as
/// it comes, keeping as much more of it as `keep` says. The same graph as
/// build_graph of the same events.
class GraphBuilder {
public:
    explicit GraphBuilder(Level level = Level::code, Keep keep = Keep::events);
    /// `keep_events`: Keep::events, else Keep::records.
    GraphBuilder(Level level, bool keep_events);
    ~GraphBuilder();
    GraphBuilder(const GraphBuilder&) = delete;
    GraphBuilder& operator=(const GraphBuilder&) = delete;

    /// The name of the next input (Position::input counts them from 0).
    void add_input(const std::string& name);
    /// Threads for finish() to build with (1 unless told); the graph is the
    /// same for any number.
    void set_threads(unsigned threads);
    void add(model::Event&& event, Position position = {});
    /// The graph; the builder is empty after.
    EventGraph finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// Builds the graph from events (taken by value: the graph keeps them).
/// Deterministic: the same events in any order give the same graph, vertex
/// and edge order included.
///
/// - `events` is kept sorted by event id; a second event with the id and
///   article of an earlier one (the same file read twice) is dropped.
/// - Happenings: reports with the same type, source, target (at the level)
///   and polarity whose date spans overlap. The most precise reports found
///   happenings first; a coarser report ("in July") then joins the happening
///   it overlaps, or, if it overlaps several, the one with the most reports
///   (then the earliest). An undated report joins the only dated happening
///   of its key, else the key's one undated happening.
/// - Vertices sorted by id; edges by source id, target id, type, asserted
///   first. Happenings by date (undated last), then type, source, target.
/// - Level::actor adds a `member-of` edge (count 0, weight 1) from each
///   actor whose id is not its code to the code's vertex.
/// The events are kept (EventGraph::events, and their evidence rows);
/// GraphBuilder builds without.
EventGraph build_graph(std::vector<model::Event> events, Level level = Level::code);

/// The vertex id an actor has at a level: its code, its own id, or its CAMEO
/// code (its code when it has none).
std::string vertex_key(const model::Actor& actor, Level level);

/// An article's source or page: the part of its id before '#'
/// ("page-1#feed-2" is page-1), counted for Happening::sources.
std::string_view article_page(std::string_view article);

/// "code", "actor" or "cameo".
const char* to_string(Level level);

}  // namespace eventgraph::graph

#include "eventgraph/graph/filter.hpp"

#include <algorithm>
#include <charconv>
#include <deque>

#include "eventgraph/error.hpp"
#include "eventgraph/text/ascii.hpp"

namespace eventgraph::graph {

namespace {

// Exactly n digits at text[pos…], or -1.
int digits(const std::string& text, std::size_t pos, std::size_t n) {
    if (pos + n > text.size()) return -1;
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + n, v);
    return ec == std::errc() && end == text.data() + pos + n ? v : -1;
}

int day_number(date::year_month_day d) {
    return static_cast<int>(date::sys_days(d).time_since_epoch().count());
}

}  // namespace

date::year_month_day parse_filter_date(const std::string& text, bool end,
                                       const std::string& option) {
    using namespace date;
    const auto bad = [&]() -> usage_error {
        return usage_error("option --" + option +
                           " needs a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"" + text + "\"");
    };
    const int y = digits(text, 0, 4);
    if (y < 0) throw bad();
    if (text.size() == 4) return end ? year{y} / December / 31 : year{y} / January / 1;
    const int m = text.size() >= 7 && text[4] == '-' ? digits(text, 5, 2) : -1;
    if (m < 1 || m > 12) throw bad();
    const year_month ym{year{y}, month{static_cast<unsigned>(m)}};
    if (text.size() == 7) return end ? year_month_day{ym / last} : ym / 1;
    const int d = text.size() == 10 && text[7] == '-' ? digits(text, 8, 2) : -1;
    if (d < 1) throw bad();
    const year_month_day ymd = ym / day{static_cast<unsigned>(d)};
    if (!ymd.ok()) throw bad();
    return ymd;
}

const std::vector<std::string>& event_types() {
    static const std::vector<std::string> all = {
        "agree",    "consult",  "support", "concede", "cooperate", "aid",
        "retreat",  "request",  "accuse",  "reject",  "threaten",  "protest",
        "sanction", "mobilize", "coerce",  "assault", "statement"};
    return all;
}

std::string canonical_type(const std::string& user_type) {
    const std::string t = text::ascii_lower(text::trim(user_type));
    if (t == "strike") return "assault";
    if (t == "supply") return "aid";
    const auto& all = event_types();
    if (std::find(all.begin(), all.end(), t) != all.end()) return t;
    std::string list;
    for (const auto& a : all) list += (list.empty() ? "" : ", ") + a;
    throw usage_error("unknown event type \"" + user_type + "\": expected one of " + list +
                      " (or strike for assault, supply for aid)");
}

model::Polarity parse_polarity(const std::string& text) {
    const std::string t = text::ascii_lower(text::trim(text));
    for (const auto p : {model::Polarity::asserted, model::Polarity::denied,
                         model::Polarity::hypothetical, model::Polarity::future})
        if (t == model::to_string(p)) return p;
    throw usage_error("unknown polarity \"" + text +
                      "\": expected asserted, denied, hypothetical or future");
}

UnknownActors parse_unknown_actors(const std::string& text) {
    const std::string t = text::ascii_lower(text::trim(text));
    if (t == "include") return UnknownActors::include;
    if (t == "exclude") return UnknownActors::exclude;
    if (t == "only") return UnknownActors::only;
    throw usage_error("option --unknown-actors needs include, exclude or only, not \"" + text +
                      "\"");
}

std::function<bool(const model::Event&)> event_filter(const Filter& filter) {
    std::set<std::string> types;
    for (const auto& t : filter.types) types.insert(canonical_type(t));
    const int since = filter.since ? day_number(*filter.since) : 0;
    const int until = filter.until ? day_number(*filter.until) : 0;
    return [types = std::move(types), since, until, filter](const model::Event& e) {
        if (!types.empty() && !types.count(e.type)) return false;
        if (!filter.polarity.empty() && !filter.polarity.count(e.polarity)) return false;
        if (filter.unknown_actors == UnknownActors::exclude && !e.source) return false;
        if (filter.unknown_actors == UnknownActors::only && e.source) return false;
        if (filter.since || filter.until) {
            if (!e.date) return false;
            if (filter.since && day_number(e.date->end) < since) return false;
            if (filter.until && day_number(e.date->start) > until) return false;
        }
        return true;
    };
}

std::vector<model::Event> filter_events(std::vector<model::Event> events, const Filter& filter) {
    const auto keep = event_filter(filter);
    events.erase(std::remove_if(events.begin(), events.end(),
                                [&](const model::Event& e) { return !keep(e); }),
                 events.end());
    return events;
}

std::vector<std::string> resolve_actors(const EventGraph& g, const std::vector<std::string>& actors,
                                        const ActorLookup& lookup) {
    std::vector<std::string> out;
    const auto add_id = [&](const std::string& id) {
        // A vertex id (any case), and at the actor and cameo levels every vertex of that code.
        bool found = false;
        for (const auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
            const Vertex& vx = g.graph[v];
            if (vx.kind == model::ActorKind::unknown) continue;
            if (text::iequals(vx.id, id) ||
                (g.level != Level::code && text::iequals(vx.code, id))) {
                out.push_back(vx.id);
                found = true;
            }
        }
        return found;
    };
    for (const auto& given : actors) {
        const std::string name(text::trim(given));
        if (name.empty()) continue;
        if (name == unknown_vertex_id)
            throw usage_error(std::string("\"") + unknown_vertex_id +
                              "\" in --actors is no one actor: use --unknown-actors only for the "
                              "events of unknown actors");
        if (add_id(name)) continue;
        bool found = false;
        for (const auto v : boost::make_iterator_range(boost::vertices(g.graph)))
            if (g.graph[v].kind != model::ActorKind::unknown &&
                text::iequals(g.graph[v].name, name)) {
                out.push_back(g.graph[v].id);
                found = true;
            }
        if (found) continue;
        // A person or agency folded into its code: found by its own name, id
        // or CAMEO code ("RUSGOV" at the code level is RUS).
        const auto try_actor = [&](const model::Actor& a) {
            if (!text::iequals(a.name, name) && !text::iequals(a.id, name) &&
                !text::iequals(a.cameo, name))
                return;
            const std::string id = vertex_key(a, g.level);
            if (g.vertex_by_id.count(id)) {
                out.push_back(id);
                found = true;
            }
        };
        // Every actor the events name as source or target (not the
        // happenings' levelled ones, nor attributions and places).
        std::vector<char> tried(g.actors.size(), 0);
        for (const Report& r : g.reports)
            for (const Index a : {r.source, r.target})
                if (a != none && !tried[a]) {
                    tried[a] = 1;
                    try_actor(g.actors[a]);
                }
        if (found) continue;
        if (lookup)
            for (const auto& id : lookup(name)) found = add_id(id) || found;
        if (!found)
            throw usage_error("unknown actor \"" + name +
                              "\" in --actors: no actor of the events has this code, id or name");
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {

// Moves out of `g` when it may, copies otherwise.
template <bool Move, typename T>
decltype(auto) take(T& value) {
    if constexpr (Move)
        return std::move(value);
    else
        return static_cast<const T&>(value);
}

template <bool Move, typename G>
EventGraph filter_impl(G& g, const Filter& filter) {
    const std::size_t n = boost::num_vertices(g.graph);
    const auto is_member_of = [&](EdgeId e) { return g.graph[e].type == "member-of"; };
    const auto strong = [&](EdgeId e) {
        return is_member_of(e) || g.graph[e].count >= filter.min_count;
    };

    std::vector<char> keep_vertex(n, 0);
    const auto unknown_it = g.vertex_by_id.find(unknown_vertex_id);
    const std::optional<VertexId> unknown =
        unknown_it == g.vertex_by_id.end() ? std::nullopt : std::optional(unknown_it->second);
    if (!filter.actors.empty()) {
        // Breadth-first over the edges that pass min-count, both ways.
        std::vector<int> hops(n, -1);
        std::deque<VertexId> queue;
        for (const auto& id : filter.actors) {
            const auto it = g.vertex_by_id.find(id);
            if (it == g.vertex_by_id.end())
                throw usage_error(
                    "unknown actor \"" + id +
                    "\" in --actors: no actor of the events has this code, id or name");
            if (hops[it->second] < 0) {
                hops[it->second] = 0;
                queue.push_back(it->second);
            }
        }
        while (!queue.empty()) {
            const VertexId v = queue.front();
            queue.pop_front();
            keep_vertex[v] = 1;
            if (hops[v] >= filter.depth) continue;
            const auto visit = [&](VertexId w) {
                if (hops[w] >= 0 || w == unknown) return;
                hops[w] = hops[v] + 1;
                queue.push_back(w);
            };
            for (const auto e : boost::make_iterator_range(boost::out_edges(v, g.graph)))
                if (strong(e)) visit(boost::target(e, g.graph));
            for (const auto e : boost::make_iterator_range(boost::in_edges(v, g.graph)))
                if (strong(e)) visit(boost::source(e, g.graph));
        }
        if (unknown)
            for (const auto e : boost::make_iterator_range(boost::out_edges(*unknown, g.graph)))
                if (strong(e) && keep_vertex[boost::target(e, g.graph)]) keep_vertex[*unknown] = 1;
    } else if (filter.min_count == 0) {
        std::fill(keep_vertex.begin(), keep_vertex.end(), 1);
    } else {
        for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
            if (strong(e) && !is_member_of(e))
                keep_vertex[boost::source(e, g.graph)] = keep_vertex[boost::target(e, g.graph)] = 1;
        // A kept person keeps the country it belongs to.
        for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
            if (is_member_of(e) && keep_vertex[boost::source(e, g.graph)])
                keep_vertex[boost::target(e, g.graph)] = 1;
    }

    EventGraph out;
    out.level = g.level;
    std::vector<VertexId> new_vertex(n, 0);
    for (VertexId v = 0; v < n; ++v)
        if (keep_vertex[v]) {
            new_vertex[v] = boost::add_vertex(g.graph[v], out.graph);
            out.vertex_by_id.emplace(g.graph[v].id, new_vertex[v]);
        }

    // Happenings of kept relations, and targetless ones of kept sources.
    std::vector<char> keep_happening(g.happenings.size(), 0);
    std::vector<EdgeId> kept_edges;
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph))) {
        if (!strong(e) || !keep_vertex[boost::source(e, g.graph)] ||
            !keep_vertex[boost::target(e, g.graph)])
            continue;
        kept_edges.push_back(e);
        for (const std::size_t h : g.graph[e].happenings) keep_happening[h] = 1;
    }
    for (std::size_t h = 0; h < g.happenings.size(); ++h)
        if (g.happenings[h].target == none) {
            const Index source = g.happenings[h].source;
            const auto it =
                g.vertex_by_id.find(source != none ? g.actors[source].id : unknown_vertex_id);
            keep_happening[h] = it != g.vertex_by_id.end() && keep_vertex[it->second];
        }

    std::vector<char> keep_event(g.reports.size(), 0);
    for (std::size_t h = 0; h < g.happenings.size(); ++h)
        if (keep_happening[h])
            for (const Index r : g.reports_of(g.happenings[h])) keep_event[r] = 1;
    std::vector<std::size_t> new_event(g.reports.size(), 0);
    const bool whole = !g.events.empty();
    for (std::size_t i = 0; i < g.reports.size(); ++i)
        if (keep_event[i]) {
            new_event[i] = out.reports.size();
            out.reports.push_back(take<Move>(g.reports[i]));
            if (whole) out.events.push_back(take<Move>(g.events[i]));
        }
    // The tables as they are: records and happenings index them.
    out.articles = take<Move>(g.articles);
    out.types = take<Move>(g.types);
    out.modes = take<Move>(g.modes);
    out.actors = take<Move>(g.actors);
    out.dates = take<Move>(g.dates);
    out.inputs = take<Move>(g.inputs);
    out.evidence = take<Move>(g.evidence);
    std::vector<std::size_t> new_happening(g.happenings.size(), 0);
    for (std::size_t h = 0; h < g.happenings.size(); ++h)
        if (keep_happening[h]) {
            new_happening[h] = out.happenings.size();
            Happening copy = g.happenings[h];
            copy.first_report = static_cast<Index>(out.report_lists.size());
            for (const Index r : g.reports_of(g.happenings[h]))
                out.report_lists.push_back(static_cast<Index>(new_event[r]));
            out.happenings.push_back(copy);
        }
    for (const EdgeId e : kept_edges) {
        Edge copy = take<Move>(g.graph[e]);
        for (auto& h : copy.happenings) h = new_happening[h];
        boost::add_edge(new_vertex[boost::source(e, g.graph)],
                        new_vertex[boost::target(e, g.graph)], std::move(copy), out.graph);
    }
    return out;
}

}  // namespace

EventGraph filter_graph(const EventGraph& g, const Filter& filter) {
    return filter_impl<false>(g, filter);
}

EventGraph filter_graph(EventGraph&& g, const Filter& filter) {
    return filter_impl<true>(g, filter);
}

}  // namespace eventgraph::graph

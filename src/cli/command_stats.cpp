#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <map>

#include "command.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/output.hpp"
#include "filter_options.hpp"

namespace eventgraph::cli {

namespace {

struct Count {
    std::size_t happenings = 0;
    std::size_t events = 0;
};

// "2024-07" for a day or month, "2024" for a year, "undated".
std::string month_of(const std::optional<model::DateSpan>& d) {
    if (!d) return "undated";
    const std::string iso = model::date_value(*d);
    return d->granularity == model::Granularity::year ? iso.substr(0, 4) : iso.substr(0, 7);
}

std::string date_or_dash(const std::optional<model::DateSpan>& d) {
    return d ? model::date_value(*d) : "-";
}

struct Stats {
    std::size_t articles = 0;
    std::map<std::string, Count> by_type, by_actor, by_month;
    std::vector<graph::EdgeId> relations;  // strongest first
};

Stats count(const graph::EventGraph& g, std::size_t top) {
    Stats s;
    std::vector<std::string> articles;
    for (const auto& e : g.events) {
        articles.push_back(e.article);
        ++s.by_type[e.type].events;
        ++s.by_month[month_of(e.date)].events;
        const std::string source = graph::source_key(e.source, g.level);
        ++s.by_actor[source].events;
        if (e.target && graph::vertex_key(*e.target, g.level) != source)
            ++s.by_actor[graph::vertex_key(*e.target, g.level)].events;
    }
    std::sort(articles.begin(), articles.end());
    s.articles =
        static_cast<std::size_t>(std::unique(articles.begin(), articles.end()) - articles.begin());
    for (const auto& h : g.happenings) {
        ++s.by_type[h.type].happenings;
        ++s.by_month[month_of(h.date)].happenings;
        const std::string source = h.source ? h.source->id : graph::unknown_vertex_id;
        ++s.by_actor[source].happenings;
        if (h.target && h.target->id != source) ++s.by_actor[h.target->id].happenings;
    }
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
        if (g.graph[e].type != "member-of") s.relations.push_back(e);
    // Stable: equal relations keep the graph's (deterministic) edge order.
    std::stable_sort(s.relations.begin(), s.relations.end(), [&](graph::EdgeId a, graph::EdgeId b) {
        return std::make_pair(g.graph[a].count, g.graph[a].mentions) >
               std::make_pair(g.graph[b].count, g.graph[b].mentions);
    });
    if (s.relations.size() > top) s.relations.resize(top);
    return s;
}

// Most happenings first, then by name.
std::vector<std::pair<std::string, Count>> ranked(const std::map<std::string, Count>& m) {
    std::vector<std::pair<std::string, Count>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return std::make_pair(a.second.happenings, a.second.events) >
               std::make_pair(b.second.happenings, b.second.events);
    });
    return v;
}

std::string name_of(const graph::EventGraph& g, const std::string& id) {
    const auto it = g.vertex_by_id.find(id);
    return it == g.vertex_by_id.end() ? id : g.graph[it->second].name;
}

std::string pad(std::string s, std::size_t width, bool right = false) {
    if (s.size() >= width) return s + " ";
    return right ? std::string(width - s.size(), ' ') + s + " "
                 : s + std::string(width - s.size(), ' ') + " ";
}

// A plain table: columns as wide as their widest cell, numbers to the right.
std::string table(const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows, std::size_t text_columns) {
    std::vector<std::size_t> width(head.size());
    for (std::size_t c = 0; c < head.size(); ++c) {
        width[c] = head[c].size();
        for (const auto& r : rows) width[c] = std::max(width[c], r[c].size());
    }
    std::string out;
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (std::size_t c = 0; c < cells.size(); ++c)
            l += pad(cells[c], width[c], c >= text_columns);
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += "  " + l + "\n";
    };
    line(head);
    for (const auto& r : rows) line(r);
    return out;
}

std::string text_report(const graph::EventGraph& g, const Stats& s) {
    std::string out = std::to_string(g.events.size()) + " events, " +
                      std::to_string(g.happenings.size()) + " happenings, " +
                      std::to_string(s.articles) + " articles, " +
                      std::to_string(boost::num_vertices(g.graph)) + " actors\n";
    const auto counts = [](const Count& c) {
        return std::vector<std::string>{std::to_string(c.happenings), std::to_string(c.events)};
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& [type, c] : ranked(s.by_type)) {
        rows.push_back({type});
        for (auto& x : counts(c)) rows.back().push_back(x);
    }
    out += "\nby type\n" + table({"type", "happenings", "events"}, rows, 1);
    rows.clear();
    for (const auto& [id, c] : ranked(s.by_actor)) {
        rows.push_back({id, name_of(g, id)});
        for (auto& x : counts(c)) rows.back().push_back(x);
    }
    out += "\nby actor (as source or target)\n" +
           table({"actor", "name", "happenings", "events"}, rows, 2);
    rows.clear();
    for (const auto& [month, c] : s.by_month) {
        rows.push_back({month});
        for (auto& x : counts(c)) rows.back().push_back(x);
    }
    out += "\nby month\n" + table({"month", "happenings", "events"}, rows, 1);
    rows.clear();
    for (const auto e : s.relations) {
        const auto& r = g.graph[e];
        rows.push_back({g.graph[boost::source(e, g.graph)].id,
                        g.graph[boost::target(e, g.graph)].id, r.type,
                        r.asserted ? "asserted" : "not asserted", date_or_dash(r.first),
                        date_or_dash(r.last), std::to_string(r.count), std::to_string(r.mentions)});
    }
    out += "\nstrongest relations\n" +
           table({"source", "target", "type", "polarity", "first", "last", "happenings", "events"},
                 rows, 6);
    return out;
}

std::string json_report(const graph::EventGraph& g, const Stats& s) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    const auto counts = [&](const Count& c) {
        w.Key("happenings");
        w.Uint64(c.happenings);
        w.Key("events");
        w.Uint64(c.events);
    };
    w.StartObject();
    w.Key("events");
    w.Uint64(g.events.size());
    w.Key("happenings");
    w.Uint64(g.happenings.size());
    w.Key("articles");
    w.Uint64(s.articles);
    w.Key("actors");
    w.Uint64(boost::num_vertices(g.graph));
    w.Key("level");
    w.String(graph::to_string(g.level));
    w.Key("by_type");
    w.StartArray();
    for (const auto& [type, c] : ranked(s.by_type)) {
        w.StartObject();
        w.Key("type");
        w.String(type);
        counts(c);
        w.EndObject();
    }
    w.EndArray();
    w.Key("by_actor");
    w.StartArray();
    for (const auto& [id, c] : ranked(s.by_actor)) {
        w.StartObject();
        w.Key("id");
        w.String(id);
        w.Key("name");
        w.String(name_of(g, id));
        counts(c);
        w.EndObject();
    }
    w.EndArray();
    w.Key("by_month");
    w.StartArray();
    for (const auto& [month, c] : s.by_month) {
        w.StartObject();
        w.Key("month");
        w.String(month);
        counts(c);
        w.EndObject();
    }
    w.EndArray();
    w.Key("relations");
    w.StartArray();
    for (const auto e : s.relations) {
        const auto& r = g.graph[e];
        w.StartObject();
        w.Key("source");
        w.String(g.graph[boost::source(e, g.graph)].id);
        w.Key("target");
        w.String(g.graph[boost::target(e, g.graph)].id);
        w.Key("type");
        w.String(r.type);
        w.Key("asserted");
        w.Bool(r.asserted);
        w.Key("happenings");
        w.Uint64(r.count);
        w.Key("events");
        w.Uint64(r.mentions);
        w.Key("first");
        r.first ? w.String(model::date_value(*r.first)) : w.Null();
        w.Key("last");
        r.last ? w.String(model::date_value(*r.last)) : w.Null();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

int run_stats(const Args& args) {
    const auto top = static_cast<std::size_t>(args.get_number("top", 10, 0));
    filter_from_args(args);
    level_from_args(args);
    io::Output out(args.get("output"));
    ReadSummary summary;
    const graph::EventGraph g = read_filtered_graph(args, summary);
    if (nothing_to_write(summary, out.path())) return 1;
    const Stats s = count(g, top);
    out.write(args.has("json") ? json_report(g, s) : text_report(g, s));
    out.commit();
    return exit_code(summary);
}

}  // namespace

Command stats_command() {
    auto options = filter_options();
    options.insert(options.begin(),
                   {{"json", 0, false, "", "write JSON instead of tables"},
                    {"top", 0, true, "N", "show the N strongest relations (default 10)"},
                    level_option(),
                    output_option("the statistics")});
    return {
        "stats",
        "counts of events by type, actor and month; the strongest relations",
        "eventgraph stats [OPTIONS] EVENTS…",
        "Reads events (JSON Lines; - for standard input) and counts them by type, by actor (as\n"
        "source or target) and by month, both as happenings (reports of the same event counted\n"
        "once) and as events (every report), and lists the strongest relations by happenings.",
        options,
        run_stats};
}

}  // namespace eventgraph::cli

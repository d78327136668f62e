// GEXF 1.3 for Gephi, whose timeline plays the relations over time (it
// ignores time in GraphML).
//
// An edge's spells are its happenings' date spans merged where they overlap
// or touch, not one spell per happening: happenings of one relation overlap
// all the time (a report "in July" beside one of July 10, two strikes the same
// day), and Gephi refuses overlapping intervals on one element. Merged, the
// edge is shown exactly on the days some happening of it covers. A node lives
// from the first day of its relations to the last (one spell), so that it
// does not blink between them; a node with an undated relation, or none, has
// no spell: it is always there.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "detail_xml.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/model/timestamp.hpp"

namespace eventgraph::exports {

namespace {

using detail::xml_escape;
using Day = date::sys_days;

struct Spell {
    Day start, end;  // both included
};

/// Merges spans that overlap or touch (end + 1 day == next start).
std::vector<Spell> merged(std::vector<Spell> spells) {
    std::sort(spells.begin(), spells.end(),
              [](const Spell& a, const Spell& b) { return a.start < b.start; });
    std::vector<Spell> out;
    for (const Spell& s : spells) {
        if (!out.empty() && s.start <= out.back().end + date::days{1})
            out.back().end = std::max(out.back().end, s.end);
        else
            out.push_back(s);
    }
    return out;
}

Spell spell_of(const model::DateSpan& d) {
    const Day a{d.start}, b{d.end};
    return {std::min(a, b), std::max(a, b)};
}

/// The edge's spells; nullopt where it has no date at all (always shown).
std::optional<std::vector<Spell>> edge_spells(const graph::EventGraph& g, const graph::Edge& e) {
    std::vector<Spell> spells;
    for (const std::size_t h : e.happenings) {
        if (h >= g.happenings.size())
            throw output_error("an edge of the graph names happening " + std::to_string(h) +
                               " of " + std::to_string(g.happenings.size()));
        if (const model::DateSpan* date = g.date(g.happenings[h]))
            spells.push_back(spell_of(*date));
    }
    const model::DateSpan *first = g.date(e.first), *last = g.date(e.last);
    if (spells.empty() && (first || last)) {
        // No dated happening to go by: the relation's first and last dates.
        const Spell a = spell_of(first ? *first : *last);
        const Spell b = spell_of(last ? *last : *first);
        spells.push_back({std::min(a.start, b.start), std::max(a.end, b.end)});
    }
    if (spells.empty()) return std::nullopt;
    return merged(std::move(spells));
}

std::string day_text(Day d) { return model::to_iso(date::year_month_day{d}); }

void write_spells(std::string& out, const std::vector<Spell>& spells, const char* indent) {
    out += indent;
    out += "<spells>\n";
    for (const Spell& s : spells) {
        out += indent;
        out += "  <spell start=\"" + day_text(s.start) + "\" end=\"" + day_text(s.end) + "\"/>\n";
    }
    out += indent;
    out += "</spells>\n";
}

void attvalue(std::string& out, const char* key, const std::string& escaped_value) {
    out += "          <attvalue for=\"";
    out += key;
    out += "\" value=\"" + escaped_value + "\"/>\n";
}

// The DOT diagram's colours (Okabe & Ito), so Gephi shows the same classes.
const char* rgb_of_quad(int quad) {
    switch (quad) {
        case 1:
            return "r=\"86\" g=\"180\" b=\"233\"";
        case 2:
            return "r=\"0\" g=\"114\" b=\"178\"";
        case 3:
            return "r=\"230\" g=\"159\" b=\"0\"";
        case 4:
            return "r=\"213\" g=\"94\" b=\"0\"";
        default:
            return "r=\"153\" g=\"153\" b=\"153\"";
    }
}

}  // namespace

std::string to_gexf(const graph::EventGraph& g) {
    const auto& graph = g.graph;
    const std::vector<std::string> ids = detail::xml_ids(graph);

    // Spells first: a node's come from its edges'.
    std::vector<std::optional<std::vector<Spell>>> by_edge;
    std::vector<std::optional<Spell>> node_span(boost::num_vertices(graph));
    std::vector<bool> always(boost::num_vertices(graph), false);
    for (auto e : boost::make_iterator_range(boost::edges(graph))) {
        by_edge.push_back(edge_spells(g, graph[e]));
        for (const auto v : {boost::source(e, graph), boost::target(e, graph)}) {
            if (!by_edge.back()) {
                always[v] = true;
                continue;
            }
            for (const Spell& s : *by_edge.back()) {
                auto& span = node_span[v];
                span = span ? Spell{std::min(span->start, s.start), std::max(span->end, s.end)} : s;
            }
        }
    }

    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
        "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
        "version=\"1.3\">\n"
        "  <meta>\n"
        "    <creator>eventgraph</creator>\n"
        "    <description>Actors and the relations news reports tell of them</description>\n"
        "  </meta>\n"
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
        "timerepresentation=\"interval\">\n"
        "    <attributes class=\"node\" mode=\"static\">\n"
        "      <attribute id=\"code\" title=\"code\" type=\"string\"/>\n"
        "      <attribute id=\"name\" title=\"name\" type=\"string\"/>\n"
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
        "    </attributes>\n"
        "    <attributes class=\"edge\" mode=\"static\">\n"
        "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
        "      <attribute id=\"quad\" title=\"quad\" type=\"integer\"/>\n"
        "      <attribute id=\"asserted\" title=\"asserted\" type=\"boolean\"/>\n"
        "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n"
        "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
        "      <attribute id=\"first\" title=\"first\" type=\"string\"/>\n"
        "      <attribute id=\"last\" title=\"last\" type=\"string\"/>\n"
        "      <attribute id=\"articles\" title=\"articles\" type=\"string\"/>\n"
        "      <attribute id=\"attributions\" title=\"attributions\" type=\"string\"/>\n"
        "    </attributes>\n"
        "    <nodes>\n";
    for (auto v : boost::make_iterator_range(boost::vertices(graph))) {
        const graph::Vertex& x = graph[v];
        out += "      <node id=\"" + ids[v] + "\" label=\"" +
               xml_escape(x.name.empty() ? x.id : x.name) + "\">\n";
        out += "        <attvalues>\n";
        attvalue(out, "code", xml_escape(x.code));
        attvalue(out, "name", xml_escape(x.name));
        attvalue(out, "kind", model::to_string(x.kind));
        out += "        </attvalues>\n";
        if (node_span[v] && !always[v]) write_spells(out, {*node_span[v]}, "        ");
        out += "      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    std::size_t n = 0;
    for (auto e : boost::make_iterator_range(boost::edges(graph))) {
        const graph::Edge& r = graph[e];
        const std::string label = r.asserted ? r.type : r.type + " (not asserted)";
        // kind tells parallel edges of one pair apart (GEXF 1.3, Gephi 0.9).
        out += "      <edge id=\"" + std::to_string(n) + "\" source=\"" +
               ids[boost::source(e, graph)] + "\" target=\"" + ids[boost::target(e, graph)] +
               "\" label=\"" + xml_escape(label) + "\" kind=\"" + xml_escape(label) +
               "\" weight=\"" + detail::number_text(r.weight) + "\">\n";
        out += "        <attvalues>\n";
        attvalue(out, "type", xml_escape(r.type));
        attvalue(out, "quad", std::to_string(r.quad));
        attvalue(out, "asserted", r.asserted ? "true" : "false");
        attvalue(out, "count", std::to_string(r.count));
        attvalue(out, "mentions", std::to_string(r.mentions));
        if (const model::DateSpan* first = g.date(r.first))
            attvalue(out, "first", model::date_value(*first));
        if (const model::DateSpan* last = g.date(r.last))
            attvalue(out, "last", model::date_value(*last));
        attvalue(out, "articles", xml_escape(detail::joined(r.articles, g.articles)));
        attvalue(out, "attributions", xml_escape(detail::joined(r.attributions)));
        out += "        </attvalues>\n";
        if (by_edge[n]) write_spells(out, *by_edge[n], "        ");
        out += "        <viz:color " + std::string(rgb_of_quad(r.quad)) + "/>\n";
        out += "      </edge>\n";
        ++n;
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

}  // namespace eventgraph::exports

// DOT written as text, byte for byte what Graphviz 2.42's cgraph wrote for
// the same graph (agwrite of a graph built with agnode/agedge/agsafeset),
// without building that graph: cgraph spent more time on its dictionaries
// than the rest of the export together. The rules of agwrite kept here:
// - IDs quoted as cgraph quotes them (append_dot_id below);
// - the declared defaults as "graph [...]", "node [...]", "edge [...]",
//   attributes in byte order of their names, defaults that are "" left out;
// - an object's attributes in byte order of their names, those equal to the
//   declared default ("" for every attribute an object sets here) left out;
// - the legend cluster first, then each node in the order nodes were made,
//   except that a node with an edge from an earlier node is written just
//   before the first such edge of the earliest of them; each node's out-edges
//   by head node, then in the order they were made;
// - one tab an indent level, continuation lines one level deeper.
// DOT text here is escString text (what labels use), where "\\" is one
// backslash and "\n" a line break, and that one rule holds for names and
// attributes alike: cgraph 2.42 could not write a string that ends in a
// backslash, and reads a backslash before a line break as a continuation.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detail_graphviz.hpp"
#include "detail_style.hpp"
#include "detail_xml.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/text/ascii.hpp"
#include "graph/parallel.hpp"

namespace eventgraph::exports {

namespace detail {

namespace {

using text::is_ascii_alnum;
using text::is_ascii_digit;

/// May stand unquoted in an ID that is not a numeral.
bool bare_char(char c) {
    return is_ascii_alnum(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

/// cgraph breaks a long string only between a character that is not one of
/// these (nor a backslash) and one that is: never inside a word, a numeral
/// or a UTF-8 sequence. '_' is not one of them; '-' and '.' are.
bool word_char(char c) {
    return is_ascii_alnum(c) || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

/// DOT's keywords, which a bare ID may not be, in any case.
bool keyword(std::string_view s) {
    static constexpr std::string_view words[] = {"node",  "edge",    "strict",
                                                 "graph", "digraph", "subgraph"};
    return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) {
        return w.size() == s.size() && text::iequals(s, w);
    });
}

/// Past this many characters on a line cgraph breaks a quoted string with a
/// backslash and a line break at the next place it may (its default
/// "linelength"; this writer never sets that attribute).
constexpr std::size_t line_length = 128;

/// Whether `s` (not empty) is a numeral DOT writes bare: digits, at most
/// one '.', a '-' only first, and not a lone "-" or ".".
bool bare_numeral(std::string_view s) {
    int dots = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (!(is_ascii_digit(c) || (c == '-' && i == 0) || (c == '.' && dots++ == 0))) return false;
    }
    return s.size() > 1 || is_ascii_digit(s[0]);
}

}  // namespace

void append_dot_id(std::string& out, std::string_view s) {
    if (s.empty()) {
        out += "\"\"";
        return;
    }
    // Most IDs are short and hold no '"': bare, or quoted whole, with no
    // line to break (the rules below, taken at once).
    if (s.size() <= line_length && s.find('"') == std::string_view::npos) {
        const char first = s[0];
        const bool bare = is_ascii_digit(first) || first == '.' || first == '-'
                              ? bare_numeral(s)
                              : std::all_of(s.begin(), s.end(), bare_char) &&
                                    !(s.size() >= 4 && s.size() <= 8 && keyword(s));
        if (bare) {
            out += s;
        } else {
            out += '"';
            out += s;
            out += '"';
        }
        return;
    }
    const std::size_t start = out.size();
    out += '"';
    const char first = s[0];
    // A numeral stays bare: digits, one '.', a '-' first.
    bool numeral = is_ascii_digit(first) || first == '.' || first == '-';
    bool quoted = false;
    bool break_wanted = false;  // the line is long: break at the next place allowed
    int dots = 0;
    std::size_t on_line = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            out += '\\';
            quoted = true;
        } else if (numeral) {
            numeral = c == '-' ? on_line == 0 : c == '.' ? dots++ == 0 : is_ascii_digit(c);
            quoted = quoted || !numeral;
        } else if (!bare_char(c)) {
            quoted = true;
        }
        out += c;
        ++on_line;
        if (i + 1 == s.size()) break;
        if (!break_wanted && on_line < line_length) continue;
        if (!word_char(c) && c != '\\' && word_char(s[i + 1])) {
            out += "\\\n";
            quoted = true;
            break_wanted = false;
            on_line = 0;
        } else {
            break_wanted = true;
        }
    }
    // A lone "-" or "." is no numeral.
    if (quoted || (on_line == 1 && (first == '.' || first == '-'))) {
        out += '"';
        return;
    }
    out.resize(start);
    if (keyword(s)) {
        out += '"';
        out += s;
        out += '"';
    } else {
        out += s;
    }
}

std::string dot_text(std::string_view raw) {
    const std::string s = valid_utf8(raw);
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += ' ';
        } else if (u >= 0x20 && u != 0x7F) {
            out += c;
        }
    }
    return out;
}

std::string fixed2(double x) { return number_text(std::round(x * 100) / 100); }

namespace {

std::string date_range(const graph::EventGraph& g, const graph::Edge& e) {
    const model::DateSpan *first = g.date(e.first), *last = g.date(e.last);
    if (!first && !last) return "";
    const std::string from = model::date_value(first ? *first : *last);
    const std::string to = model::date_value(last ? *last : *first);
    return from == to ? from : from + " \u2013 " + to;
}

}  // namespace

/// "aid ×3" and the date range under it, as the analyst reads the edge.
std::string edge_label(const graph::EventGraph& g, const graph::Edge& e) {
    std::string label = dot_text(e.type);
    if (e.count > 1) label += " \u00D7" + std::to_string(e.count);
    if (!e.asserted) label += " (not asserted)";
    const std::string dates = date_range(g, e);
    if (!dates.empty()) label += "\\n" + dates;
    return label;
}

std::string node_label(const graph::Vertex& v) {
    std::string label = dot_text(v.name.empty() ? v.id : v.name);
    // A person or an agent drawn beside countries says whose it is.
    if (v.kind != model::ActorKind::country && v.kind != model::ActorKind::organisation &&
        !v.code.empty() && v.code != v.id && v.code != v.name)
        label += "\\n(" + dot_text(v.code) + ")";
    return label;
}

}  // namespace detail

namespace {

using detail::all_kinds;
using detail::append_dot_id;
using detail::colour_of_quad;
using detail::dot_text;
using detail::edge_label;
using detail::fixed2;
using detail::node_label;
using detail::pen_width;
using detail::quad_name;
using detail::Style;
using detail::style_of;
using graph::EventGraph;
using model::ActorKind;

/// Graph attributes and the defaults of nodes and edges, by name.
struct Default {
    const char* name;
    const char* value;
};
constexpr const char* font = "Helvetica,Arial,sans-serif";
constexpr Default graph_defaults[] = {
    {"fontname", font},   {"fontsize", "11"}, {"nodesep", "0.4"}, {"outputorder", "edgesfirst"},
    {"overlap", "false"}, {"pad", "0.3"},     {"rankdir", "LR"},  {"ranksep", "1.0"},
    {"splines", "true"}};
constexpr Default node_defaults[] = {
    {"fontname", font}, {"fontsize", "11"}, {"margin", "0.12,0.06"}};
constexpr Default edge_defaults[] = {
    {"arrowsize", "0.8"}, {"fontcolor", "#333333"}, {"fontname", font}, {"fontsize", "9"}};
constexpr Default legend_attributes[] = {
    {"color", "#BBBBBB"}, {"fontsize", "10"}, {"label", "Legend"}, {"style", "rounded"}};

class DotWriter {
public:
    void write(const EventGraph& g, unsigned threads,
               const std::function<void(std::string_view)>& sink) {
        const auto& graph = g.graph;
        const std::size_t n = boost::num_vertices(graph);
        out_.clear();
        out_ += "digraph eventgraph {\n";
        defaults("graph", graph_defaults, 1);
        defaults("node", node_defaults, 1);
        defaults("edge", edge_defaults, 1);

        std::vector<std::string> ids(n), names(n);
        std::set<ActorKind> kinds;
        for (auto v : boost::make_iterator_range(boost::vertices(graph))) {
            ids[v] = dot_text(graph[v].id);
            std::string fallback = std::to_string(v);
            fallback.insert(0, 1, 'v');  // not "v" + …: GCC 12 warns of it (-Wrestrict), wrongly
            names[v] = node_name(ids[v], fallback);
            kinds.insert(graph[v].kind);
        }
        std::set<int> quads;
        bool not_asserted = false;
        // The earliest node with an edge to each node (n: none).
        std::vector<std::size_t> first_tail(n, n);
        for (auto e : boost::make_iterator_range(boost::edges(graph))) {
            const std::size_t t = boost::source(e, graph), h = boost::target(e, graph);
            first_tail[h] = std::min(first_tail[h], t);
            quads.insert(graph[e].quad >= 1 && graph[e].quad <= 4 ? graph[e].quad : 0);
            not_asserted = not_asserted || !graph[e].asserted;
        }
        if (n > 0) legend(kinds, quads, not_asserted);

        sink(out_);
        out_ = {};

        // Each node and its edges. A node of many edges makes megabytes, so
        // the nodes are weighed by their edges: runs of about `run` nodes and
        // edges are written at once, each into a text of its own, and handed
        // on in order (a run's text, under a megabyte, is copied out while it
        // is in the cache; the file is never held whole).
        std::vector<std::size_t> weight(n + 1, 0);  // nodes before v and their edges
        for (std::size_t v = 0; v < n; ++v)
            weight[v + 1] = weight[v] + 1 + boost::out_degree(v, graph);
        const auto node_at = [&](std::size_t w) {
            return static_cast<std::size_t>(std::lower_bound(weight.begin(), weight.end(), w) -
                                            weight.begin());
        };
        constexpr std::size_t run = std::size_t{1} << 11;
        const std::size_t parts = graph::detail::parts_for(weight[n], threads);
        std::vector<std::string> texts(parts);
        for (std::size_t begin = 0; begin < weight[n]; begin += parts * run) {
            const std::size_t end = std::min(weight[n], begin + parts * run);
            const std::size_t used = (end - begin + run - 1) / run;
            graph::detail::for_parts(end - begin, used,
                                     [&](std::size_t k, std::size_t from, std::size_t to) {
                                         DotWriter part;
                                         part.out_ = std::move(texts[k]);
                                         part.out_.clear();
                                         part.nodes(g, node_at(begin + from), node_at(begin + to),
                                                    ids, names, first_tail);
                                         texts[k] = std::move(part.out_);
                                     });
            for (std::size_t k = 0; k < used; ++k) sink(texts[k]);
        }
        sink("}\n");
    }

private:
    /// The nodes [begin, end), each where cgraph writes it, and their edges.
    void nodes(const EventGraph& g, std::size_t begin, std::size_t end,
               const std::vector<std::string>& ids, const std::vector<std::string>& names,
               const std::vector<std::size_t>& first_tail) {
        const graph::Graph& graph = g.graph;
        std::vector<std::pair<std::size_t, graph::EdgeId>> out_edges;
        std::vector<std::string> keys;
        for (std::size_t v = begin; v < end; ++v) {
            if (first_tail[v] >= v) actor_node(graph[v], ids[v], names[v]);
            out_edges.clear();
            for (auto e : boost::make_iterator_range(boost::out_edges(v, graph)))
                out_edges.emplace_back(boost::target(e, graph), e);
            std::stable_sort(out_edges.begin(), out_edges.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t i = 0; i < out_edges.size();) {
                const std::size_t h = out_edges[i].first;
                if (h > v && first_tail[h] == v) actor_node(graph[h], ids[h], names[h]);
                keys.clear();
                for (; i < out_edges.size() && out_edges[i].first == h; ++i)
                    actor_edge(g, graph[out_edges[i].second], names[v], names[h], keys);
            }
        }
    }

    /// One object's attributes: "\t[" before the first, ",\n" and one more
    /// indent than the object's before each next one, "]" after the last;
    /// empty values, every attribute's default here, left out.
    class Attributes {
    public:
        Attributes(std::string& out, int level) : out_(out), level_(level) {}
        void add(std::string_view name, std::string_view value) {
            if (value.empty()) return;
            // (",\n" and the tabs of the next line, at once)
            static constexpr std::string_view next = ",\n\t\t\t\t\t\t\t\t";
            if (count_++ == 0)
                out_ += "\t[";
            else
                out_ += next.substr(0, 2 + static_cast<std::size_t>(level_) + 1);
            out_ += name;  // this writer's own names, bare IDs all
            out_ += '=';
            append_dot_id(out_, value);
        }
        void end() {
            if (count_ > 0) out_ += ']';
            out_ += ";\n";
        }

    private:
        std::string& out_;
        int level_;
        int count_ = 0;
    };

    void indent(int level) { out_.append(static_cast<std::size_t>(level), '\t'); }

    template <std::size_t N>
    void defaults(const char* kind, const Default (&list)[N], int level) {
        indent(level);
        out_ += kind;
        out_ += " [";
        for (std::size_t i = 0; i < N; ++i) {
            if (i > 0) {
                out_ += ",\n";
                indent(level + 1);
            }
            append_dot_id(out_, list[i].name);
            out_ += '=';
            append_dot_id(out_, list[i].value);
        }
        if (N > 1) {
            out_ += '\n';
            indent(level);
        }
        out_ += "];\n";
    }

    /// A node name of its own: the actor's id where cgraph kept it as it is
    /// (a name starting with '%' was one of cgraph's anonymous names).
    std::string node_name(const std::string& wanted, const std::string& fallback) {
        std::string name = wanted;
        if (name.empty() || name[0] == '%' || names_.count(name)) name = fallback;
        while (names_.count(name)) name += "_";
        names_.insert(name);
        return name;
    }

    void node_start(const std::string& name, int level) {
        indent(level);
        append_dot_id(out_, name);
    }

    void actor_node(const graph::Vertex& v, const std::string& id, const std::string& name) {
        node_start(name, 1);
        const Style s = style_of(v.kind);
        Attributes a(out_, 1);
        // Not drawn: actor, code, name, kind, for programs that read the DOT back.
        a.add("actor", id);
        a.add("code", dot_text(v.code));
        a.add("color", s.pen);
        a.add("fillcolor", s.fill);
        a.add("kind", model::to_string(v.kind));
        a.add("label", node_label(v));
        a.add("name", dot_text(v.name));
        a.add("shape", s.shape);
        a.add("style", s.style);
        a.end();
    }

    /// Relations of different types between the same pair stay separate
    /// edges, told apart by their keys, unique between one tail and head.
    void actor_edge(const EventGraph& g, const graph::Edge& r, const std::string& tail,
                    const std::string& head, std::vector<std::string>& keys) {
        const std::string type = dot_text(r.type);
        const std::string wanted = r.asserted ? type : type + " (not asserted)";
        std::string key = wanted.empty() || wanted[0] == '%' ? "_" + wanted : wanted;
        while (std::find(keys.begin(), keys.end(), key) != keys.end()) key += "_";

        edge_start(tail, head, 1);
        Attributes a(out_, 1);
        a.add("key", key);  // cgraph writes an edge's key before its attributes
        keys.push_back(std::move(key));
        const int quad = r.quad >= 1 && r.quad <= 4 ? r.quad : 0;
        // Not drawn: type, quad, asserted, count, mentions, first, last, for
        // programs that read the DOT back.
        a.add("asserted", r.asserted ? "true" : "false");
        a.add("color", colour_of_quad(quad));
        a.add("count", std::to_string(r.count));
        if (const model::DateSpan* first = g.date(r.first))
            a.add("first", model::date_value(*first));
        a.add("label", edge_label(g, r));
        if (const model::DateSpan* last = g.date(r.last)) a.add("last", model::date_value(*last));
        a.add("mentions", std::to_string(r.mentions));
        a.add("penwidth", fixed2(pen_width(r.count)));
        a.add("quad", std::to_string(r.quad));
        a.add("style", !r.asserted ? "dashed" : quad == 0 ? "dotted" : "");
        a.add("type", type);
        // dot wants an integer weight: stronger relations are drawn shorter and straighter.
        a.add("weight", std::to_string(std::max<std::size_t>(r.count, 1)));
        a.end();
    }

    void edge_start(const std::string& tail, const std::string& head, int level) {
        indent(level);
        append_dot_id(out_, tail);
        out_ += " -> ";
        append_dot_id(out_, head);
    }

    /// A legend of the kinds and classes the diagram shows, in a cluster of
    /// its own (dot draws it boxed; other layouts place its nodes freely).
    void legend(const std::set<ActorKind>& kinds, const std::set<int>& quads, bool not_asserted) {
        out_ += "\tsubgraph cluster_legend {\n";
        defaults("graph", legend_attributes, 2);
        for (const ActorKind kind : all_kinds) {
            if (!kinds.count(kind)) continue;
            const std::string name = std::string("legend ") + model::to_string(kind);
            node_start(node_name(name, name), 2);
            const Style s = style_of(kind);
            Attributes a(out_, 2);
            a.add("color", s.pen);
            a.add("fillcolor", s.fill);
            a.add("label", model::to_string(kind));
            a.add("shape", s.shape);
            a.add("style", s.style);
            a.end();
        }
        auto line = [&](const std::string& name, const std::string& label, const char* colour,
                        const char* style, const char* width) {
            const std::string from_wanted = "legend " + name + " from";
            const std::string from = node_name(from_wanted, from_wanted);
            const std::string to_wanted = "legend " + name + " to";
            const std::string to = node_name(to_wanted, to_wanted);
            for (const std::string* point : {&from, &to}) {
                node_start(*point, 2);
                Attributes a(out_, 2);
                a.add("color", colour);
                a.add("shape", "point");
                a.add("width", "0.05");
                a.end();
            }
            edge_start(from, to, 2);
            Attributes a(out_, 2);
            a.add("color", colour);
            a.add("label", label);
            a.add("penwidth", width);
            a.add("style", style);
            a.end();
        };
        for (const int quad : quads)
            line("quad " + std::to_string(quad),
                 quad == 0 ? "other (member of)" : std::string(quad_name(quad)),
                 colour_of_quad(quad), quad == 0 ? "dotted" : "", "2");
        if (not_asserted)
            line("not asserted", "denied, hypothetical or future", "#666666", "dashed", "2");
        if (!quads.empty()) line("count", "thicker: more happenings", "#666666", "", "5");
        out_ += "\t}\n";
    }

    std::unordered_set<std::string> names_;
    std::string out_;
};

}  // namespace

void write_dot(const graph::EventGraph& g, const std::function<void(std::string_view)>& sink,
               unsigned threads) {
    DotWriter().write(g, threads, sink);
}

std::string to_dot(const graph::EventGraph& g, unsigned threads) {
    std::string out;
    write_dot(
        g, [&](std::string_view s) { out += s; }, threads);
    return out;
}

}  // namespace eventgraph::exports

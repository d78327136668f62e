// Timeline exports: eventgraph's own timeline JSON and Knight Lab TimelineJS.

#include <algorithm>
#include <cstring>
#include <functional>
#include <set>
#include <string_view>

#include "detail_json_writer.hpp"
#include "detail_rows.hpp"
#include "eventgraph/export/writers.hpp"
#include "eventgraph/model/timestamp.hpp"
#include "graph/parallel.hpp"

namespace eventgraph::exports {

namespace {

using Writer = detail::JsonWriter;  // TimelineJS
using Text = detail::JsonText;      // the timeline's happenings
using detail::field;
using detail::string;
using detail::strongest;
using graph::EventGraph;
using graph::Happening;

// Verb phrases for headlines: with a target, and without one.
struct Verb {
    const char* type;
    const char* with_target;
    const char* alone;
};
constexpr Verb verbs[] = {
    {"agree", "agrees with", "agrees"},
    {"consult", "consults", "holds consultations"},
    {"support", "supports", "voices support"},
    {"concede", "concedes to", "concedes"},
    {"cooperate", "cooperates with", "cooperates"},
    {"aid", "aids", "gives aid"},
    {"retreat", "retreats from", "retreats"},
    {"request", "asks", "makes a request"},
    {"accuse", "accuses", "makes accusations"},
    {"reject", "rejects", "rejects"},
    {"threaten", "threatens", "makes threats"},
    {"protest", "protests against", "protests"},
    {"sanction", "sanctions", "imposes sanctions"},
    {"mobilize", "mobilizes against", "mobilizes"},
    {"coerce", "coerces", "coerces"},
    {"assault", "attacks", "attacks"},
    {"statement", "makes a statement on", "makes a statement"},
};

std::string headline(const EventGraph& g, const Happening& h) {
    const model::Actor* source = g.actor(h.source);
    const model::Actor* target = g.actor(h.target);
    std::string verb = g.type(h);
    for (const auto& v : verbs)
        if (g.type(h) == v.type) verb = target ? v.with_target : v.alone;
    std::string s = (source ? source->name : "An unknown actor") + " " + verb;
    if (target) s += " " + target->name;
    if (h.polarity != model::Polarity::asserted)
        s += std::string(" (") + model::to_string(h.polarity) + ")";
    return s;
}

// Its reports' articles, each once, by name (the graph's own strings).
std::vector<const std::string*> articles_of(const EventGraph& g, const Happening& h) {
    std::vector<const std::string*> out;
    for (const graph::Index r : g.reports_of(h)) out.push_back(&g.article(g.reports[r]));
    const auto by_name = [](const std::string* a, const std::string* b) { return *a < *b; };
    const auto same = [](const std::string* a, const std::string* b) { return *a == *b; };
    std::sort(out.begin(), out.end(), by_name);
    out.erase(std::unique(out.begin(), out.end(), same), out.end());
    return out;
}

void write_actor(Text& w, const model::Actor& a) {
    w.StartObject();
    field(w, "id", a.id);
    field(w, "code", a.code);
    field(w, "name", a.name);
    field(w, "kind", model::to_string(a.kind));
    if (!a.role.empty()) field(w, "role", a.role);
    if (!a.agent.empty()) field(w, "agent", a.agent);
    w.EndObject();
}

void write_date(Text& w, const model::DateSpan* d) {
    w.Key("date");
    if (!d) {
        w.Null();
        return;
    }
    w.StartObject();
    field(w, "value", model::date_value(*d));
    field(w, "granularity", model::to_string(d->granularity));
    field(w, "start", model::to_iso(d->start));
    field(w, "end", model::to_iso(d->end));
    field(w, "basis", model::to_string(d->basis));
    w.EndObject();
}

// Where it happened: the most precise place among its reports (as in the
// event table and the GeoJSON), or null.
void write_place(Text& w, const EventGraph& g, const Happening& h) {
    w.Key("place");
    const model::Actor* place = detail::place_of(g, h);
    if (!place) {
        w.Null();
        return;
    }
    const model::Geo& geo = *place->geo;
    w.StartObject();
    field(w, "id", place->id);
    field(w, "name", place->name);
    field(w, "country", place->code);
    if (!geo.subdivision.empty()) field(w, "subdivision", geo.subdivision);
    w.Key("lat");
    w.Double(detail::round_coordinate(geo.lat));
    w.Key("lon");
    w.Double(detail::round_coordinate(geo.lon));
    if (geo.geonames) {
        w.Key("geonames");
        w.Uint(geo.geonames);
    }
    field(w, "precision", model::to_string(geo.precision));
    w.EndObject();
}

void write_happening(Text& w, const EventGraph& g, const Happening& h, const ArticleLinks& urls) {
    w.StartObject();
    field(w, "id", g.id(h));
    write_date(w, g.date(h));
    write_place(w, g, h);
    field(w, "headline", headline(g, h));
    const graph::Report* best = strongest(g, h);
    field(w, "text", best ? g.text(*best) : std::string_view{});
    field(w, "type", g.type(h));
    w.Key("mode");
    if (g.mode(h).empty())
        w.Null();
    else
        string(w, g.mode(h));
    w.Key("quad");
    w.Int(h.quad);
    field(w, "polarity", model::to_string(h.polarity));
    const model::Actor* source = g.actor(h.source);
    const model::Actor* target = g.actor(h.target);
    w.Key("source");
    if (source)
        write_actor(w, *source);
    else
        w.Null();  // an unknown actor, as in the events
    w.Key("target");
    if (target)
        write_actor(w, *target);
    else
        w.Null();
    w.Key("actors");
    w.StartArray();
    // An event with an unknown source involves only its target.
    if (source) string(w, source->id);
    if (target && (!source || target->id != source->id)) string(w, target->id);
    w.EndArray();
    w.Key("mentions");
    w.Uint64(h.mentions);
    w.Key("sources");
    w.Uint64(h.sources);
    w.Key("articles");
    w.StartArray();
    for (const std::string* a : articles_of(g, h)) {
        w.StartObject();
        field(w, "id", *a);
        if (const std::string url = link_of(urls, *a).url; !url.empty()) field(w, "url", url);
        w.EndObject();
    }
    w.EndArray();
    w.Key("reports");
    w.StartArray();
    for (const graph::Index r : g.reports_of(h)) {
        const graph::Report& e = g.reports[r];
        const std::string& article = g.article(e);
        w.StartObject();
        field(w, "event", e.id);
        field(w, "article", article);
        if (const std::string url = link_of(urls, article).url; !url.empty()) field(w, "url", url);
        w.Key("sentence");
        w.Int(g.sentence(e));
        field(w, "text", g.text(e));
        field(w, "trigger", g.trigger(e));
        w.Key("confidence");
        w.Double(e.confidence);
        w.Key("attributed_to");
        if (const model::Actor* by = g.actor(e.attributed_to))
            write_actor(w, *by);
        else
            w.Null();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    return out;
}

// TimelineJS uses unique_id as an element id and in the page's #hash.
std::string element_id(const std::string& id, std::set<std::string>& used) {
    std::string s;
    for (const char c : id) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_';
        s += plain ? c : '-';
    }
    if (s.empty()) s = "happening";
    std::string unique = s;
    for (int n = 2; !used.insert(unique).second; ++n) unique = s + "-" + std::to_string(n);
    return unique;
}

void write_tjs_date(Writer& w, const char* key, date::year_month_day d,
                    model::Granularity granularity) {
    w.Key(key);
    w.StartObject();
    field(w, "year", std::to_string(int(d.year())));
    if (granularity != model::Granularity::year)
        field(w, "month", std::to_string(unsigned(d.month())));
    if (granularity == model::Granularity::day) field(w, "day", std::to_string(unsigned(d.day())));
    w.EndObject();
}

std::string slide_text(const EventGraph& g, const Happening& h, const ArticleLinks& urls) {
    const graph::Report* best = strongest(g, h);
    std::string s = "<p>" + html_escape(best ? g.text(*best) : std::string_view{}) + "</p><p>";
    if (const model::Actor* by = best ? g.actor(best->attributed_to) : nullptr)
        s += "According to " + html_escape(by->name) + ". ";
    if (h.polarity != model::Polarity::asserted)
        s += std::string("<em>") + model::to_string(h.polarity) + "</em>. ";
    s += std::to_string(h.mentions) + (h.mentions == 1 ? " report" : " reports") + " from " +
         std::to_string(h.sources) + (h.sources == 1 ? " source" : " sources") + ": ";
    const auto articles = articles_of(g, h);
    constexpr std::size_t shown = 10;
    for (std::size_t i = 0; i < articles.size() && i < shown; ++i) {
        if (i) s += ", ";
        if (const std::string url = link_of(urls, *articles[i]).url; !url.empty())
            s += "<a href=\"" + html_escape(url) + "\">" + html_escape(*articles[i]) + "</a>";
        else
            s += html_escape(*articles[i]);
    }
    if (articles.size() > shown) s += " and " + std::to_string(articles.size() - shown) + " more";
    return s + ".</p>";
}

std::string title_of(const EventGraph& g) {
    std::vector<std::string> names;
    for (const auto v : boost::make_iterator_range(boost::vertices(g.graph)))
        if (g.graph[v].kind != model::ActorKind::unknown) names.push_back(g.graph[v].name);
    if (names.empty() || names.size() > 5) return "Timeline";
    std::string s = "Timeline: " + names.front();
    for (std::size_t i = 1; i < names.size(); ++i)
        s += (i + 1 == names.size() ? " and " : ", ") + names[i];
    return s;
}

}  // namespace

ArticleLink link_of(const ArticleLinks& links, const std::string& article) {
    ArticleLink link;
    if (links.empty()) return link;  // no articles given: nothing to look up, or to copy
    if (const auto own = links.find(article); own != links.end()) link = own->second;
    if (link.url.empty() || link.title.empty()) {
        const auto page = links.find(std::string(graph::article_page(article)));
        if (page != links.end()) {
            if (link.url.empty()) link.url = page->second.url;
            if (link.title.empty()) link.title = page->second.title;
        }
    }
    return link;
}

void write_timeline_json(const EventGraph& g, const ArticleLinks& urls,
                         const std::function<void(std::string_view)>& sink, unsigned threads) {
    // One happening a line: the file is JSON, and still greps and diffs well.
    std::string head = "{\"format\":\"eventgraph-timeline\",\"version\":1,\"level\":\"";
    head += graph::to_string(g.level);
    head += "\",\"happenings\":" + std::to_string(g.happenings.size()) + ",\"events\":[";
    sink(head);
    // A million happenings make a file of hundreds of megabytes, never held
    // whole: runs of them are written at once, each into a text of its own,
    // and handed on in order. A run's text is under a megabyte, so that it
    // is still in the cache when it is copied out (runs of 8,192 took the
    // system three times as long to copy).
    constexpr std::size_t run = std::size_t{1} << 10;
    const std::size_t parts = std::max<std::size_t>(1, threads);
    std::vector<rapidjson::StringBuffer> texts(parts);
    for (std::size_t begin = 0; begin < g.happenings.size(); begin += parts * run) {
        const std::size_t end = std::min(g.happenings.size(), begin + parts * run);
        const std::size_t used = (end - begin + run - 1) / run;
        graph::detail::for_parts(
            end - begin, used, [&](std::size_t k, std::size_t from, std::size_t to) {
                rapidjson::StringBuffer& text = texts[k];
                text.Clear();
                Text w(text);
                for (std::size_t i = begin + from; i < begin + to; ++i) {
                    const std::string_view comma = i == 0 ? "\n" : ",\n";
                    std::memcpy(text.Push(comma.size()), comma.data(), comma.size());
                    w.Reset(text);
                    write_happening(w, g, g.happenings[i], urls);
                }
            });
        for (std::size_t k = 0; k < used; ++k)
            sink(std::string_view(texts[k].GetString(), texts[k].GetSize()));
    }
    sink("\n]}\n");
}

std::string to_timeline_json(const EventGraph& g, const ArticleLinks& urls) {
    std::string out;
    write_timeline_json(g, urls, [&](std::string_view s) { out += s; });
    return out;
}

std::string to_timelinejs(const EventGraph& g, const ArticleLinks& urls) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    std::size_t dated = 0, reports = 0;
    for (const Happening& h : g.happenings)
        if (g.date(h)) {
            ++dated;
            reports += h.mentions;
        }
    w.StartObject();
    w.Key("title");
    w.StartObject();
    w.Key("text");
    w.StartObject();
    field(w, "headline", html_escape(title_of(g)));
    std::string text = std::to_string(dated) + (dated == 1 ? " happening" : " happenings") +
                       " told in " + std::to_string(reports) +
                       (reports == 1 ? " report" : " reports");
    const Happening* first = nullptr;
    const Happening* last = nullptr;
    for (const Happening& h : g.happenings)
        if (g.date(h)) {
            if (!first) first = &h;
            last = &h;
        }
    if (first)
        text +=
            ", " + model::date_value(*g.date(*first)) + " to " + model::date_value(*g.date(*last));
    field(w, "text", "<p>" + text + ".</p>");
    w.EndObject();
    w.EndObject();
    w.Key("events");
    w.StartArray();
    std::set<std::string> used;
    for (const Happening& h : g.happenings) {
        const model::DateSpan* date = g.date(h);
        if (!date) continue;  // TimelineJS cannot place a slide without a date
        w.StartObject();
        write_tjs_date(w, "start_date", date->start, date->granularity);
        if (date->granularity == model::Granularity::day && date->end != date->start)
            write_tjs_date(w, "end_date", date->end, model::Granularity::day);
        w.Key("text");
        w.StartObject();
        field(w, "headline", html_escape(headline(g, h)));
        field(w, "text", slide_text(g, h, urls));
        w.EndObject();
        field(w, "group", g.type(h));
        field(w, "unique_id", element_id(g.id(h), used));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace eventgraph::exports

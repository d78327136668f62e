#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "eventgraph/export/writers.hpp"
#include "eventgraph/graph/graph.hpp"
#include "eventgraph/io/event_json.hpp"
#include "graph/parallel.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using graph::EventGraph;
using graph::Level;
using test::read_events;

namespace {

const graph::Edge* find_edge(const EventGraph& g, const std::string& from, const std::string& to,
                             const std::string& type, bool asserted = true) {
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
        if (g.graph[boost::source(e, g.graph)].id == from &&
            g.graph[boost::target(e, g.graph)].id == to && g.graph[e].type == type &&
            g.graph[e].asserted == asserted)
            return &g.graph[e];
    return nullptr;
}

std::vector<const graph::Happening*> happenings_of(const EventGraph& g, const std::string& from,
                                                   const std::string& type) {
    std::vector<const graph::Happening*> out;
    for (const auto& h : g.happenings)
        if (g.actor(h.source) && g.actor(h.source)->id == from && g.type(h) == type)
            out.push_back(&h);
    return out;
}

std::string date_of(const graph::EventGraph& g, const graph::Happening& h) {
    return g.date(h) ? model::date_value(*g.date(h)) : "none";
}

// A relation's articles by name.
std::vector<std::string> article_names(const EventGraph& g, const graph::Edge& e) {
    std::vector<std::string> names;
    for (const auto a : e.articles) names.push_back(g.articles[a]);
    return names;
}

// Everything a graph holds, as text, to compare two graphs.
std::string fingerprint(const EventGraph& g) {
    std::string s = exports::to_timeline_json(g);
    for (const auto v : boost::make_iterator_range(boost::vertices(g.graph)))
        s += g.graph[v].id + "|" + g.graph[v].name + "|" + model::to_string(g.graph[v].kind) + "\n";
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph))) {
        const auto& r = g.graph[e];
        s += g.graph[boost::source(e, g.graph)].id + ">" + g.graph[boost::target(e, g.graph)].id +
             " " + r.type + (r.asserted ? " a " : " n ") + std::to_string(r.count) + " " +
             std::to_string(r.mentions) + " " + std::to_string(r.weight);
        for (const auto h : r.happenings) s += " h" + std::to_string(h);
        for (const auto a : r.articles) s += " " + g.articles[a];
        for (const auto& a : r.attributions) s += " @" + a;
        s += "\n";
    }
    for (const auto& e : g.events) s += e.id + " ";
    return s;
}

}  // namespace

TEST_CASE(
    "reports of one event in several articles are one happening with its mentions and sources") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const auto accusations = happenings_of(g, "USA", "accuse");
    REQUIRE(accusations.size() == 1);
    const auto& h = *accusations.front();
    CHECK(h.mentions == 6);
    CHECK(g.reports_of(h).size() == 6);
    CHECK(h.sources == 5);  // the two feed items of dw-2024-09-11 are one page
    CHECK(date_of(g, h) == "2024-09-10");
    CHECK(g.date(h)->basis == model::DateBasis::explicit_date);  // the surest of the day's reports
    CHECK(g.actor(h.target)->id == "CHN");
    CHECK(g.id(h) == "ev-1725203141613328");  // the smallest id of its reports
    const auto* e = find_edge(g, "USA", "CHN", "accuse");
    REQUIRE(e);
    CHECK(e->count == 1);
    CHECK(e->mentions == 6);
    CHECK(e->weight == 1.0);
    CHECK(e->quad == 3);
    CHECK(article_names(g, *e) ==
          std::vector<std::string>{"ap-2024-09-10", "bbc-2024-09-11", "dw-2024-09-11#feed-1",
                                   "dw-2024-09-11#feed-2", "guardian-2024-09-30",
                                   "reuters-2024-09-10"});
}

TEST_CASE("a month report joins the day happening inside that month") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    std::vector<std::string> dates;
    for (const auto* h : happenings_of(g, "CHN", "aid"))
        if (h->polarity == model::Polarity::asserted)
            dates.push_back(date_of(g, *h) + "x" + std::to_string(h->mentions));
    CHECK(dates == std::vector<std::string>{"2024-07-15x2", "2024-09-10x1"});
    const auto* e = find_edge(g, "CHN", "RUS", "aid");
    REQUIRE(e);
    CHECK(e->count == 2);
    CHECK(e->mentions == 3);
    CHECK(model::date_value(*g.date(e->first)) == "2024-07-15");
    CHECK(model::date_value(*g.date(e->last)) == "2024-09-10");
    CHECK(e->attributions == std::vector<std::string>{"USA"});
}

TEST_CASE("a coarse report overlapping two happenings joins the one with more reports") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    std::vector<std::string> dates;
    for (const auto* h : happenings_of(g, "RUS", "assault"))
        dates.push_back(date_of(g, *h) + "x" + std::to_string(h->mentions));
    CHECK(dates == std::vector<std::string>{"2024-10-03x3", "2024-10-05x1"});
    // A month report with no day report in its month is a happening of its own, dated by the month.
    std::vector<std::string> iran;
    for (const auto* h : happenings_of(g, "IRN", "aid"))
        iran.push_back(date_of(g, *h) + "x" + std::to_string(h->mentions));
    CHECK(iran == std::vector<std::string>{"2024-08x1", "2024-09-06x1", "nonex1"});
}

TEST_CASE(
    "an undated report joins the only dated happening of its key, and stays apart when there are "
    "several") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const auto support = happenings_of(g, "NATO", "support");
    REQUIRE(support.size() == 1);
    CHECK(support.front()->mentions == 2);
    CHECK(date_of(g, *support.front()) == "2024-07-10");
    // Iran's undated report has two dated happenings to choose from: it is counted apart, listed
    // last.
    CHECK(g.actor(g.happenings.back().source)->id == "IRN");
    CHECK_FALSE(g.date(g.happenings.back()));
    const auto* e = find_edge(g, "IRN", "RUS", "aid");
    REQUIRE(e);
    CHECK(e->count == 3);
    CHECK(model::date_value(*g.date(e->last)) == "2024-09-06");
}

TEST_CASE("denied, hypothetical and future events are kept apart from asserted ones") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const auto* asserted = find_edge(g, "CHN", "RUS", "aid", true);
    const auto* denied = find_edge(g, "CHN", "RUS", "aid", false);
    REQUIRE(asserted);
    REQUIRE(denied);
    CHECK(asserted->count == 2);
    CHECK(denied->count == 1);
    CHECK(g.happenings[denied->happenings.front()].polarity == model::Polarity::denied);
    CHECK(denied->attributions == std::vector<std::string>{"CHN"});
    const auto* sanction = find_edge(g, "USA", "CHN", "sanction", false);
    REQUIRE(sanction);
    CHECK(g.happenings[sanction->happenings.front()].polarity == model::Polarity::hypothetical);
    CHECK_FALSE(find_edge(g, "USA", "CHN", "sanction", true));
    CHECK(find_edge(g, "UKR", "NATO", "request", false));
}

TEST_CASE("a denial and an assertion of the same day are two happenings, not one") {
    auto events = read_events("graph/reports.jsonl");
    const auto g = graph::build_graph(events);
    std::size_t on_the_10th = 0;
    for (const auto* h : happenings_of(g, "CHN", "aid"))
        if (date_of(g, *h) == "2024-09-10") ++on_the_10th;
    CHECK(on_the_10th == 2);
}

TEST_CASE(
    "level code folds people and agencies into their code, named after the code's own actor") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"), Level::code);
    std::vector<std::string> ids, names;
    for (const auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
        ids.push_back(g.graph[v].id);
        names.push_back(g.graph[v].name);
    }
    CHECK(ids == std::vector<std::string>{"CHN", "IRN", "NATO", "RUS", "UKR", "USA"});
    CHECK(names ==
          std::vector<std::string>{"China", "Iran", "NATO", "Russia", "Ukraine", "United States"});
    CHECK(g.graph[g.vertex_by_id.at("NATO")].kind == model::ActorKind::organisation);
    // NATO's declaration and its Secretary General's words are one happening at this level.
    const auto nato = happenings_of(g, "NATO", "accuse");
    REQUIRE(nato.size() == 1);
    CHECK(nato.front()->mentions == 2);
    CHECK(g.actor(nato.front()->source)->name == "NATO");
    CHECK(find_edge(g, "RUS", "CHN", "cooperate"));  // Putin and Xi
    CHECK(find_edge(g, "CHN", "USA", "reject"));     // the foreign ministry
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
        CHECK(g.graph[e].type != "member-of");
}

TEST_CASE("a code no actor of the events is named after keeps the code as its name") {
    auto events = read_events("graph/reports.jsonl");
    model::Event e = events.front();
    e.id = "ev-00000000000000ff";
    e.source = model::Actor{"GBR.DAVID_LAMMY",   "GBR", "David Lammy", model::ActorKind::person,
                            "Foreign Secretary", ""};
    events = {e};
    const auto code = graph::build_graph(events, Level::code);
    const auto& v = code.graph[code.vertex_by_id.at("GBR")];
    CHECK(v.name == "GBR");
    CHECK(v.kind == model::ActorKind::country);
    const auto actor = graph::build_graph(events, Level::actor);
    CHECK(actor.graph[actor.vertex_by_id.at("GBR.DAVID_LAMMY")].name == "David Lammy");
    CHECK(actor.graph[actor.vertex_by_id.at("GBR")].name == "GBR");
    CHECK(find_edge(actor, "GBR.DAVID_LAMMY", "GBR", "member-of"));
}

TEST_CASE("level actor keeps people and agencies as vertices with member-of edges to their code") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"), Level::actor);
    for (const char* id : {"USA.ANTONY_BLINKEN", "NATO.JENS_STOLTENBERG", "RUS.VLADIMIR_PUTIN",
                           "CHN.XI_JINPING", "CHN.MFA", "RUS.MIL", "USA", "CHN", "NATO"})
        CHECK(g.vertex_by_id.count(id) == 1);
    CHECK(g.vertex_by_id.count("USA.KURT_CAMPBELL") ==
          0);  // only ever attributed, never an actor of a relation
    const auto& blinken = g.graph[g.vertex_by_id.at("USA.ANTONY_BLINKEN")];
    CHECK(blinken.name == "Antony Blinken");
    CHECK(blinken.code == "USA");
    CHECK(blinken.kind == model::ActorKind::person);
    const auto* member = find_edge(g, "USA.ANTONY_BLINKEN", "USA", "member-of");
    REQUIRE(member);
    CHECK(member->count == 0);
    CHECK(member->weight == 1.0);
    CHECK(find_edge(g, "CHN.MFA", "CHN", "member-of"));
    CHECK(find_edge(g, "USA.ANTONY_BLINKEN", "CHN", "accuse")->count == 1);
    // The Secretary General's words and the alliance's declaration are two happenings here.
    CHECK(happenings_of(g, "NATO", "accuse").size() == 1);
    CHECK(happenings_of(g, "NATO.JENS_STOLTENBERG", "accuse").size() == 1);
    CHECK(find_edge(g, "RUS.VLADIMIR_PUTIN", "CHN.XI_JINPING", "cooperate"));
    CHECK_FALSE(find_edge(g, "RUS", "CHN", "cooperate"));
    // Sumy: Russian forces and Russia are different actors at this level.
    CHECK(happenings_of(g, "RUS.MIL", "assault").size() == 1);
}

TEST_CASE("an event without a target is a happening on the timeline and no edge") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const auto mobilize = happenings_of(g, "RUS", "mobilize");
    REQUIRE(mobilize.size() == 1);
    CHECK(mobilize.front()->target == graph::none);
    CHECK(date_of(g, *mobilize.front()) == "2024-09");
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
        CHECK(g.graph[e].type != "mobilize");
}

TEST_CASE("happenings are in date order, undated last, and edges in source, target, type order") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    CHECK(g.happenings.size() == 16);
    CHECK(g.events.size() == 27);
    for (std::size_t i = 1; i < g.happenings.size(); ++i) {
        const auto& a = g.happenings[i - 1];
        const auto& b = g.happenings[i];
        if (g.date(a) && g.date(b)) CHECK(g.date(a)->start <= g.date(b)->start);
        if (!g.date(a)) CHECK_FALSE(g.date(b));
    }
    std::vector<std::string> keys;
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
        keys.push_back(g.graph[boost::source(e, g.graph)].id + ">" +
                       g.graph[boost::target(e, g.graph)].id + ":" + g.graph[e].type +
                       (g.graph[e].asserted ? "" : "?"));
    CHECK(keys == std::vector<std::string>{
                      "CHN>RUS:aid", "CHN>RUS:aid?", "CHN>USA:reject", "IRN>RUS:aid",
                      "NATO>CHN:accuse", "NATO>UKR:support", "RUS>CHN:cooperate", "RUS>UKR:assault",
                      "UKR>NATO:request?", "USA>CHN:accuse", "USA>CHN:sanction?"});
    // Every report belongs to exactly one happening.
    std::vector<int> seen(g.events.size(), 0);
    for (const auto& h : g.happenings)
        for (const auto r : g.reports_of(h)) ++seen[r];
    CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(seen.size()));
}

TEST_CASE("the same events in any order give the same graph") {
    for (const Level level : {Level::code, Level::actor}) {
        auto events = read_events("graph/reports.jsonl");
        const std::string expected = fingerprint(graph::build_graph(events, level));
        std::mt19937 random(42);
        for (int round = 0; round < 5; ++round) {
            std::shuffle(events.begin(), events.end(), random);
            CHECK(fingerprint(graph::build_graph(events, level)) == expected);
        }
    }
}

TEST_CASE("the graph's tables name each article, type and mode once, in the order first read") {
    // Enough of them that the tables grow many times over, each name read
    // again long after it first came.
    const auto kind = read_events("graph/reports.jsonl").front();
    graph::GraphBuilder builder(Level::code, graph::Keep::records);
    for (int i = 0; i < 20000; ++i) {
        model::Event e = kind;
        e.id = "ev-" + std::to_string(i);
        e.article = "art-" + std::to_string((i * 7919) % 5000);
        e.type = "type-" + std::to_string(i % 300);
        e.mode = i % 3 == 0 ? "" : "mode-" + std::to_string(i % 40);
        builder.add(std::move(e));
    }
    const auto g = builder.finish();
    CHECK(g.articles.size() == 5000);
    CHECK(g.articles[1] == "art-" + std::to_string(7919 % 5000));
    CHECK(g.types.size() == 300);
    CHECK(g.types[299] == "type-299");
    REQUIRE(g.modes.size() == 41);  // "" and the 40 modes
    CHECK(g.modes[0].empty());
    for (const auto& r : g.reports) {
        const auto i = std::stoi(r.id.substr(3));
        CHECK(g.article(r) == "art-" + std::to_string((i * 7919) % 5000));
        CHECK(g.type(r) == "type-" + std::to_string(i % 300));
        CHECK(g.modes[r.mode] == (i % 3 == 0 ? "" : "mode-" + std::to_string(i % 40)));
    }
}

TEST_CASE("an event read twice is one report") {
    auto events = read_events("graph/reports.jsonl");
    const auto once = graph::build_graph(events);
    auto twice = events;
    twice.insert(twice.end(), events.begin(), events.end());
    const auto g = graph::build_graph(twice);
    CHECK(g.events.size() == 27);
    CHECK(fingerprint(g) == fingerprint(once));
    // In id order, each event next to its copy (nothing to sort): still one report.
    std::stable_sort(twice.begin(), twice.end(),
                     [](const model::Event& a, const model::Event& b) { return a.id < b.id; });
    for (const graph::Keep keep : {graph::Keep::events, graph::Keep::records}) {
        graph::GraphBuilder builder(graph::Level::code, keep);
        for (model::Event e : twice) builder.add(std::move(e));
        const auto in_order = builder.finish();
        CHECK(in_order.reports.size() == 27);
        CHECK(exports::to_graphml(in_order) == exports::to_graphml(once));
    }
}

TEST_CASE("no events give an empty graph") {
    const auto g = graph::build_graph({});
    CHECK(boost::num_vertices(g.graph) == 0);
    CHECK(g.happenings.empty());
}

TEST_CASE("an article's page is its id up to '#'") {
    CHECK(graph::article_page("dw-2024-09-11#feed-2") == "dw-2024-09-11");
    CHECK(graph::article_page("reuters-1") == "reuters-1");
    CHECK(graph::vertex_key(model::Actor{"USA.ANTONY_BLINKEN", "USA", "Antony Blinken",
                                         model::ActorKind::person, "", ""},
                            Level::code) == "USA");
    CHECK(graph::vertex_key(model::Actor{"USA.ANTONY_BLINKEN", "USA", "Antony Blinken",
                                         model::ActorKind::person, "", ""},
                            Level::actor) == "USA.ANTONY_BLINKEN");
}

TEST_CASE("events with no source share one unknown vertex, only when there are such events") {
    const auto g = graph::build_graph(read_events("unknown/events.jsonl"));
    REQUIRE(g.vertex_by_id.count("?"));
    const auto& unknown = g.graph[g.vertex_by_id.at("?")];
    CHECK(unknown.name == "unknown actor");
    CHECK(unknown.code == "?");
    CHECK(unknown.kind == model::ActorKind::unknown);
    CHECK(boost::num_vertices(g.graph) == 5);  // ?, GBR, RUS, UKR, USA
    CHECK(boost::out_degree(g.vertex_by_id.at("?"), g.graph) == 3);
    CHECK(boost::in_degree(g.vertex_by_id.at("?"), g.graph) == 0);
    std::size_t sourceless = 0;
    for (const auto& h : g.happenings) sourceless += h.source == graph::none;
    CHECK(sourceless == 3);

    auto named = read_events("unknown/events.jsonl");
    named.erase(std::remove_if(named.begin(), named.end(), [](const auto& e) { return !e.source; }),
                named.end());
    CHECK_FALSE(graph::build_graph(named).vertex_by_id.count("?"));
}

TEST_CASE("the unknown vertex has no member-of edge at the actor level") {
    const auto g = graph::build_graph(read_events("unknown/events.jsonl"), Level::actor);
    REQUIRE(g.vertex_by_id.count("?"));
    for (const auto e :
         boost::make_iterator_range(boost::out_edges(g.vertex_by_id.at("?"), g.graph)))
        CHECK(g.graph[e].type == "assault");
}

TEST_CASE("a graph built from records without the events is the one built with them") {
    auto events = read_events("graph/reports.jsonl");
    for (auto& e : read_events("graph/names.jsonl")) events.push_back(std::move(e));
    std::mt19937 random(7);
    for (const Level level : {Level::code, Level::actor, Level::cameo}) {
        const auto whole = graph::build_graph(events, level);
        auto shuffled = events;
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        graph::GraphBuilder builder(level, false);
        for (auto& e : shuffled) builder.add(std::move(e));
        const auto records = builder.finish();
        CHECK(records.events.empty());
        REQUIRE(records.reports.size() == whole.reports.size());
        for (std::size_t i = 0; i < whole.reports.size(); ++i) {
            CHECK(records.reports[i].id == whole.events[i].id);
            CHECK(records.article(records.reports[i]) == whole.events[i].article);
        }
        CHECK(exports::to_dot(records) == exports::to_dot(whole));
        CHECK(exports::to_graphml(records) == exports::to_graphml(whole));
        CHECK(exports::to_gexf(records) == exports::to_gexf(whole));
        REQUIRE(records.happenings.size() == whole.happenings.size());
        for (std::size_t h = 0; h < whole.happenings.size(); ++h) {
            CHECK(std::ranges::equal(records.reports_of(records.happenings[h]),
                                     whole.reports_of(whole.happenings[h])));
            CHECK(graph::source_key(records.actor(records.happenings[h].source), level) ==
                  graph::source_key(whole.actor(whole.happenings[h].source), level));
        }
    }
}

TEST_CASE(
    "a graph built (its DOT and timeline written) on several threads is the one of one thread") {
    // Enough events that the build's passes are split: a few hundred actors,
    // dates of a year at two granularities, unknown sources, attributions,
    // denials and pages of several feeds, in a shuffled order.
    auto kinds = read_events("graph/reports.jsonl");
    for (auto& e : read_events("graph/names.jsonl")) kinds.push_back(std::move(e));
    std::mt19937 random(11);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    const auto actor = [&](const std::size_t n) {
        model::Actor a;
        a.code = "C" + std::to_string(n % 40);
        a.id = n % 3 == 0 ? a.code : a.code + ".P" + std::to_string(n);
        a.name = "Actor " + std::to_string(n);
        a.kind = n % 3 == 0 ? model::ActorKind::country : model::ActorKind::person;
        return a;
    };
    std::vector<model::Event> events;
    for (int i = 0; i < 60000; ++i) {
        model::Event e = kinds[pick(kinds.size())];
        e.id = "ev-" + std::to_string(pick(1000000));  // some ids twice
        e.article = "art-" + std::to_string(i / 4) + (i % 7 == 0 ? "#feed-2" : "");
        e.source = pick(20) == 0 ? std::nullopt : std::optional(actor(pick(300)));
        e.target = actor(pick(300));
        e.attributed_to = pick(5) == 0 ? std::optional(actor(pick(50))) : std::nullopt;
        e.polarity = pick(10) == 0 ? model::Polarity::denied : model::Polarity::asserted;
        if (pick(15) == 0) {
            e.date.reset();
        } else {
            const date::sys_days day =
                date::sys_days(date::year{2024} / 1 / 1) + date::days(pick(365));
            const date::year_month_day ymd(day);
            e.date = pick(4) == 0
                         ? model::month_span(ymd.year() / ymd.month(), model::DateBasis::relative)
                         : model::day_span(ymd, model::DateBasis::explicit_date);
        }
        events.push_back(std::move(e));
    }
    for (const Level level : {Level::code, Level::actor}) {
        std::string one;
        for (const unsigned threads : {1U, 3U}) {
            graph::GraphBuilder builder(level, graph::Keep::evidence);
            builder.set_threads(threads);
            for (model::Event e : events) builder.add(std::move(e));
            const auto g = builder.finish();
            // (the DOT and the timeline written on as many threads, the DOT in
            // parts at the actor level, the timeline in runs of 1,024 happenings)
            std::string all = exports::to_graphml(g) + exports::to_dot(g, threads);
            exports::write_timeline_json(
                g, {}, [&](std::string_view s) { all += s; }, threads);
            for (const auto& h : g.happenings) {
                all += g.id(h) + " " + graph::source_key(g.actor(h.source), level) + " " +
                       std::to_string(h.sources);
                for (const auto r : g.reports_of(h)) all += " " + std::to_string(r);
                all += "\n";
            }
            for (const auto& a : g.actors) all += a.id + "|" + a.code + "|" + a.cameo + "\n";
            if (threads == 1) {
                // (split in parts: the happenings at every level, the relations at the actor level)
                REQUIRE(g.happenings.size() >= 3 * graph::detail::min_part);
                if (level == Level::actor)
                    REQUIRE(boost::num_edges(g.graph) >= 2 * graph::detail::min_part);
                one = std::move(all);
            } else {
                CHECK(all == one);
            }
        }
    }
}

TEST_CASE("a graph moved is the same graph, its relations not copied; a copy is equal") {
    // Enough relations that a copy could not land each of them where it was
    // (a freed block is soon handed out again, in another order).
    std::vector<model::Event> events;
    const model::Event accuses = read_events("graph/reports.jsonl").front();
    for (int i = 0; i < 300; ++i) {
        model::Event e = accuses;
        e.id = "ev-" + std::to_string(i);
        e.target->id = e.target->code = "T" + std::to_string(i);
        events.push_back(e);
    }
    EventGraph g = graph::build_graph(events);
    REQUIRE(boost::num_edges(g.graph) == 300);
    const auto where = [](const EventGraph& x) {
        std::vector<const void*> at;
        for (const auto e : boost::make_iterator_range(boost::edges(x.graph)))
            at.push_back(&x.graph[e]), at.push_back(x.graph[e].happenings.data());
        for (const auto v : boost::make_iterator_range(boost::vertices(x.graph)))
            at.push_back(&x.graph[v]);
        return at;
    };
    const auto before = where(g);
    const std::string graphml = exports::to_graphml(g);

    const EventGraph copy = g;
    CHECK(exports::to_graphml(copy) == graphml);
    CHECK(where(copy) != before);
    EventGraph moved = std::move(g);
    CHECK(where(moved) == before);
    CHECK(exports::to_graphml(moved) == graphml);
    EventGraph assigned = copy;
    assigned = std::move(moved);
    CHECK(where(assigned) == before);
    CHECK(exports::to_graphml(assigned) == graphml);
    CHECK(boost::num_vertices(moved.graph) == 0);  // NOLINT(bugprone-use-after-move): as promised
    CHECK(boost::num_edges(moved.graph) == 0);     // NOLINT(bugprone-use-after-move)
    // What was moved from is a graph still, to build on.
    boost::add_edge(boost::add_vertex(moved.graph), boost::add_vertex(moved.graph), moved.graph);
    CHECK(boost::num_edges(moved.graph) == 1);
}

namespace {

// An event of USA accusing CHN in `article` over `start`..`end` (day
// numbers from 2024-01-01), its id and sentence making it unique.
model::Event accusation(int n, const std::string& article, int start, int end) {
    auto e = read_events("graph/reports.jsonl").front();
    e.id = "ev-t" + std::to_string(1000 + n);
    e.article = article;
    e.attributed_to.reset();
    e.polarity = model::Polarity::asserted;
    const auto day = [](int d) {
        return date::year_month_day{date::sys_days{date::year{2024} / 1 / 1} + date::days{d}};
    };
    e.date->start = day(start);
    e.date->end = day(end);
    e.date->granularity = start == end ? model::Granularity::day : model::Granularity::month;
    e.evidence.sentence = n;
    return e;
}

}  // namespace

TEST_CASE("a coarse report overlapping happenings of as many reports joins the earliest") {
    // Checked with few reports of the key and with many (the two ways the
    // clustering searches), the same either way.
    for (const int spread : {1, 40}) {
        std::vector<model::Event> events;
        int n = 0;
        // Two days ten days apart, one report each; a span over both.
        events.push_back(accusation(n++, "a-1", 20, 20));
        events.push_back(accusation(n++, "a-2", 10, 10));
        events.push_back(accusation(n++, "a-3#feed-1", 0, 30));
        // Far away, happenings of one report each, to make the key's group large.
        for (int k = 1; k < spread; ++k)
            events.push_back(accusation(n++, "b", 100 + 3 * k, 100 + 3 * k));
        const auto g = graph::build_graph(events);
        REQUIRE(g.happenings.size() == static_cast<std::size_t>(2 + spread - 1));
        const auto& first = g.happenings.front();
        CHECK(model::date_value(*g.date(first)) == "2024-01-11");
        CHECK(first.mentions == 2);
        CHECK(g.happenings[1].mentions == 1);
    }
}

TEST_CASE("a happening's sources count its articles' pages once each") {
    std::vector<model::Event> events;
    events.push_back(accusation(0, "dw#feed-1", 5, 5));
    events.push_back(accusation(1, "dw#feed-2", 5, 5));
    events.push_back(accusation(2, "ap", 5, 5));
    events.push_back(accusation(3, "ap", 5, 5));
    const auto g = graph::build_graph(events);
    REQUIRE(g.happenings.size() == 1);
    CHECK(g.happenings.front().mentions == 4);
    CHECK(g.happenings.front().sources == 2);
    const auto* e = find_edge(g, "USA", "CHN", "accuse");
    REQUIRE(e);
    CHECK(article_names(g, *e) == std::vector<std::string>{"ap", "dw#feed-1", "dw#feed-2"});
}

TEST_CASE("mentions of one actor id that differ in any of their fields stay apart in the table") {
    std::vector<model::Event> events;
    for (int i = 0; i < 6; ++i) events.push_back(accusation(i, "ap", i, i));
    // The same id, told with a name of the same length (the same key: told
    // apart by comparing), with a role, an agent, a CAMEO code, another kind.
    REQUIRE(!events[1].source->name.empty());
    events[1].source->name[0] = events[1].source->name[0] == 'X' ? 'Y' : 'X';
    events[2].source->role = "the government";
    events[3].source->agent = "government";
    events[4].source->cameo += "GOV";
    events[5].source->kind = model::ActorKind::organisation;
    const auto g = graph::build_graph(events);
    std::vector<model::Actor> told;
    for (const auto& e : g.events)
        if (std::find(told.begin(), told.end(), *e.source) == told.end()) told.push_back(*e.source);
    REQUIRE(told.size() == 6);
    for (std::size_t i = 0; i < g.reports.size(); ++i) {
        REQUIRE(g.reports[i].source != graph::none);
        CHECK(g.actors[g.reports[i].source] == *g.events[i].source);
    }
}

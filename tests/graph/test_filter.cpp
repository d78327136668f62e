#include <catch2/catch.hpp>
#include <fstream>

#include "eventgraph/error.hpp"
#include "eventgraph/graph/filter.hpp"
#include "eventgraph/io/event_json.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using graph::Filter;
using graph::Level;
using test::read_events;

namespace {

std::string iso(date::year_month_day d) { return model::to_iso(d); }

std::vector<std::string> vertex_ids(const graph::EventGraph& g) {
    std::vector<std::string> ids;
    for (const auto v : boost::make_iterator_range(boost::vertices(g.graph)))
        ids.push_back(g.graph[v].id);
    return ids;
}

std::vector<std::string> edge_keys(const graph::EventGraph& g) {
    std::vector<std::string> keys;
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph)))
        keys.push_back(g.graph[boost::source(e, g.graph)].id + ">" +
                       g.graph[boost::target(e, g.graph)].id + ":" + g.graph[e].type +
                       (g.graph[e].asserted ? "" : "?"));
    return keys;
}

// Edges, happenings and events of a filtered graph still point at each other.
void check_consistent(const graph::EventGraph& g) {
    for (const auto e : boost::make_iterator_range(boost::edges(g.graph))) {
        const auto& edge = g.graph[e];
        REQUIRE(edge.happenings.size() == edge.count);
        for (const auto h : edge.happenings) {
            REQUIRE(h < g.happenings.size());
            CHECK(g.type(g.happenings[h]) == edge.type);
            CHECK(graph::source_key(g.actor(g.happenings[h].source), g.level) ==
                  g.graph[boost::source(e, g.graph)].id);
        }
    }
    for (const auto& h : g.happenings)
        for (const auto r : g.reports_of(h)) {
            REQUIRE(r < g.reports.size());
            CHECK(g.type(g.reports[r]) == g.type(h));
            if (!g.events.empty()) CHECK(g.events[r].type == g.type(h));
        }
    for (const auto& [id, v] : g.vertex_by_id) CHECK(g.graph[v].id == id);
}

}  // namespace

TEST_CASE("filter dates are years, months or days, widened to the end for --until") {
    CHECK(iso(graph::parse_filter_date("2024", false, "since")) == "2024-01-01");
    CHECK(iso(graph::parse_filter_date("2024", true, "until")) == "2024-12-31");
    CHECK(iso(graph::parse_filter_date("2024-02", false, "since")) == "2024-02-01");
    CHECK(iso(graph::parse_filter_date("2024-02", true, "until")) == "2024-02-29");
    CHECK(iso(graph::parse_filter_date("2024-07-15", true, "until")) == "2024-07-15");
    for (const char* bad :
         {"24", "2024-13", "2024-7", "2024-02-30", "2024-07-15T10:00", "July", ""})
        CHECK_THROWS_WITH(graph::parse_filter_date(bad, false, "since"),
                          "option --since needs a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"" +
                              std::string(bad) + "\"");
}

TEST_CASE("event types take the aliases strike and supply, in any case") {
    CHECK(graph::canonical_type("strike") == "assault");
    CHECK(graph::canonical_type("Supply") == "aid");
    CHECK(graph::canonical_type("ACCUSE") == "accuse");
    CHECK(graph::canonical_type("statement") == "statement");
    CHECK_THROWS_WITH(graph::canonical_type("bombing"),
                      "unknown event type \"bombing\": expected one of agree, consult, support, "
                      "concede, cooperate, "
                      "aid, retreat, request, accuse, reject, threaten, protest, sanction, "
                      "mobilize, coerce, assault, "
                      "statement (or strike for assault, supply for aid)");
    CHECK(graph::parse_polarity("Denied") == model::Polarity::denied);
    CHECK_THROWS_WITH(
        graph::parse_polarity("maybe"),
        "unknown polarity \"maybe\": expected asserted, denied, hypothetical or future");
}

TEST_CASE("the date filter keeps events whose span overlaps the window, and drops undated ones") {
    const auto events = read_events("graph/reports.jsonl");
    Filter f;
    f.since = graph::parse_filter_date("2024-07-20", false, "since");
    f.until = graph::parse_filter_date("2024-08", true, "until");
    std::vector<std::string> kept;
    for (const auto& e : graph::filter_events(events, f)) kept.push_back(e.article);
    // "In July" overlaps the window; the 15th of July does not; Iran's drones in August do.
    CHECK(kept == std::vector<std::string>{"ft-2024-07-31", "wsj-2024-08-30"});
    CHECK(graph::filter_events(events, Filter{}).size() == events.size());
}

TEST_CASE("the type and polarity filters keep the events asked for") {
    const auto events = read_events("graph/reports.jsonl");
    Filter f;
    f.types = {"strike"};
    CHECK(graph::filter_events(events, f).size() == 4);
    f.types = {"supply", "reject"};
    CHECK(graph::filter_events(events, f).size() == 9);
    f.polarity = {model::Polarity::denied};
    const auto denied = graph::filter_events(events, f);
    REQUIRE(denied.size() == 1);
    CHECK(denied.front().article == "xinhua-2024-09-11");
}

TEST_CASE("actors resolve by code, id, vertex name or an event actor's name, in any case") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    CHECK(graph::resolve_actors(g, {"CHN"}) == std::vector<std::string>{"CHN"});
    CHECK(graph::resolve_actors(g, {"china", " Russia ", "IRN"}) ==
          std::vector<std::string>{"CHN", "IRN", "RUS"});
    CHECK(graph::resolve_actors(g, {"Antony Blinken"}) == std::vector<std::string>{"USA"});
    CHECK(graph::resolve_actors(g, {"usa.antony_blinken"}) == std::vector<std::string>{"USA"});
    CHECK(graph::resolve_actors(g, {"United States", "USA"}) == std::vector<std::string>{"USA"});
    CHECK_THROWS_WITH(
        graph::resolve_actors(g, {"CHN", "Narnia"}),
        "unknown actor \"Narnia\" in --actors: no actor of the events has this code, id or name");
}

TEST_CASE("at the actor level a code stands for every actor of that country") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"), Level::actor);
    CHECK(graph::resolve_actors(g, {"CHN"}) ==
          std::vector<std::string>{"CHN", "CHN.MFA", "CHN.XI_JINPING"});
    CHECK(graph::resolve_actors(g, {"Antony Blinken"}) ==
          std::vector<std::string>{"USA.ANTONY_BLINKEN"});
}

TEST_CASE("names the events do not spell out go through the lookup hook") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    const graph::ActorLookup lexicon = [](const std::string& name) {
        return name == "Beijing" ? std::vector<std::string>{"CHN"} : std::vector<std::string>{};
    };
    CHECK(graph::resolve_actors(g, {"Beijing"}, lexicon) == std::vector<std::string>{"CHN"});
    CHECK_THROWS_AS(graph::resolve_actors(g, {"Beijing"}), usage_error);
    CHECK_THROWS_AS(graph::resolve_actors(g, {"Moscow"}, lexicon), usage_error);
}

TEST_CASE("actors without depth keep the relations among them") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    Filter f;
    f.actors = {"CHN", "RUS"};
    const auto sub = graph::filter_graph(g, f);
    CHECK(vertex_ids(sub) == std::vector<std::string>{"CHN", "RUS"});
    CHECK(edge_keys(sub) ==
          std::vector<std::string>{"CHN>RUS:aid", "CHN>RUS:aid?", "RUS>CHN:cooperate"});
    // Russia's mobilization has no target: it stays on the timeline with Russia.
    CHECK(sub.happenings.size() == 5);
    CHECK(sub.events.size() == 6);
    check_consistent(sub);
}

TEST_CASE("depth takes in the neighbourhood, following edges both ways") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    Filter f;
    f.actors = {"IRN"};
    f.depth = 1;
    auto sub = graph::filter_graph(g, f);
    CHECK(vertex_ids(sub) == std::vector<std::string>{"IRN", "RUS"});
    CHECK(edge_keys(sub) == std::vector<std::string>{"IRN>RUS:aid"});
    check_consistent(sub);
    f.depth = 2;
    sub = graph::filter_graph(g, f);
    CHECK(vertex_ids(sub) == std::vector<std::string>{"CHN", "IRN", "RUS", "UKR"});
    CHECK(edge_keys(sub) == std::vector<std::string>{"CHN>RUS:aid", "CHN>RUS:aid?", "IRN>RUS:aid",
                                                     "RUS>CHN:cooperate", "RUS>UKR:assault"});
    check_consistent(sub);
}

TEST_CASE("min-count drops weak relations and the actors left with none") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    Filter f;
    f.min_count = 2;
    const auto sub = graph::filter_graph(g, f);
    CHECK(edge_keys(sub) ==
          std::vector<std::string>{"CHN>RUS:aid", "IRN>RUS:aid", "RUS>UKR:assault"});
    CHECK(vertex_ids(sub) == std::vector<std::string>{"CHN", "IRN", "RUS", "UKR"});
    check_consistent(sub);
    // With actors, the neighbourhood walks only the relations strong enough.
    f.actors = {"UKR"};
    f.depth = 1;
    CHECK(vertex_ids(graph::filter_graph(g, f)) == std::vector<std::string>{"RUS", "UKR"});
}

TEST_CASE("member-of edges pass min-count and keep a kept person's country") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"), Level::actor);
    Filter f;
    f.actors = graph::resolve_actors(g, {"Antony Blinken"});
    f.depth = 1;
    const auto sub = graph::filter_graph(g, f);
    CHECK(vertex_ids(sub) == std::vector<std::string>{"CHN", "USA", "USA.ANTONY_BLINKEN"});
    CHECK(edge_keys(sub) == std::vector<std::string>{"USA>CHN:sanction?",
                                                     "USA.ANTONY_BLINKEN>CHN:accuse",
                                                     "USA.ANTONY_BLINKEN>USA:member-of"});
    check_consistent(sub);
}

TEST_CASE("filter_graph refuses an actor that is no vertex") {
    const auto g = graph::build_graph(read_events("graph/reports.jsonl"));
    Filter f;
    f.actors = {"China"};  // a name: resolve_actors first
    CHECK_THROWS_WITH(
        graph::filter_graph(g, f),
        "unknown actor \"China\" in --actors: no actor of the events has this code, id or name");
}

TEST_CASE("the unknown-actors filter includes, excludes or keeps only the events with no source") {
    const auto events = read_events("unknown/events.jsonl");
    Filter f;
    CHECK(graph::filter_events(events, f).size() == 6);
    f.unknown_actors = graph::UnknownActors::exclude;
    const auto named = graph::build_graph(graph::filter_events(events, f));
    CHECK(named.events.size() == 3);
    CHECK(vertex_ids(named) == std::vector<std::string>{"RUS", "UKR", "USA"});
    f.unknown_actors = graph::UnknownActors::only;
    const auto unknown = graph::build_graph(graph::filter_events(events, f));
    CHECK(unknown.events.size() == 3);
    CHECK(vertex_ids(unknown) == std::vector<std::string>{"?", "GBR", "UKR", "USA"});
    CHECK(edge_keys(unknown) ==
          std::vector<std::string>{"?>GBR:assault", "?>UKR:assault", "?>USA:assault"});
    CHECK(graph::parse_unknown_actors(" Only ") == graph::UnknownActors::only);
    CHECK_THROWS_WITH(graph::parse_unknown_actors("some"),
                      "option --unknown-actors needs include, exclude or only, not \"some\"");
}

TEST_CASE(
    "an event with no source involves only its target, and the unknown vertex is never a hop") {
    const auto g = graph::build_graph(read_events("unknown/events.jsonl"));
    Filter f;
    f.actors = {"UKR"};
    auto one = graph::filter_graph(g, f);
    check_consistent(one);
    CHECK(vertex_ids(one) == std::vector<std::string>{"?", "UKR"});
    CHECK(edge_keys(one) == std::vector<std::string>{"?>UKR:assault"});
    CHECK(one.events.size() == 1);

    // USA's neighbours are UKR and the unknown vertex; GBR is reached only through it.
    f.actors = {"USA"};
    f.depth = 2;
    auto two = graph::filter_graph(g, f);
    check_consistent(two);
    CHECK(vertex_ids(two) == std::vector<std::string>{"?", "RUS", "UKR", "USA"});
    CHECK(edge_keys(two) == std::vector<std::string>{"?>UKR:assault", "?>USA:assault",
                                                     "RUS>UKR:assault", "UKR>RUS:accuse",
                                                     "USA>UKR:aid"});
}

TEST_CASE("the actors filter cannot name the unknown vertex: it is no one actor") {
    const auto g = graph::build_graph(read_events("unknown/events.jsonl"));
    CHECK_THROWS_WITH(graph::resolve_actors(g, {"?"}),
                      "\"?\" in --actors is no one actor: use --unknown-actors only for the events "
                      "of unknown actors");
    CHECK_THROWS_WITH(graph::resolve_actors(g, {"unknown actor"}),
                      "unknown actor \"unknown actor\" in --actors: no actor of the events has "
                      "this code, id or name");
}

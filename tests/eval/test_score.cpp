#include <catch2/catch.hpp>
#include <fstream>

#include "eventgraph/error.hpp"
#include "eventgraph/eval/score.hpp"
#include "eventgraph/model/timestamp.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {

model::Event event(const std::string& article, const std::string& type, const std::string& source,
                   const std::string& target, const std::string& date) {
    model::Event e;
    e.article = article;
    e.type = type;
    if (!source.empty())
        e.source = model::Actor{source, source, source, model::ActorKind::country, "", ""};
    if (!target.empty())
        e.target = model::Actor{target, target, target, model::ActorKind::country, "", ""};
    const auto t = model::parse_iso_timestamp(date);
    e.date = model::day_span(t->day, model::DateBasis::explicit_date);
    return e;
}

const eval::Finding* find(const eval::Score& s, const std::string& kind, const std::string& type) {
    for (const auto& f : s.findings)
        if (f.kind == kind && f.type == type) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("gold files are read with their lists of types and actors") {
    const auto gold = eval::load_gold({test::data_path("gold")});
    REQUIRE(gold.size() == 5);
    CHECK(gold[0].types == std::vector<std::string>{"aid", "cooperate"});
    CHECK(gold[3].optional);
    CHECK(gold[3].targets == std::vector<std::optional<std::string>>{std::nullopt});
    CHECK(gold[4].targets.size() == 2);
    CHECK(gold[4].line == 5);
}

TEST_CASE("events are scored per page, once per type and actors, with symmetric types either way") {
    const auto gold = eval::load_gold({test::data_path("gold/page-1.gold.jsonl")});
    const std::vector<model::Event> events = {
        event("page-1", "aid", "CHN", "RUS", "2024-09-10"),
        event("page-1", "aid", "CHN", "RUS", "2024-09-11"),  // the same key again: counts once
        event("page-1", "consult", "CHN", "RUS",
              "2024-05-15"),  // reversed, but consult is symmetric
        event("page-1#feed-1", "assault", "RUS", "UKR",
              "2023-10-08"),  // a feed item counts under its page; wrong year
        event("page-1#teaser-1", "mobilize", "RUS", "",
              "2024-09-10"),                                    // optional: neither hit nor miss
        event("page-1", "accuse", "USA", "CHN", "2024-09-10"),  // not in gold
        event("other-page", "accuse", "USA", "CHN",
              "2024-09-10"),  // no gold for this page: not scored
    };
    const auto s = eval::score(gold, events);
    CHECK(s.articles == 1);
    CHECK(s.all.tp == 3);
    CHECK(s.all.fp == 1);
    CHECK(s.all.fn == 1);  // Cuba's request
    CHECK(s.dates_right == 2);
    CHECK(s.date_accuracy() == Approx(2.0 / 3));
    CHECK(s.all.f1() == Approx(0.75));
    CHECK(s.by_type.at("accuse").fp == 1);
    CHECK(s.by_type.at("request").fn == 1);
    REQUIRE(find(s, "TP-date", "assault"));
    CHECK(find(s, "TP-date", "assault")->gold_date == "2024-10-08");
    CHECK(find(s, "FN", "request")->target == "BRICS|RUS");
}

TEST_CASE(
    "a month-precise prediction is right for a day-precise gold date inside it, and the reverse") {
    auto month = event("page-1", "consult", "RUS", "CHN", "2024-05-01");
    month.date = model::month_span(date::year{2024} / date::May, model::DateBasis::relative);
    const auto gold = eval::load_gold({test::data_path("gold/page-1.gold.jsonl")});
    CHECK(eval::score(gold, {month}).dates_right == 1);
}

TEST_CASE("a malformed gold line is an error that names file and line") {
    const std::string dir = test::temp_dir("bad-gold");
    {
        std::ofstream out(dir + "/x.gold.jsonl");
        out << R"({"article":"a","types":["aid"],"source":"CHN"})"
            << "\n"
            << R"({"article":"a","types":[]})"
            << "\n";
    }
    CHECK_THROWS_WITH(
        eval::load_gold({dir}),
        dir + "/x.gold.jsonl:2: field \"types\": expected a non-empty list of event types");
}

TEST_CASE("a gold event with a null source matches a predicted one with no source, only that") {
    const auto gold = eval::load_gold({test::data_path("unknown/wire.gold.jsonl")});
    REQUIRE(gold.size() == 2);
    CHECK(gold[0].sources == std::vector<std::optional<std::string>>{std::nullopt});
    const auto events = test::read_events("unknown/events.jsonl");
    const auto s = eval::score(gold, events);
    CHECK(s.all.tp == 2);
    CHECK(s.all.fp == 0);
    CHECK(s.all.fn == 0);
    REQUIRE(find(s, "TP", "assault"));
    CHECK(find(s, "TP", "assault")->source == "-");

    // A named attacker is not the unknown one gold has: a miss and a false positive.
    auto named = events;
    named[0].source = named[1].source;
    const auto wrong = eval::score(gold, named);
    CHECK(wrong.all.tp == 1);
    CHECK(wrong.all.fn == 1);
    CHECK(wrong.all.fp == 1);
}

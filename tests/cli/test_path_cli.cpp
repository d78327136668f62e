#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "support/support.hpp"

using eventgraph::test::data_path;
using eventgraph::test::read_file;
using eventgraph::test::run_eventgraph;

namespace {

const std::string events = data_path("query/paths.jsonl");

}  // namespace

TEST_CASE("path IRN CHN prints IRN→RUS←CHN, one line a hop with its evidence") {
    const auto r = run_eventgraph({"path", "IRN", "CHN", events});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == read_file(data_path("query/irn-chn.txt")));
}

TEST_CASE("path names actors by name in any case, and --temporal gives the earliest arrival") {
    const auto r = run_eventgraph({"path", "iran", "China", "--temporal", events});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    // China's July shipment is too early to follow Iran's September one: the evidence is of
    // 2024-09-10.
    CHECK(r.out == read_file(data_path("query/irn-chn-temporal.txt")));
}

TEST_CASE("path --k lists the shortest loopless paths, --max-hops those within reach") {
    const auto k = run_eventgraph({"path", "IRN", "UKR", "--k", "3", events});
    CHECK(k.exit_code == 0);
    CHECK(k.out == read_file(data_path("query/irn-ukr-k3.txt")));
    const auto hops = run_eventgraph({"path", "IRN", "UKR", "--max-hops", "3", events});
    CHECK(hops.exit_code == 0);
    CHECK(eventgraph::test::lines_of(hops.out).size() == 3);  // the 2-hop path only
    CHECK(hops.out.rfind("path 1: IRN → RUS → UKR (2 hops)\n", 0) == 0);
}

TEST_CASE("path --directed follows who did what to whom") {
    const auto r = run_eventgraph({"path", "IRN", "CHN", "--directed", events});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("RUS —cooperate (1, 2024-05-16)→ CHN: \"Putin and Xi pledged a new era of "
                     "partnership.\" "
                     "[wire-2024-05-16]") != std::string::npos);
}

TEST_CASE("a query without an answer says so and exits 0") {
    const auto none = run_eventgraph({"path", "HUN", "CHN", events});
    CHECK(none.exit_code == 0);
    CHECK(none.err.empty());
    CHECK(none.out == "no connection between HUN and CHN\n");
    const auto qualified =
        run_eventgraph({"path", "IRN", "CHN", "--directed", "--temporal", events});
    CHECK(qualified.out ==
          "no connection between IRN and CHN following the direction of the relations forward in "
          "time\n");
    CHECK(run_eventgraph({"path", "IRN", "CHN", "--max-hops", "1", events}).out ==
          "no connection between IRN and CHN within 1 hop\n");
    const auto json = run_eventgraph({"path", "HUN", "CHN", "--json", events});
    CHECK(json.out ==
          "{\"from\":\"HUN\",\"to\":\"CHN\",\"directed\":false,\"temporal\":false,\"paths\":[]}\n");
}

TEST_CASE("path --json gives programs the paths with every relation and its evidence") {
    const auto r = run_eventgraph({"path", "IRN", "CHN", "--json", events});
    CHECK(r.exit_code == 0);
    CHECK(eventgraph::test::schema_errors(
              eventgraph::test::source_path("schemas/paths.schema.json"), r.out) == "");
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    REQUIRE_FALSE(d.HasParseError());
    REQUIRE(d["paths"].Size() == 1);
    const auto& p = d["paths"][0];
    CHECK(p["hops"].GetInt() == 2);
    CHECK(std::string(p["vertices"][1]["name"].GetString()) == "Russia");
    const auto& hop = p["steps"][1];
    CHECK(std::string(hop["from"].GetString()) == "RUS");
    REQUIRE(hop["relations"].Size() == 2);
    const auto& aid = hop["relations"][0];
    CHECK(std::string(aid["type"].GetString()) == "aid");
    CHECK(std::string(aid["source"].GetString()) == "CHN");
    CHECK(aid["count"].GetInt() == 2);
    CHECK(aid["quad"].GetInt() == 2);  // material cooperation, as in stats and the page
    CHECK(std::string(aid["first"].GetString()) == "2024-07");
    CHECK(std::string(aid["last"].GetString()) == "2024-09-10");
    CHECK(std::string(aid["evidence"]["article"].GetString()) == "wire-2024-07-30");
    CHECK(std::string(aid["evidence"]["text"].GetString()) ==
          "Chinese firms shipped drone engines to Russia in July.");
    CHECK(std::string(hop["relations"][1]["type"].GetString()) == "cooperate");
    CHECK(std::string(hop["relations"][1]["source"].GetString()) == "RUS");
}

TEST_CASE("path rejects unknown actors and bad options with exit code 2") {
    const auto unknown = run_eventgraph({"path", "IRN", "Narnia", events});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.out.empty());
    CHECK(unknown.err ==
          "eventgraph path: unknown actor \"Narnia\": no actor of the events has that code, id or "
          "name\n"
          "Try 'eventgraph path --help'.\n");
    const auto same = run_eventgraph({"path", "CHN", "china", events});
    CHECK(same.exit_code == 2);
    CHECK(same.err.rfind("eventgraph path: FROM and TO are the same actor (CHN)\n", 0) == 0);
    const auto k = run_eventgraph({"path", "IRN", "CHN", "--k", "0", events});
    CHECK(k.exit_code == 2);
    CHECK(k.err.rfind("eventgraph path: option --k needs a whole number of at least 1, not \"0\"\n",
                      0) == 0);
    CHECK(run_eventgraph({"path", "IRN", "CHN"}).exit_code == 2);
    CHECK(run_eventgraph({"path", "IRN", "CHN", "-k", "3", events}).exit_code == 2);
}

TEST_CASE("path --help tells how to use it") {
    const auto r = run_eventgraph({"path", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("usage: eventgraph path [OPTIONS] FROM TO EVENTS…\n", 0) == 0);
}

TEST_CASE("path reports a missing events file, answers from the others and exits 1") {
    const auto r = run_eventgraph({"path", "IRN", "CHN", data_path("query/missing.jsonl"), events});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("missing.jsonl") != std::string::npos);
    CHECK(r.out == read_file(data_path("query/irn-chn.txt")));
}

TEST_CASE("path takes names the events do not spell, through the lexicon") {
    const auto r = eventgraph::test::run_eventgraph(
        {"path", "Beijing", "Kyiv", eventgraph::test::data_path("events/seed-like.jsonl")});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("path 1: CHN → RUS → UKR (2 hops)\n", 0) == 0);
}

TEST_CASE("path refuses the unknown actor, and finds no connection through it") {
    const std::string unknown = data_path("unknown/events.jsonl");
    const auto from = run_eventgraph({"path", "?", "USA", unknown});
    CHECK(from.exit_code == 2);
    CHECK(from.err ==
          "eventgraph path: \"?\" is the unknown actor, every unnamed source and not one actor: "
          "no path starts, ends or runs through it\n"
          "Try 'eventgraph path --help'.\n");
    const auto through = run_eventgraph({"path", "USA", "GBR", unknown});
    CHECK(through.exit_code == 0);
    CHECK(through.out == "no connection between USA and GBR\n");
    CHECK(run_eventgraph({"path", "USA", "RUS", "--unknown-actors", "exclude", unknown})
              .out.rfind("path 1: USA → UKR → RUS (2 hops)\n", 0) == 0);
}

TEST_CASE("path shows the same evidence read again from its files as from standard input") {
    // From a file the evidence of the hops is read back by line after the query; standard
    // input cannot be read again, so its events are kept whole.
    const std::string crlf = eventgraph::test::temp_dir("path-crlf") + "/paths.jsonl";
    {
        std::string text = read_file(events), out;
        for (const char c : text) out += c == '\n' ? std::string("\r\n\n") : std::string(1, c);
        std::ofstream(crlf, std::ios::binary) << "\n" << out;  // blank lines and CRLF
    }
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--json", "--k", "3", "IRN", "UKR"}, {"--temporal", "IRN", "CHN"}, {"IRN", "CHN"}}) {
        std::vector<std::string> from_file = {"path"}, from_crlf = {"path"}, from_stdin = {"path"};
        for (const auto& a : args)
            from_file.push_back(a), from_crlf.push_back(a), from_stdin.push_back(a);
        from_file.push_back(events);
        from_crlf.push_back(crlf);
        from_stdin.push_back("-");
        const auto a = run_eventgraph(from_file);
        const auto b = run_eventgraph(from_stdin, read_file(events));
        const auto c = run_eventgraph(from_crlf);
        CHECK(a.exit_code == 0);
        CHECK(a.out.find("\"") != std::string::npos);  // a sentence is quoted
        CHECK(a.out == b.out);
        CHECK(a.out == c.out);
    }
}

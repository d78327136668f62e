#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "eventgraph/error.hpp"
#include "eventgraph/export/writers.hpp"
#include "support/graph_fixture.hpp"
#include "support/support.hpp"

using namespace eventgraph;
using model::ActorKind;
using test::actor;
using test::day;
using test::month;
using test::relation;
using test::seed_graph;

namespace {}  // namespace

TEST_CASE("render draws SVG, PNG and PDF in-process") {
    const auto g = seed_graph();
    const std::string svg = exports::render(g, "svg", "dot");
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("China") != std::string::npos);
    CHECK(svg.find("aid ×3") != std::string::npos);

    const std::string png = exports::render(g, "png", "dot");
    CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);

    const std::string pdf = exports::render(g, "pdf", "dot");
    CHECK(pdf.rfind("%PDF", 0) == 0);
}

TEST_CASE("render lays out with dot, neato, sfdp and circo") {
    const auto g = seed_graph();
    for (const char* layout : {"dot", "neato", "sfdp", "circo"}) {
        INFO(layout);
        CHECK(exports::render(g, "svg", layout).find("<svg") != std::string::npos);
    }
}

TEST_CASE("render names the valid formats and layouts when given another") {
    const auto g = seed_graph();
    CHECK_THROWS_AS(exports::render(g, "jpeg", "dot"), usage_error);
    CHECK_THROWS_WITH(exports::render(g, "jpeg", "dot"),
                      "unknown format \"jpeg\": expected svg, png or pdf");
    CHECK_THROWS_WITH(exports::render(g, "svg", "fdp"),
                      "unknown layout \"fdp\": expected dot, neato, sfdp or circo");
    CHECK_THROWS_WITH(exports::render(g, "", ""), "unknown format \"\": expected svg, png or pdf");
}

TEST_CASE("an empty graph renders as an empty picture") {
    CHECK(exports::render(graph::EventGraph{}, "svg", "dot").find("<svg") != std::string::npos);
}

TEST_CASE("hostile names render to well-formed SVG") {
    graph::EventGraph graph;
    const std::vector<std::string> names = {"<svg>",    "a & b",  "\"q\"",      "'a'",
                                            "]]>",      "back\\", "two\nlines", "Москва",
                                            "bell\x07", "bad\xff"};
    std::vector<graph::VertexId> vs;
    for (const auto& n : names) vs.push_back(actor(graph, n, n, ActorKind::organisation));
    for (std::size_t i = 0; i + 1 < vs.size(); ++i)
        relation(graph, vs[i], vs[i + 1], names[i], 4, 2, day(2024, 3, 4));
    const std::string svg = exports::render(graph, "svg", "dot");
    REQUIRE(svg.find("<svg") != std::string::npos);
    if (!test::have_python3()) {
        WARN("python3 is not installed: the SVG's XML check is skipped");
        return;
    }
    const std::string file = test::temp_dir("render-hostile") + "/g.svg";
    std::ofstream(file, std::ios::binary) << svg;
    const auto [code, out, err] =
        test::run_python(test::source_path("tests/export/read_graphml.py"), {"xml", file});
    INFO(out);
    CHECK(code == 0);
    CHECK(out.find("{http://www.w3.org/2000/svg}svg") != std::string::npos);
}

TEST_CASE("render can be called from several threads at once") {
    const auto g = seed_graph();
    std::vector<std::future<std::string>> runs;
    for (int i = 0; i < 4; ++i)
        runs.push_back(std::async(std::launch::async, [&g, i] {
            return i % 2 ? exports::render(g, "svg", "neato") : exports::to_dot(g);
        }));
    for (auto& r : runs) CHECK_FALSE(r.get().empty());
}

TEST_CASE("the legend is a cluster with dot and a table under the drawing with other layouts") {
    const auto g = seed_graph();
    const std::string dot = exports::render(g, "svg", "dot");
    CHECK(dot.find("class=\"cluster\"") != std::string::npos);
    CHECK(dot.find("material cooperation") != std::string::npos);
    for (const char* layout : {"neato", "sfdp", "circo"}) {
        INFO(layout);
        const std::string svg = exports::render(g, "svg", layout);
        CHECK(svg.find("class=\"cluster\"") == std::string::npos);
        CHECK(svg.find(">Legend<") != std::string::npos);
        CHECK(svg.find(">material cooperation<") != std::string::npos);
        CHECK(svg.find(">denied, hypothetical or future<") != std::string::npos);
    }
}

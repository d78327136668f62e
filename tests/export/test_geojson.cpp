#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "eventgraph/export/writers.hpp"
#include "places_fixture.hpp"
#include "support/support.hpp"

using namespace eventgraph;

TEST_CASE("GeoJSON has one Point a located happening, longitude first, with flat properties") {
    const auto g = graph::build_graph(test::place_events());
    const std::string json = exports::to_geojson(g);
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(std::string(d["type"].GetString()) == "FeatureCollection");
    // The happening with no place is left out.
    REQUIRE(d["features"].Size() == 2);
    if (!test::have_python3()) return;
    const std::string path = test::temp_dir("geojson") + "/events.geojson";
    std::ofstream(path) << json;
    const auto r =
        test::run_python(test::source_path("tests/export/read_places.py"), {"geojson", path});
    REQUIRE(r.exit_code == 0);
    rapidjson::Document back;
    back.Parse(r.out.c_str());
    REQUIRE_FALSE(back.HasParseError());
    bool town = false;
    for (const auto& f : back.GetArray()) {
        const auto& p = f["properties"];
        if (std::string(p["type"].GetString()) != "assault") continue;
        town = true;
        CHECK(f["coordinates"][0].GetDouble() == Approx(37.17585));
        CHECK(f["coordinates"][1].GetDouble() == Approx(48.28198));
        CHECK(p["geonames"].GetInt() == 704422);
        CHECK(std::string(p["place"].GetString()) == "Pokrovsk");
        CHECK(std::string(p["target_code"].GetString()) == "UKR");
        CHECK(p["mentions"].GetInt() == 1);
        CHECK(std::string(p["evidence"].GetString()) ==
              "Russian forces shelled Pokrovsk, a town in \"Donetsk\"\nregion.");
    }
    CHECK(town);
}

TEST_CASE("export --format geojson and csv write the files through -o") {
    const std::string dir = test::temp_dir("export_places");
    const auto [code, out, err] =
        test::run_eventgraph({"export", "--format", "geojson", "-o", dir + "/e.geojson",
                              test::data_path("places/events.jsonl")});
    CHECK(err == "");
    CHECK(code == 0);
    CHECK(test::read_file(dir + "/e.geojson")
              .rfind("{\"type\":\"FeatureCollection\",\"features\":[{", 0) == 0);
    const auto csv =
        test::run_eventgraph({"export", "--format", "csv", test::data_path("places/events.jsonl")});
    CHECK(csv.exit_code == 0);
    CHECK(test::lines_of(csv.out).size() == 2);
}

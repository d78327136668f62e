#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "eventgraph/export/writers.hpp"
#include "places_fixture.hpp"
#include "support/support.hpp"

using namespace eventgraph;

namespace {

// The table as Python's csv module reads it, without options.
rapidjson::Document read_back(const std::string& text, const std::string& kind) {
    const std::string path = test::temp_dir("csv_" + kind) + "/events." + kind;
    std::ofstream(path, std::ios::binary) << text;
    const auto r = test::run_python(test::source_path("tests/export/read_places.py"), {kind, path});
    REQUIRE(r.exit_code == 0);
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
}

std::string str(const rapidjson::Value& row, const char* key) {
    return std::string(row[key].GetString(), row[key].GetStringLength());
}

}  // namespace

TEST_CASE(
    "the event table has a header and one happening a row, read back intact by Python's csv") {
    if (!test::have_python3()) return;
    const auto g = graph::build_graph(test::place_events());
    const exports::ArticleLinks links = {{"a1", {"https://example.org/a1?x=1,2", "A \"title\""}}};
    const std::string text = exports::to_table(g, ',', links);
    CHECK(text.rfind("id,day,date,granularity,source_id,source_code,source_name,source_cameo,"
                     "source_country,target_id,target_code,target_name,target_cameo,target_country,"
                     "type,mode,cameo,cameo_root,quad,polarity,mentions,sources,place,place_id,"
                     "country,subdivision,lat,lon,geonames,precision,url,evidence\r\n",
                     0) == 0);
    const auto rows = read_back(text, "csv");
    REQUIRE(rows.Size() == 3);
    const auto* town = &rows[0];
    for (const auto& r : rows.GetArray())
        if (str(r, "type") == "assault") town = &r;
    CHECK(str(*town, "day") == "20240910");
    CHECK(str(*town, "source_cameo") == "RUSMIL");
    CHECK(str(*town, "source_country") == "RUS");
    CHECK(str(*town, "target_country") == "UKR");
    CHECK(str(*town, "cameo_root") == "19");
    CHECK(str(*town, "quad") == "4");
    CHECK(str(*town, "place") == "Pokrovsk");
    CHECK(str(*town, "country") == "UKR");
    CHECK(str(*town, "lat") == "48.28198");
    CHECK(str(*town, "lon") == "37.17585");
    CHECK(str(*town, "geonames") == "704422");
    CHECK(str(*town, "precision") == "place");
    CHECK(str(*town, "url") == "https://example.org/a1?x=1,2");
    CHECK(str(*town, "evidence") ==
          "Russian forces shelled Pokrovsk, a town in \"Donetsk\"\nregion.");
    // A happening with no place keeps its row, with empty coordinates.
    bool unplaced = false;
    for (const auto& r : rows.GetArray())
        if (str(r, "type") == "consult") {
            unplaced = true;
            CHECK(str(r, "lat") == "");
            CHECK(str(r, "place") == "");
            CHECK(str(r, "day") == "");
            CHECK(str(r, "evidence") == "No place, \"quoted\".");
        }
    CHECK(unplaced);
}

TEST_CASE("the TSV table reads back with Python's excel-tab dialect") {
    if (!test::have_python3()) return;
    const auto g = graph::build_graph(test::place_events());
    const std::string text = exports::to_table(g, '\t');
    CHECK(text.find("id\tday\tdate\t") == 0);
    const auto rows = read_back(text, "tsv");
    REQUIRE(rows.Size() == 3);
    for (const auto& r : rows.GetArray())
        if (str(r, "type") == "protest") {
            CHECK(str(r, "evidence") == "Thousands, angry, marched.");
            CHECK(str(r, "precision") == "country");
        }
}

TEST_CASE("an empty graph's table is its header alone") {
    const std::string text = exports::to_table(graph::build_graph({}), ',');
    CHECK(test::lines_of(text).size() == 1);
    CHECK(text.rfind("id,day,", 0) == 0);
}

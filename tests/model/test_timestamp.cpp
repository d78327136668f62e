#include <catch2/catch.hpp>

#include "eventgraph/model/date_span.hpp"
#include "eventgraph/model/timestamp.hpp"

using namespace eventgraph::model;
using namespace date::literals;

TEST_CASE("ISO timestamps read and write back with the precision they had") {
    for (const char* s : {"2024-09-10", "2024-09-10T19:59:00", "2024-09-10T19:59:00+03:00",
                          "2024-09-10T19:59:00-05:30"}) {
        const auto t = parse_iso_timestamp(s);
        REQUIRE(t);
        CHECK(to_iso(*t) == s);
    }
    CHECK(to_iso(*parse_iso_timestamp("2024-09-10T19:59Z")) == "2024-09-10T19:59:00+00:00");
    CHECK(to_iso(*parse_iso_timestamp("2024-09-10T19:59:00.123+0300")) ==
          "2024-09-10T19:59:00+03:00");
}

TEST_CASE("a day is written as ISO 8601 writes it, four digits of year or more") {
    CHECK(to_iso(2024_y / 9 / 10) == "2024-09-10");
    CHECK(to_iso(date::year{987} / 1 / 2) == "0987-01-02");
    CHECK(to_iso(date::year{0} / 12 / 31) == "0000-12-31");
    CHECK(to_iso(date::year{12024} / 3 / 4) == "12024-03-04");
    CHECK(to_iso(date::year{-44} / 3 / 15) == "-044-03-15");
}

TEST_CASE("impossible and malformed timestamps are refused") {
    for (const char* s : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-9-10", "2024-09-10T25:00",
                          "2024-09-10T19:59:00+3", "10 Sep 2024", ""})
        CHECK_FALSE(parse_iso_timestamp(s));
    CHECK(parse_iso_timestamp("2024-02-29"));
}

TEST_CASE("date spans know their granularity and print as precisely as they are known") {
    const auto july = month_span(2024_y / date::July, DateBasis::relative);
    CHECK(to_iso(july.start) == "2024-07-01");
    CHECK(to_iso(july.end) == "2024-07-31");
    CHECK(date_value(july) == "2024-07");
    CHECK(date_value(year_span(2022_y, DateBasis::explicit_date)) == "2022");
    CHECK(date_value(day_span(2024_y / 9 / 10, DateBasis::publication)) == "2024-09-10");
    CHECK(to_iso(month_span(2024_y / date::February, DateBasis::relative).end) == "2024-02-29");
}

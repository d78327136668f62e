// Dates in text against a publication date known only to the month or the
// year: what the reference leaves open is not made up.

#include <catch2/catch.hpp>
#include <string>

#include "eventgraph/model/timestamp.hpp"
#include "eventgraph/time/expressions.hpp"

using namespace eventgraph;

namespace {

model::Timestamp ref(std::string_view iso) { return *model::parse_iso_timestamp(iso); }

// Each expression as "text=value granularity basis [note]".
std::string found(std::string_view text, std::string_view reference) {
    std::string s;
    for (const auto& e : time::find_time_expressions(text, ref(reference))) {
        if (!s.empty()) s += "; ";
        s += std::string(e.text) + "=" + model::date_value(e.span) + " " +
             model::to_string(e.span.granularity) + " " + model::to_string(e.span.basis);
        if (!e.span.note.empty()) s += " [" + e.span.note + "]";
    }
    return s;
}

}  // namespace

TEST_CASE("against a month, yesterday keeps the month and says why") {
    CHECK(found("Russia struck Kyiv yesterday.", "2024-04") ==
          "yesterday=2024-04 month relative [\"yesterday\" is counted from the publication date, "
          "known only to the month (2024-04)]");
    CHECK(found("They met on Tuesday.", "2024-04") ==
          "Tuesday=2024-04 month relative [\"Tuesday\" is counted from the publication "
          "date, known only to the month (2024-04)]");
}

TEST_CASE("against a month, what the month decides is resolved as against a day") {
    CHECK(found("Talks stalled last month.", "2024-04") == "last month=2024-03 month relative");
    CHECK(found("Talks began in January.", "2024-04") == "January=2024-01 month relative");
    CHECK(found("Talks began on Oct. 8.", "2024-04") == "Oct. 8=2023-10-08 day relative");
    CHECK(found("Talks began on September 10, 2023.", "2024-04") ==
          "September 10, 2023=2023-09-10 day explicit");
}

TEST_CASE("against a year, a month without its year keeps the year") {
    CHECK(found("Talks began in July.", "2024") ==
          "July=2024 year relative [\"July\" is counted from the publication date, known "
          "only to the year (2024)]");
    CHECK(found("Talks began last year.", "2024") == "last year=2023 year relative");
}

TEST_CASE("against a day, nothing changes") {
    CHECK(found("Russia struck Kyiv yesterday.", "2024-04-10") ==
          "yesterday=2024-04-09 day relative");
    CHECK(found("Russia struck Kyiv yesterday.", "2024-04-10T09:00:00+02:00") ==
          "yesterday=2024-04-09 day relative");
}

TEST_CASE("dates lists a month reference's dates as precisely as it allows") {
    const auto listed = time::list_dates("Yesterday and last month.", ref("2024-04"));
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].value == "2024-04");
    CHECK(listed[0].granularity == model::Granularity::month);
    CHECK(listed[1].value == "2024-03");
}

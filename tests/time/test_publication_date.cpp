#include <catch2/catch.hpp>
#include <string>

#include "eventgraph/time/publication_date.hpp"

using eventgraph::model::to_iso;
using namespace eventgraph::time;

namespace {

// What a user sees of a parsed date: its ISO form, or "none".
std::string iso(std::string_view text) {
    const auto t = parse_publication_date(text);
    return t ? to_iso(*t) : "none";
}

// The part of the line the match covers.
std::string matched(std::string_view line) {
    const auto m = find_publication_date(line);
    return m ? std::string(line.substr(m->begin, m->end - m->begin)) : "none";
}

}  // namespace

TEST_CASE("month-first dates read with and without abbreviation, comma and time") {
    CHECK(iso("September 10, 2024 7:59 PM") == "2024-09-10T19:59:00");
    CHECK(iso("Sept. 10, 2024") == "2024-09-10");
    CHECK(iso("Sep 10, 2024") == "2024-09-10");
    CHECK(iso("Sep 10 2024") == "2024-09-10");
    CHECK(iso("SEPTEMBER 10, 2024") == "2024-09-10");
    CHECK(iso("Sept. 1st, 2024") == "2024-09-01");
}

TEST_CASE("day-first dates read as British and European sites print them") {
    CHECK(iso("10 Sep 2024") == "2024-09-10");
    CHECK(iso("10 September 2024") == "2024-09-10");
    CHECK(iso("10th of September, 2024") == "2024-09-10");
    CHECK(iso("Tuesday 10 September 2024 19:59") == "2024-09-10T19:59:00");
    CHECK(iso("Tuesday, 10 September 2024, 19:59") == "2024-09-10T19:59:00");
}

TEST_CASE("a weekday before the date is allowed but is not a date by itself") {
    CHECK(iso("Tuesday, September 10, 2024") == "2024-09-10");
    CHECK(iso("Tue. Sep 10, 2024") == "2024-09-10");
    CHECK(iso("Tuesday") == "none");
    CHECK(iso("Tuesday, September 2024") == "none");
}

TEST_CASE("ISO dates and date-times keep their offset") {
    CHECK(iso("2024-09-10") == "2024-09-10");
    CHECK(iso("2024-09-10T19:59:00+03:00") == "2024-09-10T19:59:00+03:00");
    CHECK(iso("2024-09-10T16:59:00Z") == "2024-09-10T16:59:00+00:00");
    CHECK(iso("2024-09-10 19:59") == "2024-09-10T19:59:00");
}

TEST_CASE("dotted dates are day first and slashed dates are refused as ambiguous") {
    CHECK(iso("10.09.2024") == "2024-09-10");
    CHECK(iso("10.09.2024 19:59") == "2024-09-10T19:59:00");
    CHECK(iso("09/10/2024") == "none");
}

TEST_CASE("days that do not exist are not dates") {
    CHECK(iso("2024-02-30") == "none");
    CHECK(iso("February 30, 2024") == "none");
    CHECK(iso("30.02.2024") == "none");
    CHECK(iso("29 February 2023") == "none");
    CHECK(iso("29 February 2024") == "2024-02-29");
    CHECK(iso("Sept. 31, 2024") == "none");
}

TEST_CASE("things that look a little like dates are not") {
    CHECK(iso("") == "none");
    CHECK(iso("September 2024") == "none");
    CHECK(iso("May 10") == "none");
    CHECK(iso("Mayor 10, 2024") == "none");
    CHECK(iso("10 Sep 2024 and more") == "none");
}

TEST_CASE("times of day in 12- and 24-hour forms") {
    CHECK(iso("Sept. 10, 2024 7:59 p.m.") == "2024-09-10T19:59:00");
    CHECK(iso("Sept. 10, 2024 7:59PM") == "2024-09-10T19:59:00");
    CHECK(iso("Sept. 10, 2024 12:05 AM") == "2024-09-10T00:05:00");
    CHECK(iso("Sept. 10, 2024 12:05 PM") == "2024-09-10T12:05:00");
    CHECK(iso("10 Sep 2024 19:59:30") == "2024-09-10T19:59:30");
    CHECK(iso("10 Sep 2024 25:10") == "none");
    CHECK(iso("10 Sep 2024 13:10 PM") == "none");
}

TEST_CASE("a zone abbreviation gives an offset only when it names one zone") {
    CHECK(iso("Sept. 10, 2024 at 7:59 p.m. EDT") == "2024-09-10T19:59:00-04:00");
    CHECK(iso("Jan. 5, 2024 at 7:59 p.m. EST") == "2024-01-05T19:59:00-05:00");
    CHECK(iso("10 Sep 2024, 14:30 BST") == "2024-09-10T14:30:00+01:00");
    CHECK(iso("10 Sep 2024 14:30 CEST") == "2024-09-10T14:30:00+02:00");
    CHECK(iso("10 Sep 2024 14:30 GMT") == "2024-09-10T14:30:00+00:00");
    CHECK(iso("10 Sep 2024 14:30 UTC") == "2024-09-10T14:30:00+00:00");
    CHECK(iso("March 4, 2024 3:05 PM GMT+2") == "2024-03-04T15:05:00+02:00");
    CHECK(iso("March 4, 2024 3:05 PM UTC+05:30") == "2024-03-04T15:05:00+05:30");
    CHECK(iso("10 Sep 2024 14:30 CST") == "2024-09-10T14:30:00");
    CHECK(iso("10 Sep 2024 14:30 IST") == "2024-09-10T14:30:00");
}

TEST_CASE("a time printed before the date belongs to it") {
    CHECK(iso("3:05 PM GMT+2, March 4, 2024") == "2024-03-04T15:05:00+02:00");
    CHECK(iso("19:59, 10 September 2024") == "2024-09-10T19:59:00");
}

TEST_CASE("the first date in a byline is found with the time that follows it") {
    const std::string_view byline = "by Elsa Court September 10, 2024 7:59 PM 2 min read";
    const auto m = find_publication_date(byline);
    REQUIRE(m);
    CHECK(to_iso(m->value) == "2024-09-10T19:59:00");
    CHECK(byline.substr(m->begin, m->end - m->begin) == "September 10, 2024 7:59 PM");
}

TEST_CASE("dates are found inside lines with labels around them") {
    CHECK(matched("Updated: Sept. 10, 2024 at 7:59 p.m. EDT") == "Sept. 10, 2024 at 7:59 p.m. EDT");
    CHECK(matched("Updated 3:05 PM GMT+2, March 4, 2024") == "3:05 PM GMT+2, March 4, 2024");
    CHECK(matched("Published 10 Sep 2024") == "10 Sep 2024");
    CHECK(matched("Posted on Tuesday, September 10, 2024.") == "Tuesday, September 10, 2024");
    CHECK(matched("Meta: 2024-09-10T19:59:00+03:00 (Kyiv)") == "2024-09-10T19:59:00+03:00");
    CHECK(matched("Sept. 10, 2024 at noon") == "Sept. 10, 2024");
}

TEST_CASE("the first full date wins and dates without a year are passed over") {
    CHECK(matched("On Sept. 10 and again on Oct. 8, 2024, and May 1, 2025") == "Oct. 8, 2024");
    CHECK(matched("Tickets: 10 Sep, 19:59") == "none");
    CHECK(matched("version 2.10.09.2024 released") == "none");
    CHECK(matched("no date here at all") == "none");
}

TEST_CASE("a time of day alone is read, with its zone") {
    const auto t = parse_time_of_day("2:27 AM");
    REQUIRE(t);
    CHECK(t->since_midnight == std::chrono::minutes{2 * 60 + 27});
    CHECK_FALSE(t->utc_offset);
    CHECK(parse_time_of_day("3:20\xE2\x80\xAFPM")->since_midnight ==
          std::chrono::minutes{15 * 60 + 20});
    CHECK(parse_time_of_day("19:59 CET")->utc_offset == std::chrono::minutes{60});
    CHECK_FALSE(parse_time_of_day("2:27 AM Russia's strike"));
    CHECK_FALSE(parse_time_of_day("2 min read"));
    CHECK_FALSE(parse_time_of_day("13:00 AM"));
}

TEST_CASE("zone abbreviations map to offsets only where unambiguous") {
    CHECK(zone_offset("EDT") == std::chrono::minutes{-240});
    CHECK(zone_offset("CEST") == std::chrono::minutes{120});
    CHECK_FALSE(zone_offset("CST"));
    CHECK_FALSE(zone_offset("XYZ"));
}

TEST_CASE("a month or a year alone is a publication date of that precision (ISO 8601 reduced)") {
    CHECK(iso("2024-04") == "2024-04");
    CHECK(iso("2024") == "2024");
    CHECK(iso(" 2024-04 ") == "2024-04");
    const auto month = parse_publication_date("2024-04");
    REQUIRE(month);
    CHECK(month->granularity == eventgraph::model::Granularity::month);
    CHECK(month->day == date::year{2024} / 4 / 1);
    CHECK(parse_publication_date("2024")->granularity == eventgraph::model::Granularity::year);
    // A day, with or without its time and zone, is as before.
    CHECK(iso("2024-04-10") == "2024-04-10");
    CHECK(iso("2024-04-10T08:30:00Z") == "2024-04-10T08:30:00+00:00");
    CHECK(parse_publication_date("2024-04-10")->granularity == eventgraph::model::Granularity::day);
}

TEST_CASE("months and days that do not exist are no dates, at any precision") {
    CHECK(iso("2024-13") == "none");
    CHECK(iso("2024-00") == "none");
    CHECK(iso("2024-02-30") == "none");
    CHECK(iso("2024-04-31") == "none");
    CHECK(iso("2024-4") == "none");
    CHECK(iso("202") == "none");
    CHECK(iso("2024-04T10:00") == "none");
    // A year alone in a byline is no publication date: too easily a number.
    CHECK(matched("by Jane Doe 2024") == "none");
}

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "eventgraph/model/timestamp.hpp"
#include "eventgraph/time/expressions.hpp"

using namespace eventgraph;
using time::find_time_expressions;

namespace {

// Tuesday, as in the seed article.
const date::year_month_day tuesday = date::year{2024} / 9 / 10;

// Each expression as "text=value", joined with "; ": a whole answer in one string,
// so that a failing test shows everything that was found.
std::string found(std::string_view text, date::year_month_day ref = tuesday) {
    std::string s;
    for (const auto& e : find_time_expressions(text, ref)) {
        if (!s.empty()) s += "; ";
        s += std::string(e.text) + "=" + model::date_value(e.span);
    }
    return s;
}

// The only expression in the text.
time::TimeExpression only(std::string_view text, date::year_month_day ref = tuesday) {
    auto all = find_time_expressions(text, ref);
    REQUIRE(all.size() == 1);
    return all.front();
}

}  // namespace

// --- full and partial dates -------------------------------------------------

TEST_CASE("a full date with its year is explicit and needs no reference") {
    const auto e = only("Campbell spoke on September 10, 2024 in Washington.");
    CHECK(e.text == "September 10, 2024");
    CHECK(model::date_value(e.span) == "2024-09-10");
    CHECK(e.span.granularity == model::Granularity::day);
    CHECK(e.span.basis == model::DateBasis::explicit_date);
    CHECK(found("on Sept. 10, 2024", date::year{1999} / 1 / 1) == "Sept. 10, 2024=2024-09-10");
}

TEST_CASE("abbreviated months with and without a period are read") {
    CHECK(found("on Sept. 10") == "Sept. 10=2024-09-10");
    CHECK(found("on Sep 10") == "Sep 10=2024-09-10");
    CHECK(found("on Oct. 8, 2023") == "Oct. 8, 2023=2023-10-08");
    CHECK(found("on Jan. 3 2024") == "Jan. 3 2024=2024-01-03");
}

TEST_CASE("day-first dates are read, with or without a year") {
    CHECK(found("on 10 September") == "10 September=2024-09-10");
    CHECK(found("on 10 Sept. 2024") == "10 Sept. 2024=2024-09-10");
    CHECK(found("the 10th of September 2024") == "10th of September 2024=2024-09-10");
}

TEST_CASE("the 7 October attack is a day in the past") {
    CHECK(found("since the 7 October attack") == "7 October=2023-10-07");
    CHECK(only("since the 7 October attack").relation == time::TimeRelation::since);
}

TEST_CASE("ordinal days are read") {
    CHECK(found("on October 7th") == "October 7th=2023-10-07");
    CHECK(found("on August 1st") == "August 1st=2024-08-01");
}

TEST_CASE("ISO dates are explicit days") {
    const auto e = only("published 2024-09-10 by the ministry");
    CHECK(model::date_value(e.span) == "2024-09-10");
    CHECK(e.span.basis == model::DateBasis::explicit_date);
}

TEST_CASE("slash dates are read only when day and month cannot be swapped") {
    CHECK(found("filed on 13/9/2024") == "13/9/2024=2024-09-13");
    CHECK(found("filed on 9/13/2024") == "9/13/2024=2024-09-13");
    CHECK(found("filed on 9/10/2024") == "");  // 10 September or 9 October
    CHECK(found("filed on 5/5/2024") == "5/5/2024=2024-05-05");
}

TEST_CASE("a weekday before a full date is part of it") {
    CHECK(found("on Tuesday, Sept. 10, 2024") == "Tuesday, Sept. 10, 2024=2024-09-10");
    CHECK(found("on Monday 9 September") == "Monday 9 September=2024-09-09");
}

TEST_CASE("a month and day without a year is the latest one on or before the reference") {
    CHECK(found("on Oct. 8") == "Oct. 8=2023-10-08");
    CHECK(found("on Sept. 10") == "Sept. 10=2024-09-10");
    CHECK(found("on Sept. 11") == "Sept. 11=2023-09-11");
    CHECK(only("on Oct. 8").span.basis == model::DateBasis::relative);
}

TEST_CASE("a month and day without a year in a future clause is the next one") {
    CHECK(found("The summit will open on Oct. 8.") == "Oct. 8=2024-10-08");
    CHECK(only("The summit will open on Oct. 8.").flags.future);
    CHECK(found("The vote is scheduled for Sept. 9.") == "Sept. 9=2025-09-09");
}

TEST_CASE("February 29 goes to a leap year") {
    CHECK(found("on Feb. 29", date::year{2025} / 3 / 1) == "Feb. 29=2024-02-29");
    CHECK(found("will vote on Feb. 29", date::year{2025} / 3 / 1) == "Feb. 29=2028-02-29");
}

TEST_CASE("impossible dates are not dates") {
    CHECK(found("on February 30, 2024") == "");
    CHECK(found("on February 30") == "");
    CHECK(found("on 31 April") == "");
    CHECK(found("on 2023-02-29") == "");
    CHECK(found("on Sept. 31, 2024") == "");
}

// --- months ----------------------------------------------------------------

TEST_CASE("in July is the month of July, not July 1st (dateparser invents a day)") {
    const auto e = only("Prices rose in July.");
    CHECK(model::date_value(e.span) == "2024-07");
    CHECK(e.span.granularity == model::Granularity::month);
    CHECK(e.span.start == date::year{2024} / 7 / 1);
    CHECK(e.span.end == date::year{2024} / 7 / 31);
    CHECK(e.span.basis == model::DateBasis::relative);
}

TEST_CASE("a bare month is the latest one, not the closest (chrono-node, SUTime)") {
    // November 2024 is closer to 10 September 2024 than November 2023, but news
    // speaks of what has happened.
    CHECK(found("The talks collapsed in November.") == "November=2023-11");
    CHECK(found("The talks collapsed in September.") == "September=2024-09");
}

TEST_CASE("a bare month in a future clause is the next one") {
    CHECK(found("He plans to visit Moscow in November.") == "November=2024-11");
    CHECK(found("The two leaders will meet in July.") == "July=2025-07");
    CHECK(only("He plans to visit Moscow in November.").flags.future);
}

TEST_CASE("a month with a year is explicit") {
    const auto e = only("in December 2023");
    CHECK(model::date_value(e.span) == "2023-12");
    CHECK(e.span.basis == model::DateBasis::explicit_date);
    CHECK(found("in October of 2023") == "October of 2023=2023-10");
}

TEST_CASE("mid, early and late months are approximate months") {
    const auto e = only("The offensive began in mid-July.");
    CHECK(e.text == "mid-July");
    CHECK(model::date_value(e.span) == "2024-07");
    CHECK(e.flags.approximate);
    CHECK(found("in late August") == "late August=2024-08");
    CHECK(found("by the end of July") == "end of July=2024-07");
}

TEST_CASE("months joined by and are both read") {
    CHECK(found("in June and July") == "June=2024-06; July=2024-07");
    CHECK(found("from March to May") == "March=2024-03; May=2024-05");
}

TEST_CASE("last, this and next month") {
    CHECK(found("last month") == "last month=2024-08");
    CHECK(found("this month") == "this month=2024-09");
    CHECK(found("Talks are due to resume next month.") == "next month=2024-10");
    CHECK(only("next month").flags.future);
    CHECK(found("earlier this month") == "earlier this month=2024-09");
    CHECK(found("last month", date::year{2024} / 1 / 15) == "last month=2023-12");
}

TEST_CASE("last and next with a month's name") {
    CHECK(found("last July") == "last July=2024-07");
    CHECK(found("last September") == "last September=2023-09");
    CHECK(found("next July") == "next July=2025-07");
}

// --- years -----------------------------------------------------------------

TEST_CASE("years after a preposition are explicit years") {
    CHECK(found("in 2022") == "2022=2022");
    CHECK(found("since 2014") == "2014=2014");
    CHECK(only("since 2014").relation == time::TimeRelation::since);
    CHECK(only("since 2014").span.granularity == model::Granularity::year);
    CHECK(found("from 2019 to 2021") == "2019=2019; 2021=2021");
}

TEST_CASE("a year ahead is future") {
    const auto e = only("Beijing aims to double output by 2030.");
    CHECK(e.flags.future);
    CHECK(e.relation == time::TimeRelation::until);
}

TEST_CASE("a possessive year and a year that dates a thing are years") {
    CHECK(found("2022's invasion") == "2022=2022");
    CHECK(found("a 2024 report by the UN") == "2024=2024");
    CHECK(found("the 2022 election") == "2022=2022");
}

TEST_CASE("early and late years are approximate years") {
    const auto e = only("in early 2023");
    CHECK(e.text == "early 2023");
    CHECK(model::date_value(e.span) == "2023");
    CHECK(e.flags.approximate);
    CHECK(found("in late 2023") == "late 2023=2023");
    CHECK(found("by mid-2025") == "mid-2025=2025");
    CHECK(found("in the first half of 2024") == "first half of 2024=2024");
    CHECK(found("in spring 2022") == "spring 2022=2022");
}

TEST_CASE("this, last and next year, earlier this year") {
    CHECK(found("this year") == "this year=2024");
    CHECK(found("last year") == "last year=2023");
    CHECK(found("next year") == "next year=2025");
    CHECK(found("earlier this year") == "earlier this year=2024");
    CHECK(found("late last year") == "late last year=2023");
}

TEST_CASE("a length of time is not a date") {
    CHECK(found("over the last year") == "");
    CHECK(found("in the past three years") == "");
    CHECK(found("for the first time in 10 years") == "");
    CHECK(found("after 10 days of fighting") == "");
}

TEST_CASE("decades are not read as years") { CHECK(found("in the 1990s") == ""); }

// --- relative days ---------------------------------------------------------

TEST_CASE("yesterday, today, tonight and tomorrow") {
    CHECK(found("yesterday") == "yesterday=2024-09-09");
    CHECK(found("today") == "today=2024-09-10");
    CHECK(found("tonight") == "tonight=2024-09-10");
    CHECK(found("tomorrow") == "tomorrow=2024-09-11");
    CHECK(only("tomorrow").flags.future);
    CHECK(found("the day before yesterday") == "the day before yesterday=2024-09-08");
    CHECK(found("last night") == "last night=2024-09-09");
}

TEST_CASE("on Tuesday in an article of a Tuesday is that day") {
    const auto e = only("Russia struck Kyiv on Tuesday.");
    CHECK(model::date_value(e.span) == "2024-09-10");
    CHECK(e.span.basis == model::DateBasis::relative);
    CHECK_FALSE(e.flags.future);
}

TEST_CASE("a weekday is the latest one on or before the reference") {
    CHECK(found("on Monday") == "Monday=2024-09-09");
    CHECK(found("on Wednesday") == "Wednesday=2024-09-04");
    CHECK(found("Russia struck Kyiv Sunday") == "Sunday=2024-09-08");
}

TEST_CASE("last Tuesday is in the past even in a future clause (chrono-node forwardDate)") {
    CHECK(found("last Tuesday") == "last Tuesday=2024-09-03");
    CHECK(found("He will repeat what he said last Tuesday.") == "last Tuesday=2024-09-03");
    CHECK(found("last Monday") == "last Monday=2024-09-09");
}

TEST_CASE("a weekday in a future clause is the next one") {
    CHECK(found("The ministers will meet on Friday.") == "Friday=2024-09-13");
    CHECK(only("The ministers will meet on Friday.").flags.future);
    CHECK(found("On Friday, the ministers will meet.") == "Friday=2024-09-13");
    CHECK(found("The vote is due on Tuesday.") == "Tuesday=2024-09-10");
}

TEST_CASE("the tense nearest the date decides, clause first") {
    CHECK(found("He said on Monday that the talks will resume next month.") ==
          "Monday=2024-09-09; next month=2024-10");
    CHECK(found("The talks will resume on Friday, officials said on Monday.") ==
          "Friday=2024-09-13; Monday=2024-09-09");
    CHECK(found("Officials said they would meet on Thursday.") == "Thursday=2024-09-12");
}

TEST_CASE("a participle after be is not a past tense") {
    CHECK(found("The vote will be held on the 8th of October.") == "8th of October=2024-10-08");
    CHECK(found("The deal is to be signed on Friday.") == "Friday=2024-09-13");
}

TEST_CASE("a weekday with a day and month chooses the year") {
    // 13 September was a Wednesday in 2023 and is a Friday in 2024.
    CHECK(found("on Friday, 13 September") == "Friday, 13 September=2024-09-13");
    CHECK(found("on Wednesday, 13 September") == "Wednesday, 13 September=2023-09-13");
}

TEST_CASE("next and this with a weekday") {
    CHECK(found("next Tuesday") == "next Tuesday=2024-09-17");
    CHECK(found("next Friday") == "next Friday=2024-09-13");
    CHECK(found("this Tuesday") == "this Tuesday=2024-09-10");
}

TEST_CASE("a weekday with a part of the day or a possessive") {
    CHECK(found("on Monday night") == "Monday night=2024-09-09");
    CHECK(found("Tuesday's attack") == "Tuesday=2024-09-10");
    CHECK(found("early Sunday") == "early Sunday=2024-09-08");
}

TEST_CASE("N days, months and years ago") {
    CHECK(found("two days ago") == "two days ago=2024-09-08");
    CHECK(found("3 days ago") == "3 days ago=2024-09-07");
    CHECK(found("two months ago") == "two months ago=2024-07");
    CHECK(found("a year ago") == "a year ago=2023");
    CHECK(only("two months ago").span.granularity == model::Granularity::month);
}

TEST_CASE("weeks are days a week apart, marked approximate") {
    const auto e = only("three weeks ago");
    CHECK(model::date_value(e.span) == "2024-08-20");
    CHECK(e.span.granularity == model::Granularity::day);
    CHECK(e.flags.approximate);
    CHECK(found("last week") == "last week=2024-09-03");
    CHECK(only("last week").flags.approximate);
    CHECK(found("next week") == "next week=2024-09-17");
}

TEST_CASE("in N days is a future date only in a future clause") {
    const auto e = only("The troops will withdraw in 10 days.");
    CHECK(model::date_value(e.span) == "2024-09-20");
    CHECK(e.flags.future);
    CHECK(found("a ceasefire in two weeks' time") == "in two weeks' time=2024-09-24");
    CHECK(found("killed in 10 days") == "");
}

// --- not dates --------------------------------------------------------------

TEST_CASE("May the name and may the modal are not months") {
    CHECK(found("May said the deal was dead.") == "");
    CHECK(found("Theresa May resigned.") == "");
    CHECK(found("Prices may rise.") == "");
    CHECK(found("a letter from May") == "");
    CHECK(found("The vote was held in May.") == "May=2024-05");
    CHECK(found("on May 15") == "May 15=2024-05-15");
}

TEST_CASE("March the verb and the noun are not months") {
    CHECK(found("the March on Kyiv") == "");
    CHECK(found("the march ended") == "");
    CHECK(found("in March") == "March=2024-03");
}

TEST_CASE("numbers that name things are not dates") {
    CHECK(found("a Boeing 747 landed") == "");
    CHECK(found("Resolution 2231 expired") == "");
    CHECK(found("Apollo 11 and F-16 jets, the G7 and COVID-19") == "");
    CHECK(found("under Article 5 of the treaty") == "");
    CHECK(found("page 2022 of the report") == "");
}

TEST_CASE("counts are not years") {
    CHECK(found("2,000 troops") == "");
    CHECK(found("1500 people") == "");
    CHECK(found("in 2000 cases") == "");
    CHECK(found("the 2000 soldiers") == "");
    CHECK(found("2024") == "");
}

TEST_CASE("a time of day alone is not a date") {
    CHECK(found("at 4:30 p.m.") == "");
    CHECK(found("at 10:15 in the morning") == "");
}

TEST_CASE("newspapers and named days are not weekdays") {
    CHECK(found("the Sunday Times reported") == "");
    CHECK(found("on Good Friday") == "");
    CHECK(found("USA Today reported") == "");
    CHECK(found("Today, the talks resume.") == "Today=2024-09-10");
}

TEST_CASE("lower-case month and day names are words") {
    CHECK(found("the sunday papers") == "");
    CHECK(found("in july") == "");
}

// --- spans, flags, API -------------------------------------------------------

TEST_CASE("byte offsets point into the text, after multi-byte characters too") {
    const std::string text =
        "Erdo\xC4\x9F"
        "an said \xE2\x80\x9Con Sept. 10\xE2\x80\x9D.";
    const auto e = only(text);
    CHECK(text.substr(e.begin, e.end - e.begin) == "Sept. 10");
    CHECK(e.text.data() == text.data() + e.begin);
}

TEST_CASE("curly apostrophes mark possessives") {
    CHECK(found("Tuesday\xE2\x80\x99s strike") == "Tuesday=2024-09-10");
}

TEST_CASE("sentences are judged apart") {
    CHECK(found("The talks will resume. Russia struck Kyiv on Friday.") == "Friday=2024-09-06");
    CHECK(found("Talks were held in Sept. 2023. The ministers will meet on Friday.") ==
          "Sept. 2023=2023-09; Friday=2024-09-13");
}

TEST_CASE("relations come from the preposition before") {
    CHECK(only("until March").relation == time::TimeRelation::until);
    CHECK(only("before Tuesday").relation == time::TimeRelation::before);
    CHECK(only("after Oct. 7").relation == time::TimeRelation::after);
    CHECK(only("on Oct. 7").relation == time::TimeRelation::at);
    CHECK(std::string(time::to_string(time::TimeRelation::since)) == "since");
}

TEST_CASE("list_dates gives text, offsets, value and granularity") {
    const std::string text = "in July and on Sept. 10, 2024";
    const auto all = time::list_dates(text, tuesday);
    REQUIRE(all.size() == 2);
    CHECK(all[0].text == "July");
    CHECK(all[0].begin == 3);
    CHECK(all[0].end == 7);
    CHECK(all[0].value == "2024-07");
    CHECK(all[0].granularity == model::Granularity::month);
    CHECK(all[1].value == "2024-09-10");
    CHECK(all[1].granularity == model::Granularity::day);
}

TEST_CASE("empty and odd input gives nothing and does not crash") {
    CHECK(found("") == "");
    CHECK(found("   \n\n ") == "");
    CHECK(found("Sept.") == "");
    CHECK(found("on") == "");
    CHECK(found("last") == "");
    CHECK(found("mid-") == "");
    CHECK(found("2024-") == "");
    CHECK(found("9/10/") == "");
    CHECK(found(std::string("\xE2\x80", 2)) == "");
    CHECK(found("99999999999999999999 days ago") == "");
}

// --- the dev set -------------------------------------------------------------

TEST_CASE("every sentence of the news dev set gives its expected expressions") {
    const std::string path = EVENTGRAPH_TEST_DATA "/dates/news-dates.jsonl";
    std::ifstream in(path);
    REQUIRE(in);
    std::string line;
    std::size_t line_no = 0, sentences = 0, passed = 0;
    std::string failures;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty()) continue;
        rapidjson::Document doc;
        doc.Parse(line.c_str(), line.size());
        INFO(path << ":" << line_no);
        REQUIRE_FALSE(doc.HasParseError());
        const auto ref = model::parse_iso_timestamp(doc["ref"].GetString());
        REQUIRE(ref);
        const std::string text = doc["text"].GetString();
        std::string expected;
        for (const auto& d : doc["dates"].GetArray()) {
            if (!expected.empty()) expected += "; ";
            expected += std::string(d["text"].GetString()) + "=" + d["value"].GetString() + ":" +
                        d["granularity"].GetString();
            if (d.HasMember("future")) expected += d["future"].GetBool() ? ":future" : ":past";
        }
        std::string got;
        std::size_t k = 0;
        const auto all = find_time_expressions(text, ref->day);
        for (const auto& e : all) {
            if (!got.empty()) got += "; ";
            got += std::string(e.text) + "=" + model::date_value(e.span) + ":" +
                   model::to_string(e.span.granularity);
            if (k < doc["dates"].Size() && doc["dates"][rapidjson::SizeType(k)].HasMember("future"))
                got += e.flags.future ? ":future" : ":past";
            ++k;
        }
        ++sentences;
        if (got == expected)
            ++passed;
        else
            failures += "line " + std::to_string(line_no) + ": " + text +
                        "\n  expected: " + expected + "\n  got:      " + got + "\n";
    }
    INFO(failures);
    CHECK(sentences >= 60);
    CHECK(passed == sentences);
}

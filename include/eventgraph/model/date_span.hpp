#pragma once
// When an event happened: a span of days with the precision the text gave.

#include <date/date.h>

#include <string>

namespace eventgraph::model {

/// How precisely the text knows the date: "on Sept. 10", "in July", "in 2022".
enum class Granularity { day, month, year };

/// Where the date came from.
enum class DateBasis {
    explicit_date,  ///< a date written out in the text ("Sept. 10, 2024")
    relative,       ///< resolved against the publication date ("last Tuesday")
    publication,    ///< no date in the text: the article's own date
};

/// A span of whole days, both ends included.
struct DateSpan {
    date::year_month_day start{};
    date::year_month_day end{};
    Granularity granularity = Granularity::day;
    DateBasis basis = DateBasis::publication;
    /// Why the date is coarser than the text says: "yesterday" against a
    /// publication date known only to the month keeps the month. Empty otherwise.
    std::string note;

    friend bool operator==(const DateSpan&, const DateSpan&) = default;
};

/// The span of one day, one month or one year.
DateSpan day_span(date::year_month_day d, DateBasis basis);
DateSpan month_span(date::year_month ym, DateBasis basis);
DateSpan year_span(date::year y, DateBasis basis);

/// "2024-09-10", "2024-07" or "2024", as the granularity allows.
std::string date_value(const DateSpan& span);

const char* to_string(Granularity g);
const char* to_string(DateBasis b);

}  // namespace eventgraph::model

#pragma once
// Temporal expressions in news text ("on Sept. 10", "in July", "last Tuesday",
// "two days ago", "since 2014"), found with their byte spans and resolved
// against a reference date, normally the article's publication date.

#include <date/date.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/model/date_span.hpp"
#include "eventgraph/model/timestamp.hpp"
#include "eventgraph/text/tokenize.hpp"

namespace eventgraph::time {

/// How an event stands to the date, from the word before the expression:
/// "since 2014", "until March", "before Tuesday", "after Oct. 7".
enum class TimeRelation { at, since, until, before, after };

/// What the scanner knows about an expression beyond its date.
struct TimeFlags {
    /// The date lies after the reference, or the clause speaks of the future
    /// ("will meet on Friday", "is scheduled for Oct. 8") and the date is not
    /// wholly in the past.
    bool future = false;
    /// The text narrows the span without saying where: "mid-July", "early 2023",
    /// "the end of 2023", "three weeks ago", "last week".
    bool approximate = false;
};

/// One expression: where it is, what it says, and the date it stands for.
struct TimeExpression {
    std::size_t begin = 0;  ///< byte offset of its first byte in the text searched
    std::size_t end = 0;    ///< byte offset one past its last byte
    std::string_view text;  ///< a view into the text searched
    model::DateSpan span;   ///< basis explicit if the text gives the year, else relative
    TimeRelation relation = TimeRelation::at;
    TimeFlags flags;
};

/// Every temporal expression in `text`, in order and not overlapping. A date
/// the text leaves underspecified ("on Tuesday", "in November", "Oct. 8") is
/// the latest one on or before `reference`, or, where the clause speaks of the
/// future, the earliest one on or after it. The text may be a sentence or a
/// whole article; the future is judged per clause.
std::vector<TimeExpression> find_time_expressions(std::string_view text,
                                                  date::year_month_day reference);

/// A text's tokens as text::tokenize made them: the scanner reads dates
/// within them. Their offsets less `base` are offsets in the text searched
/// (a sentence's tokens are its article's, `base` the sentence's first byte).
struct TextTokens {
    std::span<const text::Token> tokens;
    std::size_t base = 0;
};

/// The same over a text already tokenized: the extractor's sentences.
std::vector<TimeExpression> find_time_expressions(std::string_view text, const TextTokens& tokens,
                                                  date::year_month_day reference);

/// The same against a reference that may be known only to the month or the
/// year (a publication date "2024-04" or "2024"): an expression whose date
/// depends on what the reference leaves open ("yesterday", "on Tuesday"
/// against a month; "in July" against a year) takes the reference's own month
/// or year, with a note saying why. Other expressions are as against a day.
std::vector<TimeExpression> find_time_expressions(std::string_view text,
                                                  const model::Timestamp& reference);
std::vector<TimeExpression> find_time_expressions(std::string_view text, const TextTokens& tokens,
                                                  const model::Timestamp& reference);

/// One expression as `eventgraph dates` prints it.
struct DateMention {
    std::string_view text;  ///< a view into the text searched
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string value;  ///< "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    model::Granularity granularity = model::Granularity::day;
};

/// find_time_expressions, reduced to what a listing needs.
std::vector<DateMention> list_dates(std::string_view text, date::year_month_day reference);
std::vector<DateMention> list_dates(std::string_view text, const model::Timestamp& reference);

/// "at", "since", "until", "before", "after".
const char* to_string(TimeRelation r);

}  // namespace eventgraph::time

// Dates in text against a publication date known only to the month or the
// year: what the reference leaves open must not be made up.

#include <algorithm>

#include "eventgraph/time/expressions.hpp"

namespace eventgraph::time {

std::vector<TimeExpression> find_time_expressions(std::string_view text,
                                                  const model::Timestamp& reference) {
    const std::vector<text::Token> tokens = text::tokenize(text);
    return find_time_expressions(text, TextTokens{tokens, 0}, reference);
}

std::vector<TimeExpression> find_time_expressions(std::string_view text, const TextTokens& tokens,
                                                  const model::Timestamp& reference) {
    if (reference.granularity == model::Granularity::day)
        return find_time_expressions(text, tokens, reference.day);
    // Resolved against the first and the last day the reference allows: an
    // expression that gives the same date both ways does not depend on the
    // day (or month) left open ("last month" against April, "Oct. 8, 2023");
    // one that does ("yesterday", "on Tuesday") is no more precise than the
    // reference itself.
    const model::DateSpan period = model::span_of(reference, model::DateBasis::relative);
    const auto early = find_time_expressions(text, tokens, period.start);
    auto late = find_time_expressions(text, tokens, period.end);
    for (auto& t : late) {
        const auto same = std::find_if(early.begin(), early.end(), [&](const TimeExpression& e) {
            return e.begin == t.begin && e.end == t.end;
        });
        if (same != early.end() && same->span == t.span) continue;
        model::DateSpan coarse = period;
        coarse.basis = t.span.basis;
        coarse.note = "\"" + std::string(t.text) +
                      "\" is counted from the publication date, known only to the " +
                      model::to_string(reference.granularity) + " (" + model::to_iso(reference) +
                      ")";
        t.span = std::move(coarse);
    }
    return late;
}

std::vector<DateMention> list_dates(std::string_view text, const model::Timestamp& reference) {
    std::vector<DateMention> out;
    for (const TimeExpression& e : find_time_expressions(text, reference))
        out.push_back({e.text, e.begin, e.end, model::date_value(e.span), e.span.granularity});
    return out;
}

}  // namespace eventgraph::time

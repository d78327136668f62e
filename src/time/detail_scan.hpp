#pragma once
// What the date patterns of expressions.cpp read: the words they know, the
// tokens of a text (text::tokenize's, cut finer where dates need it), and the
// calendar rules for dates without a year. Private to src/time.

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "eventgraph/text/tokenize.hpp"

namespace eventgraph::time::detail {

// ---------------------------------------------------------------------------
// Words

enum class W : std::uint8_t {
    none,
    month,    // value 1–12; abbrev for "Sept", "Oct", …
    weekday,  // value 0–6, Sunday first as date::weekday counts
    today,
    tonight,
    yesterday,
    tomorrow,
    last,
    this_,
    next,
    ago,
    unit,    // value: 0 day, 1 week, 2 month, 3 year
    number,  // "two", value 2
    a,       // "a", "an": a determiner, and the number one in "a year ago"
    early,
    mid,
    late,
    earlier,
    later,
    part_of_day,  // night, morning, afternoon, evening
    prep,         // value: a Prep
    of,
    and_or,      // and, or, to: "in June and July", "from 2019 to 2021"
    determiner,  // the, its, his, her, their: "the 2022 election"
    future_cue,
    past_cue,
    count_noun,  // "2000 troops" is a count, not a year
    time_noun,   // end, beginning, half, …: "the end of July"
    season,
    fiscal,
    abbreviation,  // Mr, Gen, …: a period after it does not end a sentence
    set,           // future only in "is set to"
    going,         // future only in "going to"
    won,           // future only in "won't"
    ll,            // "'ll"
    time_word,     // "in two weeks' time"
};

enum Prep : std::uint8_t {
    p_in,
    p_on,
    p_since,
    p_until,
    p_by,
    p_from,
    p_during,
    p_before,
    p_after,
    p_between,
    p_circa,
    p_for
};

struct Entry {
    W w = W::none;
    std::uint8_t value = 0;
    bool abbrev = false;
};

// ---------------------------------------------------------------------------
// Tokens

enum class TK : std::uint8_t { word, number, punct };

struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    TK kind = TK::punct;
    char ch = 0;              // punct: the character; '-' for dashes, '|' for an em dash
    bool cap = false;         // a word starting with an upper-case letter
    bool plain = false;       // a number with no separator and no suffix but an ordinal
    bool ordinal = false;     // "7th"
    bool possessive = false;  // "Tuesday's", "2022's"
    bool new_paragraph = false;
    int digits = 0;
    int value = 0;
    Entry entry;
    std::uint32_t sentence = 0;
    std::uint32_t clause = 0;
};

/// The scanner's tokens of s, from its text tokens `words` (offsets less
/// `base` index s), with their sentence and clause numbers.
void tokenize(std::string_view s, std::span<const text::Token> words, std::size_t base,
              std::vector<Token>& out);

/// Sets each token's sentence and clause.
void mark_sentences(std::vector<Token>& t);

// ---------------------------------------------------------------------------
// Calendar

int days_in_month(int y, unsigned m);
date::year_month add_months(date::year_month ym, int n);

/// The news rule for a month and day without a year: the latest on or before
/// the reference, or the earliest on or after it when `forward`. Feb 29 goes
/// to the nearest leap year in that direction.
date::year_month_day resolve_month_day(unsigned m, unsigned d, date::year_month_day ref,
                                       bool forward);

/// The same for a bare month: the month that holds the reference counts as both.
date::year_month resolve_month(unsigned m, date::year_month_day ref, bool forward);

}  // namespace eventgraph::time::detail

#pragma once
// English words every reader of dates and sentences needs alike: the months,
// the weekdays and the abbreviations whose period is not a full stop.

#include <span>
#include <string_view>

namespace eventgraph::text {

/// The months' English names, lower case, January first.
inline constexpr std::string_view month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

/// The weekdays' English names, lower case, Sunday first (as date::weekday counts).
inline constexpr std::string_view weekday_names[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                                      "thursday", "friday", "saturday"};

/// 1–12 for a month's name or its abbreviation ("July", "jul", "Sept"), in
/// any ASCII case, without a period; 0 for any other word.
unsigned month_number(std::string_view word) noexcept;

/// 0–6 (Sunday first) for a weekday's name or its abbreviation ("Tue",
/// "Tues", "Thurs"), in any ASCII case, without a period; -1 for any other word.
int weekday_number(std::string_view word) noexcept;

/// How an abbreviation's period bears on the end of a sentence.
enum class AbbreviationKind {
    none,
    title,   ///< "Mr.", "Gen.", "St.", "No.", "e.g.": never ends a sentence
    dotted,  ///< "U.S.", "D.C.", "Sept.", initials: ends only before a sentence-starting word
    other,   ///< "Inc.", "Jr.", "etc.", "a.m.": ends before any capitalized word
};

struct Abbreviation {
    std::string_view word;  ///< as written, without its period ("Gen", "etc")
    AbbreviationKind kind;
};

/// The abbreviations known by their word (the tokenizer also knows initials
/// and dotted ones, "U.S.", by their shape).
std::span<const Abbreviation> abbreviations() noexcept;

/// A word (without its period) looked up as written or in capitals ("SEPT"),
/// not in any other case, so that "ill." is not "Ill." (Illinois).
AbbreviationKind listed_abbreviation(std::string_view word) noexcept;

}  // namespace eventgraph::text

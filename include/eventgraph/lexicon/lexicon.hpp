#pragma once
// The actor lexicon: who the names in the news stand for. Loaded from JSON
// lexicon files (data/lexicon/*.json, schemas/lexicon.schema.json) and from
// TABARI/PETRARCH actor dictionaries; later files add entries or override
// earlier ones with the same id.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "eventgraph/model/actor.hpp"

namespace eventgraph::lexicon {

/// A dated role of a person: "Secretary of State" of USA from 2021-01-26 to 2025-01-20.
struct Role {
    std::string title;
    std::string code;  ///< whose role: a country or an organisation code
    std::optional<date::year_month_day> start;  ///< unset: since before the records
    std::optional<date::year_month_day> end;    ///< unset: still holds it

    bool holds_on(date::year_month_day day) const;
};

/// One actor of the lexicon.
struct Entry {
    std::string id;    ///< "RUS", "USA.ANTONY_BLINKEN", "UKR.SUMY_OBLAST", "NATO"
    std::string code;  ///< affiliation when no role applies (a person's nationality)
    std::string name;  ///< display name
    model::ActorKind kind = model::ActorKind::country;
    std::string agent;  ///< for agent entries: military, government, business, …

    std::vector<std::string> names;       ///< names and aliases ("Russia", "Russian Federation")
    std::vector<std::string> adjectives;  ///< adjectives and demonyms ("Russian")
    std::vector<std::string> metonyms;    ///< capitals and seats standing for the state ("Moscow", "the Kremlin")
    std::vector<Role> roles;              ///< for people

    std::string file;       ///< where the entry was read
    std::size_t line = 0;

    /// The actor this entry stands for on a day: a person takes the code and
    /// title of the role held then, else their own code.
    model::Actor actor_on(std::optional<date::year_month_day> day) const;
};

/// A problem found while reading a lexicon that did not stop the reading.
struct Warning {
    std::string file;
    std::size_t line = 0;
    std::string message;
};

class Lexicon {
public:
    /// Adds an entry; one with the same id replaces the earlier one.
    void add(Entry entry);
    const Entry* find(std::string_view id) const;
    const std::vector<Entry>& entries() const noexcept { return entries_; }

    const std::vector<Warning>& warnings() const noexcept { return warnings_; }
    void warn(Warning w) { warnings_.push_back(std::move(w)); }

private:
    std::vector<Entry> entries_;
    std::vector<std::pair<std::string, std::size_t>> index_;  // id → position, sorted by id
    std::vector<Warning> warnings_;
};

}  // namespace eventgraph::lexicon

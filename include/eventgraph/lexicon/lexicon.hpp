#pragma once
// The actor lexicon: who the names in the news stand for. Loaded from JSON
// lexicon files (data/lexicon/*.json, schemas/lexicon.schema.json) and from
// TABARI/PETRARCH actor dictionaries; later files add entries or override
// earlier ones with the same id.

#include <date/date.h>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "eventgraph/model/actor.hpp"

namespace eventgraph::lexicon {

/// Hashes strings and string views alike, so lookups by a view copy nothing.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

/// A dated role of a person: "Secretary of State" of USA from 2021-01-26 to 2025-01-20.
struct Role {
    std::string title;
    std::string code;                           ///< whose role: a country or an organisation code
    std::optional<date::year_month_day> start;  ///< unset: since before the records
    std::optional<date::year_month_day> end;    ///< unset: still holds it
    std::string cameo;  ///< the role's CAMEO code ("USAGOV"); "" until compose_cameo()

    /// Both ends are included, as in TABARI ("or equal to"): on a handover
    /// day the outgoing and the incoming holder both hold the role.
    /// Held from the start day up to, not including, the end day (the successor's).
    bool holds_on(date::year_month_day day) const;

    friend bool operator==(const Role&, const Role&) = default;
};

/// One actor of the lexicon.
struct Entry {
    std::string id;    ///< "RUS", "USA.ANTONY_BLINKEN", "UKR.SUMY_OBLAST", "NATO"
    std::string code;  ///< affiliation when no role applies (a person's nationality)
    std::string name;  ///< display name
    model::ActorKind kind = model::ActorKind::country;
    std::string agent;  ///< for agent entries: military, government, business, …
    /// CAMEO code when no role applies: given (TABARI, JSON "cameo") or made
    /// by compose_cameo(); agents: "---" + their agent codes ("---MIL").
    std::string cameo;

    std::vector<std::string> names;       ///< names and aliases ("Russia", "Russian Federation")
    std::vector<std::string> adjectives;  ///< adjectives and demonyms ("Russian")
    std::vector<std::string>
        metonyms;  ///< capitals and seats standing for the state ("Moscow", "the Kremlin")
    std::vector<Role> roles;  ///< for people

    std::string file;  ///< where the entry was read
    std::size_t line = 0;

    /// The actor this entry stands for on a day: a person takes the code and
    /// title of the role held then, else their own code and no role. Of two
    /// roles held the same day the one that began later wins (a new
    /// appointment supersedes on a handover day; a concurrent chair is the
    /// newer hat); equal starts: the one listed first.
    model::Actor actor_on(std::optional<date::year_month_day> day) const;
};

/// A problem found while reading a lexicon that did not stop the reading.
struct Warning {
    std::string file;
    std::size_t line = 0;
    std::string message;
    std::string kind;  ///< a short class for summaries: "unknown-code", "bad-date", "overlap", …
};

/// "FILE:LINE: message", as errors are written.
std::string to_string(const Warning& w);

class Lexicon {
public:
    /// Adds an entry; one with the same id replaces the earlier one in place.
    void add(Entry entry);
    /// Room for this many entries in all, before adding them.
    void reserve(std::size_t entries);
    /// Adds the entry's names, adjectives, metonyms and roles to the entry
    /// with its id; throws lexicon_error (at the entry's file and line) if
    /// there is none.
    void merge(const Entry& entry);
    const Entry* find(std::string_view id) const;
    const std::vector<Entry>& entries() const noexcept { return entries_; }
    std::size_t size() const noexcept { return entries_.size(); }
    /// Moves the entries out, leaving the lexicon without entries (its
    /// warnings stay): for a lexicon read only to be added to another.
    std::vector<Entry> take_entries();

    const std::vector<Warning>& warnings() const noexcept { return warnings_; }
    void warn(Warning w) { warnings_.push_back(std::move(w)); }

private:
    std::vector<Entry> entries_;
    StringMap<std::size_t> index_;  // id → position in entries_
    std::vector<Warning> warnings_;
};

}  // namespace eventgraph::lexicon

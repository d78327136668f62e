#include "eventgraph/lexicon/lexicon.hpp"

#include <algorithm>

#include "eventgraph/error.hpp"

namespace eventgraph::lexicon {

bool Role::holds_on(date::year_month_day day) const {
    if (start && day < *start) return false;
    // The end day is the successor's: data gives a handover as one role's
    // end and the next one's start on the same day.
    if (end && !(day < *end)) return false;
    return true;
}

namespace {

// An unset start means "since before the records": earlier than any date.
bool starts_later(const Role& a, const Role& b) {
    if (!a.start) return false;
    if (!b.start) return true;
    return *b.start < *a.start;
}

template <typename T>
void append_new(std::vector<T>& to, const std::vector<T>& from) {
    for (const T& x : from)
        if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
}

}  // namespace

model::Actor Entry::actor_on(std::optional<date::year_month_day> day) const {
    model::Actor actor{id, code, name, kind, {}, agent, cameo, std::nullopt};
    if (!day) return actor;
    const Role* best = nullptr;
    for (const Role& r : roles)
        if (r.holds_on(*day) && (!best || starts_later(r, *best))) best = &r;
    if (best) {
        actor.code = best->code;
        actor.role = best->title;
        actor.cameo = best->cameo;
    }
    return actor;
}

std::string to_string(const Warning& w) {
    std::string s = w.file;
    if (w.line != 0) s.append(":").append(std::to_string(w.line));
    return s.append(": ").append(w.message);
}

void Lexicon::add(Entry entry) {
    if (auto it = index_.find(entry.id); it != index_.end()) {
        entries_[it->second] = std::move(entry);
        return;
    }
    index_.emplace(entry.id, entries_.size());
    entries_.push_back(std::move(entry));
}

void Lexicon::reserve(std::size_t entries) {
    entries_.reserve(entries);
    index_.reserve(entries);
}

void Lexicon::merge(const Entry& entry) {
    const auto it = index_.find(entry.id);
    if (it == index_.end())
        throw lexicon_error(entry.file, entry.line,
                            "merge: no entry \"" + entry.id + "\" loaded before to merge into");
    Entry& into = entries_[it->second];
    append_new(into.names, entry.names);
    append_new(into.adjectives, entry.adjectives);
    append_new(into.metonyms, entry.metonyms);
    append_new(into.roles, entry.roles);
}

std::vector<Entry> Lexicon::take_entries() {
    index_.clear();
    return std::move(entries_);
}

const Entry* Lexicon::find(std::string_view id) const {
    const auto it = index_.find(id);
    return it == index_.end() ? nullptr : &entries_[it->second];
}

}  // namespace eventgraph::lexicon

// Mentions from matches: the chunking of step 3 of the design's extraction
// outline, for actors only.

#include <algorithm>
#include <array>

#include "eventgraph/lexicon/cameo.hpp"
#include "eventgraph/lexicon/matcher.hpp"
#include "eventgraph/text/ascii.hpp"

namespace eventgraph::lexicon {

namespace {

using text::Token;
using text::TokenKind;

bool in(std::span<const std::string_view> list, std::string_view key) {
    return std::find(list.begin(), list.end(), key) != list.end();
}

// Words between a title and a name that still belong to the title.
constexpr std::string_view connectors[] = {"of", "for", "and", "the", "on"};

// Lower-case words that may sit inside a person's name: "Osama bin Laden".
constexpr std::string_view particles[] = {"al",  "bin", "da", "de",  "del", "der", "di",
                                          "dos", "du",  "el", "ibn", "la",  "le",  "van"};

// Capitalized words after a title that are not a name: institutions,
// months and days ("Russian State Duma", "Defense Ministry", "in May").
constexpr std::string_view not_names[] = {
    "administration", "agency",     "april",     "army",       "assembly",  "august",
    "bank",           "cabinet",    "command",   "commission", "committee", "company",
    "congress",       "corps",      "council",   "court",      "december",  "department",
    "duma",           "embassy",    "february",  "federation", "force",     "forces",
    "friday",         "government", "group",     "guard",      "house",     "institute",
    "january",        "july",       "june",      "kingdom",    "march",     "may",
    "media",          "ministry",   "monday",    "navy",       "november",  "october",
    "office",         "parliament", "party",     "police",     "republic",  "saturday",
    "senate",         "september",  "service",   "sunday",     "thursday",  "tuesday",
    "union",          "university", "wednesday",
};

// Words that never modify an agent noun: "Russia says troops …" is not
// Russia's military, "Russian drones hit troops" is not either.
constexpr std::string_view not_modifiers[] = {
    "a",      "about", "after", "against", "also",  "an",   "and",   "are",  "as",   "at",   "be",
    "been",   "but",   "by",    "can",     "could", "did",  "does",  "for",  "from", "had",  "has",
    "have",   "he",    "her",   "his",     "hit",   "in",   "into",  "is",   "it",   "its",  "may",
    "might",  "more",  "not",   "of",      "on",    "or",   "over",  "said", "say",  "says", "she",
    "should", "than",  "that",  "the",     "their", "them", "they",  "this", "to",   "told", "was",
    "were",   "which", "while", "who",     "will",  "with", "would",
};

// Surnames of the lexicon that are too often something else to stand
// alone without an earlier full name: "May", "Rice", "King".
constexpr std::string_view weak_surnames[] = {
    "black", "brown", "bush", "faith", "grant", "gray",  "green", "hope",
    "king",  "long",  "love", "march", "mark",  "may",   "moon",  "price",
    "rice",  "rose",  "sun",  "white", "will",  "young", "hill",  "li",
};

// "KURT_CAMPBELL" from "Kurt M. Campbell": initials drop out, ASCII letters
// are raised, other letters are kept as they are.
std::string id_part(std::string_view text, std::span<const Token> toks) {
    std::string out;
    for (const Token& t : toks) {
        const std::string_view w = t.text(text);
        if (t.kind != TokenKind::word || (t.has(text::abbreviation) && w.size() <= 2)) continue;
        if (!out.empty()) out += '_';
        for (char c : w) {
            if (c == '.' || c == '\'') continue;
            if (c == '-' || c == ' ') {
                out += '_';
            } else {
                out += (c >= 'a' && c <= 'z') ? char(c - 32) : c;
            }
        }
    }
    return out;
}

// An agent of an actor: the actor's CAMEO code and the agent's codes
// ("RUS" and "---MIL" → "RUSMIL"; "IGOWSTNAT" and "MIL" → "IGOWSTNATMIL").
std::string agent_cameo(const model::Actor& of, const Entry& agent) {
    std::string_view codes = agent.cameo;
    if (codes.substr(0, 3) == "---") codes.remove_prefix(3);
    if (codes.empty()) codes = cameo_agent_code(agent.agent);
    const std::string_view base =
        of.cameo.empty() ? std::string_view(of.code) : std::string_view(of.cameo);
    // "State Department officials": the department is its government already.
    if (codes.empty() || base.ends_with(codes)) return std::string(base);
    return compose_cameo(base, codes);
}

class Resolver {
public:
    Resolver(const ActorMatcher& m, std::string_view text, std::span<const Token> tokens,
             std::span<const Match> matches, ArticleContext& ctx)
        : m_(m),
          text_(text),
          toks_(tokens),
          matches_(matches),
          ctx_(ctx),
          starts_(tokens.size(), -1),
          covered_(tokens.size(), -1),
          used_(tokens.size(), false) {
        keys_.resize(tokens.size());
        have_key_.resize(tokens.size(), false);
        for (std::size_t i = 0; i < matches.size(); ++i) {
            starts_[matches[i].first_token] = int(i);
            for (std::size_t k = matches[i].first_token; k < matches[i].last_token; ++k)
                covered_[k] = int(i);
        }
    }

    std::vector<Mention> run() {
        for (std::size_t i = 0; i < matches_.size(); ++i) {
            const Match& mt = matches_[i];
            if (used_[mt.first_token] || used_[mt.last_token - 1]) continue;
            const Entry& e = m_.entry(mt.entry);
            if (affiliation(mt) && (titled_person(mt) || agent_of(mt))) continue;
            if (e.kind == model::ActorKind::person && mt.kind == MatchKind::name &&
                !mt.in_compound) {
                person(mt);
            } else if (mt.kind == MatchKind::agent) {
                Mention x = base(mt.first_token, mt.last_token, mt);
                x.actor = actor_of(e, ctx_.day());
                x.actor.code.clear();
                x.entry = no_entry;
                x.agent_entry = mt.entry;
                push(std::move(x));
            } else {
                Mention x = base(mt.first_token, mt.last_token, mt);
                x.actor = actor_of(e, ctx_.day());
                x.entry = mt.entry;
                push(std::move(x));
            }
        }
        surnames();
        std::sort(out_.begin(), out_.end(),
                  [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
        return std::move(out_);
    }

private:
    // Keys are made on demand: most tokens are never looked at.
    const std::string& key(std::size_t i) const {
        if (!have_key_[i]) {
            text::append_match_key(toks_[i].text(text_), toks_[i].kind, keys_[i]);
            have_key_[i] = true;
        }
        return keys_[i];
    }

    bool word(std::size_t i) const { return i < toks_.size() && toks_[i].kind == TokenKind::word; }
    bool free(std::size_t i) const { return i < toks_.size() && covered_[i] < 0 && !used_[i]; }
    const Match* match_at(std::size_t i) const {
        return i < toks_.size() && starts_[i] >= 0 ? &matches_[std::size_t(starts_[i])] : nullptr;
    }
    bool title_word(std::size_t i) const {
        // (an article is no title, whatever a dictionary's role names begin with)
        return word(i) && free(i) && !toks_[i].has(text::possessive) && key(i) != "the" &&
               key(i) != "a" && key(i) != "an" && m_.is_title_word(key(i));
    }

    bool affiliation(const Match& mt) const {
        if (mt.in_compound || mt.kind == MatchKind::agent) return false;
        const auto k = m_.entry(mt.entry).kind;
        return k == model::ActorKind::country || k == model::ActorKind::organisation ||
               k == model::ActorKind::group || k == model::ActorKind::place;
    }

    Mention base(std::size_t first, std::size_t last, const Match& mt) const {
        Mention x;
        x.first_token = first;
        x.last_token = last;
        x.begin = std::min(toks_[first].begin, mt.begin);
        x.end = std::max(toks_[last - 1].end, mt.end);
        if (first == mt.first_token) x.begin = mt.begin;
        if (last == mt.last_token) x.end = mt.end;
        x.kind = mt.kind;
        x.in_compound = mt.in_compound;
        return x;
    }

    void push(Mention x) {
        for (std::size_t k = x.first_token; k < x.last_token; ++k) used_[k] = true;
        out_.push_back(std::move(x));
    }

    std::size_t after_possessive(std::size_t i) const {
        return i < toks_.size() && toks_[i].has(text::possessive) ? i + 1 : i;
    }

    // A run of title words from i: "Deputy Secretary of State", "Foreign
    // Ministry spokesperson" (an agent noun inside a title is part of it).
    // Returns the end of the run; real is set if a title word is in it.
    std::size_t title_run(std::size_t i, bool& real) const {
        std::size_t j = i, good = i;
        real = false;
        while (j < toks_.size()) {
            if (const Match* a = match_at(j); a && a->kind == MatchKind::agent && !used_[j]) {
                j = a->last_token;
                good = j;
                continue;
            }
            if (title_word(j)) {
                ++j;
                good = j;
                real = true;
                continue;
            }
            if (j > i && word(j) && free(j) && in(connectors, key(j))) {
                ++j;
                continue;
            }
            break;
        }
        return good;
    }

    // Capitalized words from i that look like a person's name, not in the
    // lexicon: "Kurt Campbell", "Osama bin Laden", "Kurt M. Campbell".
    std::size_t name_words(std::size_t i) const {
        std::size_t j = i, good = i;
        int n = 0;
        while (j < toks_.size() && n < 4) {
            const Token& t = toks_[j];
            if (!word(j) || !free(j) || t.has(text::possessive)) break;
            const std::string_view k = key(j);
            if (t.is_capitalized()) {
                const bool initial = t.has(text::abbreviation) && k.size() == 1;
                if (!initial && (m_.is_title_word(k) || in(not_names, k))) break;
                if (!initial && t.is_all_caps() && k.size() <= 3) break;  // an acronym
                if (!initial && k.size() < 2) break;
                ++j;
                good = j;
                ++n;
                continue;
            }
            if (n > 0 && in(particles, k) && j + 1 < toks_.size() &&
                toks_[j + 1].is_capitalized()) {
                ++j;
                continue;
            }
            break;
        }
        return good;
    }

    std::string slice(std::size_t first, std::size_t last) const {
        return std::string(
            text_.substr(toks_[first].begin, toks_[last - 1].end - toks_[first].begin));
    }

    std::vector<std::string> name_keys(std::size_t first, std::size_t last) const {
        std::vector<std::string> keys;
        for (std::size_t k = first; k < last; ++k)
            if (word(k) && !toks_[k].has(text::possessive)) keys.push_back(key(k));
        return keys;
    }

    // Affiliation, title, name: "U.S. Deputy Secretary of State Kurt Campbell",
    // "NATO Secretary General Jens Stoltenberg", "Kremlin spokesman Dmitry Peskov".
    bool titled_person(const Match& aff) {
        const std::size_t run_begin = after_possessive(aff.last_token);
        bool real = false;
        const std::size_t run_end = title_run(run_begin, real);
        if (!real) return false;
        const Entry& org = m_.entry(aff.entry);

        if (const Match* p = match_at(run_end);
            p && !used_[run_end] && p->kind == MatchKind::name && !p->in_compound &&
            m_.entry(p->entry).kind == model::ActorKind::person) {
            Mention x = base(aff.first_token, p->last_token, *p);
            x.begin = aff.begin;
            x.actor = actor_of(m_.entry(p->entry), ctx_.day());
            if (x.actor.role.empty()) {
                // No role known for the day (or no day): the text's own affiliation
                // and title say whose the person is: "U.N. Secretary-General Kofi Annan".
                x.actor.role = slice(run_begin, run_end);
                if (!org.code.empty()) {
                    x.actor.code = org.code;
                    x.actor.cameo = affiliation_cameo(org);
                }
            }
            x.entry = p->entry;
            ctx_.remember({x.actor, name_keys(p->first_token, p->last_token), p->entry});
            push(std::move(x));
            return true;
        }

        const std::size_t name_end = name_words(run_end);
        if (name_end == run_end || org.code.empty()) return false;
        Mention x;
        x.first_token = aff.first_token;
        x.last_token = name_end;
        x.begin = aff.begin;
        x.end = toks_[name_end - 1].end;
        x.kind = MatchKind::name;
        x.basis = MentionBasis::titled_name;
        x.actor.kind = model::ActorKind::person;
        x.actor.code = org.code;
        x.actor.cameo = affiliation_cameo(org);
        x.actor.id = org.code + "." + id_part(text_, toks_.subspan(run_end, name_end - run_end));
        x.actor.name = slice(run_end, name_end);
        x.actor.role = slice(run_begin, run_end);
        ctx_.remember({x.actor, name_keys(run_end, name_end), no_entry});
        push(std::move(x));
        return true;
    }

    // The holder of a title the text gives: "Kremlin spokesman Dmitry Peskov"
    // is Russia's government, "U.N. Secretary-General Kofi Annan" the UN's.
    std::string affiliation_cameo(const Entry& org) const {
        const model::Actor a = actor_of(org, ctx_.day());
        if (org.kind == model::ActorKind::country) return compose_cameo(a.cameo, "GOV");
        return a.cameo;
    }

    // Affiliation and agent noun: "Russian troops", "Chinese banks", "Iran's
    // foreign ministry", "U.S. officials", "Chinese state media".
    bool agent_of(const Match& aff) {
        const bool possessive =
            aff.last_token < toks_.size() && toks_[aff.last_token].has(text::possessive);
        const std::size_t from = after_possessive(aff.last_token);
        // After a plain name only capitalized modifiers ("U.S. Defense officials"):
        // a lower-case word there is most often the verb ("Russia says troops").
        const bool name_only = aff.kind != MatchKind::adjective && !possessive;
        std::size_t j = from;
        for (int mods = 0; j < toks_.size(); ++j, ++mods) {
            if (const Match* a = match_at(j); a && a->kind == MatchKind::agent && !used_[j]) {
                const Entry& org = m_.entry(aff.entry);
                if (org.code.empty()) return false;
                push_agent(aff.first_token, aff.begin, *a, actor_of(org, ctx_.day()),
                           org.adjectives.empty() ? org.name : org.adjectives.front(), aff.entry);
                return true;
            }
            if (mods >= 2 || !word(j) || !free(j) || toks_[j].has(text::possessive)) return false;
            const std::string_view k = key(j);
            if (in(not_modifiers, k)) return false;
            if (name_only && !toks_[j].is_capitalized()) return false;
            // Of two modifiers the first is not plural or a participle: "drones hit".
            if (mods == 0 && (k.ends_with("s") || k.ends_with("ed"))) {
                const Match* next = match_at(j + 1);
                if (!(next && next->kind == MatchKind::agent)) return false;
            }
        }
        return false;
    }

    // The agent noun `a` of an actor `of` as one mention from token `first`
    // (byte `begin`): "Russian troops" (RUSMIL), "the Trump administration" (USAGOV).
    void push_agent(std::size_t first, std::size_t begin, const Match& a, const model::Actor& of,
                    const std::string& of_name, std::size_t of_entry) {
        const Entry& ag = m_.entry(a.entry);
        Mention x = base(first, a.last_token, a);
        x.begin = begin;
        x.kind = MatchKind::agent;
        std::string agent = ag.agent;
        if (agent.empty()) {
            agent = ag.id.rfind("AGENT.", 0) == 0 ? ag.id.substr(6) : ag.name;
            agent = text::ascii_lower(agent);
        }
        std::string upper = agent;
        for (char& c : upper) c = (c >= 'a' && c <= 'z') ? char(c - 32) : (c == ' ' ? '_' : c);
        x.actor.id = of.code + "." + upper;
        x.actor.code = of.code;
        x.actor.cameo = agent_cameo(of, ag);
        x.actor.kind = model::ActorKind::agent;
        x.actor.agent = agent;
        x.actor.name = of_name + " " + agent;
        x.entry = of_entry;
        x.agent_entry = a.entry;
        push(std::move(x));
    }

    // A lexicon person, with the titles written before the name.
    void person(const Match& mt) {
        std::size_t first = mt.first_token;
        while (first > 0 && (title_word(first - 1) ||
                             (first >= 2 && word(first - 1) && free(first - 1) &&
                              in(connectors, key(first - 1)) && title_word(first - 2)))) {
            --first;
        }
        Mention x = base(first, mt.last_token, mt);
        x.actor = actor_of(m_.entry(mt.entry), ctx_.day());
        if (x.actor.role.empty() && first < mt.first_token)
            x.actor.role = slice(first, mt.first_token);
        x.entry = mt.entry;
        ctx_.remember({x.actor, name_keys(mt.first_token, mt.last_token), mt.entry});
        // "the Trump administration", "Putin's government": the leader's country's agent.
        const std::size_t after = after_possessive(mt.last_token);
        const Match* a = match_at(after);
        if (a && a->kind == MatchKind::agent && !used_[after] && !x.actor.code.empty() &&
            !mt.in_compound) {
            model::Actor country;
            country.code = x.actor.code;
            push_agent(first, x.begin, *a, country, slice(mt.first_token, mt.last_token), no_entry);
            return;
        }
        push(std::move(x));
    }

    // "Campbell said": a surname alone is the person named before in the
    // article, else a lexicon person if only one has that surname.
    void surnames() {
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            const Token& t = toks_[i];
            if (!word(i) || !free(i) || !t.is_capitalized() || t.has(text::abbreviation)) continue;
            const std::string& k = key(i);
            if (t.is_all_caps() && k.size() <= 3) continue;
            const ArticleContext::Person* p = ctx_.by_surname(k);
            ArticleContext::Person found;
            if (!p) {
                const auto ids = m_.people_with_surname(k);
                if (ids.size() != 1 || in(weak_surnames, k) || m_.is_title_word(k)) continue;
                const Entry& e = m_.entry(ids[0]);
                found.actor = actor_of(e, ctx_.day());
                found.entry = ids[0];
                const auto toks = text::tokenize(e.name);
                for (const auto& nt : toks)
                    if (nt.kind == TokenKind::word)
                        found.name_keys.push_back(text::match_key(nt.text(e.name)));
                p = &found;
            }
            // Take in the first names and titles written before it.
            std::size_t first = i;
            std::size_t left = p->name_keys.size() - 1;  // name words before the surname
            while (first > 0 && left > 0 && free(first - 1) &&
                   key(first - 1) == p->name_keys[left - 1]) {
                --first;
                --left;
            }
            while (first > 0 && title_word(first - 1)) --first;
            Mention x;
            x.first_token = first;
            x.last_token = i + 1;
            x.begin = toks_[first].begin;
            x.end = t.end;
            x.kind = MatchKind::name;
            x.basis = MentionBasis::surname;
            x.actor = p->actor;
            x.entry = p->entry;
            if (p == &found) ctx_.remember(found);
            push(std::move(x));
        }
    }

    const ActorMatcher& m_;
    std::string_view text_;
    std::span<const Token> toks_;
    std::span<const Match> matches_;
    ArticleContext& ctx_;
    mutable std::vector<std::string> keys_;
    mutable std::vector<bool> have_key_;
    std::vector<int> starts_;   // token → the match starting there
    std::vector<int> covered_;  // token → the match covering it
    std::vector<bool> used_;    // token → in a mention already
    std::vector<Mention> out_;
};

}  // namespace

const char* to_string(MentionBasis b) {
    switch (b) {
        case MentionBasis::lexicon:
            return "lexicon";
        case MentionBasis::titled_name:
            return "titled_name";
        case MentionBasis::surname:
            return "surname";
    }
    return "?";
}

model::Actor actor_of(const Entry& entry, std::optional<date::year_month_day> day) {
    return entry.actor_on(day);
}

void ArticleContext::remember(Person person) {
    if (person.name_keys.empty()) return;
    // One-word names ("Putin" after "President Putin") are surnames too.
    const std::string surname = person.name_keys.back();
    const auto it = by_surname_.find(surname);
    if (it != by_surname_.end() && people_[it->second].actor.id == person.actor.id) {
        // The same person again: keep the fuller name, never grow.
        if (person.name_keys.size() > people_[it->second].name_keys.size())
            people_[it->second] = std::move(person);
        return;
    }
    people_.push_back(std::move(person));
    by_surname_.insert_or_assign(surname, people_.size() - 1);
}

const ArticleContext::Person* ArticleContext::by_surname(std::string_view key) const {
    const auto it = by_surname_.find(key);
    return it == by_surname_.end() ? nullptr : &people_[it->second];
}

std::vector<Mention> resolve_mentions(const ActorMatcher& matcher, std::string_view text,
                                      std::span<const text::Token> tokens,
                                      std::span<const Match> matches, ArticleContext& context) {
    return Resolver(matcher, text, tokens, matches, context).run();
}

std::vector<Mention> find_actors(const ActorMatcher& matcher, std::string_view text,
                                 std::optional<date::year_month_day> day) {
    const text::Tokenized t = text::tokenize_text(text);
    ArticleContext ctx(day);
    std::vector<Mention> out;
    std::vector<Match> matches;
    for (std::size_t s = 0; s < t.sentences.size(); ++s) {
        const auto& sen = t.sentences[s];
        const std::span<const Token> toks(t.tokens.data() + sen.first_token, sen.size());
        matcher.match(text, toks, matches);
        for (Mention& m : resolve_mentions(matcher, text, toks, matches, ctx)) {
            m.first_token += sen.first_token;
            m.last_token += sen.first_token;
            m.sentence = s;
            out.push_back(std::move(m));
        }
    }
    return out;
}

}  // namespace eventgraph::lexicon

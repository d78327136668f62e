// Clauses from their markers (subordinators, relatives, "that", coordinated
// verb phrases), the subject of each clause, and the actors right of a
// predicate with the prepositions that govern them.

#include "detail_analyser.hpp"
#include "eventgraph/lexicon/cameo.hpp"

namespace eventgraph::extract::detail {

void Analyser::split_clauses(std::size_t b, std::size_t e) {
    Clause c{b, e, ClauseKind::main, -1};
    if (speaker_ && speaker_->infinitive && b == speaker_->frame_end)
        c.kind = ClauseKind::complement;
    auto close = [&](std::size_t at, ClauseKind next, int antecedent) {
        c.end = at;
        if (c.end > c.begin) clauses_.push_back(c);
        c = Clause{at, e, next, antecedent};
    };
    for (std::size_t i = b; i < e; ++i) {
        const auto k = key(i);
        // "The International Labor Office (ILO) said": a name in brackets is no clause.
        if (punct(i, "(") && mention(i + 1) && punct(mention(i + 1)->last_token, ")")) {
            i = mention(i + 1)->last_token;
            continue;
        }
        if (punct(i, ";") || punct(i, ":") || punct(i, "(") || punct(i, ")")) {
            close(i + 1, ClauseKind::main, -1);
            continue;
        }
        if (i == c.begin) {
            if (is(i, wc_conditionals)) c.kind = ClauseKind::conditional;  // "If Russia attacks, …"
            continue;
        }
        // "If Russia attacks Poland, NATO will defend it": the condition ends where
        // a subject and its verb follow a comma.
        if (c.kind == ClauseKind::conditional && comma(i - 1) && starts_clause(i, e)) {
            close(i, ClauseKind::main, -1);
            continue;
        }
        if (is(i, wc_conditionals)) {
            close(i, ClauseKind::conditional, -1);
        } else if (is(i, wc_subordinators) && !(k == "since" || k == "after" || k == "before" ||
                                                k == "despite" || k == "amid")) {
            close(i, ClauseKind::subordinate, -1);
        } else if ((k == "despite" || k == "amid") && i > b && comma(i - 1)) {
            close(i, ClauseKind::subordinate, -1);
        } else if ((k == "after" || k == "before" || k == "since") && starts_clause(i + 1, e)) {
            // "after Russia attacked …" is a clause; "after the attack" is not.
            close(i, ClauseKind::subordinate, -1);
        } else if (is(i, wc_relatives)) {
            std::size_t a = i;
            while (a > c.begin && comma(a - 1)) --a;
            close(i, ClauseKind::relative, a > 0 && mention(a - 1) ? mention_at_[a - 1] : -1);
        } else if (k == "that" && i > b && !is(i - 1, wc_prepositions) &&
                   !is(i - 1, wc_determiners)) {
            // after an actor "that" is relative ("Russia, that …"), else it opens what is said or
            // asked
            const bool relative = mention(i - 1) != nullptr;
            close(i, relative ? ClauseKind::relative : ClauseKind::complement,
                  relative ? mention_at_[i - 1] : -1);
        } else if (k == "and" || k == "but" || k == "or") {
            // Verb phrases joined: "… and in return is receiving …", "… and become …".
            std::size_t x = i + 1;
            while (x < e && (adverb(x) || key(x) == "in" || key(x) == "return" || key(x) == "then"))
                ++x;
            const bool vp = x < e && (auxiliary(x) || verb_trigger(x));
            // (not in a list of subjects: "Mordor, Fornost, and Gondor welcomed")
            bool verb_before = false;
            for (std::size_t y = c.begin; y < i && !verb_before; ++y)
                verb_before = verb_trigger(y) || auxiliary(y);
            const bool new_subject = comma(i - 1) && verb_before && x < e && mention(x) && [&] {
                std::size_t y = mention(x)->last_token;
                while (y < e && adverb(y)) ++y;
                return y < e && (auxiliary(y) || verb_trigger(y));
            }();
            if (vp)
                close(i, ClauseKind::coordinate, -1);
            else if (new_subject)
                close(i, ClauseKind::main, -1);
        } else if (comma(i - 1) && verb_trigger(i) &&
                   (reading_[std::size_t(trigger_at_[i])].form == VerbForm::gerund ||
                    reading_[std::size_t(trigger_at_[i])].form == VerbForm::third ||
                    reading_[std::size_t(trigger_at_[i])].form == VerbForm::past)) {
            // ", killing two civilians", ", receives military tech"
            close(i, ClauseKind::participle, -1);
        }
    }
    c.end = e;
    if (c.end > c.begin) clauses_.push_back(c);
}

// An actor or pronoun followed by a verb: the start of a clause.
bool Analyser::starts_clause(std::size_t i, std::size_t e) const {
    std::size_t j = i;
    if (const auto* m = mention(i)) {
        j = m->last_token;
        // "after Calenardhon crowds burned": the actor's noun, then its verb
        if (j + 1 < e && verb_trigger(j + 1) &&
            trigger_first(std::size_t(trigger_at_[j + 1])) == j + 1 &&
            reading_[std::size_t(trigger_at_[j + 1])].form == VerbForm::past && plain_noun(j))
            return true;
    } else if (is(i, wc_pronouns))
        j = i + 1;
    else
        return false;
    while (j < e && adverb(j)) ++j;
    return j < e && (auxiliary(j) || verb_trigger(j));
}

// The preposition that governs the token at i, looking left no further than lo.
std::optional<std::size_t> Analyser::governing_prep(std::size_t i, std::size_t lo) const {
    // "on Wednesday they would …": a subject pronoun is no preposition's object
    // (that would be "them", "him", "us").
    const auto k0 = key(i);
    if (k0 == "they" || k0 == "he" || k0 == "she" || k0 == "we") return std::nullopt;
    for (std::size_t k = i; k-- > lo;) {
        if (verb_trigger(k) || punct(k, ";")) return std::nullopt;
        // "with the president of Armenia", "to the people of X": the "of" after a
        // title or a body hands the actor to the preposition before them.
        if (key(k) == "of" && k > lo && is(k - 1, wc_heads_of)) continue;
        // "up to 16 Russian advisers", "as many as 20": quantities, not prepositions.
        if ((key(k) == "to" && k > lo && key(k - 1) == "up") ||
            (key(k) == "as" && k + 1 < n_ && key(k + 1) == "many"))
            continue;
        if (is(k, wc_prepositions) && !mention(k)) return k;
        if (auxiliary(k) || is(k, wc_relatives) || key(k) == "that") return std::nullopt;
    }
    return std::nullopt;
}

// "Russia's strike", "Russia's full-scale invasion": a possessive before a trigger noun.
std::optional<std::size_t> Analyser::possessed_trigger(const lexicon::Mention& m) const {
    if (!possessive(m.last_token)) return std::nullopt;
    for (std::size_t k = m.last_token + 1; k < n_ && k <= m.last_token + 4; ++k) {
        if (trigger_at_[k] >= 0)
            return is_verb_[std::size_t(trigger_at_[k])]
                       ? std::nullopt
                       : std::optional<std::size_t>(trigger_at_[k]);
        if (!s_.tokens[k].is_lowercase() || mention(k)) break;
    }
    return std::nullopt;
}

std::optional<Actor> Analyser::pronoun_actor(std::string_view k) const {
    // "Hungary has said it will support …": the speaker.
    if (speaker_ && speaker_->actor && !speaker_->anonymous) {
        const bool person = speaker_->actor->kind == ActorKind::person;
        if (person == (k == "he" || k == "she")) return speaker_->actor;
    }
    if (k == "he" || k == "she") return d_.last_person;
    if (k == "it" || k == "they" || k == "we") return d_.last_subject;
    return std::nullopt;
}

// The subject of the clause's first predicate: the actors left of it
// that no preposition governs, with those coordinated to them.
std::optional<Subject> Analyser::subject_before(std::size_t verb, const Clause& c) const {
    std::size_t lo = c.begin;
    if (lo < n_ && (is(lo, wc_subordinators) || is(lo, wc_relatives) || key(lo) == "that" ||
                    key(lo) == "and" || key(lo) == "but" || key(lo) == "or"))
        ++lo;
    int chosen = -1, of_noun = -1;
    std::size_t of_prep = n_;
    const lexicon::Mention* of_first = nullptr;
    std::size_t pronoun_at = n_;
    bool event_noun = false;
    for (std::size_t i = lo; i < verb; ++i) {
        if (const auto* m = mention(i)) {
            const int idx = mention_at_[i];
            i = m->last_token - 1;
            if (const auto p = governing_prep(m->first_token, lo)) {
                // the last of those the noun's preposition governs: "in Fornost and Gondor"
                if (of_noun < 0 ? actor_of_noun(*m, lo) != nullptr : *p == of_prep) {
                    if (of_noun < 0) of_first = m;
                    of_noun = idx;
                    of_prep = *p;
                }
                continue;
            }
            // An adjective heads a subject with its noun: "The Turkish and Greek
            // sides agreed", "Iraqi Kurds sought"; not inside a compound.
            if (!actor_like(*m) && (m->in_compound || m->last_token >= verb)) continue;
            if (possessed_trigger(*m)) continue;
            chosen = idx;
        } else if (comma(i) && chosen >= 0 &&
                   (key(i + 1) == "a" || key(i + 1) == "an" || key(i + 1) == "the")) {
            std::size_t j = i + 1;
            while (j < verb && !comma(j)) ++j;
            if (j < verb) i = j;  // skip the apposition up to its closing comma
        } else if (is(i, wc_pronouns) && !governed(i, lo)) {
            pronoun_at = i;
            chosen = -1;
        } else if (trigger_at_[i] >= 0 && !is_verb_[std::size_t(trigger_at_[i])] && chosen < 0 &&
                   !governed(trigger_first(std::size_t(trigger_at_[i])), lo) &&
                   trigger_last(std::size_t(trigger_at_[i])) == verb) {
            // an event noun right before the verb is its subject: "the talks collapsed"
            event_noun = true;
        }
    }
    Subject s;
    s.end = verb;
    const lexicon::Mention* noun = nullptr;  // the agent noun of "soldiers from Gondor"
    if (chosen < 0 && of_noun >= 0 && pronoun_at == n_) {
        chosen = of_noun;
        noun = actor_of_noun(*of_first, lo);
    }
    if (chosen >= 0) {
        const auto& m = s_.mentions[std::size_t(chosen)];
        s.end = m.last_token;
        s.actors.push_back(m.actor);
        // coordinated to the left: "Beijing and Moscow", "Hungarian and Romanian officials",
        // "Mordor, the awful Fornost, and good Gondor"
        std::size_t first = m.first_token;
        for (bool joined = false;; joined = true) {
            std::size_t j = modifiers_before(first, lo);
            // Modifiers only in a list with commas that ends in a conjunction: "A,
            // the awful B, and good C" (not "Russia, the biggest supplier, …").
            const bool conjunction = j > lo && (key(j - 1) == "and" || key(j - 1) == "or");
            const bool listed =
                (conjunction && j > lo + 1 && comma(j - 2)) || (j > lo && comma(j - 1) && joined);
            if (!listed) {
                // an article is part of its actor: "the Philippines and the Central African
                // Republic"
                j = first;
                if (j > lo + 1 && (key(j - 1) == "the" || key(j - 1) == "a")) --j;
            }
            if (j > lo && (key(j - 1) == "and" || key(j - 1) == "or")) {
                --j;
                if (j > lo && comma(j - 1)) --j;
            } else if (j > lo && comma(j - 1)) {
                --j;
            } else {
                break;
            }
            const auto* left = j > lo ? mention(j - 1) : nullptr;
            if (!left || left->first_token < lo) break;
            // governed only as the noun's actor is: "soldiers from Arnor and Gondor"
            const auto p = governing_prep(left->first_token, lo);
            if (p && !(noun && *p == of_prep)) break;
            if (left->actor.code != m.actor.code || left->actor.id != m.actor.id)
                s.actors.insert(s.actors.begin(), left->actor);
            first = left->first_token;
        }
        if (noun && noun != of_first)
            for (Actor& a : s.actors) a = agent_of(a, noun->actor);
        return s;
    }
    if (pronoun_at < n_) {
        if (auto a = pronoun_actor(key(pronoun_at))) {
            s.actors.push_back(*a);
            s.inherited = true;
            return s;
        }
    }
    if (event_noun) {
        s.event_noun = true;
        return s;
    }
    return std::nullopt;
}

// Where the modifiers before an actor begin: an article and plain lower-case
// words ("the awful Fornost", "good Gondor"), at most three.
std::size_t Analyser::modifiers_before(std::size_t first, std::size_t lo) const {
    std::size_t j = first;
    while (j > lo && first - j < 3 && s_.tokens[j - 1].kind == text::TokenKind::word &&
           s_.tokens[j - 1].is_lowercase() && !possessive(j - 1) && trigger_at_[j - 1] < 0 &&
           key(j - 1) != "and" && key(j - 1) != "or" && key(j - 1) != "but" &&
           (classes_[j - 1] == 0 || key(j - 1) == "the" || key(j - 1) == "a" || key(j - 1) == "an"))
        --j;
    return j;
}

// "Soldiers from Gondor", "lawmakers of Fornost": a subject noun the actor
// lexicon gives no country, then "of" or "from" and the actor (not "in": the
// peacekeepers in a country are not its own). Returns the bare agent mention
// of the noun when there is one, else the actor itself.
const lexicon::Mention* Analyser::actor_of_noun(const lexicon::Mention& m, std::size_t lo) const {
    const auto p = governing_prep(m.first_token, lo);
    if (!p || *p <= lo || *p + 1 != m.first_token || !(key(*p) == "of" || key(*p) == "from"))
        return nullptr;
    for (std::size_t i = lo; i < *p; ++i)
        if (s_.tokens[i].kind != text::TokenKind::word || trigger_at_[i] >= 0 || mention(i) ||
            is(i, wc_prepositions | wc_pronouns | wc_relatives))
            return nullptr;
    for (const auto& bare : s_.mentions)
        if (bare.actor.code.empty() && bare.last_token == *p && bare.actor.kind == ActorKind::agent)
            return &bare;
    return &m;
}

// The agent of an actor ("soldiers" of Gondor: GONMIL), as the lexicon
// composes "Gondor soldiers".
Actor Analyser::agent_of(const Actor& of, const Actor& agent) {
    std::string_view codes = agent.cameo;
    if (codes.substr(0, 3) == "---") codes.remove_prefix(3);
    if (codes.empty()) codes = lexicon::cameo_agent_code(agent.agent);
    if (codes.empty() || of.code.empty()) return of;
    Actor a = of;
    const std::string_view base = of.cameo.empty() ? std::string_view(of.code) : of.cameo;
    if (!base.ends_with(codes)) a.cameo = lexicon::compose_cameo(base, codes);
    a.id = of.code + "." + agent.agent;
    a.kind = ActorKind::agent;
    a.agent = agent.agent;
    a.name = of.name + " " + agent.agent;
    return a;
}

std::optional<Subject> Analyser::subject_of_clause(const Clause& c,
                                                   const std::optional<Subject>& previous) const {
    std::size_t first_verb = c.end;
    for (std::size_t i = c.begin; i < c.end; ++i)
        if (verb_trigger(i) || (auxiliary(i) && i > c.begin)) {
            first_verb = i;
            break;
        }
    if (auto s = subject_before(first_verb, c)) return s;
    if (c.kind == ClauseKind::relative && c.antecedent >= 0) {
        const auto& m = s_.mentions[std::size_t(c.antecedent)];
        if (actor_like(m)) return Subject{{m.actor}, c.begin, true, false};
    }
    if (c.kind == ClauseKind::complement && speaker_ && speaker_->infinitive && speaker_->actor)
        return Subject{{*speaker_->actor}, c.begin, true, false};
    if ((c.kind == ClauseKind::coordinate || c.kind == ClauseKind::participle) && previous) {
        Subject s = *previous;
        s.inherited = true;
        return s;
    }
    return std::nullopt;
}

// Actors right of a predicate, up to the next predicate that is not its
// complement ("requested to join the BRICS" reads on past "join").
std::vector<Object> Analyser::objects_after(std::size_t from, std::size_t end,
                                            std::size_t lo) const {
    std::vector<Object> out;
    for (std::size_t i = from; i < end; ++i) {
        if (i > from && new_predicate_at(i) && !(i >= 2 && key(i - 2) == "to" && quote(i - 1)))
            break;
        if (const auto* m = mention(i)) {
            const auto p = governing_prep(m->first_token, lo);
            if (!backed(*m)) out.push_back({m, p ? key(*p) : std::string_view(), m->first_token});
            i = m->last_token - 1;
        }
    }
    return out;
}

// The first actor of the that-clause right after a clause.
const lexicon::Mention* Analyser::complement_subject(const Clause& c) const {
    for (const Clause& next : clauses_) {
        if (next.begin != c.end || next.kind != ClauseKind::complement) continue;
        for (std::size_t i = next.begin; i < next.end; ++i) {
            if (verb_trigger(i) || auxiliary(i)) break;
            if (const auto* m = mention(i); m && !governed(m->first_token, next.begin)) return m;
        }
    }
    return nullptr;
}

// The subject of the first if/unless clause after a token.
const lexicon::Mention* Analyser::condition_subject(std::size_t after) const {
    for (const Clause& c : clauses_) {
        if (c.begin <= after || c.kind != ClauseKind::conditional) continue;
        for (std::size_t i = c.begin + 1; i < c.end; ++i) {
            if (verb_trigger(i) || auxiliary(i)) break;
            if (const auto* m = mention(i); m && actor_like(*m)) return m;
        }
    }
    return nullptr;
}

// A verb trigger starting at i that starts a predicate of its own: not an
// infinitive ("to"), nor a participle after a noun with its "by", which
// describes the noun ("welcomed memos sent by Bree").
bool Analyser::new_predicate_at(std::size_t i) const {
    if (i == 0 || !verb_trigger(i) || trigger_first(std::size_t(trigger_at_[i])) != i ||
        key(i - 1) == "to")
        return false;
    const auto u = std::size_t(trigger_at_[i]);
    const auto form = reading_[u].form;
    return !((form == VerbForm::past || form == VerbForm::participle) && plain_noun(i - 1) &&
             key(trigger_last(u)) == "by");
}

std::size_t Analyser::predicate_end(std::size_t t, const Clause& c) const {
    for (std::size_t i = trigger_last(t); i < c.end; ++i)
        if (new_predicate_at(i)) return i;
    return c.end;
}

}  // namespace eventgraph::extract::detail

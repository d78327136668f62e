// Roles per trigger: of each predicate in a clause, the source and the
// target, from its subject, its objects and the prepositions that govern
// them. Verb predicates (assign_verb_roles is where, for one verb and one
// subject, source and target are chosen), hosts with no subject, then noun
// predicates.

#include <algorithm>

#include "detail_analyser.hpp"

namespace eventgraph::extract::detail {

namespace {

// The first object that pred accepts, in the order of the sentence.
template <class Pred>
const Object* first_with(const std::vector<Object>& objects, Pred pred) {
    for (const auto& o : objects)
        if (pred(o)) return &o;
    return nullptr;
}

}  // namespace

void Analyser::predicates(const Clause& c, const std::optional<Subject>& clause_subject,
                          std::vector<Found>& out) {
    std::vector<std::size_t> verbs, nouns;
    for (std::size_t i = c.begin; i < c.end; ++i) {
        if (trigger_at_[i] < 0) continue;
        const auto t = std::size_t(trigger_at_[i]);
        if (trigger_first(t) != i) continue;
        if (speaker_ && t == speaker_->verb) continue;  // the frame's own verb
        if (std::find(mute_.begin(), mute_.end(), t) != mute_.end()) continue;
        (is_verb_[t] ? verbs : nouns).push_back(t);
    }
    Regions regions;  // objects of predicates: nouns there are their content
    verb_predicates(verbs, c, clause_subject, regions, out);
    host_predicates(verbs, c, clause_subject, out);
    noun_predicates(nouns, c, clause_subject, regions, out);
}

// Each verb trigger with its subject, objects, polarity and confidence; the
// roles themselves are chosen by assign_verb_roles, once per subject actor.
void Analyser::verb_predicates(const std::vector<std::size_t>& verbs, const Clause& c,
                               const std::optional<Subject>& clause_subject, Regions& regions,
                               std::vector<Found>& out) {
    std::size_t matched_end = 0;  // the words an earlier verb's pattern matched are its own
    for (std::size_t t : verbs) {
        const std::size_t f = trigger_first(t), l = trigger_last(t);
        const auto& info = info_of(t);
        if (info.frame == Frame::speech)
            continue;  // a speech verb outside a frame: nothing to code
        // "vowed to wage war" read by the pattern "VOW: * WAR": "wage war" is no event of its own.
        if (f < matched_end) continue;
        // "the efforts of Eriador to deal with …": what a noun intends, not an event.
        if (f > c.begin && key(f - 1) == "to" && infinitive_of_noun(f - 1, c.begin)) continue;
        // "threatened to ban …": the complement belongs to the verb before it
        // (one the project's triggers know: "decided to attack" is an attack).
        bool complement = false;
        for (std::size_t v : verbs)
            if (v != t && trigger_last(v) <= f && key(f - 1) == "to" && !info_of(v).from_dictionary)
                complement = true;
        if (reading_[t].form == VerbForm::gerund && f > c.begin && is(f - 1, wc_prepositions))
            complement = true;
        // The dictionary says this use of the verb is no event: no predicate,
        // so the nouns after it are read on their own ("dispatched inspectors").
        Coding coding = coding_of(t, c);
        if (coding.none) continue;
        if (coding.dictionary && coding.end > l) matched_end = std::max(matched_end, coding.end);
        const std::size_t end = predicate_end(t, c);
        // A verb only a dictionary knows holds the nouns after it only when it
        // codes something itself ("Putin delays new mobilization").
        const std::size_t region = regions.size();
        regions.emplace_back(l, end);
        const std::size_t first_event = out.size();
        struct Release {
            Regions& regions;
            std::size_t region, first_event;
            const std::vector<Found>& out;
            bool dictionary;
            ~Release() {
                if (dictionary && out.size() == first_event)
                    regions.erase(regions.begin() + std::ptrdiff_t(region));
            }
        } release{regions, region, first_event, out, info.from_dictionary};
        if (complement) continue;
        const bool is_passive = passive(t, c.begin);
        std::optional<Subject> subject = subject_before(f, c);
        if (!subject) subject = clause_subject;
        if (!subject && is_passive) {
            // "A camp for Congolese refugees was attacked by …": who the subject phrase names.
            for (std::size_t i = c.begin; i < f && !subject; ++i)
                if (const auto* m = mention(i); m && actor_like(*m))
                    subject = Subject{{m->actor}, m->last_token, false, false};
        }
        // A pattern that places the source needs no subject of the clause.
        const bool placed = coding.source || (coding.compound_a && coding.compound_b);
        if (!placed && (!subject || subject->event_noun || subject->actors.empty())) continue;
        VerbPredicate p;
        p.coding = std::move(coding);
        p.trigger = t;
        p.first = f;
        p.last = l;
        p.end = end;
        p.passive = is_passive;
        p.subject = subject ? &*subject : nullptr;
        p.objects = objects_after(l, c.end, l);
        p.polarity = polarity_before(f, c.begin, c);
        if (is(l, wc_negation_words) && key(l + 1) == "to")
            p.polarity = Polarity::denied;  // "vowed not to return"
        p.confidence = subject && subject->inherited ? 0.75 : 0.9;
        p.obligation = obliged(f, c.begin);
        if (p.coding.compound_a && p.coding.compound_b)
            compound_events(p, c, out);
        else if (p.coding.source)
            assign_verb_roles(p, *p.coding.source, c, out);
        else
            for (const Actor& subj : subject->actors) assign_verb_roles(p, subj, c, out);
        reverse_events(p.coding, first_event, out);
    }
}

// Source and target of one verb predicate for one of its subject's actors:
// by the trigger's frame (give, receive, with, intransitive, transitive),
// passive "by", hosts and guests, the one asked or threatened, coordinated
// targets and subjects. Emits what it finds.
void Analyser::assign_verb_roles(const VerbPredicate& p, const Actor& subj, const Clause& c,
                                 std::vector<Found>& out) {
    const std::size_t t = p.trigger, f = p.first, l = p.last;
    const auto& info = info_of(t);
    const auto& objects = p.objects;
    Found ev = make(t, subj);
    apply(p.coding, ev);
    ev.obligation = p.obligation;
    ev.polarity = p.polarity;
    ev.confidence = p.confidence;
    if (p.coding.target) {  // the pattern's "+"
        set_target(ev, *p.coding.target);
        emit(ev, c, out);
        return;
    }
    if (p.passive && info.frame != Frame::receive && !p.coding.source) {
        const auto by = std::find_if(objects.begin(), objects.end(),
                                     [](const Object& o) { return o.prep == "by"; });
        if (by == objects.end() || !actor_like(*by->mention)) {
            // "Three US soldiers were killed by a roadside bomb": an attack on
            // them by no one named, as GDELT leaves Actor1 blank.
            // "Turkish troops were placed on alert": forces mobilized are their own
            // country's act, with no one else in it.
            if (ev.type == "mobilize") {
                emit(ev, c, out);
                return;
            }
            const int quad = quad_of_cameo(ev.cameo.empty() ? info.cameo : ev.cameo);
            if (quad != 4) return;
            ev.unknown_source = true;
            ev.source = Actor{};
            ev.attributed_to.reset();
            set_target(ev, subj);
            ev.confidence = 0.6;
            emit(ev, c, out);
            return;
        }
        ev.source = by->mention->actor;
        set_target(ev, subj);
        ev.confidence = 0.85;
        emit(ev, c, out);
        return;
    }
    if (info.frame == Frame::receive) {
        const Object* from = first_with(objects, [](const Object& o) { return o.prep == "from"; });
        if (!from)
            from = first_with(objects, [](const Object& o) {
                return o.mention->kind == lexicon::MatchKind::adjective;
            });
        if (!from) return;
        ev.source = from->mention->actor;
        set_target(ev, subj);
        emit(ev, c, out);
        return;
    }
    // The first infinitive after the verb ("to" and a verb), p.end if none: the
    // weakest readings of a target stop there ("rejected an invitation to
    // attend a meeting … from Israel"), and a complement may lend its own.
    std::size_t infinitive = p.end;
    for (std::size_t x = l; x + 1 < p.end; ++x)
        if (key(x) == "to" && verb_trigger(x + 1)) {
            infinitive = x;
            break;
        }
    const Object* target = frame_target(info, objects, infinitive);
    if (info.inverse) {
        // "X hosted Y", "to welcome Putin in Beijing": the guest visits the host.
        const Object* guest = first_with(objects, [](const Object& o) { return o.prep.empty(); });
        if (!guest) return;
        Found visit = make(t, guest->mention->actor);
        visit.polarity = p.polarity;
        visit.confidence = p.confidence;
        set_target(visit, subj);
        emit(visit, c, out);
        return;
    }
    // "demanded that the US cancel …": the one asked is the that-clause's subject;
    // "threatened to … if Hamas ran": the one the condition is about.
    if (!target && (info.type == "request" || info.type == "threaten" || info.type == "accuse"))
        if (const auto* m = complement_subject(c)) {
            set_target(ev, m->actor);
            ev.confidence -= 0.1;
        }
    if (!target && !ev.target && info.type == "threaten")
        if (const auto* m = condition_subject(f)) {
            set_target(ev, m->actor);
            ev.confidence -= 0.1;
        }
    // "refused to deploy peacekeepers in Iraq": the complement's own target.
    if (!target && infinitive < p.end) {
        const auto& comp = info_of(std::size_t(trigger_at_[infinitive + 1]));
        target = first_with(objects, [&](const Object& o) {
            return o.at > infinitive && (o.prep.empty() || listed(comp.preps, o.prep)) &&
                   actor_like(*o.mention);
        });
    }
    if (target) {
        // "Sierra Leonean and Liberian refugees", "Iran or North Korea": one event each.
        for (const lexicon::Mention* m = target->mention; m;) {
            const std::size_t after = m->last_token;
            const lexicon::Mention* next =
                (key(after) == "and" || key(after) == "or" || comma(after)) ? mention(after + 1)
                                                                            : nullptr;
            if (!next || next->actor.code == target->mention->actor.code) break;
            Found more = ev;
            set_target(more, next->actor);
            emit(more, c, out);
            m = next;
        }
        set_target(ev, target->mention->actor);
        if (target->mention->kind == lexicon::MatchKind::adjective && target->prep.empty())
            ev.confidence -= 0.1;
    }
    // "X and Y agreed": each with the other.
    if (!ev.target && !info.from_dictionary && p.subject && p.subject->actors.size() > 1) {
        for (const Actor& other : p.subject->actors) {
            if (other.code == subj.code) continue;
            Found pair = ev;
            pair.target = other;
            emit(pair, c, out);
        }
        return;
    }
    emit(ev, c, out);
}

// The object a verb's frame makes its target (receive is read by the caller).
const Object* Analyser::frame_target(const TriggerInfo& info, const std::vector<Object>& objects,
                                     std::size_t infinitive) const {
    const Object* target = nullptr;
    switch (info.frame) {
        case Frame::give:
            target = first_with(objects, [](const Object& o) { return o.prep.empty(); });
            if (!target)
                target = first_with(objects, [&](const Object& o) {
                    return o.prep == "to" || o.prep == "for" || listed(info.preps, o.prep);
                });
            if (!target && info.type == "aid")
                target = first_with(objects, [](const Object& o) { return o.prep == "of"; });
            break;
        case Frame::with:
            target = first_with(objects, [&](const Object& o) {
                return listed(info.preps, o.prep) && actor_like(*o.mention);
            });
            if (!target)
                target = first_with(objects, [&](const Object& o) {
                    return o.prep.empty() && actor_like(*o.mention);
                });
            break;
        case Frame::intransitive:
            target =
                first_with(objects, [&](const Object& o) { return listed(info.preps, o.prep); });
            break;
        default:
            target = first_with(objects, [&](const Object& o) {
                return o.prep.empty() &&
                       (actor_like(*o.mention) || o.mention->actor.kind == ActorKind::place);
            });
            if (!target)
                target = first_with(objects, [&](const Object& o) {
                    const bool locative = o.prep == "in" || o.prep == "on" || o.prep == "at" ||
                                          o.prep == "near" || o.prep == "into" || o.prep == "along";
                    if (locative && !actor_like(*o.mention) &&
                        o.mention->actor.kind != ActorKind::place)
                        return false;
                    return listed(info.preps, o.prep) ||
                           (info.type == "assault" && (o.prep == "in" || o.prep == "into"));
                });
            // "rejected an Australian ultimatum", "rejected calls by Belarus's rulers":
            // whose the object is.
            if (!target)
                target = first_with(
                    objects, [&](const Object& o) { return o.prep.empty() && o.at < infinitive; });
            if (!target)
                target = first_with(objects, [&](const Object& o) {
                    return o.at < infinitive &&
                           (o.prep == "by" ||
                            ((o.prep == "of" || o.prep == "from" || o.prep == "with") &&
                             actor_like(*o.mention)));
                });
            // A dictionary verb says nothing of prepositions: as TABARI does, its
            // target is the first actor after it ("contribute soldiers to Gondor").
            if (!target && info.from_dictionary)
                target =
                    first_with(objects, [&](const Object& o) { return actor_like(*o.mention); });
            break;
    }
    return target;
}

// Hosts with no subject: "… to welcome Russian President Vladimir Putin in Beijing".
void Analyser::host_predicates(const std::vector<std::size_t>& verbs, const Clause& c,
                               const std::optional<Subject>& clause_subject,
                               std::vector<Found>& out) {
    for (std::size_t t : verbs) {
        const auto& info = info_of(t);
        if (!info.inverse) continue;
        std::optional<Subject> subject = subject_before(trigger_first(t), c);
        if (subject || clause_subject) continue;
        const auto objects = objects_after(trigger_last(t), c.end, trigger_last(t));
        const Object* guest = nullptr;
        const Object* host = nullptr;
        for (const auto& o : objects) {
            if (!guest && o.prep.empty() && actor_like(*o.mention))
                guest = &o;
            else if (guest && !host && (o.prep == "in" || o.prep == "to") &&
                     o.mention->actor.code != guest->mention->actor.code)
                host = &o;
        }
        if (!guest || !host) continue;
        Found visit = make(t, guest->mention->actor);
        visit.confidence = 0.7;
        visit.target = country_of_place(host->mention->actor);
        visit.location = host->mention->actor;
        emit(visit, c, out);
    }
}

// Noun predicates not inside another predicate's object.
void Analyser::noun_predicates(const std::vector<std::size_t>& nouns, const Clause& c,
                               const std::optional<Subject>& clause_subject, Regions& regions,
                               std::vector<Found>& out) {
    for (std::size_t t : nouns) {
        const std::size_t f = trigger_first(t), l = trigger_last(t);
        const auto& info = info_of(t);
        if (info.frame == Frame::speech || info.frame == Frame::phrase) continue;
        const auto gov = governing_prep(f, c.begin);
        bool absorbed = false;
        for (const auto& [rb, re] : regions)
            if (f >= rb && f < re && (!gov || key(*gov) == "of" || *gov < rb)) absorbed = true;
        if (absorbed) continue;
        regions.emplace_back(l, c.end);
        std::optional<Actor> source;
        double conf = 0.7;
        // "Russia's strike", "Russian strike", "US sanctions", "Iranian ballistic missiles"
        for (std::size_t k = f; k-- > c.begin && f - k <= 4;) {
            if (const auto* m = mention(k)) {
                if (m->actor.kind != ActorKind::place &&
                    (possessive(m->last_token) || m->last_token == f ||
                     m->kind == lexicon::MatchKind::adjective || m->in_compound))
                    source = m->actor;
                break;
            }
            if (!s_.tokens[k].is_lowercase() && !possessive(k) && !quote(k)) break;
            if (is(k, wc_prepositions)) break;
        }
        const auto objects = objects_after(l, c.end, l);
        for (const auto& o : objects)
            if (!source && o.prep == "by" && actor_like(*o.mention)) source = o.mention->actor;
        // "a growing collaboration between China and Russia"
        std::vector<Object> between;
        for (const auto& o : objects)
            if (o.prep == "between") between.push_back(o);
        if (!source && between.size() == 1) {
            // the second of "between X and Y" is governed by "between" too only through "and"
            const auto& first = *between.front().mention;
            if (key(first.last_token) == "and" || key(first.last_token) == "or") {
                if (const auto* second = mention(first.last_token + 1)) {
                    Found ev = make(t, first.actor);
                    ev.confidence = 0.7;
                    set_target(ev, second->actor);
                    emit(ev, c, out);
                    continue;
                }
            }
        }
        // An agentive noun ("a decisive enabler of", "Moscow's leading source"): the subject gives.
        const bool agentive =
            info.frame == Frame::give && (trigger_text(t).find("enabler") != std::string::npos ||
                                          trigger_text(t).find("source") != std::string::npos ||
                                          trigger_text(t).find("lifeline") != std::string::npos);
        std::optional<Actor> target;
        if (agentive) {
            if (source) target = source;  // "Moscow's leading source": the possessor receives
            source.reset();
            if (clause_subject && !clause_subject->actors.empty())
                source = clause_subject->actors.front();
            conf = 0.7;
            for (const auto& o : objects)
                if (!target && o.prep == "of") target = o.mention->actor;
        }
        if (!source && !gov && clause_subject && !clause_subject->event_noun &&
            !clause_subject->actors.empty() && clause_subject->end <= f) {
            // "… has deepened economic ties with Russia", "held talks with …"
            source = clause_subject->actors.front();
            conf = 0.6;
        }
        if (!source && !gov && !clause_subject && speaker_ && speaker_->actor &&
            speaker_->frame_end <= f && speaker_->frame_end == c.begin &&
            speaker_->verb != no_trigger && !speaker_->anonymous) {
            // "Italy announced a suspension of air links with Serbia": the speaker's own act.
            source = speaker_->actor;
            conf = 0.6;
        }
        if (!source) continue;
        if (!target)
            for (const auto& o : objects) {
                if (o.mention->actor.code == source->code) continue;
                if (listed(info.preps, o.prep) || g_.is(o.prep, wc_noun_target_preps) ||
                    (o.prep == "of" && (info.type == "assault" || info.type == "accuse" ||
                                        info.type == "sanction"))) {
                    target = o.mention->actor;
                    break;
                }
            }
        if (!target && info.type != "mobilize")
            continue;  // "a hunger strike", "an offer": no one else in it
        Found ev = make(t, *source);
        ev.confidence = conf;
        ev.polarity = polarity_before(f, c.begin, c);
        if (ev.polarity == Polarity::denied && gov)
            ev.polarity = Polarity::asserted;  // "no" in "with no end" is not the event's
        if (target) set_target(ev, *target);
        emit(ev, c, out);
    }
}

bool Analyser::listed(const std::vector<std::string>& preps, std::string_view p) {
    return std::find(preps.begin(), preps.end(), p) != preps.end();
}

Polarity Analyser::polarity_before(std::size_t verb, std::size_t lo, const Clause& c) const {
    Polarity p = Polarity::asserted;
    for (std::size_t k = verb; k-- > lo;) {
        const auto w = key(k);
        if (is(k, wc_negation_words)) return Polarity::denied;
        // Reported "would" is the future seen from the past: "said they would boycott".
        if (w == "would" && speaker_ && p == Polarity::asserted)
            p = Polarity::future;
        else if (is(k, wc_modal_words | wc_obligation_words))
            p = Polarity::hypothetical;
        else if (is(k, wc_future_words) && p == Polarity::asserted)
            p = Polarity::future;
        else if (w == "to" && k > lo && is(k - 1, wc_future_lead) && p == Polarity::asserted)
            p = Polarity::future;
        if (mention(k) || verb_trigger(k)) break;
    }
    if (p == Polarity::asserted && c.kind == ClauseKind::conditional) p = Polarity::hypothetical;
    return p;
}

bool Analyser::passive(std::size_t t, std::size_t lo) const {
    const auto form = reading_[t].form;
    if (form != VerbForm::participle && form != VerbForm::past) return false;
    for (std::size_t k = trigger_first(t); k-- > lo;) {
        if (is(k, wc_be_words)) return true;
        if (!adverb(k) && !is(k, wc_negation_words)) return false;
    }
    return false;
}

Actor Analyser::country_of_place(const Actor& place) {
    Actor a;
    a.id = place.code;
    a.code = place.code;
    a.name = place.code;
    a.kind = ActorKind::country;
    a.cameo = place.code;  // a country's CAMEO actor code is its code
    return a;
}

// A target that is a place names the country attacked; the place is the location.
void Analyser::set_target(Found& f, const Actor& a) const {
    if (a.kind == ActorKind::place) {
        // A place of no known country (some dictionary places) is where, not whom.
        if (!a.code.empty()) f.target = country_of_place(a);
        if (!f.location) f.location = a;
    } else if (!a.code.empty() || !a.id.empty()) {
        f.target = a;
    }
}

bool Analyser::obliged(std::size_t verb, std::size_t lo) const {
    for (std::size_t k = verb; k-- > lo && verb - k <= 4;) {
        if (is(k, wc_obligation_words) || (key(k) == "to" && k > lo &&
                                           (key(k - 1) == "has" || key(k - 1) == "have" ||
                                            key(k - 1) == "need" || key(k - 1) == "needs")))
            return true;
        if (mention(k)) break;
    }
    return false;
}

// The "to" at `to` follows a noun phrase that intends what comes after it:
// "its bid to join", "the efforts of Eriador to deal", "Russia's attempts to
// seize": a plural noun, or one after a possessive, not an actor.
bool Analyser::infinitive_of_noun(std::size_t to, std::size_t lo) const {
    if (to < lo + 2) return false;
    std::size_t k = to - 1;
    if (const auto* m = mention(k)) {  // "efforts of Eriador to", "efforts by Turkey to"
        if (m->first_token < lo + 2) return false;
        const auto prep = key(m->first_token - 1);
        if (prep != "of" && prep != "by") return false;
        k = m->first_token - 2;
    }
    if (!plain_noun(k) || mention(k)) return false;
    const auto noun = key(k);
    const bool plural = noun.size() > 3 && noun.back() == 's' && !noun.ends_with("ss");
    const bool owned =
        k > lo && (possessive(k - 1) || key(k - 1) == "its" || key(k - 1) == "their" ||
                   key(k - 1) == "his" || key(k - 1) == "her");
    return plural || owned;
}

Found Analyser::make(std::size_t t, const Actor& source) const {
    Found f;
    const auto& info = info_of(t);
    f.info = reading_[t].info;
    f.type = info.type;
    f.mode = info.mode;
    f.trigger = trigger_text(t);
    f.pattern = info.place;
    // "Beijing said": a capital or a region acting is its country.
    f.source = source.kind == ActorKind::place ? country_of_place(source) : source;
    f.position = trigger_first(t);
    if (speaker_ && speaker_->actor && !speaker_->anonymous &&
        (f.position >= speaker_->frame_end || speaker_->reported_before))
        f.attributed_to = speaker_->actor;
    return f;
}

}  // namespace eventgraph::extract::detail

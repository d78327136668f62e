// Roles per trigger in one sentence: step 3 to 6 of the design's extraction
// outline. A shallow reading on purpose: word classes from small closed
// lists, clauses from markers, roles from the nearest actors on either side
// of a trigger and the prepositions that govern them.
//
// The reader is one class, Analyser (detail_analyser.hpp), whose steps live
// in the files that header lists; this file is its entry point: the tokens
// tagged, the reading of each trigger chosen, the steps run in order.

#include "detail_sentence.hpp"

#include "detail_analyser.hpp"

namespace eventgraph::extract::detail {

Analyser::Analyser(const Sentence& s, const TriggerLexicon& t, const Grammar& g, Discourse& d)
    : s_(s), lex_(t), g_(g), d_(d), n_(s.tokens.size()) {
    classes_.reserve(n_);
    for (const auto& k : s_.keys) classes_.push_back(g_.classes(k));
    mention_at_.assign(n_, -1);
    for (std::size_t m = 0; m < s_.mentions.size(); ++m) {
        const auto& mt = s_.mentions[m];
        if (mt.actor.code.empty()) continue;  // a bare agent noun: no country to give it
        for (std::size_t i = mt.first_token; i < mt.last_token && i < n_; ++i)
            mention_at_[i] = int(m);
    }
    // Actor names win over triggers inside them: "Secretary of State", "Strike
    // Group"; a capitalized trigger word inside a sentence is a name too ("last
    // March"), unless the sentence is a headline in title case.
    std::size_t words = 0, capitals = 0;
    for (const auto& tok : s_.tokens)
        if (tok.kind == text::TokenKind::word) {
            ++words;
            capitals += tok.is_capitalized();
        }
    const bool title_case = words >= 3 && capitals * 10 >= words * 6;
    for (const auto& t : s_.triggers) {
        bool inside = false;
        for (std::size_t i = t.first_token; i < t.last_token; ++i) inside |= any_mention(i);
        const auto& first = s_.tokens[t.first_token];
        const bool name_like = t.first_token > 0 && first.is_capitalized() &&
                               !first.is_all_caps() && !title_case && !quote(t.first_token - 1) &&
                               !punct(t.first_token - 1, ":");
        if (!inside && !name_like) triggers_.push_back(t);
    }
    trigger_at_.assign(n_, -1);
    for (std::size_t t = 0; t < triggers_.size(); ++t)
        for (std::size_t i = triggers_[t].first_token; i < triggers_[t].last_token; ++i)
            trigger_at_[i] = int(t);
    time_at_.assign(n_, -1);
    for (std::size_t k = 0; k < s_.times.size(); ++k)
        for (std::size_t i = 0; i < n_; ++i)
            if (s_.tokens[i].begin >= s_.times[k].begin && s_.tokens[i].end <= s_.times[k].end)
                time_at_[i] = int(k);
    choose_readings();
}

std::vector<Found> Analyser::run() {
    find_speaker();
    std::vector<Found> out;
    if (speaker_) {
        content_.clear();
        if (speaker_->frame_begin > 0) content_.push_back({0, speaker_->frame_begin});
        if (speaker_->frame_end < n_) content_.push_back({speaker_->frame_end, n_});
    } else {
        content_.push_back({0, n_});
    }
    for (const auto& [b, e] : content_) split_clauses(b, e);
    std::optional<Subject> previous;
    for (const Clause& c : clauses_) {
        auto subject = subject_of_clause(c, previous);
        predicates(c, subject, out);
        previous = subject;
    }
    if (speaker_) speaker_events(out);
    for (const auto& f : out) remember(f);
    return out;
}

void Analyser::choose_readings() {
    reading_.resize(triggers_.size());
    is_verb_.assign(triggers_.size(), false);
    for (std::size_t t = 0; t < triggers_.size(); ++t) {
        const auto& m = triggers_[t];
        const std::size_t f = m.first_token;
        const std::string_view prev = f > 0 ? key(f - 1) : std::string_view();
        const bool after_det = (f > 0 && is(f - 1, wc_determiners)) || possessive(f - 1) ||
                               (f > 0 && s_.tokens[f - 1].kind == text::TokenKind::number);
        const lexicon::Mention* before = f > 0 ? mention(f - 1) : nullptr;
        bool after_modifier =
            before && (before->kind == lexicon::MatchKind::adjective || before->in_compound ||
                       (before->first_token > 0 && is(before->first_token - 1, wc_determiners)));
        const bool after_prep = f > 0 && is(f - 1, wc_prepositions) && prev != "to";
        bool verbal_context = f == 0 || prev == "to" || auxiliary(f - 1) || adverb(f - 1) ||
                              is(f - 1, wc_pronouns) || is(f - 1, wc_relatives) || prev == "that" ||
                              (before && !after_modifier) || comma(f - 1) || prev == "and" ||
                              prev == "or" || prev == "but" || quote(f - 1);
        // Several verb readings: an actor right after the verb is a guest or
        // an object ("received Hashimoto"); goods are given or received
        // ("received shipments").
        std::size_t after = m.last_token;
        while (after < n_ && is(after, wc_determiners)) ++after;
        const lexicon::Mention* next = mention(after);
        const bool actor_object = next && actor_like(*next) && !possessive(next->last_token);
        const Reading* verb = nullptr;
        const Reading* noun = nullptr;
        auto suits = [&](const Reading& r) {
            const auto& info = lex_.info(r.info);
            if (info.inverse) return actor_object;
            const Frame fr = info.frame;
            return (fr == Frame::give || fr == Frame::receive) != actor_object;
        };
        for (const auto& r : m.readings) {
            if (r.pos == Pos::verb && (!verb || (!suits(*verb) && suits(r)))) verb = &r;
            if (r.pos != Pos::verb && !noun) noun = &r;
        }
        // A past form after an actor's noun phrase is its verb: "the Gondor
        // government condemned", "Calenardhon government condemned" (a noun the
        // lexicon does not know after the actor).
        if (verb && verb->form == VerbForm::past) {
            const bool agent = before && before->actor.kind == ActorKind::agent &&
                               !possessive(before->last_token - 1);
            const bool noun_after_actor =
                !before && f >= 2 && mention(f - 2) && !possessive(f - 2) && plain_noun(f - 1);
            if (agent || noun_after_actor) {
                after_modifier = false;
                verbal_context = true;
            }
        }
        // "the Philippines agreed", "Russia and the United States agree": a
        // name after an article is the subject of a past form, or of a base form
        // when another actor is joined to it (not "the Iran deal").
        if (verb && before && after_modifier && before->kind != lexicon::MatchKind::adjective &&
            !before->in_compound && !possessive(before->last_token - 1)) {
            const std::size_t article = before->first_token - 1;
            const bool joined =
                article > 0 && (key(article - 1) == "and" || key(article - 1) == "or");
            if (verb->form == VerbForm::past || (verb->form == VerbForm::base && joined)) {
                after_modifier = false;
                verbal_context = true;
            }
        }
        // A gerund or participle after a determiner is a noun ("the bombing");
        // a bare form after "to" or an actor is a verb ("Russia attacks").
        if (verb && noun) {
            const bool use_verb = verbal_context && !after_det && !after_prep && !after_modifier;
            reading_[t] = use_verb ? *verb : *noun;
            is_verb_[t] = use_verb;
        } else if (verb) {
            reading_[t] = *verb;
            // A verb form after a determiner is a noun the triggers do not know
            // as one ("their arms industries"): no predicate at all. A verb only
            // a verb dictionary knows must also stand where a verb stands: "air
            // links", "reject proposed changes" are no verbs.
            const bool dictionary_only = lex_.info(verb->info).from_dictionary;
            // "is direct assistance": a base form after "be" is no verb ("be" takes
            // a participle or a gerund).
            // Unless the dictionary's own pattern has "be" there ("SHOT: + WAS * DEAD").
            const bool after_be = f > 0 && is(f - 1, wc_be_words) &&
                                  (verb->form == VerbForm::base || verb->form == VerbForm::third) &&
                                  !pattern_after_be(t, *verb);
            // "against besieged Osgiliath", "in occupied Crimea": a participle
            // between a preposition and its noun describes the noun.
            const bool attributive =
                f > 0 && is(f - 1, wc_prepositions) &&
                (verb->form == VerbForm::past || verb->form == VerbForm::participle) &&
                (mention(m.last_token) || plain_noun(m.last_token));
            const bool noun_like =
                after_det || attributive ||
                (dictionary_only && (!verbal_context || after_prep || after_modifier || after_be));
            is_verb_[t] = !noun_like;
            if (noun_like) mute_.push_back(t);
        } else {
            reading_[t] = *noun;
        }
        // A noun reading of a phrase ("in exchange") is no predicate.
    }
}

void Analyser::remember(const Found& f) {
    if (f.unknown_source) return;
    if (f.source.kind == ActorKind::person)
        d_.last_person = f.source;
    else
        d_.last_subject = f.source;
    if (f.target && (f.type == "accuse" || f.type == "statement" || f.type == "threaten" ||
                     f.type == "request" || f.type == "sanction"))
        d_.accusers.emplace_back(f.target->code, f.source);
}

std::vector<Found> analyse_sentence(const Sentence& sentence, const TriggerLexicon& triggers,
                                    const Grammar& grammar, Discourse& discourse) {
    return Analyser(sentence, triggers, grammar, discourse).run();
}

std::vector<Found> analyse_sentence(const Sentence& sentence, const TriggerLexicon& triggers,
                                    Discourse& discourse) {
    static const Grammar english = Grammar::load_default();
    return analyse_sentence(sentence, triggers, english, discourse);
}

}  // namespace eventgraph::extract::detail

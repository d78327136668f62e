#pragma once
// The reader of one sentence, split over the files of its steps. Private to
// src/extract: the rest of the extractor sees only analyse_sentence
// (detail_sentence.hpp).
//
// - detail_sentence.cpp: analyse_sentence; the tokens tagged; which
//   reading of each trigger
// - detail_frames.cpp: reporting frames, who says it ("X said", "according
//   to X"), and the speaker's own event
// - detail_clauses.cpp: clauses, subjects, objects
// - detail_roles.cpp: predicates, source and target per trigger (verbs,
//   hosts, nouns); assign_verb_roles for one verb
// - detail_details.cpp: time, place, casualties, weapons, intent; emit
// - word classes: extract::Grammar (grammar.cpp) from data/english.json,
//   one bit a class in each token's classes_

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "detail_patterns.hpp"
#include "detail_sentence.hpp"
#include "eventgraph/extract/grammar.hpp"

namespace eventgraph::extract::detail {

using model::Actor;
using model::ActorKind;
using model::Polarity;

enum class ClauseKind {
    main,
    coordinate,
    participle,
    subordinate,
    conditional,
    relative,
    complement
};

struct Clause {
    std::size_t begin = 0, end = 0;  // tokens [begin, end)
    ClauseKind kind = ClauseKind::main;
    int antecedent = -1;  // a relative clause's antecedent mention
};

struct Subject {
    std::vector<Actor> actors;
    std::size_t end = 0;  // token after the subject
    bool inherited = false;
    bool event_noun = false;  // the subject is an event noun ("Russia's strike … kills")
};

constexpr std::size_t no_trigger = std::size_t(-1);

struct Speaker {
    int mention = -1;
    std::optional<Actor> actor;
    bool anonymous = false;                      // "a senior official said"
    std::size_t verb = no_trigger;               // the speech trigger; none for "according to X"
    std::size_t frame_begin = 0, frame_end = 0;  // tokens of the frame
    bool infinitive = false;  // "claimed to have …": the content's subject is the speaker
    bool reported_before =
        true;  // what comes before the frame is the speaker's words (not so after "X said:")
};

struct Object {
    const lexicon::Mention* mention = nullptr;
    std::string_view prep;  // "" for a direct object
    std::size_t at = 0;
};

/// What the verb dictionaries say of one verb predicate (detail_coding.cpp).
struct Coding {
    bool dictionary = false;  // the code is a dictionary's (its verb's, its block's or a pattern's)
    bool none = false;        // the dictionary says this is no event ("[---]")
    std::string cameo, reverse;  // "[032:033]": the target's event back is the reverse
    std::string type, mode;
    std::string place;    // evidence.pattern
    std::size_t end = 0;  // the token after the words its pattern matched right of the verb
    std::optional<Actor> source, target;          // at the pattern's "$" and "+"
    std::optional<Actor> compound_a, compound_b;  // "%": each the other's source and target
};

/// A verb trigger read as a predicate, once its subject and objects are
/// known: what assign_verb_roles needs to choose source and target.
struct VerbPredicate {
    std::size_t trigger = 0;
    std::size_t first = 0, last = 0;  // its tokens
    std::size_t end = 0;              // where its complement ends (predicate_end)
    bool passive = false;
    bool obligation = false;  // "must return": asked for, not done
    Polarity polarity = Polarity::asserted;
    double confidence = 0.9;
    const Subject* subject = nullptr;
    std::vector<Object> objects;  // actors right of it, with their prepositions
    Coding coding;
};

using Regions = std::vector<std::pair<std::size_t, std::size_t>>;

class Analyser {
public:
    Analyser(const Sentence& s, const TriggerLexicon& t, const Grammar& g, Discourse& d);
    std::vector<Found> run();

private:
    // ---- tokens (inline: asked for many times per token) -----------------

    bool is(std::size_t i, std::uint32_t word_class) const {
        return i < n_ && (classes_[i] & word_class) != 0;
    }

    bool any_mention(std::size_t i) const {
        for (const auto& m : s_.mentions)
            if (i >= m.first_token && i < m.last_token) return true;
        return false;
    }

    std::string_view key(std::size_t i) const {
        return i < n_ ? std::string_view(s_.keys[i]) : std::string_view();
    }
    bool punct(std::size_t i, std::string_view p) const {
        return i < n_ && s_.tokens[i].kind == text::TokenKind::punct &&
               s_.tokens[i].text(s_.text) == p;
    }
    bool comma(std::size_t i) const { return punct(i, ","); }
    bool quote(std::size_t i) const {
        return i < n_ &&
               (s_.tokens[i].has(text::open_quote) || s_.tokens[i].has(text::close_quote) ||
                punct(i, "\"") || key(i) == "''" || key(i) == "``");
    }
    bool possessive(std::size_t i) const { return i < n_ && s_.tokens[i].has(text::possessive); }
    bool adverb(std::size_t i) const {
        const auto k = key(i);
        return is(i, wc_adverbs) ||
               (k.size() > 4 && k.substr(k.size() - 2) == "ly" && s_.tokens[i].is_lowercase());
    }
    bool auxiliary(std::size_t i) const {
        const auto k = key(i);
        // A negated auxiliary is one token: "didn't", "can't".
        const bool negated = is(i, wc_negation_words) && k.size() > 3 && k.ends_with("n't");
        return is(i, wc_be_words | wc_have_words | wc_modal_words | wc_future_words) || k == "do" ||
               k == "does" || k == "did" || negated;
    }
    // A lower-case word of no closed class and no trigger: a noun, most often
    // ("crowds", "government" after an actor).
    bool plain_noun(std::size_t i) const {
        return i < n_ && s_.tokens[i].kind == text::TokenKind::word &&
               s_.tokens[i].is_lowercase() && trigger_at_[i] < 0 && !possessive(i) &&
               (classes_[i] & ~(wc_heads_of | wc_reporting_agents)) == 0;
    }
    const lexicon::Mention* mention(std::size_t i) const {
        return i < n_ && mention_at_[i] >= 0 ? &s_.mentions[std::size_t(mention_at_[i])] : nullptr;
    }
    bool verb_trigger(std::size_t i) const {
        return i < n_ && trigger_at_[i] >= 0 && is_verb_[std::size_t(trigger_at_[i])];
    }
    const TriggerInfo& info_of(std::size_t trigger) const {
        return lex_.info(reading_[trigger].info);
    }
    std::size_t trigger_first(std::size_t t) const { return triggers_[t].first_token; }
    std::size_t trigger_last(std::size_t t) const { return triggers_[t].last_token; }
    std::string trigger_text(std::size_t t) const {
        const auto& m = triggers_[t];
        return std::string(
            s_.text.substr(s_.tokens[m.first_token].begin,
                           s_.tokens[m.last_token - 1].end - s_.tokens[m.first_token].begin));
    }

    // A mention stands alone as an actor (not a bare adjective modifying a
    // noun: "Iranian missiles"), unless it is a plural demonym ("Palestinians").
    bool actor_like(const lexicon::Mention& m) const {
        if (m.in_compound || backed(m)) return false;
        if (m.kind != lexicon::MatchKind::adjective || m.actor.kind == ActorKind::agent)
            return true;
        if (hyphen_tail(m) == "led") return true;  // "the Saudi-led coalition"
        const auto last = key(m.last_token - 1);
        if (!last.empty() && last.back() == 's') return true;
        // "an Eriadorian was shot", "a Briton, …": one person of that country,
        // when no noun follows ("an Iranian drone").
        const auto before = m.first_token > 0 ? key(m.first_token - 1) : std::string_view();
        const std::size_t next = m.last_token;
        return (before == "a" || before == "an") &&
               (next >= n_ || s_.tokens[next].kind == text::TokenKind::punct ||
                is(next, wc_be_words | wc_have_words | wc_modal_words | wc_future_words |
                             wc_relatives | wc_prepositions) ||
                key(next) == "and" || key(next) == "or");
    }

    // "the Syrian-backed Amal militia", "Russian-occupied Kherson": a name
    // before "-" and a participle describes whom it backs or holds; it is no
    // actor of its own ("Saudi-led" is: the coalition is its).
    bool backed(const lexicon::Mention& m) const {
        const auto w = hyphen_tail(m);
        return w.size() > 3 && w.ends_with("ed") && w != "led" &&
               std::islower(static_cast<unsigned char>(w.front()));
    }
    // What follows a mention inside its hyphenated token: "backed" of "Syrian-backed".
    std::string_view hyphen_tail(const lexicon::Mention& m) const {
        if (m.last_token == 0 || m.last_token > n_) return {};
        const auto& tok = s_.tokens[m.last_token - 1];
        if (!tok.has(text::hyphenated) || m.end + 1 >= tok.end || s_.text[m.end] != '-') return {};
        return s_.text.substr(m.end + 1, tok.end - m.end - 1);
    }

    // ---- which reading of each trigger (detail_sentence.cpp) ---------------

    void choose_readings();
    void remember(const Found& f);

    // ---- reporting frames (detail_frames.cpp) --------------------------------

    std::uint32_t statement_info() const;
    bool speech(std::size_t t) const;
    std::optional<Actor> speaker_actor(const lexicon::Mention& m) const;
    bool indefinite_before(std::size_t i) const;
    void find_speaker();
    bool according_to_frame();
    bool speech_frame(std::size_t t);
    void speaker_events(std::vector<Found>& out);

    // ---- clauses, subjects, objects (detail_clauses.cpp) ----------------------

    void split_clauses(std::size_t b, std::size_t e);
    bool starts_clause(std::size_t i, std::size_t e) const;
    std::optional<std::size_t> governing_prep(std::size_t i, std::size_t lo) const;
    bool governed(std::size_t i, std::size_t lo) const { return governing_prep(i, lo).has_value(); }
    std::optional<std::size_t> possessed_trigger(const lexicon::Mention& m) const;
    std::optional<Actor> pronoun_actor(std::string_view k) const;
    std::optional<Subject> subject_before(std::size_t verb, const Clause& c) const;
    std::size_t modifiers_before(std::size_t first, std::size_t lo) const;
    const lexicon::Mention* actor_of_noun(const lexicon::Mention& m, std::size_t lo) const;
    static Actor agent_of(const Actor& of, const Actor& agent);
    std::optional<Subject> subject_of_clause(const Clause& c,
                                             const std::optional<Subject>& previous) const;
    std::vector<Object> objects_after(std::size_t from, std::size_t end, std::size_t lo) const;
    const lexicon::Mention* complement_subject(const Clause& c) const;
    const lexicon::Mention* condition_subject(std::size_t after) const;
    bool new_predicate_at(std::size_t i) const;
    std::size_t predicate_end(std::size_t t, const Clause& c) const;

    // ---- roles (detail_roles.cpp) ---------------------------------------------

    void predicates(const Clause& c, const std::optional<Subject>& clause_subject,
                    std::vector<Found>& out);
    void verb_predicates(const std::vector<std::size_t>& verbs, const Clause& c,
                         const std::optional<Subject>& clause_subject, Regions& regions,
                         std::vector<Found>& out);
    void assign_verb_roles(const VerbPredicate& p, const Actor& subject, const Clause& c,
                           std::vector<Found>& out);
    const Object* frame_target(const TriggerInfo& info, const std::vector<Object>& objects,
                               std::size_t infinitive) const;
    void host_predicates(const std::vector<std::size_t>& verbs, const Clause& c,
                         const std::optional<Subject>& clause_subject, std::vector<Found>& out);
    void noun_predicates(const std::vector<std::size_t>& nouns, const Clause& c,
                         const std::optional<Subject>& clause_subject, Regions& regions,
                         std::vector<Found>& out);
    static bool listed(const std::vector<std::string>& preps, std::string_view p);
    Polarity polarity_before(std::size_t verb, std::size_t lo, const Clause& c) const;
    bool passive(std::size_t t, std::size_t lo) const;
    static Actor country_of_place(const Actor& place);
    void set_target(Found& f, const Actor& a) const;
    bool obliged(std::size_t verb, std::size_t lo) const;
    bool infinitive_of_noun(std::size_t to, std::size_t lo) const;
    Found make(std::size_t t, const Actor& source) const;

    // ---- verb dictionaries (detail_coding.cpp) ---------------------------------

    Coding coding_of(std::size_t t, const Clause& c) const;
    bool pattern_after_be(std::size_t t, const Reading& r) const;
    PatternMatch best_pattern(std::size_t t, const VerbDictionary& d, std::size_t lo,
                              std::size_t hi) const;
    void apply(const Coding& k, Found& f) const;
    void reverse_events(const Coding& k, std::size_t from, std::vector<Found>& out) const;
    void compound_events(const VerbPredicate& p, const Clause& c, std::vector<Found>& out) const;

    // ---- time, place, details, emit (detail_details.cpp) ----------------------

    std::optional<std::size_t> time_in(std::size_t b, std::size_t e) const;
    std::optional<std::size_t> clause_time(const Clause& c) const;
    void place_of_clause(const Clause& c, Found& f) const;
    void details(const Clause& c, Found& f) const;
    std::optional<int> number(std::size_t i) const;
    bool needs_target(std::uint32_t info) const;
    bool demanded(const Clause& c) const;
    void emit(Found f, const Clause& c, std::vector<Found>& out) const;
    void intent(Found& f) const;

    const Sentence& s_;
    const TriggerLexicon& lex_;
    const Grammar& g_;
    Discourse& d_;
    std::size_t n_;
    std::vector<std::uint32_t> classes_;  // WordClass bits of each token
    std::vector<int> mention_at_, trigger_at_, time_at_;
    std::vector<Reading> reading_;
    std::vector<bool> is_verb_;
    std::vector<std::size_t> mute_;  // triggers that are no predicate here
    std::optional<Speaker> speaker_;
    std::vector<std::pair<std::size_t, std::size_t>> content_;
    std::vector<Clause> clauses_;
    std::vector<TriggerMatch> triggers_;  // the sentence's, less those inside actor names
};

}  // namespace eventgraph::extract::detail

// Roles per trigger in one sentence: step 3 to 6 of the design's extraction
// outline. A shallow reading on purpose: word classes from small closed
// lists, clauses from markers, roles from the nearest actors on either side
// of a trigger and the prepositions that govern them.

#include "detail_sentence.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_set>

namespace eventgraph::extract::detail {

namespace {

using model::Actor;
using model::ActorKind;
using model::Polarity;
using Words = std::unordered_set<std::string_view>;

// Closed classes of English, by match key (lower case, periods dropped).
const Words be_words = {"is", "are", "was", "were", "be", "been", "being", "am"};
const Words have_words = {"has", "have", "had", "having"};
const Words modal_words = {"may", "might", "could", "would", "should", "can", "must", "cannot", "couldn't", "wouldn't"};
const Words future_words = {"will", "shall", "'ll", "won't"};
const Words obligation_words = {"must", "should", "ought"};
const Words negation_words = {"not", "never", "no", "n't", "cannot", "don't", "doesn't", "didn't", "won't", "wouldn't",
                              "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "couldn't", "neither", "nor"};
const Words prepositions = {"of", "on", "in", "at", "to", "from", "with", "by", "for", "against", "into", "onto", "over",
                            "under", "about", "between", "among", "during", "through", "across", "toward", "towards",
                            "near", "along", "after", "before", "until", "within", "without", "despite", "amid",
                            "amidst", "via", "upon", "outside", "inside", "behind", "beyond", "like", "per",
                            "following", "including", "off", "as"};
const Words determiners = {"a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "your",
                           "my", "some", "any", "every", "each", "all", "another", "other", "such", "no", "new", "further",
                           "more", "fresh", "latest", "first", "second", "third"};
const Words subordinators = {"while", "whereas", "although", "though", "because", "unless", "if", "whether",
                             "where", "when", "since", "despite", "amid", "after", "before"};
const Words conditionals = {"if", "unless", "whether"};
const Words relatives = {"who", "whom", "whose", "which"};
const Words pronouns = {"it", "they", "he", "she", "we"};
const Words adverbs = {"also", "still", "now", "already", "again", "reportedly", "officially", "allegedly", "further",
                       "directly", "basically", "once", "recently", "repeatedly", "jointly", "finally", "just", "even",
                       "then", "yet", "formally", "publicly", "previously", "later", "earlier", "apparently",
                       "reluctantly", "quickly", "immediately", "openly", "flatly", "bluntly", "outright",
                       "unilaterally", "routinely", "effectively", "actually", "so", "too", "only", "not", "never",
                       "always", "often", "today", "tonight", "here", "there", "initially", "subsequently"};
const Words future_lead = {"plans", "plan", "planned", "planning", "intends", "intend", "intended", "aims", "aim",
                           "set", "expected", "going", "due", "scheduled", "ready", "prepared", "willing", "hopes",
                           "hope", "seeks", "seeking", "wants", "want", "vowed", "vows", "pledged", "promised",
                           "threatened", "threatens", "offered", "offers", "agreed", "agrees"};
// Nouns that stand for the actor after their "of": "the president of Armenia".
const Words heads_of = {"president", "leader", "leaders", "government", "people", "minister", "king", "queen",
                        "army", "forces", "troops", "ambassador", "embassy", "parliament", "authorities",
                        "officials", "delegation", "representatives", "ministry", "prime", "emir", "head",
                        "chief", "envoy", "foreign", "capital", "regime", "kingdom", "republic", "state",
                        // quantities: "a group of Moroccan diplomats", "thousands of Palestinians"
                        "group", "groups", "delegation", "team", "members", "member", "thousands", "hundreds",
                        "dozens", "millions", "scores", "number", "some", "most", "many", "all", "both", "part"};
// Agents whose words are sourcing, not a statement of their state.
const Words reporting_agents = {"media", "police", "military", "civilians", "judiciary", "intelligence",
                                "rebels", "opposition", "business", "labour", "refugees"};
// Targets a noun's prepositions introduce when its trigger group lists none.
const Words noun_target_preps = {"on", "against", "to", "with", "into", "toward", "towards", "at", "over", "between"};
// Words that tell the kind of aid.
const std::array<std::pair<std::string_view, std::string_view>, 24> aid_mode_words = {{
    {"weapons", "military"}, {"arms", "military"}, {"missiles", "military"}, {"ammunition", "military"},
    {"drones", "military"}, {"military", "military"}, {"tanks", "military"}, {"artillery", "military"},
    {"shells", "military"}, {"troops", "military"}, {"food", "humanitarian"}, {"medicine", "humanitarian"},
    {"medical", "humanitarian"}, {"humanitarian", "humanitarian"}, {"relief", "humanitarian"},
    {"shelter", "humanitarian"}, {"money", "economic"}, {"loan", "economic"}, {"loans", "economic"},
    {"grant", "economic"}, {"credit", "economic"}, {"funds", "economic"}, {"financial", "economic"},
    {"economic", "economic"},
}};
const std::array<std::pair<std::string_view, int>, 20> number_words = {{
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8},
    {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"hundred", 100},
}};

bool in(const Words& set, std::string_view key) { return set.count(key) > 0; }

// One bit a word class, looked up once per token instead of once per question.
enum WordClass : std::uint32_t {
    wc_be_words = 1u << 0,
    wc_have_words = 1u << 1,
    wc_modal_words = 1u << 2,
    wc_future_words = 1u << 3,
    wc_negation_words = 1u << 4,
    wc_prepositions = 1u << 5,
    wc_determiners = 1u << 6,
    wc_subordinators = 1u << 7,
    wc_conditionals = 1u << 8,
    wc_relatives = 1u << 9,
    wc_pronouns = 1u << 10,
    wc_adverbs = 1u << 11,
    wc_future_lead = 1u << 12,
    wc_obligation_words = 1u << 13,
    wc_heads_of = 1u << 14,
};

std::unordered_map<std::string_view, std::uint32_t> make_word_classes() {
    std::unordered_map<std::string_view, std::uint32_t> classes;
    const std::pair<const Words*, std::uint32_t> all[] = {
        {&be_words, wc_be_words},
        {&have_words, wc_have_words},
        {&modal_words, wc_modal_words},
        {&future_words, wc_future_words},
        {&negation_words, wc_negation_words},
        {&prepositions, wc_prepositions},
        {&determiners, wc_determiners},
        {&subordinators, wc_subordinators},
        {&conditionals, wc_conditionals},
        {&relatives, wc_relatives},
        {&pronouns, wc_pronouns},
        {&adverbs, wc_adverbs},
        {&future_lead, wc_future_lead},
        {&obligation_words, wc_obligation_words},
        {&heads_of, wc_heads_of},
    };
    for (const auto& [words, bit] : all)
        for (const auto w : *words) classes[w] |= bit;
    return classes;
}

const std::unordered_map<std::string_view, std::uint32_t> word_classes = make_word_classes();


enum class ClauseKind { main, coordinate, participle, subordinate, conditional, relative, complement };

struct Clause {
    std::size_t begin = 0, end = 0;  // tokens [begin, end)
    ClauseKind kind = ClauseKind::main;
    int antecedent = -1;             // a relative clause's antecedent mention
};

struct Subject {
    std::vector<Actor> actors;
    std::size_t end = 0;       // token after the subject
    bool inherited = false;
    bool event_noun = false;   // the subject is an event noun ("Russia's strike … kills")
};

constexpr std::size_t no_trigger = std::size_t(-1);

struct Speaker {
    int mention = -1;
    std::optional<Actor> actor;
    bool anonymous = false;  // "a senior official said"
    std::size_t verb = no_trigger;  // the speech trigger; none for "according to X"
    std::size_t frame_begin = 0, frame_end = 0;  // tokens of the frame
    bool infinitive = false;  // "claimed to have …": the content's subject is the speaker
    bool reported_before = true;  // what comes before the frame is the speaker's words (not so after "X said:")
};

class Analyser {
public:
    Analyser(const Sentence& s, const TriggerLexicon& t, Discourse& d) : s_(s), lex_(t), d_(d), n_(s.tokens.size()) {
        classes_.reserve(n_);
        for (const auto& k : s_.keys) {
            const auto it = word_classes.find(k);
            classes_.push_back(it == word_classes.end() ? 0 : it->second);
        }
        mention_at_.assign(n_, -1);
        for (std::size_t m = 0; m < s_.mentions.size(); ++m) {
            const auto& mt = s_.mentions[m];
            if (mt.actor.code.empty()) continue;  // a bare agent noun: no country to give it
            for (std::size_t i = mt.first_token; i < mt.last_token && i < n_; ++i) mention_at_[i] = int(m);
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
            const bool name_like = t.first_token > 0 && first.is_capitalized() && !first.is_all_caps() && !title_case &&
                                   !quote(t.first_token - 1) && !punct(t.first_token - 1, ":");
            if (!inside && !name_like) triggers_.push_back(t);
        }
        trigger_at_.assign(n_, -1);
        for (std::size_t t = 0; t < triggers_.size(); ++t)
            for (std::size_t i = triggers_[t].first_token; i < triggers_[t].last_token; ++i) trigger_at_[i] = int(t);
        time_at_.assign(n_, -1);
        for (std::size_t k = 0; k < s_.times.size(); ++k)
            for (std::size_t i = 0; i < n_; ++i)
                if (s_.tokens[i].begin >= s_.times[k].begin && s_.tokens[i].end <= s_.times[k].end) time_at_[i] = int(k);
        choose_readings();
    }

    std::vector<Found> run() {
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

private:
    // ---- tokens ----------------------------------------------------------

    bool is(std::size_t i, std::uint32_t word_class) const { return i < n_ && (classes_[i] & word_class) != 0; }

    bool any_mention(std::size_t i) const {
        for (const auto& m : s_.mentions)
            if (i >= m.first_token && i < m.last_token) return true;
        return false;
    }

    std::string_view key(std::size_t i) const { return i < n_ ? std::string_view(s_.keys[i]) : std::string_view(); }
    bool punct(std::size_t i, std::string_view p) const {
        return i < n_ && s_.tokens[i].kind == text::TokenKind::punct && s_.tokens[i].text(s_.text) == p;
    }
    bool comma(std::size_t i) const { return punct(i, ","); }
    bool quote(std::size_t i) const {
        return i < n_ && (s_.tokens[i].has(text::open_quote) || s_.tokens[i].has(text::close_quote) ||
                          punct(i, "\"") || key(i) == "''" || key(i) == "``");
    }
    bool possessive(std::size_t i) const { return i < n_ && s_.tokens[i].has(text::possessive); }
    bool adverb(std::size_t i) const {
        const auto k = key(i);
        return is(i, wc_adverbs) || (k.size() > 4 && k.substr(k.size() - 2) == "ly" && s_.tokens[i].is_lowercase());
    }
    bool auxiliary(std::size_t i) const {
        const auto k = key(i);
        return is(i, wc_be_words | wc_have_words | wc_modal_words | wc_future_words) || k == "do" || k == "does" ||
               k == "did";
    }
    const lexicon::Mention* mention(std::size_t i) const {
        return i < n_ && mention_at_[i] >= 0 ? &s_.mentions[std::size_t(mention_at_[i])] : nullptr;
    }
    bool verb_trigger(std::size_t i) const { return i < n_ && trigger_at_[i] >= 0 && is_verb_[std::size_t(trigger_at_[i])]; }
    const TriggerInfo& info_of(std::size_t trigger) const { return lex_.info(reading_[trigger].info); }
    std::size_t trigger_first(std::size_t t) const { return triggers_[t].first_token; }
    std::size_t trigger_last(std::size_t t) const { return triggers_[t].last_token; }
    std::string trigger_text(std::size_t t) const {
        const auto& m = triggers_[t];
        return std::string(s_.text.substr(s_.tokens[m.first_token].begin,
                                          s_.tokens[m.last_token - 1].end - s_.tokens[m.first_token].begin));
    }

    // A mention stands alone as an actor (not a bare adjective modifying a
    // noun: "Iranian missiles"), unless it is a plural demonym ("Palestinians").
    bool actor_like(const lexicon::Mention& m) const {
        if (m.in_compound) return false;
        if (m.kind != lexicon::MatchKind::adjective || m.actor.kind == ActorKind::agent) return true;
        const auto last = key(m.last_token - 1);
        return !last.empty() && last.back() == 's';
    }

    // ---- which reading of each trigger ----------------------------------

    void choose_readings() {
        reading_.resize(triggers_.size());
        is_verb_.assign(triggers_.size(), false);
        for (std::size_t t = 0; t < triggers_.size(); ++t) {
            const auto& m = triggers_[t];
            const std::size_t f = m.first_token;
            const std::string_view prev = f > 0 ? key(f - 1) : std::string_view();
            const bool after_det = (f > 0 && is(f - 1, wc_determiners)) || possessive(f - 1) || (f > 0 && s_.tokens[f - 1].kind == text::TokenKind::number);
            const lexicon::Mention* before = f > 0 ? mention(f - 1) : nullptr;
            const bool after_modifier = before && (before->kind == lexicon::MatchKind::adjective || before->in_compound ||
                                                   (before->first_token > 0 && is(before->first_token - 1, wc_determiners)));
            const bool after_prep = f > 0 && is(f - 1, wc_prepositions) && prev != "to";
            const bool verbal_context = f == 0 || prev == "to" || auxiliary(f - 1) || adverb(f - 1) || is(f - 1, wc_pronouns) ||
                                        is(f - 1, wc_relatives) || prev == "that" || (before && !after_modifier) ||
                                        comma(f - 1) || prev == "and" || prev == "or" || prev == "but" || quote(f - 1);
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
            // A gerund or participle after a determiner is a noun ("the bombing");
            // a bare form after "to" or an actor is a verb ("Russia attacks").
            if (verb && noun) {
                const bool use_verb = verbal_context && !after_det && !after_prep && !after_modifier;
                reading_[t] = use_verb ? *verb : *noun;
                is_verb_[t] = use_verb;
            } else if (verb) {
                reading_[t] = *verb;
                is_verb_[t] = !after_det;
                // A verb form after a determiner is a noun the triggers do not know
                // as one ("their arms industries"): no predicate at all.
                if (after_det) mute_.push_back(t);
            } else {
                reading_[t] = *noun;
            }
            // A noun reading of a phrase ("in exchange") is no predicate.
        }
    }

    // ---- reporting frames -------------------------------------------------

    // The trigger group a frame without a speech verb ("according to") counts as.
    std::uint32_t statement_info() const {
        for (std::uint32_t i = 0; i < lex_.infos().size(); ++i)
            if (lex_.info(i).frame == Frame::speech) return i;
        return 0;
    }

    bool speech(std::size_t t) const { return is_verb_[t] && info_of(t).frame == Frame::speech; }

    std::optional<Actor> speaker_actor(const lexicon::Mention& m) const {
        if (!actor_like(m)) return std::nullopt;
        return m.actor;
    }

    bool indefinite_before(std::size_t i) const {
        // "a senior official said": anonymous sourcing.
        for (std::size_t k = i; k-- > 0 && i - k <= 3;) {
            if (key(k) == "a" || key(k) == "an") return true;
            if (!s_.tokens[k].is_lowercase()) break;
        }
        return false;
    }

    void find_speaker() {
        // "according to X, …" / "…, according to X."
        for (std::size_t i = 0; i + 2 < n_; ++i) {
            if (key(i) != "according" || key(i + 1) != "to") continue;
            std::size_t j = i + 2;
            if (key(j) == "the" && !mention(j)) ++j;
            Speaker sp;
            sp.frame_begin = i > 0 && comma(i - 1) ? i - 1 : i;
            sp.frame_end = j;
            if (const auto* m = mention(j)) {
                sp.mention = mention_at_[j];
                sp.actor = speaker_actor(*m);
                sp.frame_end = m->last_token;
            } else {
                while (sp.frame_end < n_ && !comma(sp.frame_end) && !punct(sp.frame_end, ".")) ++sp.frame_end;
            }
            if (comma(sp.frame_end)) ++sp.frame_end;
            speaker_ = sp;
            return;
        }
        for (std::size_t t = 0; t < triggers_.size(); ++t) {
            if (!speech(t)) continue;
            const std::size_t f = trigger_first(t), l = trigger_last(t);
            // Trailing: "…, X said." or "…," said X.
            std::size_t k = f;
            while (k > 0 && (adverb(k - 1) || auxiliary(k - 1))) --k;
            if (k > 0) {
                const lexicon::Mention* m = mention(k - 1);
                std::size_t lead = m ? m->first_token : 0;
                while (lead > 0 && mention(lead - 1)) lead = mention(lead - 1)->first_token;  // "French President" + "Emmanuel Macron"
                if (m && lead > 0 && (comma(lead - 1) || quote(lead - 1))) {
                    std::size_t b = lead - 1;
                    while (b > 0 && (comma(b - 1) || quote(b - 1))) --b;
                    speaker_ = Speaker{mention_at_[k - 1], speaker_actor(*m), indefinite_before(lead), t, b, n_, false};
                    if (b == 0) speaker_.reset();
                    else return;
                }
            }
            if (f > 0 && (comma(f - 1) || quote(f - 1))) {
                std::size_t b = f - 1;
                while (b > 0 && (comma(b - 1) || quote(b - 1))) --b;
                std::size_t j = l;
                if (key(j) == "the" && !mention(j)) ++j;
                Speaker sp{-1, std::nullopt, false, t, b, n_, false};
                if (const auto* m = mention(j)) {
                    sp.mention = mention_at_[j];
                    sp.actor = speaker_actor(*m);
                    sp.anonymous = indefinite_before(j);
                }
                if (b > 0) {
                    speaker_ = sp;
                    return;
                }
            }
            // Leading: "X said (that) …", "X claimed to have …", "X described … and claimed to …".
            std::optional<std::size_t> and_at;  // "X rejected … and said …": the frame starts at "and"
            if (k > 0 && key(k - 1) == "and") {
                and_at = k - 1;
                for (std::size_t x = 0; x + 1 < k; ++x)
                    if (const auto* m = mention(x); m && actor_like(*m) && !governed(x, 0)) {
                        k = m->last_token;
                        break;
                    } else if (m) {
                        x = m->last_token - 1;
                    }
            }
            if (k > 0) {
                if (const auto* m = mention(k - 1); m && !governed(m->first_token, 0)) {
                    Speaker sp{mention_at_[k - 1], speaker_actor(*m), indefinite_before(m->first_token), t, m->first_token, l, false};
                    std::size_t c = l;
                    // "told journalists on Sept. 10 that …": the addressee and time belong to the frame.
                    for (std::size_t x = l; x < n_ && x < l + 8; ++x) {
                        if (key(x) == "that" || punct(x, ":")) {
                            c = x + 1;
                            break;
                        }
                        if (verb_trigger(x)) break;
                    }
                    if (c == l && key(l) == "to") {
                        sp.infinitive = true;
                        c = l + 1;
                    }
                    // Words before the frame ("On Tuesday, X said …", "X rejected … and
                    // said …") stay content, told by the sentence, not by the speaker.
                    sp.frame_end = c;
                    if (and_at) sp.frame_begin = *and_at;
                    sp.reported_before = false;
                    speaker_ = sp;
                    return;
                }
            }
            // Trailing with a speaker that is no actor: "…, experts told the Kyiv Independent."
            for (std::size_t c = f; c-- > 0 && f - c <= 5;) {
                if (comma(c) || (quote(c) && c > 0 && comma(c - 1))) {
                    bool plain = c > 0;
                    for (std::size_t x = c + 1; x < f; ++x)
                        if ((mention(x) && !governed(x, c + 1)) || trigger_at_[x] >= 0 || key(x) == "and" || key(x) == "but" || key(x) == "or")
                            plain = false;
                    if (plain) {
                        std::size_t b = c;
                        while (b > 0 && (comma(b - 1) || quote(b - 1))) --b;
                        speaker_ = Speaker{-1, std::nullopt, true, t, b, n_, false};
                        return;
                    }
                    break;
                }
                if (verb_trigger(c) || is(c, wc_prepositions)) break;
            }
        }
    }

    // ---- clauses -----------------------------------------------------------

    void split_clauses(std::size_t b, std::size_t e) {
        Clause c{b, e, ClauseKind::main, -1};
        if (speaker_ && speaker_->infinitive && b == speaker_->frame_end) c.kind = ClauseKind::complement;
        auto close = [&](std::size_t at, ClauseKind next, int antecedent) {
            c.end = at;
            if (c.end > c.begin) clauses_.push_back(c);
            c = Clause{at, e, next, antecedent};
        };
        for (std::size_t i = b; i < e; ++i) {
            const auto k = key(i);
            if (punct(i, ";") || punct(i, ":") || punct(i, "(") || punct(i, ")")) {
                close(i + 1, ClauseKind::main, -1);
                continue;
            }
            if (i == c.begin) continue;
            if (is(i, wc_conditionals)) {
                close(i, ClauseKind::conditional, -1);
            } else if (is(i, wc_subordinators) && !(k == "since" || k == "after" || k == "before" || k == "despite" ||
                                                  k == "amid") ) {
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
            } else if (k == "that" && i > b && !is(i - 1, wc_prepositions) && !is(i - 1, wc_determiners)) {
                // after an actor "that" is relative ("Russia, that …"), else it opens what is said or asked
                const bool relative = mention(i - 1) != nullptr;
                close(i, relative ? ClauseKind::relative : ClauseKind::complement, relative ? mention_at_[i - 1] : -1);
            } else if (k == "and" || k == "but" || k == "or") {
                // Verb phrases joined: "… and in return is receiving …", "… and become …".
                std::size_t x = i + 1;
                while (x < e && (adverb(x) || key(x) == "in" || key(x) == "return" || key(x) == "then")) ++x;
                const bool vp = x < e && (auxiliary(x) || verb_trigger(x));
                const bool new_subject = comma(i - 1) && x < e && mention(x) && [&] {
                    std::size_t y = mention(x)->last_token;
                    while (y < e && adverb(y)) ++y;
                    return y < e && (auxiliary(y) || verb_trigger(y));
                }();
                if (vp) close(i, ClauseKind::coordinate, -1);
                else if (new_subject) close(i, ClauseKind::main, -1);
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
    bool starts_clause(std::size_t i, std::size_t e) const {
        std::size_t j = i;
        if (const auto* m = mention(i)) j = m->last_token;
        else if (is(i, wc_pronouns)) j = i + 1;
        else return false;
        while (j < e && adverb(j)) ++j;
        return j < e && (auxiliary(j) || verb_trigger(j));
    }

    // ---- roles ---------------------------------------------------------------

    // The preposition that governs the token at i, looking left no further than lo.
    std::optional<std::size_t> governing_prep(std::size_t i, std::size_t lo) const {
        for (std::size_t k = i; k-- > lo;) {
            if (verb_trigger(k) || punct(k, ";")) return std::nullopt;
            // "with the president of Armenia", "to the people of X": the "of" after a
            // title or a body hands the actor to the preposition before them.
            if (key(k) == "of" && k > lo && is(k - 1, wc_heads_of)) continue;
            // "up to 16 Russian advisers", "as many as 20": quantities, not prepositions.
            if ((key(k) == "to" && k > lo && key(k - 1) == "up") || (key(k) == "as" && k + 1 < n_ && key(k + 1) == "many"))
                continue;
            if (is(k, wc_prepositions) && !mention(k)) return k;
            if (auxiliary(k) || is(k, wc_relatives) || key(k) == "that") return std::nullopt;
        }
        return std::nullopt;
    }
    bool governed(std::size_t i, std::size_t lo) const { return governing_prep(i, lo).has_value(); }

    // "Russia's strike", "Russia's full-scale invasion": a possessive before a trigger noun.
    std::optional<std::size_t> possessed_trigger(const lexicon::Mention& m) const {
        if (!possessive(m.last_token)) return std::nullopt;
        for (std::size_t k = m.last_token + 1; k < n_ && k <= m.last_token + 4; ++k) {
            if (trigger_at_[k] >= 0) return is_verb_[std::size_t(trigger_at_[k])] ? std::nullopt : std::optional<std::size_t>(trigger_at_[k]);
            if (!s_.tokens[k].is_lowercase() || mention(k)) break;
        }
        return std::nullopt;
    }

    std::optional<Actor> pronoun_actor(std::string_view k) const {
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
    std::optional<Subject> subject_before(std::size_t verb, const Clause& c) const {
        std::size_t lo = c.begin;
        if (lo < n_ && (is(lo, wc_subordinators) || is(lo, wc_relatives) || key(lo) == "that" ||
                        key(lo) == "and" || key(lo) == "but" || key(lo) == "or"))
            ++lo;
        int chosen = -1;
        std::size_t pronoun_at = n_;
        bool event_noun = false;
        for (std::size_t i = lo; i < verb; ++i) {
            if (const auto* m = mention(i)) {
                const int idx = mention_at_[i];
                i = m->last_token - 1;
                if (governed(m->first_token, lo)) continue;
                // An adjective heads a subject with its noun: "The Turkish and Greek
                // sides agreed", "Iraqi Kurds sought"; not inside a compound.
                if (!actor_like(*m) && (m->in_compound || m->last_token >= verb)) continue;
                if (possessed_trigger(*m)) continue;
                chosen = idx;
            } else if (comma(i) && chosen >= 0 && (key(i + 1) == "a" || key(i + 1) == "an" || key(i + 1) == "the")) {
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
        if (chosen >= 0) {
            const auto& m = s_.mentions[std::size_t(chosen)];
            s.end = m.last_token;
            s.actors.push_back(m.actor);
            // coordinated to the left: "Beijing and Moscow", "Hungarian and Romanian officials"
            std::size_t first = m.first_token;
            while (first >= lo + 2 && (key(first - 1) == "and" || key(first - 1) == "or" || comma(first - 1)) &&
                   mention(first - 2) && mention(first - 2)->first_token >= lo) {
                const auto& left = *mention(first - 2);
                if (left.actor.code != m.actor.code || left.actor.id != m.actor.id) s.actors.insert(s.actors.begin(), left.actor);
                first = left.first_token;
                if (first >= 1 && key(first - 1) == "and" && first >= 2 && comma(first - 2)) --first;
            }
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

    std::optional<Subject> subject_of_clause(const Clause& c, const std::optional<Subject>& previous) const {
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

    struct Object {
        const lexicon::Mention* mention = nullptr;
        std::string_view prep;  // "" for a direct object
        std::size_t at = 0;
    };

    // Actors right of a predicate, up to the next predicate that is not its
    // complement ("requested to join the BRICS" reads on past "join").
    std::vector<Object> objects_after(std::size_t from, std::size_t end, std::size_t lo) const {
        std::vector<Object> out;
        for (std::size_t i = from; i < end; ++i) {
            if (verb_trigger(i) && i > from && trigger_first(std::size_t(trigger_at_[i])) == i && key(i - 1) != "to" &&
                !(i >= 2 && key(i - 2) == "to" && quote(i - 1)))
                break;
            if (const auto* m = mention(i)) {
                const auto p = governing_prep(m->first_token, lo);
                out.push_back({m, p ? key(*p) : std::string_view(), m->first_token});
                i = m->last_token - 1;
            }
        }
        return out;
    }

    // The first actor of the that-clause right after a clause.
    const lexicon::Mention* complement_subject(const Clause& c) const {
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
    const lexicon::Mention* condition_subject(std::size_t after) const {
        for (const Clause& c : clauses_) {
            if (c.begin <= after || c.kind != ClauseKind::conditional) continue;
            for (std::size_t i = c.begin + 1; i < c.end; ++i) {
                if (verb_trigger(i) || auxiliary(i)) break;
                if (const auto* m = mention(i); m && actor_like(*m)) return m;
            }
        }
        return nullptr;
    }

    std::size_t predicate_end(std::size_t t, const Clause& c) const {
        for (std::size_t i = trigger_last(t); i < c.end; ++i)
            if (verb_trigger(i) && trigger_first(std::size_t(trigger_at_[i])) == i && key(i - 1) != "to") return i;
        return c.end;
    }

    static bool listed(const std::vector<std::string>& preps, std::string_view p) {
        return std::find(preps.begin(), preps.end(), p) != preps.end();
    }

    Polarity polarity_before(std::size_t verb, std::size_t lo, const Clause& c) const {
        Polarity p = Polarity::asserted;
        for (std::size_t k = verb; k-- > lo;) {
            const auto w = key(k);
            if (is(k, wc_negation_words)) return Polarity::denied;
            // Reported "would" is the future seen from the past: "said they would boycott".
            if (w == "would" && speaker_ && p == Polarity::asserted) p = Polarity::future;
            else if (is(k, wc_modal_words | wc_obligation_words)) p = Polarity::hypothetical;
            else if (is(k, wc_future_words) && p == Polarity::asserted) p = Polarity::future;
            else if (w == "to" && k > lo && is(k - 1, wc_future_lead) && p == Polarity::asserted) p = Polarity::future;
            if (mention(k) || verb_trigger(k)) break;
        }
        if (p == Polarity::asserted && c.kind == ClauseKind::conditional) p = Polarity::hypothetical;
        return p;
    }

    bool passive(std::size_t t, std::size_t lo) const {
        const auto form = reading_[t].form;
        if (form != VerbForm::participle && form != VerbForm::past) return false;
        for (std::size_t k = trigger_first(t); k-- > lo;) {
            if (is(k, wc_be_words)) return true;
            if (!adverb(k) && !is(k, wc_negation_words)) return false;
        }
        return false;
    }

    static Actor country_of_place(const Actor& place) {
        Actor a;
        a.id = place.code;
        a.code = place.code;
        a.name = place.code;
        a.kind = ActorKind::country;
        return a;
    }

    // A target that is a place names the country attacked; the place is the location.
    void set_target(Found& f, const Actor& a) const {
        if (a.kind == ActorKind::place) {
            f.target = country_of_place(a);
            if (!f.location) f.location = a;
        } else {
            f.target = a;
        }
    }

    std::optional<std::size_t> time_in(std::size_t b, std::size_t e) const {
        for (std::size_t i = b; i < e; ++i)
            if (time_at_[i] >= 0 && s_.times[std::size_t(time_at_[i])].relation == time::TimeRelation::at)
                return std::size_t(time_at_[i]);
        return std::nullopt;
    }

    std::optional<std::size_t> clause_time(const Clause& c) const {
        if (auto t = time_in(c.begin, c.end)) return t;
        if (speaker_) {
            if (auto t = time_in(speaker_->frame_begin, speaker_->frame_end)) return t;
        }
        for (const auto& [b, e] : content_)
            if (auto t = time_in(b, e)) return t;
        return std::nullopt;
    }

    void place_of_clause(const Clause& c, Found& f) const {
        if (f.location) return;
        for (std::size_t i = c.begin; i < c.end; ++i)
            if (const auto* m = mention(i); m && m->actor.kind == ActorKind::place) {
                const auto p = governing_prep(m->first_token, c.begin);
                if (p && (key(*p) == "in" || key(*p) == "at" || key(*p) == "near" || key(*p) == "on" || key(*p) == "into")) {
                    f.location = m->actor;
                    return;
                }
            }
    }

    void details(const Clause& c, Found& f) const {
        const bool assault = f.type == "assault";
        for (std::size_t i = c.begin; i < c.end; ++i) {
            const auto w = key(i);
            if (f.type == "aid" && f.mode.empty())
                for (const auto& [word, mode] : aid_mode_words)
                    if (w == word) f.mode = mode;
            if (!assault) continue;
            if (trigger_at_[i] >= 0 && !is_verb_[std::size_t(trigger_at_[i])]) {
                const auto t = std::size_t(trigger_at_[i]);
                const auto& info = info_of(t);
                if (info.type == "assault" && !info.mode.empty()) {
                    if (f.mode.empty()) f.mode = info.mode;
                    const std::string weapon = trigger_text(t);
                    if (std::find(f.weapons.begin(), f.weapons.end(), weapon) == f.weapons.end()) f.weapons.push_back(weapon);
                }
                i = trigger_last(t) - 1;
                continue;
            }
            const bool kill = w.rfind("kill", 0) == 0;
            const bool wound = w.rfind("wound", 0) == 0 || w.rfind("injur", 0) == 0;
            if (!kill && !wound) continue;
            // "killing two civilians", "killed at least 156 people", "46 people were killed"
            std::optional<int> count;
            for (std::size_t k = i + 1; k < c.end && k <= i + 4 && !count; ++k) count = number(k);
            for (std::size_t k = i; k-- > c.begin && i - k <= 4 && !count;) count = number(k);
            if (count) (kill ? f.killed : f.wounded) = *count;
        }
    }

    std::optional<int> number(std::size_t i) const {
        const auto w = key(i);
        for (const auto& [word, v] : number_words)
            if (w == word) return v;
        if (i < n_ && s_.tokens[i].kind == text::TokenKind::number) {
            std::string digits;
            for (char ch : w)
                if (ch >= '0' && ch <= '9') digits += ch;
            int v = 0;
            if (!digits.empty() && digits.size() < 8 && std::from_chars(digits.data(), digits.data() + digits.size(), v).ec == std::errc())
                return v;
        }
        return std::nullopt;
    }

    bool obliged(std::size_t verb, std::size_t lo) const {
        for (std::size_t k = verb; k-- > lo && verb - k <= 4;) {
            if (is(k, wc_obligation_words) || (key(k) == "to" && k > lo && (key(k - 1) == "has" || key(k - 1) == "have" || key(k - 1) == "need" || key(k - 1) == "needs")))
                return true;
            if (mention(k)) break;
        }
        return false;
    }

    Found make(std::size_t t, const Actor& source) const {
        Found f;
        const auto& info = info_of(t);
        f.info = reading_[t].info;
        f.type = info.type;
        f.mode = info.mode;
        f.trigger = trigger_text(t);
        // "Beijing said": a capital or a region acting is its country.
        f.source = source.kind == ActorKind::place ? country_of_place(source) : source;
        f.position = trigger_first(t);
        if (speaker_ && speaker_->actor && !speaker_->anonymous &&
            (f.position >= speaker_->frame_end || speaker_->reported_before))
            f.attributed_to = speaker_->actor;
        return f;
    }

    // Events that happen to someone need that someone; intransitive ones
    // (protests, mobilisations, withdrawals) and agreements may stand alone.
    bool needs_target(std::uint32_t info) const {
        const auto& i = lex_.info(info);
        if (i.frame == Frame::intransitive) return false;
        return !(i.type == "agree" || i.type == "reject" || i.type == "protest" || i.type == "mobilize");
    }

    // A that-clause after a demand, an appeal or a threat tells what is asked.
    bool demanded(const Clause& c) const {
        if (c.kind != ClauseKind::complement || c.begin == 0) return false;
        for (std::size_t i = c.begin; i-- > 0;) {
            if (trigger_at_[i] >= 0) {
                const auto& t = info_of(std::size_t(trigger_at_[i]));
                return t.type == "request" || t.type == "threaten";
            }
            if (mention(i) || punct(i, ";")) return false;
        }
        return false;
    }

    void emit(Found f, const Clause& c, std::vector<Found>& out) const {
        // Inside one country is no relation: "promised to democratize Serbia" is a
        // promise with no one else in it.
        if (f.target && f.target->code == f.source.code) f.target.reset();
        // An obligation put on someone is kept for the speaker's demand, whatever its target.
        if (!f.target && needs_target(f.info) && !(f.obligation && speaker_)) return;
        if (demanded(c)) return;  // "demanded that the US cancel …": asked for, not done
        place_of_clause(c, f);
        details(c, f);
        if (!f.time) f.time = clause_time(c);
        if (f.time && f.polarity == Polarity::asserted && s_.times[*f.time].flags.future) f.polarity = Polarity::future;
        intent(f);
        if (f.polarity != Polarity::asserted) f.confidence -= 0.1;
        out.push_back(std::move(f));
    }

    // What is promised or threatened is coded as the promise or the threat,
    // as CAMEO does: "will give a grant" is an intent to aid (agree), "would
    // boycott" or "will withdraw … unless" a threat.
    void intent(Found& f) const {
        const int quad = quad_of_cameo(f.cameo.empty() ? lex_.info(f.info).cameo : f.cameo);
        // "will not accept", "refused to …" said of cooperation: a rejection.
        if (f.polarity == Polarity::denied && (quad == 1 || quad == 2) && f.type != "statement") {
            f.type = "reject";
            f.cameo = "120";
            f.polarity = Polarity::asserted;
            return;
        }
        if (f.polarity != Polarity::future && f.polarity != Polarity::hypothetical) return;
        bool condition = false;
        for (std::size_t i = f.position; i < n_; ++i)
            if (key(i) == "unless" || key(i) == "if") condition = true;
        if (f.type == "agree" || f.type == "threaten" || f.type == "statement" || f.type == "request") return;
        if (quad == 4 || (condition && f.polarity == Polarity::future)) {
            f.type = "threaten";
            f.cameo = "130";
            f.polarity = Polarity::asserted;
        } else if ((quad == 1 || quad == 2) && f.polarity == Polarity::future && f.target) {
            f.type = "agree";
            f.cameo = "030";
            f.polarity = Polarity::asserted;
        }
    }

    void predicates(const Clause& c, const std::optional<Subject>& clause_subject, std::vector<Found>& out) {
        std::vector<std::size_t> verbs, nouns;
        for (std::size_t i = c.begin; i < c.end; ++i) {
            if (trigger_at_[i] < 0) continue;
            const auto t = std::size_t(trigger_at_[i]);
            if (trigger_first(t) != i) continue;
            if (speaker_ && t == speaker_->verb) continue;  // the frame's own verb
            if (std::find(mute_.begin(), mute_.end(), t) != mute_.end()) continue;
            (is_verb_[t] ? verbs : nouns).push_back(t);
        }
        // Verb predicates.
        std::vector<std::pair<std::size_t, std::size_t>> regions;  // objects of predicates: nouns there are their content
        for (std::size_t t : verbs) {
            const std::size_t f = trigger_first(t), l = trigger_last(t);
            const auto& info = info_of(t);
            if (info.frame == Frame::speech) continue;  // a speech verb outside a frame: nothing to code
            // "threatened to ban …": the complement belongs to the verb before it.
            bool complement = false;
            for (std::size_t v : verbs)
                if (v != t && trigger_last(v) <= f && key(f - 1) == "to") complement = true;
            if (reading_[t].form == VerbForm::gerund && f > c.begin && is(f - 1, wc_prepositions)) complement = true;
            const std::size_t end = predicate_end(t, c);
            regions.emplace_back(l, end);
            if (complement) continue;
            const bool is_passive = passive(t, c.begin);
            std::optional<Subject> subject = subject_before(f, c);
            if (!subject) subject = clause_subject;
            if (!subject && is_passive) {
                // "A camp for Congolese refugees was attacked by …": who the subject phrase names.
                for (std::size_t i = c.begin; i < f && !subject; ++i)
                    if (const auto* m = mention(i); m && actor_like(*m)) subject = Subject{{m->actor}, m->last_token, false, false};
            }
            if (!subject || subject->event_noun || subject->actors.empty()) continue;
            const auto objects = objects_after(l, c.end, l);
            Polarity pol = polarity_before(f, c.begin, c);
            if (is(l, wc_negation_words) && key(l + 1) == "to") pol = Polarity::denied;  // "vowed not to return"
            const double conf = subject->inherited ? 0.75 : 0.9;

            const bool must = obliged(f, c.begin);
            for (const Actor& subj : subject->actors) {
                Found ev = make(t, subj);
                ev.obligation = must;
                ev.polarity = pol;
                ev.confidence = conf;
                if (is_passive && info.frame != Frame::receive) {
                    const auto by = std::find_if(objects.begin(), objects.end(), [](const Object& o) { return o.prep == "by"; });
                    if (by == objects.end() || !actor_like(*by->mention)) continue;
                    ev.source = by->mention->actor;
                    set_target(ev, subj);
                    ev.confidence = 0.85;
                    emit(ev, c, out);
                    continue;
                }
                const Object* target = nullptr;
                auto first_with = [&](auto pred) -> const Object* {
                    for (const auto& o : objects)
                        if (pred(o)) return &o;
                    return nullptr;
                };
                switch (info.frame) {
                    case Frame::receive: {
                        const Object* from = first_with([](const Object& o) { return o.prep == "from"; });
                        if (!from) from = first_with([](const Object& o) { return o.mention->kind == lexicon::MatchKind::adjective; });
                        if (!from) continue;
                        ev.source = from->mention->actor;
                        set_target(ev, subj);
                        emit(ev, c, out);
                        continue;
                    }
                    case Frame::give:
                        target = first_with([](const Object& o) { return o.prep.empty(); });
                        if (!target) target = first_with([&](const Object& o) { return o.prep == "to" || o.prep == "for" || listed(info.preps, o.prep); });
                        if (!target && info.type == "aid") target = first_with([](const Object& o) { return o.prep == "of"; });
                        break;
                    case Frame::with:
                        target = first_with([&](const Object& o) { return listed(info.preps, o.prep) && actor_like(*o.mention); });
                        if (!target) target = first_with([&](const Object& o) { return o.prep.empty() && actor_like(*o.mention); });
                        break;
                    case Frame::intransitive:
                        target = first_with([&](const Object& o) { return listed(info.preps, o.prep); });
                        break;
                    default:
                        target = first_with([&](const Object& o) { return o.prep.empty() && (actor_like(*o.mention) || o.mention->actor.kind == ActorKind::place); });
                        if (!target) target = first_with([&](const Object& o) {
                            const bool locative = o.prep == "in" || o.prep == "on" || o.prep == "at" || o.prep == "near" || o.prep == "into" || o.prep == "along";
                            if (locative && !actor_like(*o.mention) && o.mention->actor.kind != ActorKind::place) return false;
                            return listed(info.preps, o.prep) || (info.type == "assault" && (o.prep == "in" || o.prep == "into"));
                        });
                        // "rejected an Australian ultimatum", "rejected calls by Belarus's rulers":
                        // whose the object is.
                        if (!target) target = first_with([](const Object& o) { return o.prep.empty(); });
                        if (!target) target = first_with([&](const Object& o) { return o.prep == "by" || ((o.prep == "of" || o.prep == "from" || o.prep == "with") && actor_like(*o.mention)); });
                        break;
                }
                if (info.inverse) {
                    // "X hosted Y", "to welcome Putin in Beijing": the guest visits the host.
                    const Object* guest = first_with([](const Object& o) { return o.prep.empty(); });
                    if (!guest) continue;
                    Found visit = make(t, guest->mention->actor);
                    visit.polarity = pol;
                    visit.confidence = conf;
                    set_target(visit, subj);
                    emit(visit, c, out);
                    continue;
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
                if (!target)
                    for (std::size_t x = l; x <= end && x + 1 < c.end; ++x)
                        if (key(x) == "to" && verb_trigger(x + 1)) {
                            const auto& comp = info_of(std::size_t(trigger_at_[x + 1]));
                            target = first_with([&](const Object& o) { return o.at > x && (o.prep.empty() || listed(comp.preps, o.prep)) && actor_like(*o.mention); });
                            break;
                        }
                if (target) {
                    // "Sierra Leonean and Liberian refugees", "Iran or North Korea": one event each.
                    for (const lexicon::Mention* m = target->mention; m;) {
                        const std::size_t after = m->last_token;
                        const lexicon::Mention* next = (key(after) == "and" || key(after) == "or" || comma(after)) ? mention(after + 1) : nullptr;
                        if (!next || next->actor.code == target->mention->actor.code) break;
                        Found more = ev;
                        set_target(more, next->actor);
                        emit(more, c, out);
                        m = next;
                    }
                    set_target(ev, target->mention->actor);
                    if (target->mention->kind == lexicon::MatchKind::adjective && target->prep.empty()) ev.confidence -= 0.1;
                }
                // "X and Y agreed": each with the other.
                if (!ev.target && subject->actors.size() > 1) {
                    for (const Actor& other : subject->actors) {
                        if (other.code == subj.code) continue;
                        Found pair = ev;
                        pair.target = other;
                        emit(pair, c, out);
                    }
                    continue;
                }
                emit(ev, c, out);
            }
        }
        // Hosts with no subject: "… to welcome Russian President Vladimir Putin in Beijing".
        for (std::size_t t : verbs) {
            const auto& info = info_of(t);
            if (!info.inverse) continue;
            std::optional<Subject> subject = subject_before(trigger_first(t), c);
            if (subject || clause_subject) continue;
            const auto objects = objects_after(trigger_last(t), c.end, trigger_last(t));
            const Object* guest = nullptr;
            const Object* host = nullptr;
            for (const auto& o : objects) {
                if (!guest && o.prep.empty() && actor_like(*o.mention)) guest = &o;
                else if (guest && !host && (o.prep == "in" || o.prep == "to") && o.mention->actor.code != guest->mention->actor.code) host = &o;
            }
            if (!guest || !host) continue;
            Found visit = make(t, guest->mention->actor);
            visit.confidence = 0.7;
            visit.target = country_of_place(host->mention->actor);
            visit.location = host->mention->actor;
            emit(visit, c, out);
        }
        // Noun predicates not inside another predicate's object.
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
                    if (m->actor.kind != ActorKind::place && (possessive(m->last_token) || m->last_token == f ||
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
            const bool agentive = info.frame == Frame::give && (trigger_text(t).find("enabler") != std::string::npos ||
                                                                 trigger_text(t).find("source") != std::string::npos ||
                                                                 trigger_text(t).find("lifeline") != std::string::npos);
            std::optional<Actor> target;
            if (agentive) {
                if (source) target = source;  // "Moscow's leading source": the possessor receives
                source.reset();
                if (clause_subject && !clause_subject->actors.empty()) source = clause_subject->actors.front();
                conf = 0.7;
                for (const auto& o : objects)
                    if (!target && o.prep == "of") target = o.mention->actor;
            }
            if (!source && !gov && clause_subject && !clause_subject->event_noun && !clause_subject->actors.empty() &&
                clause_subject->end <= f) {
                // "… has deepened economic ties with Russia", "held talks with …"
                source = clause_subject->actors.front();
                conf = 0.6;
            }
            if (!source && !gov && !clause_subject && speaker_ && speaker_->actor && speaker_->frame_end <= f &&
                speaker_->frame_end == c.begin && speaker_->verb != no_trigger && !speaker_->anonymous) {
                // "Italy announced a suspension of air links with Serbia": the speaker's own act.
                source = speaker_->actor;
                conf = 0.6;
            }
            if (!source) continue;
            if (!target)
                for (const auto& o : objects) {
                    if (o.mention->actor.code == source->code) continue;
                    if (listed(info.preps, o.prep) || in(noun_target_preps, o.prep) ||
                        (o.prep == "of" && (info.type == "assault" || info.type == "accuse" || info.type == "sanction"))) {
                        target = o.mention->actor;
                        break;
                    }
                }
            if (!target && info.type != "mobilize") continue;  // "a hunger strike", "an offer": no one else in it
            Found ev = make(t, *source);
            ev.confidence = conf;
            ev.polarity = polarity_before(f, c.begin, c);
            if (ev.polarity == Polarity::denied && gov) ev.polarity = Polarity::asserted;  // "no" in "with no end" is not the event's
            if (target) set_target(ev, *target);
            emit(ev, c, out);
        }
    }

    // The speaker's own event: a statement about whom the content is about,
    // or a reject when the content is a denial.
    void speaker_events(std::vector<Found>& out) {
        if (!speaker_ || !speaker_->actor || speaker_->anonymous) return;
        const Actor& who = *speaker_->actor;
        if (who.kind == ActorKind::agent && in(reporting_agents, who.agent)) return;
        bool denial = false;
        std::optional<Actor> about;
        for (const auto& [b, e] : content_) {
            for (std::size_t i = b; i < e && i < b + 6; ++i)
                if (is(i, wc_negation_words)) denial = true;
        }
        // The statement is about whoever the first reported event is by; a
        // speaker announcing its own act has made no separate statement.
        bool demand = false;
        for (const auto& f : out) {
            if (f.polarity == Polarity::denied) denial = true;
            if (!about) about = f.source;
            if (f.obligation && f.source.code != who.code && !demand) {
                demand = true;
                about = f.source;
            }
        }
        // Nothing coded in what was said: it is about the first actor it names
        // ("Russia is a danger to Europe, Stoltenberg said").
        if (!about)
            for (const auto& [b, e] : content_)
                for (std::size_t i = b; i < e && !about; ++i)
                    if (const auto* m = mention(i); m && actor_like(*m) && m->actor.code != who.code) about = m->actor;
        // "Russia said Sudan must return …": Russia demands; Sudan has done nothing yet.
        std::erase_if(out, [](const Found& f) { return f.obligation; });
        std::string type = speaker_->verb == no_trigger ? "statement" : info_of(speaker_->verb).type;
        if (demand) type = "request";
        if (denial) {
            type = "reject";
            // A denial answers the latest accuser of the speaker.
            if (!about || about->code == who.code) {
                about.reset();
                for (auto it = d_.accusers.rbegin(); it != d_.accusers.rend(); ++it)
                    if (it->first == who.code && it->second.code != who.code) {
                        about = it->second;
                        break;
                    }
            }
        }
        if (!about) return;
        Found f;
        if (speaker_->verb != no_trigger) {
            f = make(speaker_->verb, who);
        } else {
            f.source = who;
            f.trigger = "according to";
            f.position = speaker_->frame_begin;
            f.info = statement_info();
        }
        f.type = type;
        f.cameo = type == "reject" ? "120" : type == "request" ? "100" : "";
        f.attributed_to.reset();
        f.confidence = 0.8;
        f.target = about->kind == ActorKind::place ? country_of_place(*about) : *about;
        if (f.target->code == who.code) return;
        if (auto t = time_in(speaker_->frame_begin, speaker_->frame_end)) f.time = t;
        else if (!content_.empty()) f.time = time_in(0, n_);
        out.push_back(std::move(f));
    }

    void remember(const Found& f) {
        if (f.source.kind == ActorKind::person) d_.last_person = f.source;
        else d_.last_subject = f.source;
        if (f.target && (f.type == "accuse" || f.type == "statement" || f.type == "threaten" || f.type == "request" ||
                         f.type == "sanction"))
            d_.accusers.emplace_back(f.target->code, f.source);
    }

    const Sentence& s_;
    const TriggerLexicon& lex_;
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

}  // namespace

std::vector<Found> analyse_sentence(const Sentence& sentence, const TriggerLexicon& triggers, Discourse& discourse) {
    return Analyser(sentence, triggers, discourse).run();
}

}  // namespace eventgraph::extract::detail

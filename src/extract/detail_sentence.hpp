#pragma once
// One sentence as the extractor reads it: tokens tagged with actor mentions,
// triggers and time expressions; clauses; reporting frames; roles. Private
// to src/extract.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/extract/grammar.hpp"
#include "eventgraph/extract/triggers.hpp"
#include "eventgraph/lexicon/matcher.hpp"
#include "eventgraph/model/event.hpp"
#include "eventgraph/time/expressions.hpp"

namespace eventgraph::extract::detail {

/// What the article has said before this sentence, for pronouns and replies.
struct Discourse {
    std::optional<model::Actor> last_subject;  ///< "it", "they"
    std::optional<model::Actor> last_person;   ///< "he", "she"
    /// (accused, accuser) of verbal events so far: a denial answers the latest accuser.
    std::vector<std::pair<std::string, model::Actor>> accusers;
};

/// An event found in a sentence, before the article-level work (dates, merging, ids).
struct Found {
    std::uint32_t info = 0;  ///< trigger group
    std::string type;        ///< usually the group's; a denial by a speaker is "reject"
    std::string cameo;       ///< set where the type is not the group's
    std::string trigger;
    model::Actor source;
    std::optional<model::Actor> target;
    std::optional<model::Actor> location;
    std::optional<model::Actor> attributed_to;
    model::Polarity polarity = model::Polarity::asserted;
    double confidence = 0.5;
    std::optional<std::size_t>
        time;  ///< index into Sentence::times of its date, if the sentence gives one
    std::size_t position = 0;  ///< token index of the trigger, for ordering
    bool obligation = false;   ///< "Sudan must return …": asked for, not done
    std::string mode;
    std::optional<int> killed, wounded;
    std::vector<std::string> weapons;
    std::string pattern;  ///< what coded it (TriggerInfo::place, or a dictionary pattern's line)
    bool dictionary =
        false;  ///< a verb dictionary's code: kept as the dictionary says, no intent rules
    bool unknown_source =
        false;  ///< "were killed by a roadside bomb": no one named does it (source is empty)
};

/// The sentence and everything tagged in it; token indices are relative to
/// the sentence's tokens.
struct Sentence {
    std::string_view text;                ///< the whole article text
    std::span<const text::Token> tokens;  ///< this sentence's tokens
    std::vector<std::string> keys;        ///< their match keys (text::match_key)
    std::vector<lexicon::Mention> mentions;
    std::vector<TriggerMatch> triggers;
    std::vector<time::TimeExpression> times;  ///< offsets into `text`
};

/// Finds the events of one sentence; `grammar` gives the word classes.
std::vector<Found> analyse_sentence(const Sentence& sentence, const TriggerLexicon& triggers,
                                    const Grammar& grammar, Discourse& discourse);
/// The same with the default word lists (data/english.json, read on first use).
std::vector<Found> analyse_sentence(const Sentence& sentence, const TriggerLexicon& triggers,
                                    Discourse& discourse);

}  // namespace eventgraph::extract::detail

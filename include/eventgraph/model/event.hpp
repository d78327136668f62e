#pragma once
// An event: who did what to whom, when, where, on whose word, with the
// sentence that says so.

#include <optional>
#include <string>
#include <vector>

#include "eventgraph/model/actor.hpp"
#include "eventgraph/model/date_span.hpp"

namespace eventgraph::model {

/// Whether the text says the event happened.
enum class Polarity { asserted, denied, hypothetical, future };

/// The words of the article that carry the event.
struct Evidence {
    int sentence = 0;       ///< 0-based index of the sentence in the article
    std::size_t begin = 0;  ///< byte offsets of the sentence in the article text
    std::size_t end = 0;
    std::string text;     ///< the sentence
    std::string trigger;  ///< the words that name the event
    std::string pattern;  ///< what coded it: "data/triggers.json#/entries/4", "CAMEO.2.0.txt:4502"

    friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Event {
    std::string id;
    std::string article;
    std::string type;   ///< a PLOVER 2.0 type lower-cased, "statement", or "other" (a user's code
                        ///< outside CAMEO)
    std::string mode;   ///< PLOVER mode where the text tells it, else empty
    std::string cameo;  ///< CAMEO code
    int quad = 0;  ///< 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict; 0
                   ///< outside CAMEO
    /// unset for an unnamed or unknown actor ("killed by a roadside bomb"), as
    /// GDELT's empty Actor1
    std::optional<Actor> source;
    std::optional<Actor> target;
    std::optional<DateSpan> date;  ///< unset where neither the text nor the article tells
    std::optional<Actor> location;
    std::optional<Actor> attributed_to;
    Polarity polarity = Polarity::asserted;
    double confidence = 0.0;
    Evidence evidence;                    ///< the strongest sentence
    std::vector<Evidence> more_evidence;  ///< the same happening told again in the article

    // Details where the text gives them.
    std::optional<int> killed;
    std::optional<int> wounded;
    std::vector<std::string> weapons;

    friend bool operator==(const Event&, const Event&) = default;
};

const char* to_string(Polarity p);

}  // namespace eventgraph::model

#pragma once
// Event triggers: the words that name an event ("supplying", "strike",
// "asks to join", "decisive enabler"), loaded from data/triggers.json and
// users' files, compiled into a trie over token keys.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eventgraph/text/tokenize.hpp"

namespace eventgraph::extract {

/// Where a trigger's source and target are (see data/triggers.json).
enum class Frame : std::uint8_t { transitive, give, receive, with, intransitive, speech, complement, phrase };

/// One group of triggers: an event type with its CAMEO code, mode and frame.
struct TriggerInfo {
    std::string type;   ///< PLOVER 2.0 lower-cased, or "statement"
    std::string cameo;
    std::string mode;
    int quad = 0;       ///< from the CAMEO root: 01–05 verbal cooperation, 06–08 material
                        ///< cooperation, 09–13 verbal conflict, 14–20 material conflict
    Frame frame = Frame::transitive;
    bool inverse = false;            ///< the subject is the target ("host": the guest visits)
    std::vector<std::string> preps;  ///< prepositions that introduce the target
};

enum class Pos : std::uint8_t { verb, noun, phrase };
/// The form of a verb trigger in the text.
enum class VerbForm : std::uint8_t { base, third, past, participle, gerund, none };

/// One reading of matched words: which trigger group, as what.
struct Reading {
    std::uint32_t info = 0;
    Pos pos = Pos::verb;
    VerbForm form = VerbForm::none;
};

/// Trigger words found in text: tokens [first_token, last_token), relative to
/// the span matched over, and every reading of them.
struct TriggerMatch {
    std::size_t first_token = 0;
    std::size_t last_token = 0;
    std::vector<Reading> readings;
};

/// The forms of a verb: third person, past, past participle, gerund; the
/// regular rules, or `irregular` where it knows the verb.
struct VerbForms {
    std::string third, past, participle, gerund;
};
VerbForms inflect(std::string_view lemma,
                  const std::unordered_map<std::string, VerbForms>& irregular = {});

/// Quad class of a CAMEO code (0 for a code it does not know).
int quad_of_cameo(std::string_view cameo);

class TriggerLexicon {
public:
    /// Adds the triggers of a JSON trigger file. Throws lexicon_error naming
    /// the file, the line and what was wrong.
    void load_file(const std::string& path);
    /// The same from JSON text.
    void load_json(std::string_view json, const std::string& file);

    /// data/triggers.json (the directory as for the actor lexicon).
    static TriggerLexicon load_default();

    const std::vector<TriggerInfo>& infos() const noexcept { return infos_; }
    const TriggerInfo& info(std::uint32_t i) const { return infos_.at(i); }

    /// Longest matches, left to right, not overlapping.
    std::vector<TriggerMatch> match(std::string_view text, std::span<const text::Token> tokens) const;
    /// The same over the tokens' match keys (text::match_key), made once by the caller.
    std::vector<TriggerMatch> match(std::span<const std::string> keys) const;

private:
    void add(std::string_view phrase, Reading reading);
    std::uint32_t word_id(const std::string& key, bool create);

    std::vector<TriggerInfo> infos_;
    std::unordered_map<std::string, std::uint32_t> words_;
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node, word) → node
    std::vector<std::vector<Reading>> terminal_;               // node → readings
    std::unordered_map<std::string, VerbForms> irregular_;
};

}  // namespace eventgraph::extract

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

#include "eventgraph/extract/verb_dictionary.hpp"
#include "eventgraph/text/tokenize.hpp"

namespace eventgraph::extract {

/// Where a trigger's source and target are (see data/triggers.json).
enum class Frame : std::uint8_t {
    transitive,
    give,
    receive,
    with,
    intransitive,
    speech,
    complement,
    phrase
};

/// One group of triggers: an event type with its CAMEO code, mode and frame.
struct TriggerInfo {
    std::string type;  ///< PLOVER 2.0 lower-cased, or "statement"
    std::string cameo;
    std::string mode;
    int quad = 0;  ///< from the CAMEO root: 01–05 verbal cooperation, 06–08 material
                   ///< cooperation, 09–13 verbal conflict, 14–20 material conflict
    Frame frame = Frame::transitive;
    bool inverse = false;            ///< the subject is the target ("host": the guest visits)
    std::vector<std::string> preps;  ///< prepositions that introduce the target
    /// Where it is defined, for evidence.pattern: "data/triggers.json#/entries/4",
    /// "data/petrarch/CAMEO.2.0.txt:4502".
    std::string place;
    /// A verb of a verb dictionary: its CAMEO code is the verb's or its block's
    /// ("" where that is none: only a pattern gives an event).
    bool from_dictionary = false;
};

/// A verb of one of the lexicon's verb dictionaries.
struct DictionaryVerb {
    std::uint32_t dictionary = 0;  ///< index into TriggerLexicon::dictionaries()
    std::uint32_t verb = 0;        ///< index into that dictionary's verbs()
};

enum class Pos : std::uint8_t { verb, noun, phrase };
/// The form of a verb trigger in the text.
enum class VerbForm : std::uint8_t { base, third, past, participle, gerund, none };

/// One reading of matched words: which trigger group, as what.
struct Reading {
    std::uint32_t info = 0;
    Pos pos = Pos::verb;
    VerbForm form = VerbForm::none;
    /// The verb-dictionary verb it reads, whose patterns refine it; -1 for a
    /// JSON trigger.
    std::int32_t verb = -1;  ///< index into TriggerLexicon::dictionary_verbs()
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

/// A dictionary line as evidence.pattern names it: "data/petrarch/CAMEO.2.0.txt:4502"
/// for a default file, the path as given for a user's.
std::string place_name(const DictionaryPlace& place);

/// Quad class of a CAMEO code (0 for a code it does not know).
int quad_of_cameo(std::string_view cameo);

class TriggerLexicon {
public:
    /// Adds the triggers of a JSON trigger file. Throws lexicon_error naming
    /// the file, the line and what was wrong.
    void load_file(const std::string& path);
    /// The same from JSON text.
    void load_json(std::string_view json, const std::string& file);

    /// How a verb dictionary's verbs stand to the triggers added before it.
    enum class Precedence {
        supplement,  ///< the default dictionary: only words no JSON trigger reads as a verb
        override,    ///< a user's (--verbs): its words are read as it says, whatever came before
    };
    /// Adds a verb dictionary: each verb form becomes a verb trigger.
    void add_verbs(VerbDictionary dictionary, Precedence precedence = Precedence::override);

    /// data/triggers.json and the default verb dictionary (the directory as
    /// for the actor lexicon). Triggers added later still win over the
    /// dictionary for the words they name.
    static TriggerLexicon load_default();
    /// The default verb dictionary: data/petrarch/CAMEO.2.0.txt.
    static std::string default_verbs_file();

    const std::vector<VerbDictionary>& dictionaries() const noexcept { return dictionaries_; }
    const std::vector<DictionaryVerb>& dictionary_verbs() const noexcept {
        return dictionary_verbs_;
    }
    /// The dictionary and block of a reading's verb; nullptr where it has none.
    const VerbBlock* block_of(const Reading& r) const;
    const VerbDictionary* dictionary_of(const Reading& r) const;
    const Verb* verb_of(const Reading& r) const;

    const std::vector<TriggerInfo>& infos() const noexcept { return infos_; }
    const TriggerInfo& info(std::uint32_t i) const { return infos_.at(i); }

    /// Longest matches, left to right, not overlapping.
    std::vector<TriggerMatch> match(std::string_view text,
                                    std::span<const text::Token> tokens) const;
    /// The same over the tokens' match keys (text::match_key), made once by the caller.
    std::vector<TriggerMatch> match(std::span<const std::string> keys) const;

private:
    void add(std::string_view phrase, Reading reading);
    std::uint32_t node_for(std::span<const std::string> keys);
    std::uint32_t word_id(const std::string& key, bool create);

    std::vector<TriggerInfo> infos_;
    std::unordered_map<std::string, std::uint32_t> words_;
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node, word) → node
    std::vector<std::vector<Reading>> terminal_;              // node → readings
    std::unordered_map<std::string, VerbForms> irregular_;
    std::vector<VerbDictionary> dictionaries_;
    std::vector<DictionaryVerb> dictionary_verbs_;
};

}  // namespace eventgraph::extract

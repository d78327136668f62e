#pragma once
// TABARI/PETRARCH verb dictionaries (CAMEO.2.0.txt and its kind): synsets,
// verb blocks with their forms, and the patterns that refine a verb's CAMEO
// code and say where its source and target stand. The reader keeps what the
// file says; the extractor decides what a match means.
//
// Legacy data with known defects: everything short of "cannot read the file"
// is a warning naming the file and the line, and only the defective piece
// (a pattern, a verb, a code) is left out.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventgraph::extract {

/// A code in [...]: "[190]", "[032:033]" (the event and the one the target
/// does back), "[---]" (no event; "---" on either side of ':' is none too).
struct VerbCode {
    std::string code;     ///< "" for none ("---")
    std::string reverse;  ///< the target's event towards the source, from "[A:B]"; "" if none
    bool given = false;   ///< the line had a code at all

    friend bool operator==(const VerbCode&, const VerbCode&) = default;
};

/// Where a definition came from.
struct DictionaryPlace {
    std::string file;
    int line = 0;

    friend bool operator==(const DictionaryPlace&, const DictionaryPlace&) = default;
};

enum class ElementKind : std::uint8_t {
    word,      ///< one word (match key: lower case, periods dropped)
    synset,    ///< any phrase of a synset ("&CURRENCY")
    source,    ///< "$": the source stands here
    target,    ///< "+": the target stands here
    compound,  ///< "%": a compound actor ("A and B") stands here, each the other's source and
               ///< target
    skip,      ///< "^": one phrase (up to the next element) is passed over
};

/// One element of a pattern. Elements are written in text order on both
/// sides of the verb; `joined` says the next element (or the verb) follows
/// immediately ("IN_*", "WIRE_+TAP", "NEW_&TIETYPES_RELATIONS"), otherwise
/// other words may come between, as in TABARI.
struct PatternElement {
    ElementKind kind = ElementKind::word;
    std::string word;          ///< for word: the match key
    std::uint32_t synset = 0;  ///< for synset: index into VerbDictionary::synsets()
    bool joined =
        false;  ///< no word between this element and the next one (towards the verb on the left)

    friend bool operator==(const PatternElement&, const PatternElement&) = default;
};

/// "- [before] * [after] [CODE] # comment". PETRARCH2's noun-phrase syntax is
/// read into the same elements: "(FOR {FINANCIAL AID})" is FOR, FINANCIAL,
/// AID, with FINANCIAL joined to AID.
struct VerbPattern {
    std::vector<PatternElement> before;  ///< text order; the last one is nearest the verb
    std::vector<PatternElement> after;   ///< text order; the first one is nearest the verb
    bool verb_joined_after = false;  ///< "*_OUT": the first element after follows the verb at once
    VerbCode code;
    DictionaryPlace place;

    friend bool operator==(const VerbPattern&, const VerbPattern&) = default;
};

/// One word form of a verb as it appears in text: the words of a
/// multi-word verb in order ("wire", "tapped"), `head` the one that is the
/// verb ('+' in the file, else the only word).
struct DictionaryForm {
    std::vector<std::string> words;  ///< match keys
    std::size_t head = 0;
    std::uint32_t verb = 0;  ///< index into VerbDictionary::verbs()

    friend bool operator==(const DictionaryForm&, const DictionaryForm&) = default;
};

/// A verb line of a block: its base form, its own code if it has one.
struct Verb {
    std::string lemma;  ///< as written, e.g. "WIRE_+TAP"
    VerbCode code;      ///< the verb's own code; not given: the block's
    std::uint32_t block = 0;
    DictionaryPlace place;

    friend bool operator==(const Verb&, const Verb&) = default;
};

/// "--- NAME [CODE] ---" and the verbs and patterns under it.
struct VerbBlock {
    std::string name;
    VerbCode code;  ///< the primary code; none when "[---]" or absent
    std::vector<std::uint32_t> verbs;
    std::vector<VerbPattern> patterns;
    DictionaryPlace place;

    friend bool operator==(const VerbBlock&, const VerbBlock&) = default;
};

/// "&NAME" and its "+" phrases (each a sequence of match keys; regular
/// plurals added unless the phrase or the name ends in '_').
struct Synset {
    std::string name;  ///< without '&' and the trailing '_'
    std::vector<std::vector<std::string>> phrases;
    DictionaryPlace place;

    friend bool operator==(const Synset&, const Synset&) = default;
};

/// "~ a (a b WILL_ATTACK) SAY = a b 138": kept as read, not yet applied.
struct VerbTransformation {
    std::string text;
    DictionaryPlace place;
};

/// Largest verb dictionary read; a larger one is refused before it is read.
inline constexpr std::size_t max_verb_dictionary_bytes = std::size_t{64} << 20;

class VerbDictionary;

namespace detail {
/// The patterns' words as numbers, for matching; made by index_patterns
/// (src/extract/detail_patterns.cpp) whenever a dictionary has been read.
struct PatternIndex;
std::shared_ptr<const PatternIndex> index_patterns(const VerbDictionary& dictionary);
}  // namespace detail

class VerbDictionary {
public:
    /// Reads a file. Throws input_error naming the file when it cannot be
    /// read at all (missing, too large, binary); every other defect is a warning.
    void load_file(const std::string& path);
    /// The same from text; `file` names it in messages.
    void load_text(std::string_view text, const std::string& file);

    const std::vector<Synset>& synsets() const noexcept { return synsets_; }
    const std::vector<Verb>& verbs() const noexcept { return verbs_; }
    const std::vector<VerbBlock>& blocks() const noexcept { return blocks_; }
    /// Every form of every verb: base, third person, past, participle,
    /// gerund (regular rules, or the {...} forms the file gives).
    const std::vector<DictionaryForm>& forms() const noexcept { return forms_; }
    const std::vector<VerbTransformation>& transformations() const noexcept {
        return transformations_;
    }
    /// "FILE:LINE: what" for every defect stepped over, in reading order.
    const std::vector<std::string>& warnings() const noexcept { return warnings_; }

    /// The code a verb has when no pattern matched: its own, else its block's.
    const VerbCode& code_of(const Verb& verb) const;

    /// The patterns compiled for matching; null before anything is read.
    const detail::PatternIndex* pattern_index() const noexcept { return index_.get(); }

private:
    std::vector<Synset> synsets_;
    std::unordered_map<std::string, std::uint32_t> synset_index_;
    std::vector<Verb> verbs_;
    std::vector<VerbBlock> blocks_;
    std::vector<DictionaryForm> forms_;
    std::vector<VerbTransformation> transformations_;
    std::vector<std::string> warnings_;
    std::shared_ptr<const detail::PatternIndex> index_;
};

}  // namespace eventgraph::extract

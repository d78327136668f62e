#pragma once
// Finding the lexicon's actors in tokenized text, and turning what is found
// into actor mentions: "U.S. Deputy Secretary of State Kurt Campbell" is one
// person, "Russian troops" is Russia's military, "Campbell said" is the
// Campbell named earlier in the article.
//
// Two layers: ActorMatcher is compiled once from the entries and only finds
// lexicon words (longest match over tokens, case rules, no regular
// expressions); resolve_mentions reads one sentence's matches with the
// article's context and forms the mentions the extractor works with.

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eventgraph/lexicon/lexicon.hpp"
#include "eventgraph/model/actor.hpp"
#include "eventgraph/text/tokenize.hpp"

namespace eventgraph::lexicon {

/// Which list of an entry the matched words come from.
enum class MatchKind : std::uint8_t {
    name,       ///< names and aliases: "Russia", "Kurt Campbell", "NATO"
    adjective,  ///< adjectives and demonyms: "Russian", "North Korean"
    metonym,    ///< capitals and seats: "Moscow", "the Kremlin"
    agent,      ///< agent nouns of agent entries: "troops", "banks", "foreign ministry"
};
const char* to_string(MatchKind k);

/// Lexicon words found in text.
struct Match {
    std::size_t first_token = 0;  ///< tokens [first_token, last_token) of the span matched over
    std::size_t last_token = 0;
    std::size_t begin = 0;    ///< bytes [begin, end) of the text: narrower than the tokens
    std::size_t end = 0;      ///< when in_compound ("Russian" in "Russian-made")
    std::uint32_t entry = 0;  ///< index of the entry (the first candidate)
    MatchKind kind = MatchKind::name;
    bool in_compound = false;      ///< begins or ends inside a hyphenated token
    std::uint32_t candidates = 1;  ///< entries these words stand for; > 1: ambiguous
    std::uint32_t node = 0;        ///< where ActorMatcher::candidates finds them
};

/// One reading of matched words.
struct Candidate {
    std::uint32_t entry = 0;
    MatchKind kind = MatchKind::name;
    bool the_optional = false;  ///< the lexicon form began with "the": "the Kremlin"
};

/// The actor lexicon compiled into a trie over token keys.
///
/// Case rules: words are compared case-folded ("U.S." = "US", ’ = '), but
/// - a lexicon word in capitals of two or three letters ("US", "UN", "WHO",
///   "IS") matches only text in capitals: "us" is a pronoun, "who" a question;
///   longer acronyms ("NATO") also match capitalized text ("Nato");
/// - a capitalized lexicon word matches capitalized or all-caps text: "may" is
///   not May, "turkey" is not Turkey;
/// - lower-case lexicon words and all agent nouns match in any case.
/// A leading lower-case "the" of a lexicon form is optional in text, and is
/// part of the match when present ("the Kremlin", "Kremlin").

class ActorMatcher {
public:
    /// Compiles the entries; the matcher keeps them (a copy, or moved in).
    explicit ActorMatcher(std::vector<Entry> entries);

    /// Longest matches, left to right, not overlapping, over tokens of text
    /// (usually one sentence's). Token indices are relative to the span.
    /// Safe to call from many threads at once on one matcher.
    std::vector<Match> match(std::string_view text, std::span<const text::Token> tokens) const;
    void match(std::string_view text, std::span<const text::Token> tokens,
               std::vector<Match>& out) const;

    /// Every reading of a match, the preferred one first (names before
    /// metonyms, adjectives and agent nouns; then lexicon order).
    std::span<const Candidate> candidates(const Match& m) const;

    const std::vector<Entry>& entries() const noexcept { return entries_; }
    const Entry& entry(std::size_t i) const { return entries_.at(i); }

    /// Is this match key ("secretary", "gen", "spokesman") a word of titles?
    /// Built in, plus every word of the people's role titles.
    bool is_title_word(std::string_view key) const;
    /// People of the lexicon whose name ends with this key ("blinken").
    std::span<const std::uint32_t> people_with_surname(std::string_view key) const;

    std::size_t node_count() const noexcept {
        return terminal_begin_.empty() ? 0 : terminal_begin_.size() - 1;
    }

private:
    enum class CaseRule : std::uint8_t { any = 0, capitalized = 1, upper = 2 };
    struct Unit;

    struct EdgeSlot {
        std::uint64_t key;  // (node, word, rule); all ones: empty
        std::uint32_t value;
    };

    std::uint32_t child(std::uint32_t node, std::uint32_t word, CaseRule rule) const;
    /// The new edge's slot, or null if the edge is there already.
    std::uint32_t* edge_insert(std::uint64_t key, std::uint32_t value);
    void units_of(std::string_view text, std::span<const text::Token> tokens,
                  std::vector<Unit>& out, std::string& key, bool find_words) const;

    std::vector<Entry> entries_;
    StringMap<std::uint32_t> words_;    // match key → word id
    std::vector<EdgeSlot> edge_slots_;  // (node, word, rule) → node
    std::size_t edge_count_ = 0;
    std::vector<std::uint32_t> terminal_begin_;  // node → first candidate
    std::vector<Candidate> candidates_;
    std::unordered_set<std::string, StringHash, std::equal_to<>> title_words_;
    StringMap<std::vector<std::uint32_t>> surnames_;
    std::size_t longest_key_ = 0;
};

/// How a mention was found.
enum class MentionBasis : std::uint8_t {
    lexicon,      ///< lexicon words (with titles, adjectives and agents around them)
    titled_name,  ///< a name not in the lexicon after a title and an affiliation
    surname,      ///< a surname alone, resolved to a person named before
};
const char* to_string(MentionBasis b);

inline constexpr std::size_t no_entry = static_cast<std::size_t>(-1);

/// An actor as the text names it.
struct Mention {
    model::Actor actor;
    std::size_t first_token = 0;  ///< tokens [first_token, last_token), relative like the matches'
    std::size_t last_token = 0;
    std::size_t begin = 0;  ///< bytes [begin, end): the whole mention, titles included
    std::size_t end = 0;
    MatchKind kind = MatchKind::name;  ///< the kind of the words that name the actor
    MentionBasis basis = MentionBasis::lexicon;
    std::size_t entry = no_entry;        ///< the actor's (or for agents, the country's) entry
    std::size_t agent_entry = no_entry;  ///< for agents: the agent noun's entry
    bool in_compound = false;            ///< inside a hyphenated word: "Russian-made", "pro-U.S."
    std::size_t sentence = 0;            ///< set by find_actors
};

/// What an article has said so far about its people: the extractor keeps one
/// per article and hands it to resolve_mentions sentence by sentence.
class ArticleContext {
public:
    explicit ArticleContext(std::optional<date::year_month_day> day = std::nullopt) : day_(day) {}

    /// The article's date: people's roles are those held on it.
    std::optional<date::year_month_day> day() const noexcept { return day_; }

    struct Person {
        model::Actor actor;
        std::vector<std::string> name_keys;  ///< match keys of the name's words, surname last
        std::size_t entry = no_entry;
    };
    /// Remembers a person named in full; a later one with the same surname wins.
    void remember(Person person);
    /// The person last named in full with this surname key, or null.
    const Person* by_surname(std::string_view key) const;

private:
    std::optional<date::year_month_day> day_;
    std::vector<Person> people_;
    StringMap<std::size_t> by_surname_;  // surname key → latest person with it
};

/// Forms the mentions of one sentence from its tokens and the matches found
/// over them, and remembers the people named in full in the context.
std::vector<Mention> resolve_mentions(const ActorMatcher& matcher, std::string_view text,
                                      std::span<const text::Token> tokens,
                                      std::span<const Match> matches, ArticleContext& context);

/// The actor an entry stands for on a day: a person takes the code and title
/// of the role held then (the latest begun, if several; a role's end day
/// belongs to the successor), else their own code.
model::Actor actor_of(const Entry& entry, std::optional<date::year_month_day> day);

/// Every actor mention of a text, sentence by sentence, as `eventgraph
/// actors` prints them. Token indices are over the whole text's tokens.
std::vector<Mention> find_actors(const ActorMatcher& matcher, std::string_view text,
                                 std::optional<date::year_month_day> day);

}  // namespace eventgraph::lexicon

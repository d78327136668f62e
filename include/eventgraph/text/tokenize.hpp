#pragma once
// Tokens with byte offsets over UTF-8 text, and sentences over the tokens.
//
// Decisions every later stage relies on:
// - A possessive "'s" / "’s" is a token of its own ("Russia", "’s"), so
//   "Russia’s troops" can be read as Russia + possessive + agent.
// - Hyphenated words stay one token ("dual-use", "U.S.-led", "Guinea-Bissau");
//   the actor matcher looks inside them, so parts can still be matched.
// - An abbreviation keeps its period ("U.S.", "Sept.", "Gen.", "J."); when
//   it ends a sentence no separate period token is made.
// - Other apostrophes inside a word stay in it ("O'Brien", "d’Ivoire", "don't").

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::text {

enum class TokenKind : std::uint8_t { word, number, punct };

/// Bits of Token::flags.
enum TokenFlag : std::uint16_t {
    capitalized = 1u << 0,      ///< first letter upper case ("Russia", "U.S.", "NATO")
    all_caps = 1u << 1,         ///< has letters, all upper case ("US", "U.S.", "J.")
    lowercase = 1u << 2,        ///< has letters, none upper case ("troops", "al-Qaeda")
    abbreviation = 1u << 3,     ///< ends with its own period ("Sept.", "U.S.", "J.")
    possessive = 1u << 4,       ///< the "'s" split off a word
    hyphenated = 1u << 5,       ///< a word joined by hyphens ("dual-use")
    open_quote = 1u << 6,       ///< a quotation mark that opens a quote
    close_quote = 1u << 7,      ///< a quotation mark that closes a quote (or a lone ’)
    paragraph_start = 1u << 8,  ///< first token after a blank line (or of the text)
    line_start = 1u << 9,       ///< first token after a line break (or of the text)
};

struct Token {
    std::size_t begin = 0;  ///< byte offset of the first byte
    std::size_t end = 0;    ///< byte offset one past the last byte
    TokenKind kind = TokenKind::word;
    std::uint16_t flags = 0;

    bool has(TokenFlag f) const noexcept { return (flags & f) != 0; }
    bool is_capitalized() const noexcept { return has(capitalized); }
    bool is_all_caps() const noexcept { return has(all_caps); }
    bool is_lowercase() const noexcept { return has(lowercase); }
    std::string_view text(std::string_view source) const {
        return source.substr(begin, end - begin);
    }
};

/// One sentence: bytes [begin, end) of the text and tokens [first_token, last_token).
struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t first_token = 0;
    std::size_t last_token = 0;
    std::size_t paragraph = 0;  ///< 0-based paragraph number (paragraphs are split by blank lines)

    std::size_t size() const noexcept { return last_token - first_token; }
    std::string_view text(std::string_view source) const {
        return source.substr(begin, end - begin);
    }
};

/// Splits UTF-8 text into tokens. Never throws on bad bytes: an invalid byte
/// becomes a punctuation token of its own.
std::vector<Token> tokenize(std::string_view text);

/// The longest sentence, in tokens, that later stages read whole. A news
/// sentence has 20 to 30 tokens and the longest of the development sets
/// about 65; what runs on past this bound is a table's cells, a list of names
/// or a transcript without sentence punctuation, and reading it whole would
/// cost time and memory that grow with its square (an event keeps its
/// sentence as evidence).
inline constexpr std::size_t max_sentence_tokens = 160;

struct SentenceOptions {
    /// Treat every line break as the end of a sentence, for text with one
    /// sentence or headline a line. Off: a single line break is white space
    /// (hard-wrapped text), and only blank lines end paragraphs.
    bool line_breaks_end_sentences = false;
    /// A longer sentence is cut into pieces of at most this many tokens and
    /// at least half as many (the last may be shorter): at a line break, tab,
    /// run of spaces, ';' or '|', else after a comma, colon or dash, else
    /// before a conjunction, else before a capitalised word or number that
    /// does not continue a name, else anywhere but inside a name; the latest
    /// of the best such places. 0: no bound.
    std::size_t max_tokens = max_sentence_tokens;
};

/// Groups tokens (as tokenize made them from the same text) into sentences.
/// A sentence never crosses a paragraph boundary and is cut past
/// `options.max_tokens`, so its cost is linear in the text whatever its shape.
std::vector<Sentence> split_sentences(std::string_view text, std::span<const Token> tokens,
                                      const SentenceOptions& options = {});

/// Tokens and sentences of a text in one call.
struct Tokenized {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
};
Tokenized tokenize_text(std::string_view text, const SentenceOptions& options = {});

/// Appends the case-folded form of UTF-8 text (ASCII, Latin-1, Latin
/// Extended-A, Greek and Cyrillic letters are folded; others are kept).
void append_folded(std::string_view s, std::string& out);

/// The form lexicons compare words by: case-folded, curly apostrophes made
/// straight, Unicode hyphens made '-', and the periods of a word dropped
/// ("U.S." and "US" both give "us", "Sept." gives "sept"). Numbers keep theirs.
void append_match_key(std::string_view token_text, TokenKind kind, std::string& out);
std::string match_key(std::string_view token_text, TokenKind kind = TokenKind::word);

/// Case flags (capitalized, all_caps, lowercase) of a piece of text.
std::uint16_t case_flags(std::string_view s);

}  // namespace eventgraph::text

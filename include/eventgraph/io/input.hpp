#pragma once
// Finding and opening inputs: files, directories of files, standard input.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::io {

/// Largest page (text or HTML, or a JSON document that is not JSON Lines)
/// read whole into memory. JSON Lines stream and have no total limit.
inline constexpr std::size_t max_page_bytes = std::size_t{64} << 20;

/// Longest line of JSON Lines (one article or event) or of `dates` input. A
/// longer line is read past without being held in memory and reported.
inline constexpr std::size_t max_line_bytes = std::size_t{16} << 20;

/// Deepest nesting of arrays and objects in a JSON article or event.
inline constexpr std::size_t max_json_depth = 64;

/// What of each event a reader keeps, for a command whose output shows less
/// than all of it (the graph's exports, stats, paths). Every field is read and
/// checked all the same: an event is accepted or refused as it is whole.
struct EventFields {
    bool evidence_text = true;   ///< evidence's sentences (evidence.text, more_evidence's)
    bool evidence_words = true;  ///< evidence's trigger and pattern
    bool more_evidence = true;   ///< the other sentences that tell it
    bool details = true;         ///< killed, wounded, weapons
};

/// What to do with a broken record in the middle of a file, and what to keep.
struct ReadOptions {
    bool keep_going = false;   ///< skip it (and report it to on_skip) instead of stopping
    EventFields event_fields;  ///< events only (read_events_json)
    /// Threads to parse events with (read_events_json_lines); the events,
    /// errors and lines are the same, in the same order, for any number.
    unsigned threads = 1;
};

/// What read_line found.
enum class LineRead { line, too_long, end };

/// Reads the next line (without its '\n') into `line`, holding at most `max`
/// bytes: a longer line is skipped to its end and gives too_long with `line`
/// empty. `end` when nothing is left; check in.bad() for read errors.
LineRead read_line(std::istream& in, std::string& line, std::size_t max = max_line_bytes);

/// "line longer than 16 MB: not read (the limit of one record)", for input_error.
std::string line_too_long_message(std::size_t max = max_line_bytes);

/// The whole of a file (a dictionary, a lexicon) of at most `max_bytes`.
/// Throws input_error naming the file when it cannot be opened or read, or
/// with `too_large` as the message when it is larger (told by its size
/// before reading when it has one, else counted as it is read: a pipe).
std::string read_file(const std::string& path, std::size_t max_bytes, const std::string& too_large);

/// Files named on the command line, with each directory replaced by the
/// regular files in it (not hidden ones), sorted by name. "-" stays as it is.
/// Throws input_error for a path that does not exist.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args);

/// The name an input gives its article when it has no id of its own: the file
/// name without directory and extension ("samples/a.b.txt" gives "a.b"), "stdin" for "-".
std::string id_from_path(const std::string& path);

/// What an input holds, judged from its first bytes.
enum class Format { json, html, text };
Format sniff_format(std::string_view head);

/// Reads a whole page (a text or HTML file, or what is left of standard input
/// after `head`). Throws input_error if it is empty, binary, not UTF-8 (with
/// the line) or larger than max_page_bytes.
std::string check_page_text(std::string content, const std::string& file);

}  // namespace eventgraph::io

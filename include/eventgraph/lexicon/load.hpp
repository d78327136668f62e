#pragma once
// Reading lexicon files: eventgraph's JSON lexicons (schemas/lexicon.schema.json)
// and TABARI/PETRARCH actor and agent dictionaries. Bad data that makes an
// entry meaningless is a lexicon_error naming the file and line; defects the
// reader can step over are Lexicon::warnings().
//
// The two formats are strict in different ways on purpose: JSON lexicons are
// ours, checked against a schema, so any defect is an error; TABARI files
// are legacy data with known defects, so everything below "cannot read the
// file" is a warning and the defective code, date or entry is left out.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/lexicon/lexicon.hpp"

namespace eventgraph::lexicon {

enum class Format { json, tabari };

/// JSON if the first character past a byte-order mark and white space is '{'
/// or '[', else TABARI.
Format sniff_format(std::string_view text);

/// Reads a lexicon file of either format into the lexicon (format sniffed).
void load_lexicon_file(Lexicon& lexicon, const std::string& path);

/// Reads JSON lexicon text; `file` names it in messages.
void load_json_lexicon(Lexicon& lexicon, std::string_view text, const std::string& file);

/// Reads a TABARI/PETRARCH actor or agent dictionary; `file` names it in
/// messages. Entry ids are "TABARI." + the first name ("TABARI.VLADIMIR_PUTIN"),
/// agents "TABARI.AGENT.<CODE>", so they never replace curated entries.
void load_tabari_lexicon(Lexicon& lexicon, std::string_view text, const std::string& file);

/// The default lexicon files: every *.json in io::data_dir()/lexicon, sorted by name.
std::vector<std::string> default_lexicon_files();

/// The default TABARI dictionaries: every *.txt in io::data_dir()/phoenix, sorted
/// by name (the Phoenix dictionaries of the Open Event Data Alliance).
std::vector<std::string> default_dictionary_files();

/// What is loaded besides the files a user gives.
struct LoadOptions {
    /// The project's default knowledge: the JSON lexicon and the Phoenix
    /// dictionaries (and whatever else becomes default knowledge); false:
    /// only the user's files (`--no-default-dictionaries`).
    bool default_dictionaries = true;
    /// Read the default files from the build's compiled form of them
    /// (compiled_lexicon_path()) while it matches them; the same entries and
    /// warnings as reading the text, in a fraction of the time.
    bool compiled = true;
};

/// The default lexicon files, then the default dictionaries (a name that is
/// already a curated entry's name, adjective or metonym is left out of them,
/// so curated entries always win), then `extra_files` (users' additions and
/// overrides, any format) in the order given, then check_codes().
Lexicon load_default_lexicon(const std::vector<std::string>& extra_files = {},
                             const LoadOptions& options = {});

/// The compiled form of the default files: $EVENTGRAPH_COMPILED_LEXICON if
/// set (empty: none), else io::generated_data_file("default-lexicon.bin")
/// (the data directory's, else the build's); "" where there is none.
std::string compiled_lexicon_path();

/// Reads the default lexicon files and dictionaries as text and writes what
/// they give (entries and warnings) to `path`, with the name and a hash of
/// the contents of every file read; the build does this once. Throws what
/// reading the files throws, output_error if `path` cannot be written.
void write_compiled_lexicon(const std::string& path);

/// The default files' lexicon from a compiled file, or nullopt if there is
/// none at `path`, it is damaged or of another version, or any default file
/// (in io::data_dir()) is not the one it was made from: the text is read then.
std::optional<Lexicon> read_compiled_lexicon(const std::string& path);

/// Warns about codes (entries' and roles') that are no id in the lexicon,
/// once everything is loaded: a file may name codes another file defines.
/// TABARI entries are checked against the CAMEO codes as they are read.
void check_codes(Lexicon& lexicon);

/// The text of schemas/lexicon.schema.json, compiled into the library.
std::string_view lexicon_schema_text();

}  // namespace eventgraph::lexicon

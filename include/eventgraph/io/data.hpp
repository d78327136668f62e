#pragma once
// The data directory (lexicon, dictionaries, triggers, word lists, tables)
// and the files made from it at build time, for every module that reads them.

#include <cstddef>
#include <string>
#include <string_view>

namespace eventgraph::io {

/// Largest data file (lexicon, dictionary, trigger file, word list, table)
/// read; a larger one is refused before it is read.
inline constexpr std::size_t max_data_file_bytes = std::size_t{64} << 20;

/// The data directory, the first of:
/// 1. $EVENTGRAPH_DATA, if set and not empty;
/// 2. PROGRAM_DIR/../share/eventgraph/data, if it exists (an installed program,
///    wherever its prefix was installed or moved);
/// 3. for a program of the build tree (the program, the tests, the fuzz
///    replays, the lexicon compiler), the data/ directory of the source tree;
/// 4. the data directory of the install prefix the library was configured
///    with (a program of one's own linked to the installed library).
/// Only 1 to 3 are looked for; 4 is the answer when none of them is there.
std::string data_dir();

/// A file made at build time from the data (default-lexicon.bin,
/// gazetteer.tsv): data_dir()/NAME if it is there (the installed data, or one's
/// own EVENTGRAPH_DATA), else for a program of the build tree the build's
/// generated/data/NAME; "" when there is neither.
std::string generated_data_file(std::string_view name);

/// The text of a data file of at most max_data_file_bytes; lexicon_error
/// naming the file ("cannot open: …", or "WHAT larger than 64 MB: not read"
/// + advice).
std::string read_data_file(const std::string& path, const std::string& what,
                           const std::string& advice = "");

}  // namespace eventgraph::io

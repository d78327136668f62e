#pragma once
// CAMEO event codes and the PLOVER types they map to, read from the
// CAMEO→PLOVER conversion table (data/cameo/CAMEO2PLOVER-2021.txt, lines
// "CODE: TYPE, MODE, CONTEXT # description") and eventgraph's own
// departures from it (data/cameo/eventgraph.txt, same format).

#include <string>
#include <string_view>
#include <unordered_map>

namespace eventgraph::extract {

/// What a CAMEO code is in PLOVER terms.
struct PloverClass {
    std::string type;  ///< lower-cased PLOVER type, or "statement"
    std::string mode;  ///< PLOVER mode, "" where the table gives none
};

class CameoTable {
public:
    /// Adds the lines of a table file; a later line for the same code wins.
    /// Throws lexicon_error naming the file and line of a malformed line.
    void load_file(const std::string& path);
    void load_text(std::string_view text, const std::string& file);

    /// The class of a code: the code's own line, else the longest prefix
    /// that has one ("0874" → "087" → "08"); nullptr when none does.
    const PloverClass* find(std::string_view code) const;

    /// data/cameo/CAMEO2PLOVER-2021.txt then data/cameo/eventgraph.txt, read once.
    static const CameoTable& standard();

private:
    std::unordered_map<std::string, PloverClass> classes_;
};

/// The class of a code by the standard table; type "other" for a code the
/// table does not know (a verb dictionary's own), "" for no code.
PloverClass plover_class(std::string_view code);

}  // namespace eventgraph::extract

#pragma once
// The lexicon targets load a file over a small lexicon of their own, as
// `--lexicon FILE` loads a user's file over the defaults, then use the result
// as `eventgraph actors` does: check codes, build the matcher, find actors.

#include <string>

#include "eventgraph/error.hpp"
#include "eventgraph/lexicon/load.hpp"
#include "eventgraph/lexicon/matcher.hpp"

namespace eventgraph::fuzz {

inline const lexicon::Lexicon& base_lexicon() {
    static const lexicon::Lexicon base = [] {
        lexicon::Lexicon lex;
        lexicon::load_json_lexicon(lex, R"({"lexicon": "fuzz-base", "entries": [
  {"id": "RUS", "code": "RUS", "kind": "country", "name": "Russia",
   "names": ["Russia"], "adjectives": ["Russian"], "metonyms": ["Moscow", "the Kremlin"]},
  {"id": "CHN", "code": "CHN", "kind": "country", "name": "China", "names": ["China"],
   "adjectives": ["Chinese"], "metonyms": ["Beijing"]},
  {"id": "NATO", "code": "NATO", "kind": "organisation", "name": "NATO", "names": ["NATO"]},
  {"id": "RUS.VLADIMIR_PUTIN", "code": "RUS", "kind": "person", "name": "Vladimir Putin",
   "names": ["Vladimir Putin", "Putin"],
   "roles": [{"title": "President", "code": "RUS", "start": "2012-05-07"}]},
  {"id": "AGENT.MILITARY", "code": "", "kind": "agent", "agent": "military", "name": "military",
   "names": ["troops", "soldiers"]}]})",
                                   "base.json");
        return lex;
    }();
    return base;
}

inline constexpr std::string_view sample_text =
    "Russian troops crossed into Ukraine on Tuesday, the Kremlin said. President Putin met "
    "Chinese officials in Beijing; NATO's Secretary General Stoltenberg warned Moscow. "
    "Vladimir Putin and the U.S. talked.";

template <class Load>
void load_and_use(std::string_view text, const char* file, Load load) {
    lexicon::Lexicon lex = base_lexicon();
    try {
        load(lex, text, file);
    } catch (const error&) {
        return;  // a malformed entry, reported as the program reports it
    }
    lexicon::check_codes(lex);
    for (const auto& w : lex.warnings()) (void)lexicon::to_string(w);
    const lexicon::ActorMatcher matcher(lex.entries());
    (void)lexicon::find_actors(matcher, sample_text, date::year{2024} / date::September / 10);
}

}  // namespace eventgraph::fuzz

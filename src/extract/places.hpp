#pragma once
// Towns and cities of the gazetteer named in a sentence, as place mentions
// beside the lexicon's actors; and the coordinates of an event's location.
// Private to src/extract.

#include <string>
#include <vector>

#include "detail_sentence.hpp"
#include "eventgraph/lexicon/gazetteer.hpp"

namespace eventgraph::extract::detail {

/// The countries an article's mentions name, most named first (then first
/// named): what an ambiguous town name is resolved by after the country
/// named beside it.
std::vector<std::string> article_countries(
    const std::vector<std::vector<lexicon::Mention>>& sentences);

/// Adds to s.mentions (kept in text order) the gazetteer's towns named
/// where a place can stand (after "in", "near", "from", …; as the object of
/// an attack or a visit; before ", COUNTRY"), and makes a capital named as
/// a place ("shelling in Kyiv") that place rather than its country. A town
/// named like a common word ("Nice", "Split") needs a locative preposition or
/// a country beside it.
void find_places(const lexicon::Gazetteer& gazetteer, const TriggerLexicon& triggers,
                 const std::vector<std::string>& countries, Sentence& s);

/// Gives a location its coordinates where it has none: a subdivision its
/// centre, else its country's; a country its centre.
void locate(const lexicon::Gazetteer& gazetteer, model::Actor& location);

}  // namespace eventgraph::extract::detail

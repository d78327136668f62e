#pragma once
// CAMEO actor codes as Phoenix/PETRARCH and GDELT compose them: a country or
// organisation code, then agent codes ("RUS" + "MIL" = "RUSMIL",
// "IGOWSTNAT" for NATO, "---GOV" for a government of no known country).

#include <string>
#include <string_view>

namespace eventgraph::lexicon {

/// The CAMEO agent code of a lexicon agent word: "government" → "GOV"; "" if none.
std::string_view cameo_agent_code(std::string_view agent_word);

/// The lexicon agent word of a CAMEO agent (or sector) code: "MIL" → "military"; "" if none.
std::string_view cameo_agent_word(std::string_view code);

/// `base` followed by the agent codes: ("RUS", "MIL") → "RUSMIL"; an empty
/// base or one of "---" stands for no known country: ("", "GOV") → "---GOV".
std::string compose_cameo(std::string_view base, std::string_view agent_codes);

}  // namespace eventgraph::lexicon

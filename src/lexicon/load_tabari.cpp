#include "eventgraph/lexicon/load.hpp"
namespace eventgraph::lexicon {
void load_tabari_lexicon(Lexicon&, std::string_view, const std::string&) {}
}

#include "eventgraph/time/publication_date.hpp"

namespace eventgraph::time {

std::optional<model::Timestamp> parse_publication_date(std::string_view text) {
    return model::parse_iso_timestamp(text);  // placeholder until the full parser lands
}

std::optional<DateMatch> find_publication_date(std::string_view) { return std::nullopt; }

}  // namespace eventgraph::time

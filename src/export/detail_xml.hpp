#pragma once
// What the GraphML and GEXF writers share. Private to src/export.

#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/graph/graph.hpp"

namespace eventgraph::exports::detail {

/// Text as valid UTF-8: each byte that is not part of a valid sequence
/// becomes U+FFFD, so no writer ever emits a file its readers reject.
std::string valid_utf8(std::string_view s);

/// Text safe in XML 1.0 character data and in attribute values of either
/// quote: & < > " ' escaped, tab and line breaks as character references (an
/// attribute's value would otherwise fold them into spaces), characters XML
/// 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) dropped, invalid UTF-8
/// replaced by U+FFFD.
std::string xml_escape(std::string_view s);

/// A list in one attribute (GraphML has no list type, and Gephi reads GEXF's
/// liststring unevenly): items joined with "; ", ids holding no spaces.
std::string joined(const std::vector<std::string>& items);
/// The same of items named by index into `names`.
std::string joined(const std::vector<graph::Index>& items, const std::vector<std::string>& names);

/// The vertices' ids escaped, by vertex index; throws output_error if two
/// are the same (the graph's contract), as they would merge in every reader.
std::vector<std::string> xml_ids(const graph::Graph& graph);

/// A double as the shortest text that reads back as the same value ("3", "0.5").
std::string number_text(double value);

}  // namespace eventgraph::exports::detail

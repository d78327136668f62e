#pragma once
// Article JSON: one object, an array of objects, or JSON Lines; read and
// written with RapidJSON (kept out of this header).

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "eventgraph/io/input.hpp"
#include "eventgraph/model/article.hpp"

namespace eventgraph::io {

/// One article as one line of JSON, without the newline. Every article it
/// writes is valid against schemas/article.schema.json.
std::string article_to_json(const model::Article& article);

/// Reads one article from a JSON object's text. `file` and `line` name it in
/// errors; an article with no id takes `default_id`. Throws input_error.
model::Article article_from_json(std::string_view json, const std::string& file, std::size_t line,
                                 const std::string& default_id);

/// Streams the articles of JSON text from `in`: JSON Lines are read a line at a
/// time (constant memory); a single object or an array spread over lines is
/// read whole. Articles without an id take `default_id`, numbered "-2", "-3"…
/// after the first when there are several. Returns the number of records skipped.
std::size_t read_articles_json(std::istream& in, const std::string& file,
                               const std::string& default_id, const ReadOptions& options,
                               const std::function<void(model::Article)>& sink,
                               const std::function<void(const std::exception&)>& on_skip);

}  // namespace eventgraph::io

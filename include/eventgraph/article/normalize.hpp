#pragma once
// Normalization: what people have (a page saved as text or HTML, article
// JSON) becomes clean articles. A page gives its main article first, then the
// teasers and news-feed items it carries, as articles of their own with ids
// "PAGE#teaser-N" and "PAGE#feed-N" and `parent` set to the page's id.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eventgraph/io/input.hpp"
#include "eventgraph/model/article.hpp"

namespace eventgraph::article {

/// A page saved as plain text (copied from a browser or a scraper's text dump).
/// `file` names the input in errors; throws input_error if the page holds no
/// recognisable article.
std::vector<model::Article> normalize_text_page(std::string_view text, const std::string& page_id,
                                                const std::string& file);

/// An HTML page. Same contract as normalize_text_page.
std::vector<model::Article> normalize_html_page(std::string_view html, const std::string& page_id,
                                                const std::string& file);

/// Reads one input ("-" for standard input), whatever it holds (article JSON
/// or JSON Lines, an HTML page, a page saved as text), and gives each
/// normalized article to `sink`. Throws input_error for a bad input; with
/// options.keep_going, broken JSON Lines records are skipped and reported to
/// `on_skip`. Returns the number of records skipped.
std::size_t read_input(const std::string& path, const io::ReadOptions& options,
                       const std::function<void(model::Article)>& sink,
                       const std::function<void(const std::exception&)>& on_skip);

}  // namespace eventgraph::article

#include <algorithm>

#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/text/utf8.hpp"

namespace eventgraph::article {

void tidy_article(model::Article& a, const std::string& file, std::size_t line) {
    a.id = text::clean_whitespace(a.id);
    a.title = text::clean_whitespace(a.title);
    a.url = text::clean_whitespace(a.url);
    a.source = text::clean_whitespace(a.source);
    a.language = text::clean_whitespace(a.language);
    for (auto& name : a.authors) name = text::clean_whitespace(name);
    std::erase_if(a.authors, [](const std::string& s) { return s.empty(); });
    for (auto& p : a.paragraphs) p.text = text::clean_whitespace(p.text);
    std::erase_if(a.paragraphs, [](const model::Paragraph& p) { return p.text.empty(); });
    if (a.id.empty()) throw input_error(file, line, "article has an empty id");
    if (a.paragraphs.empty() && a.title.empty())
        throw input_error(file, line, "article \"" + a.id + "\" has no text");
}

}  // namespace eventgraph::article

#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"

namespace eventgraph::article {

std::vector<model::Article> normalize_html_page(std::string_view, const std::string&,
                                                const std::string& file) {
    throw input_error(file, "HTML pages are not read yet");
}

}  // namespace eventgraph::article

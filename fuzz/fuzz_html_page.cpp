// Fuzz target: an HTML page, read as `eventgraph normalize page.html`
// reads it (the page checks, then the HTML normalizer). Every article it gives
// must be written as JSON that the article reader accepts.

#include "eventgraph/article/normalize.hpp"
#include "fuzz_support.hpp"

using namespace eventgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::check_page(fuzz::as_text(data, size), "fuzz.html", article::normalize_html_page);
    return 0;
}

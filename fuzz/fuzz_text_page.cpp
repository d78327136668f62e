// Fuzz target: a page saved as text, read as `eventgraph normalize page.txt`
// reads it (the page checks, then the text normalizer). Every article it gives
// must be written as JSON that the article reader accepts.

#include <string>

#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"
#include "eventgraph/io/article_json.hpp"
#include "eventgraph/io/input.hpp"
#include "fuzz_support.hpp"

using namespace eventgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const std::string page =
            io::check_page_text(std::string(fuzz::as_text(data, size)), "fuzz.txt");
        const auto articles = article::normalize_text_page(page, "fuzz", "fuzz.txt");
        FUZZ_CHECK(!articles.empty());
        for (const auto& a : articles) {
            const std::string json = io::article_to_json(a);
            FUZZ_CHECK(io::article_to_json(
                           io::article_from_json(json, "round-trip", 1, "unused")) == json);
        }
    } catch (const error&) {
        // Bad input, reported as the program reports it.
    }
    return 0;
}

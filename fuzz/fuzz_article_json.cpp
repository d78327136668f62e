// Fuzz target: article JSON (one object, an array, JSON Lines), read as
// `eventgraph normalize`/`extract` read a .json or .jsonl input, with and
// without --keep-going. Every article read must write back as JSON that
// reads to the same article.

#include <sstream>
#include <string>

#include "eventgraph/io/article_json.hpp"
#include "fuzz_support.hpp"

using namespace eventgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::as_text(data, size));
    fuzz::read_both_ways([&](const io::ReadOptions& options, const auto& on_skip) {
        std::istringstream in(text);
        return io::read_articles_json(
            in, "fuzz.jsonl", "fuzz", options, [](model::Article a) { fuzz::check_round_trip(a); },
            on_skip);
    });
    return 0;
}

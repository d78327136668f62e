// Fuzz target: article JSON (one object, an array, JSON Lines), read as
// `eventgraph normalize`/`extract` read a .json or .jsonl input, with and
// without --keep-going. Every article read must write back as JSON that
// reads to the same article.

#include <sstream>
#include <string>

#include "eventgraph/error.hpp"
#include "eventgraph/io/article_json.hpp"
#include "fuzz_support.hpp"

using namespace eventgraph;

namespace {

void round_trip(const model::Article& a) {
    const std::string json = io::article_to_json(a);
    const model::Article again = io::article_from_json(json, "round-trip", 1, "unused");
    FUZZ_CHECK(io::article_to_json(again) == json);
}

void read(std::string_view text, bool keep_going) {
    std::istringstream in{std::string(text)};
    io::ReadOptions options;
    options.keep_going = keep_going;
    std::size_t skipped_seen = 0;
    try {
        const std::size_t skipped = io::read_articles_json(
            in, "fuzz.jsonl", "fuzz", options, [](model::Article a) { round_trip(a); },
            [&](const std::exception& e) {
                // A skipped record is reported as an input error naming the file.
                FUZZ_CHECK(dynamic_cast<const input_error*>(&e) != nullptr);
                ++skipped_seen;
            });
        FUZZ_CHECK(skipped == skipped_seen);
        FUZZ_CHECK(keep_going || skipped == 0);
    } catch (const error&) {
        // Bad input, reported as the program reports it.
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::as_text(data, size);
    read(text, false);
    read(text, true);
    return 0;
}

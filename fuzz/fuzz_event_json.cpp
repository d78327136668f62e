// Fuzz target: event JSON Lines, read as `eventgraph export`/`path`/`stats`
// read an events file, with and without --keep-going. Every event read must
// write back as JSON that reads to the same event.

#include <sstream>
#include <string>

#include "eventgraph/error.hpp"
#include "eventgraph/io/event_json.hpp"
#include "fuzz_support.hpp"

using namespace eventgraph;

namespace {

void round_trip(const model::Event& e) {
    const std::string json = io::event_to_json(e);
    FUZZ_CHECK(io::event_to_json(io::event_from_json(json, "round-trip", 1)) == json);
}

void read(std::string_view text, bool keep_going) {
    std::istringstream in{std::string(text)};
    io::ReadOptions options;
    options.keep_going = keep_going;
    std::size_t skipped_seen = 0;
    try {
        const std::size_t skipped = io::read_events_json(
            in, "fuzz.jsonl", options, [](model::Event e) { round_trip(e); },
            [&](const std::exception& e) {
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

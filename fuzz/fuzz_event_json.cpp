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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::as_text(data, size));
    fuzz::read_both_ways([&](const io::ReadOptions& options, const auto& on_skip) {
        std::istringstream in(text);
        return io::read_events_json(
            in, "fuzz.jsonl", options, [](model::Event e) { round_trip(e); }, on_skip);
    });
    return 0;
}

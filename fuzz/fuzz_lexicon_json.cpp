// Fuzz target: the JSON lexicon reader (`--lexicon FILE.json`).

#include "fuzz_support.hpp"
#include "lexicon_support.hpp"

using namespace eventgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::load_and_use(fuzz::as_text(data, size), "fuzz.json", &lexicon::load_json_lexicon);
    return 0;
}

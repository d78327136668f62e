// How fast the event reader is: reads an events file (JSON Lines) with
// io::read_events_json and prints MB/s, best of three, one thread. Not a
// test; built by tools/bench/read_events.sh.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "eventgraph/io/event_json.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: read_events EVENTS.jsonl\n");
        return 2;
    }
    const std::string file = argv[1];
    const double mb = double(std::filesystem::file_size(file)) / 1e6;
    double best = 1e9;
    std::size_t events = 0;
    for (int run = 0; run < 3; ++run) {
        std::ifstream in(file, std::ios::binary);
        events = 0;
        const auto t0 = std::chrono::steady_clock::now();
        eventgraph::io::read_events_json(
            in, file, {}, [&](eventgraph::model::Event) { ++events; },
            [](const std::exception&) {});
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf("%zu events, %.1f MB: %.2f s, %.0f MB/s, %.0f events/s\n", events, mb, best,
                mb / best, double(events) / best);
}

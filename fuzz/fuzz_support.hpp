#pragma once
// What every fuzz target shares: the input as a string view, and a check that
// stops the run loudly when a property the library promises does not hold
// (libFuzzer and the replay program both report an abort as a finding).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "eventgraph/error.hpp"
#include "eventgraph/io/article_json.hpp"
#include "eventgraph/io/input.hpp"

namespace eventgraph::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void failed(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
    std::abort();
}

}  // namespace eventgraph::fuzz

#define FUZZ_CHECK(cond) ((cond) ? (void)0 : ::eventgraph::fuzz::failed(#cond, __FILE__, __LINE__))

namespace eventgraph::fuzz {

/// An article written as JSON must read back to the same JSON.
inline void check_round_trip(const model::Article& a) {
    const std::string json = io::article_to_json(a);
    FUZZ_CHECK(io::article_to_json(io::article_from_json(json, "round-trip", 1, "unused")) == json);
}

/// A page read as `eventgraph normalize FILE` reads it: the page checks, then
/// `normalize(page, id, file)`. It gives at least one article, each of which
/// round-trips, or an eventgraph::error.
template <class Normalize>
void check_page(std::string_view text, const char* file, Normalize normalize) {
    try {
        const std::string page = io::check_page_text(std::string(text), file);
        const auto articles = normalize(page, "fuzz", file);
        FUZZ_CHECK(!articles.empty());
        for (const auto& a : articles) check_round_trip(a);
    } catch (const error&) {
        // Bad input, reported as the program reports it.
    }
}

/// Runs a JSON Lines reader as the program does, without and with
/// --keep-going. `read(options, on_skip)` reads the input afresh and returns
/// the records it skipped. Each skipped record must be reported as an
/// input_error, and nothing may be skipped without keep-going; bad input ends
/// in an eventgraph::error, as the program reports it.
template <class Read>
void read_both_ways(Read read) {
    for (const bool keep_going : {false, true}) {
        io::ReadOptions options;
        options.keep_going = keep_going;
        std::size_t skipped_seen = 0;
        try {
            const std::size_t skipped = read(options, [&](const std::exception& e) {
                FUZZ_CHECK(dynamic_cast<const input_error*>(&e) != nullptr);
                ++skipped_seen;
            });
            FUZZ_CHECK(skipped == skipped_seen);
            FUZZ_CHECK(keep_going || skipped == 0);
        } catch (const error&) {
            // Bad input, reported as the program reports it.
        }
    }
}

}  // namespace eventgraph::fuzz

#pragma once
// What every fuzz target shares: the input as a string view, and a check that
// stops the run loudly when a property the library promises does not hold
// (libFuzzer and the replay program both report an abort as a finding).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

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

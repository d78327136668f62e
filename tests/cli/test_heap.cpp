// The heap of a command over a large corpus: its room reserved at once and
// advised to the kernel as huge-page memory (cli/heap.cpp), and nothing done
// for small or unsized input or under a sanitizer.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/heap.hpp"
#include "support/support.hpp"

namespace {

// The bytes of this process's mappings the kernel holds as advised for huge
// pages ("hg" among an area's VmFlags in /proc/self/smaps).
std::size_t advised_bytes() {
    std::ifstream smaps("/proc/self/smaps");
    std::size_t total = 0, begin = 0, end = 0;
    for (std::string line; std::getline(smaps, line);) {
        if (std::sscanf(line.c_str(), "%zx-%zx ", &begin, &end) == 2) continue;
        if (line.rfind("VmFlags:", 0) != 0) continue;
        std::istringstream flags(line.substr(8));
        for (std::string f; flags >> f;)
            if (f == "hg") total += end - begin;
    }
    return total;
}

}  // namespace

TEST_CASE("the heap is readied for a large corpus only, and advised for huge pages") {
    const std::string dir = eventgraph::test::temp_dir("heap");
    const std::string small = dir + "/small.jsonl", large = dir + "/large.jsonl";
    std::ofstream(small) << "{}\n";
    std::ofstream{large};
    std::filesystem::resize_file(large, std::uintmax_t{256} << 20);  // sparse: no disk used

    CHECK(eventgraph::cli::prepare_heap({small}) == 0);
    CHECK(eventgraph::cli::prepare_heap({"-"}) == 0);
    CHECK(eventgraph::cli::prepare_heap({dir + "/missing.jsonl"}) == 0);
    const std::size_t before = advised_bytes();
    const std::size_t advised = eventgraph::cli::prepare_heap({large, small});
    if constexpr (eventgraph::cli::heap_tunable) {
        // Twice the input, less the ends that fall short of a whole huge page.
        CHECK(advised >= (std::size_t{512} << 20) - (std::size_t{4} << 20));
        CHECK(advised <= std::size_t{512} << 20);
        CHECK(advised_bytes() >= before + advised);
    } else {
        CHECK(advised == 0);
    }
    std::filesystem::remove(large);
}

// The heap of a command over a large corpus: its room reserved at once and
// advised to the kernel as huge-page memory (cli/heap.cpp), and nothing done
// for small or unsized input or under a sanitizer; the room faulted in ahead
// of malloc by a thread of its own.

#include <sys/mman.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

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

// Whether every page of [begin, begin + size) is in memory.
bool resident(std::uintptr_t begin, std::size_t size) {
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> in(size / page);
    if (mincore(reinterpret_cast<void*>(begin), size, in.data()) != 0) return false;
    for (const unsigned char p : in)
        if ((p & 1) == 0) return false;
    return true;
}

}  // namespace

TEST_CASE("the room is twice the input, at most half the memory, none under a huge page") {
    using eventgraph::cli::heap_room;
    constexpr std::uint64_t mb = std::uint64_t{1} << 20, gb = mb << 10;
    CHECK(heap_room(0, 24 * gb) == 0);
    CHECK(heap_room(2 * mb - 1, 24 * gb) == 0);
    CHECK(heap_room(2 * mb, 24 * gb) == 4 * mb);
    CHECK(heap_room(44 * mb, 24 * gb) == 88 * mb);  // 100,000 events
    CHECK(heap_room(20 * gb, 24 * gb) == 12 * gb);
}

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
        // The room ends at the program break (less what falls short of a
        // huge page). Nothing of this test touches its pages 4 MB on: they
        // come into memory only if the prefaulting thread brings them, and
        // no further than its lead (16 MB) ahead of what malloc handed out.
        constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
        const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(huge - 1);
        const std::uintptr_t start = end - advised;
        bool in = false;
        for (int i = 0; i < 1000 && !in; ++i) {
            in = resident(start + 2 * huge, 4 * huge);
            if (!in) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        CHECK(in);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        CHECK_FALSE(resident(start + 32 * huge, huge));
    } else {
        CHECK(advised == 0);
    }
    std::filesystem::remove(large);
}

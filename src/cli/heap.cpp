// Why: on a virtual machine a page fault costs microseconds, and a command
// over a million events touches some 180,000 pages of 4 KB for the first
// time: a second and a half of system time, a third of the run. Transparent
// huge pages (2 MB) take 512 of those faults as one, but Debian's kernels
// give them only to memory advised with madvise(MADV_HUGEPAGE), which malloc
// does not do unless told by an environment variable (glibc.malloc.hugetlb)
// a program cannot set for itself. So the heap is grown here, once, to the
// size the work will need, that room is advised, and then given back to
// malloc, which carves the records, the happenings and their vectors out
// of it. malloc is also told to keep what is freed (no trimming, no
// separate mappings for big blocks): a vector that grows by doubling reuses
// the room of the one before instead of having fresh pages faulted in.
//
// Nothing here changes what a command computes; the room reserved is
// address space, and only what is touched becomes memory.

#include "heap.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace eventgraph::cli {

std::size_t prepare_heap(const std::vector<std::string>& files) {
    if constexpr (!heap_tunable) return 0;
#if defined(__linux__) && defined(__GLIBC__)
    std::uint64_t bytes = 0;
    for (const std::string& f : files) {
        struct stat st {};
        if (f == "-" || ::stat(f.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
        bytes += static_cast<std::uint64_t>(st.st_size);
    }
    // Small work faults in little; the records and happenings of a corpus
    // take about one and a half times its size on disk.
    constexpr std::uint64_t huge = std::uint64_t{2} << 20;
    if (bytes < 32 * huge) return 0;
    const std::uint64_t physical = static_cast<std::uint64_t>(sysconf(_SC_PHYS_PAGES)) *
                                   static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
    const std::uint64_t room = std::min(2 * bytes, physical / 2);
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
    auto* const before = static_cast<char*>(sbrk(0));
    void* const block = std::malloc(static_cast<std::size_t>(room));
    if (!block) return 0;
    std::free(block);
    auto* const after = static_cast<char*>(sbrk(0));
    const auto start = (reinterpret_cast<std::uintptr_t>(before) + huge - 1) & ~(huge - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(after) & ~(huge - 1);
    if (end <= start || madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE) != 0)
        return 0;
    return static_cast<std::size_t>(end - start);
#else
    (void)files;
    return 0;
#endif
}

}  // namespace eventgraph::cli

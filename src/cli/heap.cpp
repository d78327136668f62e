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
// The faults that remain are big ones: the kernel zeroes 2 MB at each, and
// on a virtual machine whose host backs the guest's memory lazily that costs
// about a millisecond, most of a second over a million events, all of it on
// the thread that builds the graph while the other core waits. So a thread
// of its own faults the room in (MADV_POPULATE_WRITE, Linux 5.14) a little
// ahead of what malloc has handed out, which it reads off malloc's top
// chunk: the work's first touches find memory ready, and no more than the
// lead is faulted in that the work would not have touched.
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

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#endif

namespace eventgraph::cli {

namespace {
constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;  // a transparent huge page
}  // namespace

#if defined(__linux__) && defined(__GLIBC__)
namespace {

// Faults in [begin, end) of the heap, a lead ahead of malloc's top chunk,
// until the room is all in or it is stopped (at exit, or for a new room).
class Prefaulter {
public:
    Prefaulter() = default;
    Prefaulter(const Prefaulter&) = delete;
    Prefaulter& operator=(const Prefaulter&) = delete;
    ~Prefaulter() { stop(); }

    void start(std::uintptr_t begin, std::uintptr_t end) {
        stop();
        stopping_ = false;
        thread_ = std::thread([this, begin, end] { run(begin, end); });
    }
    void stop() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

private:
    // Enough that the work never waits on a fault, little enough that the
    // room faulted in and never used stays small: 16 MB took as long as
    // 64 MB over 300,000 and 1,000,000 events, with peaks 50 MB lower.
    static constexpr std::uintptr_t lead = std::uintptr_t{16} << 20;

    // Where the room malloc has not handed out yet begins: its top chunk
    // ends at the program break. (mallinfo2 walks malloc's free lists under
    // its locks: asked every few milliseconds, no more.)
    static std::uintptr_t handed_out() {
        return reinterpret_cast<std::uintptr_t>(sbrk(0)) - mallinfo2().keepcost;
    }
    void run(std::uintptr_t at, std::uintptr_t end) {
        std::unique_lock lock(mutex_);
        while (!stopping_ && at < end) {
            lock.unlock();
            const std::uintptr_t want = std::min(end, handed_out() + lead);
            for (; at < want; at += huge)
                while (madvise(reinterpret_cast<void*>(at), huge, MADV_POPULATE_WRITE) != 0)
                    if (errno != EINTR)
                        return;  // an older kernel, or memory short: faults as they come
            lock.lock();
            wake_.wait_for(lock, std::chrono::milliseconds(4), [this] { return stopping_; });
        }
    }

    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace
#endif

// The records and happenings of a corpus take about one and a half times its
// size on disk. Work of less than a huge page faults in little; from a few MB
// on, pages of 4 KB cost: 100,000 events (44 MB) took 0.33 s to export as DOT
// on them, 0.19 s on a room readied here (once readied only from 64 MB on).
std::uint64_t heap_room(std::uint64_t input_bytes, std::uint64_t physical_bytes) {
    if (input_bytes < huge) return 0;
    return std::min(2 * input_bytes, physical_bytes / 2);
}

std::size_t prepare_heap(const std::vector<std::string>& files) {
    if constexpr (!heap_tunable) return 0;
#if defined(__linux__) && defined(__GLIBC__)
    std::uint64_t bytes = 0;
    for (const std::string& f : files) {
        struct stat st {};
        if (f == "-" || ::stat(f.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
        bytes += static_cast<std::uint64_t>(st.st_size);
    }
    const std::uint64_t room =
        heap_room(bytes, static_cast<std::uint64_t>(sysconf(_SC_PHYS_PAGES)) *
                             static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE)));
    if (room == 0) return 0;
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
    static Prefaulter prefaulter;
    prefaulter.start(start, end);
    return static_cast<std::size_t>(end - start);
#else
    (void)files;
    return 0;
#endif
}

}  // namespace eventgraph::cli

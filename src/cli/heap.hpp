#pragma once
// The heap of a command that reads a corpus of events into a graph: a
// million events make a few hundred megabytes of records and happenings,
// each page of which the kernel faults in on its first touch. See heap.cpp.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace eventgraph::cli {

/// Whether this build tunes the heap: glibc on Linux, no sanitizer (which
/// brings its own allocator).
#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__)
inline constexpr bool heap_tunable = true;
#else
inline constexpr bool heap_tunable = false;
#endif

/// The room readied for input of `input_bytes` on a machine of
/// `physical_bytes` of memory: twice the input, at most half the memory;
/// 0 for input under a huge page (2 MB), which faults in little.
std::uint64_t heap_room(std::uint64_t input_bytes, std::uint64_t physical_bytes);

/// Readies the heap for the work of reading `files` (their sizes tell how
/// much): the room reserved at once and advised to the kernel as huge-page
/// memory, freed blocks kept for reuse. Does nothing where the C library is
/// not glibc, under a sanitizer, or for input of unknown or small size.
/// Where the kernel can, a thread faults the room in a little ahead of what
/// malloc hands out, until the room is all in or the program ends.
/// Returns the bytes advised (0: nothing done).
std::size_t prepare_heap(const std::vector<std::string>& files);

}  // namespace eventgraph::cli

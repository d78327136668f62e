#pragma once
// Work split over a few threads, for the long passes of building a graph
// and writing it: each part is a contiguous range, so a part's results can
// go where the one-thread pass puts them and the output does not depend on
// the number of threads. Shared with the export module; not installed.

#include <algorithm>
#include <cstddef>
#include <exception>
#include <iterator>
#include <thread>
#include <vector>

namespace eventgraph::graph::detail {

/// Fewer items than this a part are not worth a thread.
inline constexpr std::size_t min_part = std::size_t{1} << 14;

/// How many parts `threads` threads make of `n` items.
inline std::size_t parts_for(std::size_t n, unsigned threads) {
    return std::clamp<std::size_t>(n / min_part, 1, std::max(1U, threads));
}

/// work(part, begin, end) for `parts` contiguous parts of [0, n), the first
/// on this thread and each other on one of its own, all at once. The first
/// exception thrown (by part order) is rethrown once every part has ended.
template <typename Work>
void for_parts(std::size_t n, std::size_t parts, const Work& work) {
    parts = std::max<std::size_t>(parts, 1);
    std::vector<std::exception_ptr> failed(parts);
    const auto run = [&](std::size_t k) {
        try {
            work(k, n * k / parts, n * (k + 1) / parts);
        } catch (...) {
            failed[k] = std::current_exception();
        }
    };
    std::vector<std::thread> helpers;
    helpers.reserve(parts - 1);
    for (std::size_t k = 1; k < parts; ++k) helpers.emplace_back(run, k);
    run(0);
    for (auto& t : helpers) t.join();
    for (const auto& e : failed)
        if (e) std::rethrow_exception(e);
}

/// work(begin, end) over [0, n) on up to `threads` threads.
template <typename Work>
void in_parts(std::size_t n, unsigned threads, const Work& work) {
    for_parts(n, parts_for(n, threads),
              [&](std::size_t, std::size_t begin, std::size_t end) { work(begin, end); });
}

/// std::sort of [first, last) by `less`, a strict total order (no two items
/// equal), so that the result is the one-thread sort's: the parts are
/// sorted at once and merged.
template <typename It, typename Less>
void sort_in_parts(It first, It last, unsigned threads, Less less) {
    const auto n = static_cast<std::size_t>(std::distance(first, last));
    const std::size_t parts = parts_for(n, threads);
    const auto at = [&](std::size_t i) { return first + static_cast<std::ptrdiff_t>(i); };
    for_parts(n, parts, [&](std::size_t, std::size_t begin, std::size_t end) {
        std::sort(at(begin), at(end), less);
    });
    // Sorted runs merged pairwise, round by round.
    for (std::size_t width = 1; width < parts; width *= 2)
        for (std::size_t k = 0; k + width < parts; k += 2 * width)
            std::inplace_merge(at(n * k / parts), at(n * (k + width) / parts),
                               at(n * std::min(parts, k + 2 * width) / parts), less);
}

}  // namespace eventgraph::graph::detail

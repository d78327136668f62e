#pragma once
// The web page's fixed text: tools/viewer's HTML, CSS and JavaScript with the
// libraries npm fetched, embedded at build time (cmake/embed_viewer.cmake
// writes viewer_page.cpp). Private to src/export.

#include <cstddef>
#include <string>
#include <string_view>

namespace eventgraph::exports::detail {

/// The page around what each export fills in: head + title + middle + data + tail.
struct ViewerPage {
    std::string head, middle, tail;
};

const ViewerPage& viewer_page();

template <std::size_t N>
std::string join(const std::string_view (&pieces)[N]) {
    std::string out;
    for (const std::string_view piece : pieces) out += piece;
    return out;
}

}  // namespace eventgraph::exports::detail

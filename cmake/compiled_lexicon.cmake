# The default lexicon compiled (src/lexicon/compiled.cpp): data/lexicon/*.json
# and data/phoenix/*.txt read once at build time by the library's own reader
# and written to generated/data/default-lexicon.bin, which start-up reads
# instead of the text while the files are the ones it was made from. Built
# again whenever the files or the library change.

add_executable(eventgraph_compile_lexicon ${PROJECT_SOURCE_DIR}/tools/compile_lexicon.cpp)
target_link_libraries(eventgraph_compile_lexicon PRIVATE eventgraph::eventgraph)
target_compile_options(eventgraph_compile_lexicon PRIVATE -Wall -Wextra -Wpedantic)

file(GLOB eventgraph_default_lexicon_files CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/data/lexicon/*.json ${PROJECT_SOURCE_DIR}/data/phoenix/*.txt)
set(EVENTGRAPH_COMPILED_LEXICON_FILE ${EVENTGRAPH_GENERATED_DATA_DIR}/default-lexicon.bin)
file(MAKE_DIRECTORY ${EVENTGRAPH_GENERATED_DATA_DIR})
add_custom_command(
  OUTPUT ${EVENTGRAPH_COMPILED_LEXICON_FILE}
  COMMAND ${CMAKE_COMMAND} -E env --unset=EVENTGRAPH_DATA
          $<TARGET_FILE:eventgraph_compile_lexicon> ${EVENTGRAPH_COMPILED_LEXICON_FILE}
  DEPENDS eventgraph_compile_lexicon ${eventgraph_default_lexicon_files}
  COMMENT "Compiling the default lexicon"
  VERBATIM)
add_custom_target(eventgraph_compiled_lexicon ALL DEPENDS ${EVENTGRAPH_COMPILED_LEXICON_FILE})

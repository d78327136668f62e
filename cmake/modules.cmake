# The library's modules, one target each, in the order of
# NOTES_FOR_DEVELOPERS.md ("Shape"): a module links only the modules it may
# use, and its compiler sees only
#   - its own src/<module>/ (as "<module>/…"), privately;
#   - the public headers include/eventgraph/<module>/ of itself and of the
#     modules it links (as "eventgraph/<module>/…");
#   - the few headers a module shares with the library's later modules
#     (SHARED: io's json.hpp, graph's parallel.hpp), which are not installed.
# Each sees them through a view of its own in the build tree (symbolic links
# under modules/<module>/), so an include of a module it does not link, or of
# another module's src/, fails to compile.
#
# eventgraph_module(NAME [PUBLIC module… target…] [PRIVATE module… target…]
#                   [SHARED header…] [SOURCES file…] [TOP_HEADERS header…])
# defines eventgraph_<NAME>, an object library; eventgraph (CMakeLists.txt)
# is the whole library made of them all.

set(EVENTGRAPH_MODULES "")
set(eventgraph_views ${PROJECT_BINARY_DIR}/modules)

function(eventgraph_module name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "PUBLIC;PRIVATE;SHARED;SOURCES;TOP_HEADERS")
  set(target eventgraph_${name})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  add_library(${target} OBJECT ${sources} ${arg_SOURCES})

  set(view ${eventgraph_views}/${name})
  file(REMOVE_RECURSE ${view})
  file(MAKE_DIRECTORY ${view}/public/eventgraph ${view}/private)
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/eventgraph/${name}
       ${view}/public/eventgraph/${name} SYMBOLIC)
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${name} ${view}/private/${name} SYMBOLIC)
  foreach(header IN LISTS arg_TOP_HEADERS)  # include/eventgraph/error.hpp is model's
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/eventgraph/${header}
         ${view}/public/eventgraph/${header} SYMBOLIC)
  endforeach()
  target_include_directories(${target}
    PUBLIC $<BUILD_INTERFACE:${view}/public>
    PRIVATE ${view}/private)
  if(arg_SHARED)
    file(MAKE_DIRECTORY ${view}/shared/${name})
    foreach(header IN LISTS arg_SHARED)
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${name}/${header}
           ${view}/shared/${name}/${header} SYMBOLIC)
    endforeach()
    target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${view}/shared>)
  endif()

  # Modules by name, other libraries as they are.
  foreach(scope PUBLIC PRIVATE)
    set(libs "")
    foreach(lib IN LISTS arg_${scope})
      if(lib MATCHES "::")
        list(APPEND libs ${lib})
      else()
        if(NOT lib IN_LIST EVENTGRAPH_MODULES)
          message(FATAL_ERROR "module ${name} links ${lib}, which is not defined before it")
        endif()
        list(APPEND libs eventgraph_${lib})
      endif()
    endforeach()
    target_link_libraries(${target} ${scope} ${libs})
  endforeach()

  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_definitions(${target} PRIVATE RAPIDJSON_HAS_STDSTRING=1)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  set(EVENTGRAPH_MODULES ${EVENTGRAPH_MODULES} ${name} PARENT_SCOPE)
endfunction()

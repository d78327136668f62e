# cmake --install: the program, the library (static) with its public headers,
# the data directory with the files made from it at build time, and a CMake
# package, so that another project can find_package(eventgraph) and link
# eventgraph::eventgraph (tests/consumer/ is one).
#
#   PREFIX/bin/eventgraph
#   PREFIX/lib/libeventgraph.a, PREFIX/lib/cmake/eventgraph/
#   PREFIX/include/eventgraph/…
#   PREFIX/share/eventgraph/data/…  (found by the program from its own place:
#                                    src/io/data.cpp, README "Installing")

include(CMakePackageConfigHelpers)

install(TARGETS eventgraph_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS eventgraph EXPORT eventgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/generated/eventgraph/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/eventgraph)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${EVENTGRAPH_INSTALL_DATA_DIR}
  PATTERN lexicon-src EXCLUDE)
install(FILES ${EVENTGRAPH_COMPILED_LEXICON_FILE} ${EVENTGRAPH_GAZETTEER_FILE}
  DESTINATION ${EVENTGRAPH_INSTALL_DATA_DIR})

set(eventgraph_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/eventgraph)
install(EXPORT eventgraphTargets NAMESPACE eventgraph:: DESTINATION ${eventgraph_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/eventgraphConfig.cmake.in
  ${PROJECT_BINARY_DIR}/eventgraphConfig.cmake
  INSTALL_DESTINATION ${eventgraph_cmake_dir}
  PATH_VARS EVENTGRAPH_INSTALL_DATA_DIR)
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/eventgraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/eventgraphConfig.cmake
  ${PROJECT_BINARY_DIR}/eventgraphConfigVersion.cmake
  DESTINATION ${eventgraph_cmake_dir})

# npm packages fetched at build time, never kept in the repository: a
# directory of tools/ with a package.json and its package-lock.json is copied
# into the build tree and `npm ci` installs exactly the locked versions there.
#
# eventgraph_npm_ci(SOURCE_DIR WORK_DIR STAMP_VAR COMMENT) adds the command;
# STAMP_VAR names the file that is up to date once WORK_DIR/node_modules is.
# EVENTGRAPH_NPM is npm, or false when it is not installed.

include_guard(GLOBAL)
find_program(EVENTGRAPH_NPM npm)

function(eventgraph_npm_ci source work stamp_var comment)
  set(stamp ${work}/npm-ci.stamp)
  file(MAKE_DIRECTORY ${work})
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -E copy ${source}/package.json ${source}/package-lock.json ${work}
    COMMAND ${EVENTGRAPH_NPM} ci --no-audit --no-fund --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    WORKING_DIRECTORY ${work}
    DEPENDS ${source}/package.json ${source}/package-lock.json
    COMMENT "${comment}"
    VERBATIM)
  set(${stamp_var} ${stamp} PARENT_SCOPE)
endfunction()

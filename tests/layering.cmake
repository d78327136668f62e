# Whether a module's compiler sees a header, as the build gives it: compiles
# a file holding only `#include "HEADER"`s with the flags of the module's
# target (tests/CMakeLists.txt passes them). EXPECT=compiles, or EXPECT=unseen:
# the compiler must stop at a header it cannot find, and for no other reason.
# cmake -D CXX=… -D "FLAGS=…" -D "HEADERS=a;b" -D EXPECT=… -D WORK=… -P layering.cmake

cmake_minimum_required(VERSION 3.18)
string(MAKE_C_IDENTIFIER "${HEADERS}" name)
set(probe ${WORK}/${name}.cpp)
set(text "")
foreach(header IN LISTS HEADERS)
  string(APPEND text "#include \"${header}\"\n")
endforeach()
file(WRITE ${probe} "${text}")
separate_arguments(flags UNIX_COMMAND "${FLAGS}")
execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only ${flags} ${probe}
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(EXPECT STREQUAL "compiles")
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "expected to compile:\n${text}${err}")
  endif()
elseif(EXPECT STREQUAL "unseen")
  if(code EQUAL 0)
    message(FATAL_ERROR "the module sees what it may not:\n${text}")
  endif()
  if(NOT err MATCHES "(No such file or directory|file not found)")
    message(FATAL_ERROR "failed, but not for want of the header:\n${err}")
  endif()
else()
  message(FATAL_ERROR "EXPECT is compiles or unseen")
endif()

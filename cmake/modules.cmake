# hirag_module(NAME DEPS ...): a static library hirag_NAME from src/NAME/**/*.cpp.
# A folder with no .cpp yet becomes an INTERFACE library, so the layering can be
# declared before every layer exists.
function(hirag_module name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS
       ${CMAKE_SOURCE_DIR}/src/${name}/*.cpp ${CMAKE_SOURCE_DIR}/src/${name}/*.S)
  if(sources)
    add_library(hirag_${name} STATIC ${sources})
    target_include_directories(hirag_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(hirag_${name} PUBLIC ${ARG_DEPS})
  else()
    add_library(hirag_${name} INTERFACE)
    target_include_directories(hirag_${name} INTERFACE ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(hirag_${name} INTERFACE ${ARG_DEPS})
  endif()
endfunction()

# hirag_test_suite(NAME DEPS ...): one GoogleTest binary test_NAME from tests/NAME/**/*.cpp.
function(hirag_test_suite name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cpp)
  if(NOT sources)
    return()
  endif()
  add_executable(test_${name} ${sources})
  target_link_libraries(test_${name} PRIVATE ${ARG_DEPS} hirag_test_support GTest::gmock GTest::gtest_main)
  target_compile_definitions(test_${name} PRIVATE
    HIRAG_SHARED_DIR="${HIRAG_SHARED_DIR}"
    HIRAG_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    HIRAG_BINARY="$<TARGET_FILE:hirag>")
  add_dependencies(test_${name} hirag)
  gtest_discover_tests(test_${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 600)
endfunction()

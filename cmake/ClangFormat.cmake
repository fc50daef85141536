# The `format` target rewrites every C++ source of the tree in place with the repository's .clang-format;
# `format-check` fails, listing the offending lines, when a tracked source is not formatted (what CI runs, through
# scripts/check-format.sh). Both need clang-format (14, as Debian 12 ships it, or newer); without it they are
# left out and the configure step says so.
find_program(CLANG_FORMAT_EXECUTABLE NAMES clang-format clang-format-14)
if(NOT CLANG_FORMAT_EXECUTABLE)
    message(STATUS "clang-format not found: no format and format-check targets")
    return()
endif()

# The folders whose .cpp and .h files Ordo formats; scripts/check-format.sh checks the same ones.
set(ORDO_FORMAT_DIRS app core ui tests)
set(ORDO_FORMAT_GLOBS)
foreach(dir ${ORDO_FORMAT_DIRS})
    list(APPEND ORDO_FORMAT_GLOBS ${dir}/*.cpp ${dir}/*.h)
endforeach()
# CONFIGURE_DEPENDS: a file added later is formatted too, without rerunning cmake by hand.
file(GLOB_RECURSE ORDO_FORMAT_FILES CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR} ${ORDO_FORMAT_GLOBS})
list(SORT ORDO_FORMAT_FILES)

add_custom_target(format
    COMMAND ${CLANG_FORMAT_EXECUTABLE} -style=file -i ${ORDO_FORMAT_FILES}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Formatting the C++ sources with clang-format"
    VERBATIM)
add_custom_target(format-check
    COMMAND ${CMAKE_COMMAND} -E env CLANG_FORMAT=${CLANG_FORMAT_EXECUTABLE}
            bash ${PROJECT_SOURCE_DIR}/scripts/check-format.sh
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Checking that the C++ sources are formatted"
    VERBATIM)

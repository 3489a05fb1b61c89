# Installation and the Debian package (included at the end of the top-level CMakeLists.txt).
#
# `cmake --install BUILD` installs the layer libraries, the mocks, their public headers, the `vssfault`
# command, the scenario JSON schema, the docs and a CMake package, so that another project can write
#   find_package(vssfault CONFIG REQUIRED)
#   target_link_libraries(my_tests PRIVATE vssfault::harness vssfault::mocks GTest::gmock_main)
#   vssfault_add_scenarios(DIRECTORY scenarios)
# Exported targets: vssfault::harness (every layer), vssfault::<layer> (kernel codes vss bits requester
# scenario runner coverage timeline), vssfault::mocks and the executable vssfault::vssfault.
# Tests, benchmarks, fuzzers and the property library are not installed. `cpack -G DEB` in the build
# directory makes vssfault_<version>_<arch>.deb of the same files. tools/test-package checks both.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(VSSFAULT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/vssfault)

# The layers that exist in this tree (requester needs vss, etc.), bottom to top.
set(VSSFAULT_INSTALL_LAYERS)
foreach(layer kernel codes vss bits requester scenario runner coverage timeline)
  if(TARGET vssfault_${layer})
    list(APPEND VSSFAULT_INSTALL_LAYERS vssfault_${layer})
    set_target_properties(vssfault_${layer} PROPERTIES EXPORT_NAME ${layer})
  endif()
endforeach()

# vssfault::harness: one name for every layer (static libraries; the linker keeps what is used).
add_library(vssfault_harness INTERFACE)
add_library(vssfault::harness ALIAS vssfault_harness)
target_link_libraries(vssfault_harness INTERFACE ${VSSFAULT_INSTALL_LAYERS})
set_target_properties(vssfault_harness PROPERTIES EXPORT_NAME harness)

set(VSSFAULT_INSTALL_TARGETS ${VSSFAULT_INSTALL_LAYERS} vssfault_harness)
if(TARGET vssfault_mocks)
  set_target_properties(vssfault_mocks PROPERTIES EXPORT_NAME mocks)
  list(APPEND VSSFAULT_INSTALL_TARGETS vssfault_mocks)
endif()
set_target_properties(vssfault PROPERTIES EXPORT_NAME vssfault)
list(APPEND VSSFAULT_INSTALL_TARGETS vssfault)

install(TARGETS ${VSSFAULT_INSTALL_TARGETS} EXPORT vssfaultTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/harness/include/ ${PROJECT_SOURCE_DIR}/mocks/include/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.inc")
# `cmake --install --strip` and cpack (CPACK_STRIP_FILES) strip the executable, but install() leaves static
# libraries alone: their debug information, most of their size, goes the way Debian's dh_strip removes it.
foreach(target IN LISTS VSSFAULT_INSTALL_TARGETS)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "STATIC_LIBRARY" AND CMAKE_STRIP)
    install(CODE "if(CMAKE_INSTALL_DO_STRIP)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug --enable-deterministic-archives
        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:${target}>\"
        COMMAND_ERROR_IS_FATAL ANY)
    endif()")
  endif()
endforeach()
install(EXPORT vssfaultTargets NAMESPACE vssfault:: DESTINATION ${VSSFAULT_CMAKE_DIR})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/vssfaultConfig.cmake.in
  ${PROJECT_BINARY_DIR}/vssfaultConfig.cmake INSTALL_DESTINATION ${VSSFAULT_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/vssfaultConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)  # 0.x: a minor version may change the API
install(FILES ${PROJECT_BINARY_DIR}/vssfaultConfig.cmake ${PROJECT_BINARY_DIR}/vssfaultConfigVersion.cmake
  ${CMAKE_CURRENT_LIST_DIR}/VssfaultScenarios.cmake
  DESTINATION ${VSSFAULT_CMAKE_DIR})

install(FILES ${PROJECT_SOURCE_DIR}/docs/scenario.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/vssfault)
file(GLOB VSSFAULT_DOC_FILES ${PROJECT_SOURCE_DIR}/docs/*.md ${PROJECT_SOURCE_DIR}/docs/*.png)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${VSSFAULT_DOC_FILES} DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The Debian package: `cpack -G DEB` in the build directory.
set(CPACK_PACKAGE_NAME vssfault)
set(CPACK_PACKAGE_VENDOR "vssfault")
set(CPACK_PACKAGE_CONTACT "vssfault maintainers <vssfault@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "deterministic fault-injection harness for Windows VSS and BITS error paths")
set(CPACK_PACKAGE_DESCRIPTION
  "Models the documented VSS requester, writer and provider APIs and BITS jobs on a virtual clock, runs YAML failure scenarios (the vssfault command) and ships GoogleMock mocks, a C++20 library and a CMake package (find_package(vssfault)) for tests of backup and transfer code.")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)  # the executable, and the static libraries' debug information (above)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # vssfault_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Runtime libraries of `vssfault` (libyaml-cpp, libstdc++...) are computed by dpkg-shlibdeps and appended;
# the development packages are what find_package(vssfault) and the exported targets need.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libyaml-cpp-dev, libgtest-dev, libgmock-dev, nlohmann-json3-dev")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cmake, g++")
include(CPack)

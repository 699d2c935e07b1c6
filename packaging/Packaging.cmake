# Installers, one CPack set-up for every platform (docs/packaging.md):
#   Linux    .deb (built and tested here: tests/packaging/check-deb.sh) and .rpm (cpack -G RPM)
#   Windows  NSIS installer, Qt deployed by windeployqt         (not built here)
#   macOS    .dmg of an app bundle, Qt deployed by macdeployqt  (not built here)
# The version everywhere is project(VERSION) in the top-level CMakeLists.txt.
include(GNUInstallDirs)

set(INLET_APP_ID app.inlet.Inlet) # AppStream id, desktop file name, macOS bundle identifier

# The binaries print the project version for --version.
foreach(target inlet inlet-sandbox)
  if(TARGET ${target})
    target_compile_definitions(${target} PRIVATE INLET_VERSION="${PROJECT_VERSION}")
  endif()
endforeach()

set(CPACK_PACKAGE_NAME inlet)
set(CPACK_PACKAGE_VENDOR "Inlet")
set(CPACK_PACKAGE_CONTACT "Inlet developers <dev@inlet.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "A desktop inbox in which social media managers read and answer a business's Instagram Direct\n\
Messages: live through an embedded webhook server or by polling, several accounts, tokens in the\n\
system keychain, a headless mode for servers and a built-in sandbox with simulated customers.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Inlet")
set(CPACK_PACKAGE_EXECUTABLES inlet Inlet)
set(CPACK_STRIP_FILES ON)

if(WIN32)
  include(${CMAKE_CURRENT_LIST_DIR}/windows/Windows.cmake)
elseif(APPLE)
  include(${CMAKE_CURRENT_LIST_DIR}/macos/MacOS.cmake)
else()
  include(${CMAKE_CURRENT_LIST_DIR}/linux/Linux.cmake)
endif()
include(CPack)

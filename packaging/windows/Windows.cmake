# Windows: an NSIS installer (cpack -G NSIS, needs makensis on PATH). windeployqt copies Qt's DLLs,
# plugins (platforms, sqldrivers, tls, imageformats, iconengines) and WebEngine (QtWebEngineProcess,
# resources, locales) next to the installed executables. Not built or tested on this Linux machine.
set(CPACK_GENERATOR NSIS)

if(TARGET inlet)
  # A windowed app: no console behind it. `inlet --headless` still writes to a redirected stdout.
  set_target_properties(inlet PROPERTIES WIN32_EXECUTABLE ON)
  target_sources(inlet PRIVATE ${CMAKE_CURRENT_LIST_DIR}/inlet.rc) # the .exe's icon
endif()

# QtKeychain is not a Qt module: windeployqt does not copy it.
get_target_property(inlet_keychain Qt6Keychain::Qt6Keychain ALIASED_TARGET)
if(NOT inlet_keychain)
  set(inlet_keychain Qt6Keychain::Qt6Keychain)
endif()
install(IMPORTED_RUNTIME_ARTIFACTS ${inlet_keychain} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The MSVC runtime (vcruntime, msvcp) into bin/.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)

# windeployqt sits next to qmake. It runs at install time, so also inside `cpack`'s staging tree.
get_target_property(inlet_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(inlet_qt_bin "${inlet_qmake}" DIRECTORY)
find_program(INLET_WINDEPLOYQT windeployqt HINTS "${inlet_qt_bin}" REQUIRED)
install(CODE "
  message(STATUS \"windeployqt: \${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
  execute_process(
    COMMAND \"${INLET_WINDEPLOYQT}\" --release --no-compiler-runtime --no-system-d3d-compiler
            --dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\"
            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/inlet.exe\"
            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/inlet-sandbox.exe\"
            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/inlet-login.exe\"
    COMMAND_ERROR_IS_FATAL ANY)
")

set(CPACK_NSIS_PACKAGE_NAME "Inlet ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "Inlet")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Inlet")
set(CPACK_NSIS_MUI_ICON ${CMAKE_CURRENT_LIST_DIR}/inlet.ico)
set(CPACK_NSIS_MUI_UNIICON ${CMAKE_CURRENT_LIST_DIR}/inlet.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME "${CMAKE_INSTALL_BINDIR}\\\\inlet.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY ${CMAKE_INSTALL_BINDIR})
set(CPACK_NSIS_MUI_FINISHPAGE_RUN inlet.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
# Data (%LOCALAPPDATA%\Inlet\inlet) and Credential Manager entries stay after uninstalling.

# macOS: Inlet.app (both executables inside) on a drag-and-drop .dmg (cpack -G DragNDrop). macdeployqt
# copies the Qt frameworks, plugins and QtWebEngineCore.framework's helper into the bundle. The
# bundle is not signed or notarized. Not built or tested on this Linux machine.
# The top-level CMakeLists.txt installs the executables into Inlet.app/Contents/MacOS on Apple.
set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "Inlet ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)

if(TARGET inlet)
  set_target_properties(inlet PROPERTIES
    OUTPUT_NAME Inlet
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER ${INLET_APP_ID}
    MACOSX_BUNDLE_BUNDLE_NAME Inlet
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE inlet.icns
    MACOSX_BUNDLE_COPYRIGHT "The Inlet developers")
  target_sources(inlet PRIVATE ${CMAKE_CURRENT_LIST_DIR}/inlet.icns)
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/inlet.icns TARGET_DIRECTORY inlet
                              PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
endif()

get_target_property(inlet_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(inlet_qt_bin "${inlet_qmake}" DIRECTORY)
find_program(INLET_MACDEPLOYQT macdeployqt HINTS "${inlet_qt_bin}" REQUIRED)
# -executable: the sandbox and the login window inside the bundle get its Qt references rewritten too.
install(CODE "
  execute_process(
    COMMAND \"${INLET_MACDEPLOYQT}\" \"\${CMAKE_INSTALL_PREFIX}/Inlet.app\"
            \"-executable=\${CMAKE_INSTALL_PREFIX}/Inlet.app/Contents/MacOS/inlet-sandbox\"
            \"-executable=\${CMAKE_INSTALL_PREFIX}/Inlet.app/Contents/MacOS/inlet-login\"
            -always-overwrite
    COMMAND_ERROR_IS_FATAL ANY)
")

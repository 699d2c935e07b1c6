# Installers. On Linux a .deb that depends on Debian's Qt (Qt 6.4 cannot deploy its own libraries on
# Linux; see ../shared/docs/toolchain.md §2h). Windows (NSIS) and macOS (DragNDrop) use the same CPack
# set-up with windeployqt/macdeployqt run first; see packaging/README.md.
include(GNUInstallDirs)
if(INLET_BUILD_APP)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/inlet.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/inlet.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()
set(CPACK_PACKAGE_NAME inlet)
set(CPACK_PACKAGE_VENDOR "Inlet")
set(CPACK_PACKAGE_CONTACT "Inlet developers <dev@inlet.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# QtKeychain dlopen()s libsecret, which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
if(WIN32)
  set(CPACK_GENERATOR NSIS)
elseif(APPLE)
  set(CPACK_GENERATOR DragNDrop)
else()
  set(CPACK_GENERATOR DEB)
endif()
include(CPack)

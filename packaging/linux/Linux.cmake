# Linux: .debs (Debian 12) and an .rpm (Fedora names) that depend on the distribution's
# Qt 6.4. Two .deb packages from two install components: `inlet` (the app, the login window, the
# sandbox) and `inlet-server` (the team server, its man page and systemd unit; desktops do not
# need it, a team's server needs nothing else). Qt 6.4 cannot deploy its own libraries on Linux (../shared/docs/toolchain.md §2h), so the
# packages declare them; dpkg-shlibdeps / rpm's autoreq find the linked ones.
set(inlet_root ${PROJECT_SOURCE_DIR})

if(TARGET inlet)
  install(FILES ${inlet_root}/resources/${INLET_APP_ID}.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${inlet_root}/resources/${INLET_APP_ID}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${inlet_root}/resources/icons/inlet.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  # PNGs rendered from the SVG by packaging/render-icons.sh (committed: no renderer at build time).
  install(DIRECTORY ${inlet_root}/resources/icons/hicolor/
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor)
endif()

# Man pages: version filled in at configure time, gzip'd reproducibly (-n) at build time.
set(man_pages)
foreach(page inlet inlet-sandbox inlet-server)
  configure_file(${inlet_root}/packaging/man/${page}.1.in ${PROJECT_BINARY_DIR}/man/${page}.1 @ONLY)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/man/${page}.1.gz
                     COMMAND gzip -9nkf ${page}.1
                     DEPENDS ${PROJECT_BINARY_DIR}/man/${page}.1
                     WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/man VERBATIM)
  list(APPEND man_pages ${PROJECT_BINARY_DIR}/man/${page}.1.gz)
endforeach()
add_custom_target(inlet-man ALL DEPENDS ${man_pages})
list(POP_BACK man_pages server_man_page)
install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# inlet-server: its man page, its systemd unit (installed, not enabled: the database comes first)
# and team.md. /lib/systemd/system is where Debian 12's packages put units.
install(FILES ${server_man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT server)
install(FILES ${inlet_root}/packaging/linux/inlet-server.service DESTINATION /lib/systemd/system
        COMPONENT server)
install(FILES ${inlet_root}/docs/team.md ${inlet_root}/packaging/linux/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/inlet-server COMPONENT server)

install(FILES ${inlet_root}/README.md ${inlet_root}/CHANGELOG.md ${inlet_root}/docs/sandbox.md
              ${inlet_root}/packaging/linux/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)

# --- .deb ---------------------------------------------------------------------------------------
# One package per component; what is not set per component below is shared.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL inlet server)
set(CPACK_DEBIAN_INLET_PACKAGE_NAME inlet)
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME inlet-server)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# What dpkg-shlibdeps cannot see, because it is dlopen()ed or a separate process:
#   libsecret-1-0            QtKeychain dlopen()s libsecret; a Secret Service provider stores the secrets
#   libqt6webenginecore6-bin QtWebEngineProcess, the login window's renderer (not a dependency of the lib;
#                            only /usr/libexec/inlet/inlet-login, the login window's process, loads WebEngine)
#   libqt6webengine6-data    WebEngine's .pak resources and locales
#   libqt6sql6-sqlite        the QSQLITE driver plugin (the store)
#   libqt6svg6               the SVG icon engine and image plugin (app icon, sandbox avatars)
#   qt6-image-formats-plugins  WebP/TIFF images customers send
# The xcb platform plugin comes with libqt6gui6 (found by shlibdeps); Wayland is a recommendation.
set(CPACK_DEBIAN_INLET_PACKAGE_DEPENDS
    "libsecret-1-0, gnome-keyring | kwalletmanager | keepassxc, libqt6webenginecore6-bin (>= 6.4), \
libqt6webengine6-data (>= 6.4), libqt6sql6-sqlite (>= 6.4), libqt6svg6 (>= 6.4), qt6-image-formats-plugins")
set(CPACK_DEBIAN_INLET_PACKAGE_RECOMMENDS "qt6-wayland, xdg-utils")
# inlet-server: the QPSQL driver plugin is dlopen()ed; PostgreSQL itself may be on another machine.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-psql (>= 6.4)")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "postgresql (>= 15)")
# Each package's first line is CPACK_PACKAGE_DESCRIPTION_SUMMARY (CPackDeb prepends it).
set(CPACK_DEBIAN_INLET_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_SERVER_DESCRIPTION
    "Inlet's team server, the always-on relay of a team of Inlet desktops: it\n\
receives Instagram's webhooks into a PostgreSQL database that every agent's\n\
desktop follows as a replica, sends the agents' replies exactly once, and keeps\n\
the Instagram tokens and app secrets away from the desktops.")

# --- .rpm (cpack -G RPM; Fedora package names, not tested here) -----------------------------------
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_REQUIRES
    "libsecret, (gnome-keyring or kf5-kwallet or keepassxc), qt6-qtwebengine >= 6.4, qt6-qtsvg >= 6.4, \
qt6-qtimageformats >= 6.4, qt6-qtbase-gui >= 6.4")
set(CPACK_RPM_PACKAGE_SUGGESTS "qt6-qtwayland, xdg-utils")
# Directories the distribution owns: the package must not claim them.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/libexec /usr/share/applications /usr/share/metainfo /usr/share/man /usr/share/man/man1
    /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps)
foreach(size 16 22 24 32 48 64 128 256 512)
  list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
       /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()

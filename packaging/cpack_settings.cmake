# CPack: DEB and TGZ on Linux, NSIS on Windows, a DragNDrop disk image on macOS. The Windows and
# macOS deploy steps (windeployqt/macdeployqt, LibTorch's libraries) are in packaging/README.md.
set(CPACK_PACKAGE_NAME deeppacket)
set(CPACK_PACKAGE_VENDOR "Deep Packet")
set(CPACK_PACKAGE_CONTACT "Deep Packet maintainers <maintainers@deeppacket.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Encrypted traffic classification with deep learning (Deep Packet)")
set(CPACK_PACKAGE_DESCRIPTION
    "Reads packet captures and classifies every packet and flow with a stacked autoencoder or a 1D CNN, for application identification or traffic categorization; trains new models; desktop app and command-line tool.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/deeppacket/deeppacket")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Deep Packet")
set(CPACK_PACKAGE_EXECUTABLES deeppacket "Deep Packet")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/" "/\\\\.git/" "__pycache__")

if(WIN32)
    set(CPACK_GENERATOR NSIS)
    set(CPACK_NSIS_MUI_ICON ${CMAKE_CURRENT_LIST_DIR}/windows/deeppacket.ico)
    set(CPACK_NSIS_MUI_UNIICON ${CMAKE_CURRENT_LIST_DIR}/windows/deeppacket.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\deeppacket.exe)
    set(CPACK_NSIS_DISPLAY_NAME "Deep Packet")
    set(CPACK_NSIS_MODIFY_PATH ON)
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME "Deep Packet")
else()
    set(CPACK_GENERATOR DEB TGZ)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION net)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from dpkg-shlibdeps, plus what it cannot
    # see: Qt's platform plugins are loaded at run time, and LibTorch's BLAS is an alternative
    # whose OpenMP build is 30 times faster than the reference one.
    # setcap, for the capture helper's capabilities (postinst).
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libcap2-bin, passwd")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_LIST_DIR}/linux/postinst)
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-openmp, shared-mime-info, desktop-file-utils")
endif()

# Finds QCustomPlot built for Qt 6 and defines the target QCustomPlotQt6::QCustomPlotQt6.
#
# Looks, in order, for:
#   1. the CMake package some distributions ship (Debian's libqcustomplot-dev);
#   2. the header and a library (QCustomPlotQt6, qcustomplot-qt6, qcustomplot2, qcustomplot)
#      under QCustomPlotQt6_ROOT (a CMake or environment variable) and the usual prefixes;
#   3. QCustomPlot's own two source files, qcustomplot.h and qcustomplot.cpp of the release
#      archive from qcustomplot.com, in the folder QCUSTOMPLOT_SOURCE_DIR names: then they are
#      built into the project (nothing is downloaded).
# Qt6 (Widgets, PrintSupport) must be found first. Sets QCustomPlotQt6_FOUND and
# QCustomPlotQt6_FOUND_BY ("package", "search" or "source").

find_package(QCustomPlotQt6 CONFIG QUIET)

include(FindPackageHandleStandardArgs)
if(TARGET QCustomPlotQt6::QCustomPlotQt6)
    set(QCustomPlotQt6_FOUND_BY "package")
    set(_qcustomplot_found "${QCustomPlotQt6_DIR}")
    find_package_handle_standard_args(QCustomPlotQt6 REQUIRED_VARS _qcustomplot_found)
    unset(_qcustomplot_found)
elseif(QCUSTOMPLOT_SOURCE_DIR)
    set(QCustomPlotQt6_FOUND_BY "source")
    find_package_handle_standard_args(QCustomPlotQt6 REQUIRED_VARS QCUSTOMPLOT_SOURCE_DIR)
    if(NOT EXISTS "${QCUSTOMPLOT_SOURCE_DIR}/qcustomplot.cpp"
            OR NOT EXISTS "${QCUSTOMPLOT_SOURCE_DIR}/qcustomplot.h")
        message(FATAL_ERROR "QCUSTOMPLOT_SOURCE_DIR (${QCUSTOMPLOT_SOURCE_DIR}) does not hold "
                            "qcustomplot.h and qcustomplot.cpp")
    endif()
    if(NOT TARGET deeppacket_qcustomplot)
        add_library(deeppacket_qcustomplot STATIC "${QCUSTOMPLOT_SOURCE_DIR}/qcustomplot.cpp")
        set_target_properties(deeppacket_qcustomplot PROPERTIES AUTOMOC ON
            POSITION_INDEPENDENT_CODE ON)
        # Its own code, not ours: its warnings are not the project's to fix.
        target_include_directories(deeppacket_qcustomplot SYSTEM PUBLIC "${QCUSTOMPLOT_SOURCE_DIR}")
        target_link_libraries(deeppacket_qcustomplot PUBLIC Qt6::Widgets Qt6::PrintSupport)
        add_library(QCustomPlotQt6::QCustomPlotQt6 ALIAS deeppacket_qcustomplot)
    endif()
else()
    set(QCustomPlotQt6_FOUND_BY "search")
    find_path(QCUSTOMPLOT_INCLUDE_DIR NAMES qcustomplot.h PATH_SUFFIXES qcustomplot)
    find_library(QCUSTOMPLOT_LIBRARY
        NAMES QCustomPlotQt6 qcustomplot-qt6 qcustomplot2-qt6 qcustomplot2 qcustomplot)
    find_package_handle_standard_args(QCustomPlotQt6
        REQUIRED_VARS QCUSTOMPLOT_LIBRARY QCUSTOMPLOT_INCLUDE_DIR)
    if(QCustomPlotQt6_FOUND AND NOT TARGET QCustomPlotQt6::QCustomPlotQt6)
        add_library(QCustomPlotQt6::QCustomPlotQt6 UNKNOWN IMPORTED)
        set_target_properties(QCustomPlotQt6::QCustomPlotQt6 PROPERTIES
            IMPORTED_LOCATION "${QCUSTOMPLOT_LIBRARY}"
            INTERFACE_INCLUDE_DIRECTORIES "${QCUSTOMPLOT_INCLUDE_DIR}"
            INTERFACE_LINK_LIBRARIES "Qt6::Widgets;Qt6::PrintSupport")
    endif()
    mark_as_advanced(QCUSTOMPLOT_INCLUDE_DIR QCUSTOMPLOT_LIBRARY)
endif()

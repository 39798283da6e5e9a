# Finds libpcap (Npcap's SDK on Windows) and defines the imported target PCAP::PCAP.
#
# Looks, in order, for pkg-config's libpcap entry (Linux distributions, Homebrew), then for the
# header and the library under PCAP_ROOT (a CMake or environment variable: -DPCAP_ROOT=C:/npcap-sdk)
# and the usual prefixes: the Npcap SDK has no pkg-config file, and neither has every system.
# Sets PCAP_FOUND, PCAP_VERSION where pkg-config knows it, and PCAP_FOUND_BY ("pkg-config" or
# "search").

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(PC_PCAP QUIET IMPORTED_TARGET libpcap)
endif()

include(FindPackageHandleStandardArgs)
if(TARGET PkgConfig::PC_PCAP)
    set(PCAP_FOUND_BY "pkg-config")
    set(PCAP_VERSION "${PC_PCAP_VERSION}")
    find_package_handle_standard_args(PCAP REQUIRED_VARS PC_PCAP_LINK_LIBRARIES
        VERSION_VAR PCAP_VERSION)
    if(PCAP_FOUND AND NOT TARGET PCAP::PCAP)
        add_library(PCAP::PCAP INTERFACE IMPORTED)
        target_link_libraries(PCAP::PCAP INTERFACE PkgConfig::PC_PCAP)
    endif()
else()
    set(PCAP_FOUND_BY "search")
    find_path(PCAP_INCLUDE_DIR NAMES pcap/pcap.h pcap.h PATH_SUFFIXES Include include)
    # The Npcap SDK keeps its import libraries in Lib/ (32-bit) and Lib/x64/.
    if(CMAKE_SIZEOF_VOID_P EQUAL 8)
        set(_pcap_library_suffixes Lib/x64 lib/x64 Lib lib)
    else()
        set(_pcap_library_suffixes Lib lib)
    endif()
    find_library(PCAP_LIBRARY NAMES pcap wpcap PATH_SUFFIXES ${_pcap_library_suffixes})
    unset(_pcap_library_suffixes)
    find_package_handle_standard_args(PCAP REQUIRED_VARS PCAP_LIBRARY PCAP_INCLUDE_DIR)
    if(PCAP_FOUND AND NOT TARGET PCAP::PCAP)
        add_library(PCAP::PCAP UNKNOWN IMPORTED)
        set_target_properties(PCAP::PCAP PROPERTIES
            IMPORTED_LOCATION "${PCAP_LIBRARY}"
            INTERFACE_INCLUDE_DIRECTORIES "${PCAP_INCLUDE_DIR}")
    endif()
    mark_as_advanced(PCAP_INCLUDE_DIR PCAP_LIBRARY)
endif()

# Compile options shared by every target of the project. Targets link
# deeppacket_options PRIVATE so the flags never leak to consumers.
add_library(deeppacket_options INTERFACE)
add_library(DeepPacket::options ALIAS deeppacket_options)

target_compile_features(deeppacket_options INTERFACE cxx_std_17)

if(MSVC)
    target_compile_options(deeppacket_options INTERFACE /W4 /permissive- /utf-8)
    target_compile_definitions(deeppacket_options INTERFACE NOMINMAX _CRT_SECURE_NO_WARNINGS)
else()
    target_compile_options(deeppacket_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion
        -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
endif()

# Link only the shared libraries a binary uses: programs that never touch LibTorch (the capture
# tests, say) then do not load its ~290 libraries at start-up.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(deeppacket_options INTERFACE "LINKER:--as-needed")
endif()

option(DEEPPACKET_WERROR "Treat warnings in the project's own code as errors" OFF)
if(DEEPPACKET_WERROR)
    if(MSVC)
        target_compile_options(deeppacket_options INTERFACE /WX)
    else()
        target_compile_options(deeppacket_options INTERFACE -Werror)
    endif()
endif()

# ccache makes the rebuilds in CI and in scripts/test cheap when it is installed.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}" CACHE STRING "Compiler launcher")
endif()

# AddressSanitizer + UndefinedBehaviorSanitizer for the project's own code and tests
# (scripts/test-sanitizers). UBSan stops at the first finding, so a test cannot pass over one.
option(DEEPPACKET_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(DEEPPACKET_SANITIZE AND NOT MSVC)
    target_compile_options(deeppacket_options INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(deeppacket_options INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer (clang only): the project's code gets the fuzzer's coverage instrumentation with ASan
# and UBSan, and tests/fuzz builds its targets as fuzzers (scripts/fuzz).
option(DEEPPACKET_FUZZ "Build the fuzz targets with libFuzzer (clang)" OFF)
if(DEEPPACKET_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "DEEPPACKET_FUZZ needs clang (e.g. CXX=clang++-14)")
    endif()
    target_compile_options(deeppacket_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer -g)
    target_link_options(deeppacket_options INTERFACE -fsanitize=address,undefined)
endif()

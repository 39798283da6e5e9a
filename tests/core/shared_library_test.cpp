#include "core/shared_library.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace deeppacket {
namespace {

#if defined(__linux__)
TEST(SharedLibrary, OpensALibraryAndFindsItsSymbols) {
    const SharedLibrary math = SharedLibrary::open("libm.so.6");
    auto* cosine = reinterpret_cast<double (*)(double)>(math.symbol("cos"));
    ASSERT_NE(cosine, nullptr);
    EXPECT_DOUBLE_EQ(cosine(0.0), 1.0);
    EXPECT_EQ(math.symbol("no_such_symbol_in_libm"), nullptr);
}
#endif

#if defined(__linux__)
TEST(SharedLibrary, APluginIsFoundWhereTheEnvironmentSaysAndMustHaveItsEntry) {
    // The override names a library that is surely there; what is beside the program is not
    // looked at then.
    setenv("DEEPPACKET_TEST_PLUGIN", "libm.so.6", 1);
    EXPECT_NE(programPluginEntry("absent.so", ".", "DEEPPACKET_TEST_PLUGIN", "cos"), nullptr);
    try {
        programPluginEntry("absent.so", ".", "DEEPPACKET_TEST_PLUGIN", "no_such_entry");
        FAIL() << "a plugin without its entry point was taken";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_entry"), std::string::npos) << e.what();
    }
    unsetenv("DEEPPACKET_TEST_PLUGIN");
    try {
        programPluginEntry("absent.so", "lib", "DEEPPACKET_TEST_PLUGIN", "cos");
        FAIL() << "a plugin that is not there was found";
    } catch (const std::runtime_error& e) {
        // It says where it looked: beside the program, then in the relative folder.
        EXPECT_NE(std::string(e.what()).find(executableFolder() + "/absent.so"), std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("lib/absent.so"), std::string::npos) << e.what();
    }
}
#endif

TEST(SharedLibrary, AFileThatIsNoLibraryIsAnErrorNamingIt) {
    const std::string path = std::string(DEEPPACKET_SAMPLE_CAPTURE);
    try {
        SharedLibrary::open(path);
        FAIL() << "a capture opened as a library";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
    EXPECT_THROW(SharedLibrary::open(path + ".absent"), std::runtime_error);
}

TEST(SharedLibrary, KnowsTheFolderOfTheRunningProgram) {
    const std::filesystem::path folder = executableFolder();
    ASSERT_FALSE(folder.empty());
    EXPECT_TRUE(std::filesystem::is_directory(folder));
    // The test program itself is there.
    bool found = false;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        found = found || entry.path().filename().string().rfind("core_tests", 0) == 0;
    }
    EXPECT_TRUE(found) << folder;
}

}  // namespace
}  // namespace deeppacket

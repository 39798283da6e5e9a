#include "core/input_files.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

TEST(WildcardMatch, Patterns) {
    EXPECT_TRUE(wildcardMatch("*.pcap", "a.pcap"));
    EXPECT_TRUE(wildcardMatch("*.pcap", ".pcap"));
    EXPECT_FALSE(wildcardMatch("*.pcap", "a.pcapng"));
    EXPECT_TRUE(wildcardMatch("vpn_*_chat?.pcap*", "vpn_skype_chat1.pcapng"));
    EXPECT_TRUE(wildcardMatch("file[0-9].cap", "file7.cap"));
    EXPECT_FALSE(wildcardMatch("file[!0-9].cap", "file7.cap"));
    EXPECT_TRUE(wildcardMatch("file[!0-9].cap", "fileX.cap"));
    EXPECT_TRUE(wildcardMatch("a[b", "a[b"));  // an unclosed bracket is literal
    EXPECT_TRUE(wildcardMatch("**x", "abx"));
    EXPECT_FALSE(wildcardMatch("?", ""));
    EXPECT_TRUE(wildcardMatch("", ""));
}

TEST(InputFiles, FilesDirectoriesAndPatterns) {
    test::TempDir dir;
    namespace fs = std::filesystem;
    fs::create_directories(dir.path("captures/nested"));
    for (const char* name : {"captures/b.pcap", "captures/a.PCAPNG", "captures/nested/c.cap",
                             "captures/readme.txt", "x1.pcap", "x2.pcap", "y.pcap"}) {
        test::writeFile(dir.path(name), {1, 2, 3});
    }
    const InputFiles found = expandInputs(
        {dir.path("captures"), dir.path("x*.pcap"), dir.path("captures/b.pcap"),
         dir.path("captures/readme.txt"), dir.path("missing.pcap"), dir.path("z*.pcap")});
    const std::vector<std::string> expected = {dir.path("captures/a.PCAPNG"),
                                               dir.path("captures/b.pcap"),
                                               dir.path("captures/nested/c.cap"),
                                               dir.path("x1.pcap"),
                                               dir.path("x2.pcap"),
                                               dir.path("captures/readme.txt")};
    EXPECT_EQ(found.files, expected);
    ASSERT_EQ(found.errors.size(), 2u);
    EXPECT_NE(found.errors[0].find("missing.pcap: no such file"), std::string::npos);
    EXPECT_NE(found.errors[1].find("no file matches"), std::string::npos);
}

TEST(InputFiles, EmptyDirectoryIsAnError) {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path("empty"));
    const InputFiles found = expandInputs({dir.path("empty")});
    EXPECT_TRUE(found.files.empty());
    ASSERT_EQ(found.errors.size(), 1u);
}

}  // namespace
}  // namespace deeppacket

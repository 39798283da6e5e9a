// Reads every capture of the nDPI test collection (real traffic of many kinds, odd link types,
// truncated files) when it is present beside the repository, and checks that each one is read
// without a crash, that every record libpcap hands out gets one disposition, and that the packets
// kept are the packets delivered.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/packet_stream.h"
#include "tests/support/record_count.h"

namespace deeppacket {
namespace {

TEST(NdpiCorpus, EveryCaptureIsReadAndAccountedFor) {
    const std::filesystem::path folder =
        std::filesystem::path(DEEPPACKET_SHARED_DATA) / "ndpi-captures" / "pcap";
    if (!std::filesystem::is_directory(folder)) {
        GTEST_SKIP() << folder << " is absent";
    }
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    ASSERT_GT(files.size(), 500u);

    PacketStream stream(files, PreprocessOptions{});
    PacketBatch batch(1500, 4096);
    std::uint64_t delivered = 0;
    while (stream.next(batch)) {
        delivered += batch.size();
        for (std::size_t i = 0; i < batch.size(); ++i) {
            ASSERT_LT(batch.records()[i].fileIndex, files.size());
        }
    }
    std::uint64_t kept = 0;
    std::size_t opened = 0;
    for (const auto& report : stream.reports()) {
        SCOPED_TRACE(report.path);
        if (!report.opened()) {
            EXPECT_FALSE(report.error.empty());
            continue;
        }
        ++opened;
        EXPECT_EQ(report.counts.read(), test::recordsLibpcapReads(report.path));
        EXPECT_LE(report.flows, report.counts.kept());
        kept += report.counts.kept();
    }
    EXPECT_EQ(kept, delivered);
    const RunSummary total = summarize(stream.reports());
    // Nearly all of the collection is IP traffic libpcap can open.
    EXPECT_GT(opened, files.size() * 9 / 10);
    EXPECT_GT(total.counts.kept(), total.counts.read() / 3);
}

}  // namespace
}  // namespace deeppacket

// What the training wizard shows before training: the kept packets of each label.
#include "core/label_counts.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>

#include "tests/support/labelled_captures.h"

namespace deeppacket {
namespace {

TEST(LabelCounts, CountsTheKeptPacketsOfEachLabelAsTrainingWouldReadThem) {
    test::TempDir dir;
    const test::LabelledCaptures c = test::writeLabelledCaptures(dir, "set", 3, 2, 10);
    const LabelledPacketCounts counts =
        countLabelledPackets(c.files, GroundTruth::parse("folder"), PreprocessOptions{});
    ASSERT_EQ(counts.perLabel.size(), 3U);
    for (const auto& name : c.classes) {
        EXPECT_EQ(counts.perLabel.at(name), 20U) << name;  // 2 flows of 10 packets
    }
    EXPECT_EQ(counts.unlabelled, 0U);
    EXPECT_EQ(counts.files.size(), 3U);
    // Labels that name only some files leave the others unlabelled.
    const std::string labels = dir.path("labels.csv");
    const std::string text = "file,label\nvoice.pcap,talk\n";
    test::writeFile(labels, test::Bytes(text.begin(), text.end()));
    const LabelledPacketCounts some =
        countLabelledPackets(c.files, GroundTruth::parse("files:" + labels), PreprocessOptions{});
    EXPECT_EQ(some.perLabel, (std::map<std::string, std::uint64_t>{{"talk", 20}}));
    EXPECT_EQ(some.unlabelled, 40U);
    std::atomic<bool> cancel{true};
    EXPECT_TRUE(
        countLabelledPackets(c.files, GroundTruth::parse("folder"), PreprocessOptions{}, &cancel)
            .cancelled);
}

}  // namespace
}  // namespace deeppacket

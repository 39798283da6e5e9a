// What live capture is built from that needs no privilege: the pcapng writer (read back by
// libpcap), the capture-filter check and the interface list.
#include "core/live_capture.h"

#include <gtest/gtest.h>
#include <pcap/dlt.h>

#include <filesystem>

#include "core/capture_reader.h"
#include "core/frame_lookup.h"
#include "core/pcapng_writer.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

TEST(PcapngWriter, WritesWhatLibpcapReadsBackWithNanosecondTimes) {
    test::TempDir dir;
    const std::string path = dir.path("out.pcapng");
    std::vector<test::Bytes> frames;
    for (std::size_t size : {60U, 61U, 1514U}) {  // odd sizes are padded in the file
        test::Ipv4Spec ip;
        ip.protocol = 17;
        frames.push_back(test::ethernet(
            test::kEtherIpv4, test::ipv4(ip, test::udp(5000, 53, test::counting(size - 42)))));
    }
    {
        PcapngWriter writer(path, DLT_EN10MB, 65535, "veth0");
        std::int64_t time = 1'700'000'000'123'456'789;
        std::uint64_t number = 0;
        for (const auto& bytes : frames) {
            Frame f{bytes.data(), static_cast<std::uint32_t>(bytes.size()),
                    static_cast<std::uint32_t>(bytes.size()), time, ++number};
            writer.write(f);
            time += 1'000'001;
        }
        EXPECT_FALSE(std::filesystem::exists(path)) << "the file appears only on commit";
        writer.commit();
        EXPECT_EQ(writer.frames(), 3U);
    }
    CaptureReader reader(path);
    EXPECT_EQ(reader.format(), "pcapng");
    EXPECT_EQ(reader.linkType(), DLT_EN10MB);
    Frame frame;
    std::int64_t expected = 1'700'000'000'123'456'789;
    for (const auto& bytes : frames) {
        ASSERT_TRUE(reader.next(frame));
        EXPECT_EQ(test::Bytes(frame.data, frame.data + frame.capturedLength), bytes);
        EXPECT_EQ(frame.timestampNs, expected);
        expected += 1'000'001;
    }
    EXPECT_FALSE(reader.next(frame));
    EXPECT_TRUE(reader.warning().empty()) << reader.warning();
}

TEST(PcapngWriter, FlushedFramesCanBeReadFromTheTemporaryFile) {
    test::TempDir dir;
    test::Ipv4Spec ip;
    ip.protocol = 17;
    const test::Bytes bytes =
        test::ethernet(test::kEtherIpv4, test::ipv4(ip, test::udp(5000, 53, test::counting(20))));
    PcapngWriter writer(dir.path("live.pcapng"), DLT_EN10MB, 65535, "veth0");
    for (std::uint64_t n = 1; n <= 2; ++n) {
        writer.write(Frame{bytes.data(), static_cast<std::uint32_t>(bytes.size()),
                           static_cast<std::uint32_t>(bytes.size()), 1000, n});
    }
    writer.flush();
    // What the app's packet details do while a capture goes on.
    const StoredFrame second = readFrame(writer.temporaryPath(), 2);
    EXPECT_EQ(second.bytes, bytes);
    EXPECT_THROW(readFrame(writer.temporaryPath(), 3), CaptureError);
}

TEST(LiveCapture, CaptureFiltersAreCheckedWithoutCapturing) {
    EXPECT_EQ(captureFilterError("tcp port 443 and not host 10.0.0.1", DLT_EN10MB), "");
    EXPECT_NE(captureFilterError("tcp port banana", DLT_EN10MB), "");
    EXPECT_NE(captureFilterError("(udp", DLT_EN10MB), "");
}

TEST(LiveCapture, TheLoopbackInterfaceIsListed) {
    bool loopback = false;
    for (const auto& i : captureInterfaces()) {
        loopback = loopback || i.loopback;
    }
    EXPECT_TRUE(loopback);
    EXPECT_THROW(LiveCapture(LiveCaptureOptions{"no-such-if0", "", 65535, false, 1 << 20, {}, ""}),
                 CaptureError);
}

}  // namespace
}  // namespace deeppacket

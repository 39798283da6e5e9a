// deeppacket-capture: captures for users who may not capture themselves (capture_helper.h).
// It holds CAP_NET_RAW and CAP_NET_ADMIN only while it opens the interface, writes the frames to
// its standard output as a pcap stream with nanosecond times, and its counters to its standard
// error. It reads no file, loads nothing and honours no environment variable: whoever may run
// it may capture, and nothing more.
#include <signal.h>
#include <unistd.h>

#if defined(__linux__)
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/capture_reader.h"
#include "core/live_capture.h"

namespace {

volatile sig_atomic_t stopRequested = 0;

void requestStop(int) {
    stopRequested = 1;
}

constexpr char kUsage[] =
    "Usage: deeppacket-capture -i IFACE [-f FILTER] [-s SNAPLEN] [-B BUFFER_BYTES] [-p]\n"
    "Captures on IFACE and writes a pcap stream (nanosecond times) to standard output, for\n"
    "deeppacket-cli live and the Deep Packet app. See docs/live-capture.md.\n";

// A whole number in [low, high], or nothing.
bool parseNumber(const char* text, long low, long high, long& out) {
    char* end = nullptr;
    errno = 0;
    out = std::strtol(text, &end, 10);
    return errno == 0 && end != text && *end == '\0' && out >= low && out <= high;
}

// Gives up every capability: the capture is open, and nothing after needs one.
void dropCapabilities() {
#if defined(__linux__)
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    syscall(SYS_capset, &header, data);
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
#endif
}

template <typename T>
bool put(T value) {
    return std::fwrite(&value, sizeof value, 1, stdout) == 1;
}

}  // namespace

int main(int argc, char** argv) {
    deeppacket::LiveCaptureOptions options;
    options.wait = std::chrono::milliseconds(20);  // how late a frame may reach the reader
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        long number = 0;
        if (arg == "-i" && hasValue) {
            options.interface = argv[++i];
        } else if (arg == "-f" && hasValue) {
            options.filter = argv[++i];
        } else if (arg == "-s" && hasValue && parseNumber(argv[i + 1], 64, 262144, number)) {
            options.snapshotLength = static_cast<int>(number);
            ++i;
        } else if (arg == "-B" && hasValue && parseNumber(argv[i + 1], 1 << 16, 1 << 28, number)) {
            options.bufferBytes = static_cast<int>(number);
            ++i;
        } else if (arg == "-p") {
            options.promiscuous = true;
        } else {
            std::fputs(kUsage, stderr);
            return 2;
        }
    }
    if (options.interface.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);  // a reader that went away ends the capture through EPIPE
    signal(SIGTERM, requestStop);
    signal(SIGINT, requestStop);

    try {
        deeppacket::LiveCapture capture(options);
        dropCapabilities();
        static char buffer[1 << 20];
        std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
        bool ok = put<std::uint32_t>(0xa1b23c4d) && put<std::uint16_t>(2) &&
                  put<std::uint16_t>(4) && put<std::int32_t>(0) && put<std::uint32_t>(0) &&
                  put<std::uint32_t>(static_cast<std::uint32_t>(options.snapshotLength)) &&
                  put<std::uint32_t>(static_cast<std::uint32_t>(capture.linkType())) &&
                  std::fflush(stdout) == 0;
        using Clock = std::chrono::steady_clock;
        auto lastFlush = Clock::now();
        auto lastStats = Clock::time_point{};
        deeppacket::Frame frame;
        while (ok && !stopRequested) {
            const auto read = capture.read(frame);
            if (read == deeppacket::LiveCapture::Read::Stopped) {
                break;
            }
            if (read == deeppacket::LiveCapture::Read::Frame) {
                const auto seconds = frame.timestampNs / 1'000'000'000;
                const auto nanoseconds = frame.timestampNs % 1'000'000'000;
                ok = put<std::uint32_t>(static_cast<std::uint32_t>(seconds)) &&
                     put<std::uint32_t>(static_cast<std::uint32_t>(nanoseconds)) &&
                     put<std::uint32_t>(frame.capturedLength) &&
                     put<std::uint32_t>(frame.wireLength) &&
                     std::fwrite(frame.data, 1, frame.capturedLength, stdout) ==
                         frame.capturedLength;
            }
            const auto now = Clock::now();
            if (read == deeppacket::LiveCapture::Read::Idle ||
                now - lastFlush >= std::chrono::milliseconds(20)) {
                ok = ok && std::fflush(stdout) == 0;
                lastFlush = now;
            }
            if (now - lastStats >= std::chrono::milliseconds(250)) {
                const deeppacket::LiveCaptureStats s = capture.stats();
                std::fprintf(stderr, "stats %llu %llu %llu\n",
                             static_cast<unsigned long long>(s.received),
                             static_cast<unsigned long long>(s.droppedByKernel),
                             static_cast<unsigned long long>(s.droppedByInterface));
                std::fflush(stderr);
                lastStats = now;
            }
        }
        std::fflush(stdout);
    } catch (const deeppacket::CaptureError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}

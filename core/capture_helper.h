#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/frame.h"

struct pcap;

namespace deeppacket {

struct LiveCaptureOptions;
struct LiveCaptureStats;

// The program that captures for users who may not capture themselves, as Wireshark's dumpcap
// does: deeppacket-capture holds CAP_NET_RAW and CAP_NET_ADMIN (the .deb grants them to the
// members of the group deeppacket), opens the interface, drops its capabilities and writes what
// it captures to its standard output as a pcap stream with nanosecond times, and its counters as
// "stats RECEIVED KERNEL INTERFACE" lines to its standard error. Nothing else runs with the
// capabilities: no model, no plugin, no Qt, no LibTorch.
inline constexpr char kCaptureHelperName[] = "deeppacket-capture";

// Where the helper is: DEEPPACKET_CAPTURE_HELPER, else beside the running program. Empty where
// there is none (Windows, where Npcap gives the access instead).
std::string captureHelperPath();

// A capture read from a helper started for it (POSIX only).
class HelperCapture {
  public:
    // Starts the helper with the options and reads the stream's header. Throws CaptureError
    // with the helper's own message when it cannot capture (or cannot be run).
    HelperCapture(const std::string& helper, const LiveCaptureOptions& options);
    ~HelperCapture();  // ends the helper
    HelperCapture(const HelperCapture&) = delete;
    HelperCapture& operator=(const HelperCapture&) = delete;

    int linkType() const { return linkType_; }
    // 1: a frame (valid until the next call), 0: none within `wait`, -1: the helper ended.
    int next(Frame& frame, int waitMs);
    // The helper's latest counters.
    void stats(LiveCaptureStats& out);
    // What the helper said on its standard error besides its counters (why it ended).
    std::string messages();

  private:
    void readErrors();

    pcap* handle_ = nullptr;
    int pid_ = -1;
    int out_ = -1;
    int err_ = -1;
    int linkType_ = -1;
    std::string errText_;  // unread remainder of the helper's standard error
    std::string messages_;
    std::uint32_t framesSinceErrors_ = 0;
    std::uint64_t received_ = 0;
    std::uint64_t droppedByKernel_ = 0;
    std::uint64_t droppedByInterface_ = 0;
};

}  // namespace deeppacket

#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/capture_helper.h"
#include "core/frame.h"

struct pcap;

namespace deeppacket {

// A network interface that can be captured on, as libpcap lists it.
struct CaptureInterface {
    std::string name;
    std::string description;
    std::vector<std::string> addresses;  // IPv4 and IPv6, as text
    bool up = false;
    bool running = false;
    bool loopback = false;
};

// Every interface libpcap can open here (some need privileges to capture on). Throws
// CaptureError when libpcap cannot list them.
std::vector<CaptureInterface> captureInterfaces();

struct LiveCaptureOptions {
    std::string interface;
    std::string filter;  // a capture (BPF) filter, or empty
    int snapshotLength = 65535;
    bool promiscuous = false;
    int bufferBytes = 64 << 20;           // the kernel's ring: a burst waits here, not dropped
    std::chrono::milliseconds wait{100};  // longest wait in read() before it reports Idle
    // The capture helper (capture_helper.h) to capture through when this process may not
    // capture itself; empty: none.
    std::string helper;
};

// Counters of a live capture, from pcap_stats.
struct LiveCaptureStats {
    std::uint64_t received = 0;            // packets the filter passed
    std::uint64_t droppedByKernel = 0;     // no room in the buffer: read too slowly
    std::uint64_t droppedByInterface = 0;  // dropped by the interface or its driver
};

// Captures from an interface through libpcap in immediate mode, one frame at a time, with
// nanosecond timestamps where the system has them. Frames are numbered from 1 as in a file.
class LiveCapture {
  public:
    // Opens and activates the interface and sets the filter. Throws CaptureError with libpcap's
    // message; a missing interface and a bad filter name themselves, and a permission error says
    // what grants the privilege (docs/live-capture.md).
    explicit LiveCapture(const LiveCaptureOptions& options);
    ~LiveCapture();
    LiveCapture(const LiveCapture&) = delete;
    LiveCapture& operator=(const LiveCapture&) = delete;

    enum class Read { Frame, Idle, Stopped };
    // The next frame (valid until the next read), Idle when none came within the wait, or
    // Stopped after stop(). Throws CaptureError when the interface fails (it went away).
    Read read(Frame& frame);
    // Makes read() return Stopped; safe from another thread or a signal handler's flag poller.
    void stop();

    int linkType() const { return linkType_; }
    const std::string& interface() const { return interface_; }
    LiveCaptureStats stats() const;
    std::uint64_t frames() const { return frames_; }
    // Whether the frames come through the capture helper.
    bool throughHelper() const { return helper_ != nullptr; }

  private:
    // Waits up to the capture's wait for frames to read.
    void waitForFrames();
    Read readFromHelper(Frame& frame);

    pcap* handle_ = nullptr;
    std::unique_ptr<HelperCapture> helper_;
    int waitMs_ = 100;
    std::string interface_;
    int linkType_ = -1;
    bool nanoseconds_ = false;
    std::uint64_t frames_ = 0;
    std::atomic<bool> stopped_{false};
};

// Whether a capture filter compiles for a link type (the app checks its box as the user types):
// empty when it does, else libpcap's message.
std::string captureFilterError(const std::string& filter, int linkType);

}  // namespace deeppacket

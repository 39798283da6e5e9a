#pragma once

#include <cstdint>
#include <string>

#include "core/atomic_file.h"
#include "core/frame.h"

namespace deeppacket {

// Writes frames of one link type to a pcapng file (a section header, one interface with
// nanosecond timestamps, an enhanced packet block per frame), as Wireshark and libpcap read it.
// The file appears whole on commit() (AtomicFile): a capture stopped by a crash never replaces
// an older file of the same name with a cut one.
class PcapngWriter {
  public:
    // Throws FileWriteError.
    PcapngWriter(const std::string& path, int linkType, std::uint32_t snapshotLength,
                 const std::string& interfaceName);
    void write(const Frame& frame);
    // Hands the frames written so far to the temporary file, where a reader (the app's packet
    // details during a live capture) finds them.
    void flush();
    void commit();
    const std::string& temporaryPath() const { return file_.temporaryPath(); }
    std::uint64_t frames() const { return frames_; }

  private:
    AtomicFile file_;
    std::string buffer_;
    std::uint64_t frames_ = 0;
};

}  // namespace deeppacket

#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/frame.h"

struct pcap;

namespace deeppacket {

// A capture that cannot be opened at all: missing, unreadable, or not a pcap/pcapng file. The
// message names the file.
class CaptureError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Reads one offline capture (pcap or pcapng) through libpcap, one record at a time: the file is
// never loaded whole. Timestamps are read with nanosecond precision.
class CaptureReader {
  public:
    explicit CaptureReader(const std::string& path);  // throws CaptureError
    ~CaptureReader();
    CaptureReader(const CaptureReader&) = delete;
    CaptureReader& operator=(const CaptureReader&) = delete;

    // Reads the next record. Returns false at the end of the capture, and also when a record
    // cannot be read (a file cut off mid-record, a corrupt record header): then warning() says
    // what happened and where, and the records before it were delivered normally.
    bool next(Frame& frame);

    int linkType() const { return linkType_; }
    const std::string& format() const { return format_; }  // "pcap" or "pcapng"
    const std::string& path() const { return path_; }
    const std::string& warning() const { return warning_; }
    std::uint64_t records() const { return records_; }  // delivered so far
    // Bytes of the file consumed so far, for progress reports.
    std::uint64_t position() const;

  private:
    std::string path_;
    pcap* handle_ = nullptr;
    int linkType_ = -1;
    std::string format_;
    std::string warning_;
    std::uint64_t records_ = 0;
};

// libpcap's short name of a DLT_* link type, e.g. "EN10MB", "LINUX_SLL"; "DLT_<n>" when unknown.
std::string linkTypeName(int linkType);
// libpcap's description, e.g. "Ethernet"; empty when unknown.
std::string linkTypeDescription(int linkType);

// The libpcap version string, for --version outputs.
std::string pcapLibraryVersion();

}  // namespace deeppacket

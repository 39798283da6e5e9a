#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/disposition.h"

namespace deeppacket {

// What reading one capture file gave. Filled while the file is read.
struct FileReport {
    std::string path;
    std::string format;  // "pcap" or "pcapng"; empty when the file could not be opened
    int linkType = -1;
    PacketCounts counts;
    std::uint64_t flows = 0;             // bidirectional flows among the kept packets
    std::uint64_t flowsClosedEarly = 0;  // over the open-flow budget (see kMaxOpenFlows)
    std::int64_t firstTimestampNs = 0;   // of the first and last record read, when any
    std::int64_t lastTimestampNs = 0;
    std::vector<std::string> warnings;  // e.g. the file was cut off mid-record
    std::string error;                  // the file could not be opened; nothing was read

    bool opened() const { return error.empty(); }
};

// The totals of a run over several files.
struct RunSummary {
    std::size_t files = 0;
    std::size_t unreadableFiles = 0;
    std::size_t filesWithWarnings = 0;
    PacketCounts counts;
    std::uint64_t flows = 0;
    std::uint64_t flowsClosedEarly = 0;
    // Link type name -> number of files with it, and packets read from them.
    std::map<std::string, std::pair<std::size_t, std::uint64_t>> linkTypes;
};

RunSummary summarize(const std::vector<FileReport>& reports);

}  // namespace deeppacket

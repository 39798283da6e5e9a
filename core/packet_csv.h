#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "core/packet_record.h"

namespace deeppacket {

// Text forms of packet metadata shared by every output that lists packets.
std::string formatTimestamp(std::int64_t timestampNs);  // "1700000000.123456789"
std::string protocolName(std::uint8_t protocol);        // "TCP", "UDP", "ICMP", ... or the number
std::optional<std::uint8_t> protocolFromName(const std::string& text);  // inverse, any case
// A CSV text cell: quoted when it needs to be, and with a leading apostrophe when it would
// start a spreadsheet formula (=, +, -, @, tab, CR).
std::string csvField(const std::string& text);

// Writes packet metadata as CSV, one row per packet, in the order of the vectors written beside
// it: file,number,timestamp,wire_length,ip_version,protocol,src,src_port,dst,dst_port,flow_id.
class PacketCsvWriter {
  public:
    PacketCsvWriter(const std::string& path, std::vector<std::string> files);
    void append(const PacketRecord& record);
    void commit() { file_.commit(); }

  private:
    AtomicFile file_;
    std::vector<std::string> files_;  // already CSV-quoted
    std::string line_;
};

}  // namespace deeppacket

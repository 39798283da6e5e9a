#include "core/packet_csv.h"

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <string_view>

#include "core/decoded_packet.h"

namespace deeppacket {

std::string formatTimestamp(std::int64_t timestampNs) {
    std::int64_t seconds = timestampNs / 1'000'000'000;
    std::int64_t fraction = timestampNs % 1'000'000'000;
    if (fraction < 0) {  // keep the fraction positive for times before the epoch
        fraction += 1'000'000'000;
        --seconds;
    }
    char text[40];
    std::snprintf(text, sizeof text, "%" PRId64 ".%09" PRId64, seconds, fraction);
    return text;
}

std::string protocolName(std::uint8_t protocol) {
    switch (protocol) {
        case kProtoTcp:
            return "TCP";
        case kProtoUdp:
            return "UDP";
        case kProtoIcmp:
            return "ICMP";
        case kProtoIcmpV6:
            return "ICMPv6";
        case 2:
            return "IGMP";
        case 47:
            return "GRE";
        case 50:
            return "ESP";
        case 51:
            return "AH";
        case 132:
            return "SCTP";
        default:
            return std::to_string(protocol);
    }
}

std::optional<std::uint8_t> protocolFromName(const std::string& text) {
    if (!text.empty() && text.size() <= 3 &&
        text.find_first_not_of("0123456789") == std::string::npos) {
        const int value = std::stoi(text);
        return value <= 255 ? std::optional<std::uint8_t>(static_cast<std::uint8_t>(value))
                            : std::nullopt;
    }
    for (int p = 0; p <= 255; ++p) {
        const std::string name = protocolName(static_cast<std::uint8_t>(p));
        if (name.size() == text.size() &&
            std::equal(name.begin(), name.end(), text.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            })) {
            return static_cast<std::uint8_t>(p);
        }
    }
    return std::nullopt;
}

std::string csvField(const std::string& text) {
    // A spreadsheet takes a cell starting with =, +, -, @, a tab or a carriage return as a
    // formula. Text cells (file, class and label names: anyone's text) that start so get a
    // leading apostrophe, as spreadsheet-safe exporters do: the name is shown, never run. Numbers
    // are not written through here, so negative numbers stay numbers.
    const bool formula =
        !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    const std::string cell = formula ? "'" + text : text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
        return cell;
    }
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

PacketCsvWriter::PacketCsvWriter(const std::string& path, std::vector<std::string> files)
    : file_(path), files_(std::move(files)) {
    for (auto& file : files_) {
        file = csvField(file);
    }
    file_.write(std::string(
        "file,number,timestamp,wire_length,ip_version,protocol,src,src_port,dst,dst_port,"
        "flow_id\n"));
}

void PacketCsvWriter::append(const PacketRecord& r) {
    line_.clear();
    line_ += files_.at(r.fileIndex);
    line_ += ',';
    line_ += std::to_string(r.number);
    line_ += ',';
    line_ += formatTimestamp(r.timestampNs);
    line_ += ',';
    line_ += std::to_string(r.wireLength);
    line_ += ',';
    line_ += std::to_string(r.src.version);
    line_ += ',';
    line_ += protocolName(r.protocol);
    line_ += ',';
    line_ += r.src.toString();
    line_ += ',';
    line_ += std::to_string(r.srcPort);
    line_ += ',';
    line_ += r.dst.toString();
    line_ += ',';
    line_ += std::to_string(r.dstPort);
    line_ += ',';
    line_ += std::to_string(r.flowId);
    line_ += '\n';
    file_.write(line_);
}

}  // namespace deeppacket

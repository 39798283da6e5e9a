#include "core/pcapng_writer.h"

#include <cstring>

namespace deeppacket {
namespace {

// pcapng blocks are written in the host's byte order; readers learn it from the section
// header's byte-order magic.
template <typename T>
void put(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

void pad(std::string& out, std::size_t length) {
    out.append((4 - length % 4) % 4, '\0');
}

constexpr std::uint32_t kSectionHeader = 0x0A0D0D0A;
constexpr std::uint32_t kInterfaceDescription = 0x00000001;
constexpr std::uint32_t kEnhancedPacket = 0x00000006;
constexpr std::uint16_t kOptionEnd = 0;
constexpr std::uint16_t kOptionName = 2;             // if_name
constexpr std::uint16_t kOptionTimestampUnit = 9;    // if_tsresol
constexpr std::uint16_t kOptionUserApplication = 4;  // shb_userappl

void option(std::string& out, std::uint16_t code, const std::string& value) {
    put<std::uint16_t>(out, code);
    put<std::uint16_t>(out, static_cast<std::uint16_t>(value.size()));
    out += value;
    pad(out, value.size());
}

// A block: type, total length, body, total length again.
void block(std::string& out, std::uint32_t type, const std::string& body) {
    const auto length = static_cast<std::uint32_t>(12 + body.size());
    put(out, type);
    put(out, length);
    out += body;
    put(out, length);
}

}  // namespace

PcapngWriter::PcapngWriter(const std::string& path, int linkType, std::uint32_t snapshotLength,
                           const std::string& interfaceName)
    : file_(path) {
    std::string header;
    put<std::uint32_t>(header, 0x1A2B3C4D);  // byte-order magic
    put<std::uint16_t>(header, 1);           // version 1.0
    put<std::uint16_t>(header, 0);
    put<std::int64_t>(header, -1);  // section length unknown
    option(header, kOptionUserApplication, "Deep Packet");
    put<std::uint16_t>(header, kOptionEnd);
    put<std::uint16_t>(header, 0);
    block(buffer_, kSectionHeader, header);

    std::string interface;
    put<std::uint16_t>(interface, static_cast<std::uint16_t>(linkType));
    put<std::uint16_t>(interface, 0);
    put<std::uint32_t>(interface, snapshotLength);
    option(interface, kOptionName, interfaceName);
    option(interface, kOptionTimestampUnit, std::string(1, '\x09'));  // 10^-9 s
    put<std::uint16_t>(interface, kOptionEnd);
    put<std::uint16_t>(interface, 0);
    block(buffer_, kInterfaceDescription, interface);
    file_.write(buffer_);
    buffer_.clear();
}

void PcapngWriter::write(const Frame& frame) {
    // Straight into the buffer: no allocation per frame once the buffer has grown.
    const std::uint32_t padded = frame.capturedLength + (4 - frame.capturedLength % 4) % 4;
    const std::uint32_t length = 12 + 20 + padded;
    put(buffer_, kEnhancedPacket);
    put(buffer_, length);
    put<std::uint32_t>(buffer_, 0);  // interface 0
    const auto timestamp = static_cast<std::uint64_t>(frame.timestampNs);
    put<std::uint32_t>(buffer_, static_cast<std::uint32_t>(timestamp >> 32));
    put<std::uint32_t>(buffer_, static_cast<std::uint32_t>(timestamp & 0xFFFFFFFFu));
    put<std::uint32_t>(buffer_, frame.capturedLength);
    put<std::uint32_t>(buffer_, frame.wireLength);
    buffer_.append(reinterpret_cast<const char*>(frame.data), frame.capturedLength);
    pad(buffer_, frame.capturedLength);
    put(buffer_, length);
    ++frames_;
    if (buffer_.size() >= (1u << 20)) {
        file_.write(buffer_);
        buffer_.clear();
    }
}

void PcapngWriter::flush() {
    file_.write(buffer_);
    buffer_.clear();
    file_.flush();
}

void PcapngWriter::commit() {
    file_.write(buffer_);
    buffer_.clear();
    file_.commit();
}

}  // namespace deeppacket

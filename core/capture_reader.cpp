#include "core/capture_reader.h"

#include <pcap/pcap.h>

#include <cstdio>
#include <limits>

namespace deeppacket {

CaptureReader::CaptureReader(const std::string& path) : path_(path) {
    char error[PCAP_ERRBUF_SIZE] = {};
    handle_ =
        pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, error);
    if (handle_ == nullptr) {
        std::string reason = error;
        if (reason.find("unknown file format") != std::string::npos) {
            reason = "not a pcap or pcapng capture (unknown file format)";
        }
        throw CaptureError(path + ": " + reason);
    }
    linkType_ = pcap_datalink(handle_);
    // libpcap reports pcapng files as version 1.0 and classic pcap as 2.x.
    format_ = pcap_major_version(handle_) == 1 ? "pcapng" : "pcap";
}

CaptureReader::~CaptureReader() {
    if (handle_ != nullptr) {
        pcap_close(handle_);
    }
}

namespace {

// With nanosecond precision requested, libpcap puts nanoseconds in tv_usec. A pcapng timestamp
// can be any 64-bit count of any unit, so times are clamped to +-2^62 ns (years 1824 to 2116):
// they cannot overflow, and neither can the difference of two of them (a flow's duration).
std::int64_t timestampNs(const timeval& ts) {
    constexpr std::int64_t kNsPerSecond = 1'000'000'000;
    constexpr std::int64_t kMax = std::int64_t{1} << 62;
    constexpr std::int64_t kMin = -kMax;
    const auto seconds = static_cast<std::int64_t>(ts.tv_sec);
    const auto fraction = static_cast<std::int64_t>(ts.tv_usec);
    if (seconds >= kMax / kNsPerSecond) {
        return kMax;
    }
    if (seconds <= kMin / kNsPerSecond) {
        return kMin;
    }
    return seconds * kNsPerSecond + fraction;
}

}  // namespace

bool CaptureReader::next(Frame& frame) {
    if (handle_ == nullptr || !warning_.empty()) {
        return false;
    }
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    const int status = pcap_next_ex(handle_, &header, &data);
    if (status == 1) {
        ++records_;
        frame.data = data;
        frame.capturedLength = header->caplen;
        frame.wireLength = header->len;
        frame.timestampNs = timestampNs(header->ts);
        frame.number = records_;
        return true;
    }
    if (status == PCAP_ERROR_BREAK) {  // clean end of file
        return false;
    }
    warning_ = path_ + ": reading stopped after record " + std::to_string(records_) + ": " +
               pcap_geterr(handle_);
    return false;
}

std::uint64_t CaptureReader::position() const {
    std::FILE* file = pcap_file(handle_);
    if (file == nullptr) {
        return 0;
    }
    // 64-bit offsets: captures are often larger than 2 GB, and `long` is 32 bits on Windows.
#ifdef _WIN32
    const auto offset = _ftelli64(file);
#else
    const auto offset = ftello(file);
#endif
    return offset < 0 ? 0 : static_cast<std::uint64_t>(offset);
}

std::string linkTypeName(int linkType) {
    const char* name = pcap_datalink_val_to_name(linkType);
    return name != nullptr ? name : "DLT_" + std::to_string(linkType);
}

std::string linkTypeDescription(int linkType) {
    const char* text = pcap_datalink_val_to_description(linkType);
    return text != nullptr ? text : "";
}

std::string pcapLibraryVersion() {
    return pcap_lib_version();
}

}  // namespace deeppacket

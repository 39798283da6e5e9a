#include "core/live_capture.h"

#include <pcap/pcap.h>

#if defined(_WIN32)
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include "core/capture_reader.h"

#include <filesystem>

namespace deeppacket {
namespace {

std::string addressText(const sockaddr* address) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address == nullptr) {
        return {};
    }
    if (address->sa_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text,
                  sizeof text);
    } else if (address->sa_family == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
                  sizeof text);
    }
    return text;
}

// libpcap's message for a failed activation, with what to do about a missing privilege.
std::string activationError(pcap* handle, int status, const std::string& interface) {
    std::string message = interface + ": " + pcap_statustostr(status);
    const std::string detail = pcap_geterr(handle);
    if (!detail.empty() && (status == PCAP_ERROR || status == PCAP_ERROR_NO_SUCH_DEVICE ||
                            status == PCAP_ERROR_PERM_DENIED)) {
        message += " (" + detail + ")";
    }
    if (status == PCAP_ERROR_PERM_DENIED || status == PCAP_ERROR_PROMISC_PERM_DENIED) {
#if defined(__linux__)
        message +=
            "; capturing needs CAP_NET_RAW and CAP_NET_ADMIN: the package grants them to its "
            "capture helper, deeppacket-capture, for the members of the group deeppacket "
            "(sudo usermod -aG deeppacket $USER, then log in again); docs/live-capture.md says "
            "more";
#else
        message +=
            "; capturing needs access to the capture devices (Npcap on Windows, /dev/bpf* on "
            "macOS): docs/live-capture.md says how";
#endif
    }
    return message;
}

bool mayRun(const std::string& program) {
#if defined(_WIN32)
    (void)program;
    return false;
#else
    return access(program.c_str(), X_OK) == 0;
#endif
}

bool permissionDenied(int status) {
    return status == PCAP_ERROR_PERM_DENIED || status == PCAP_ERROR_PROMISC_PERM_DENIED;
}

}  // namespace

std::vector<CaptureInterface> captureInterfaces() {
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_if_t* devices = nullptr;
    if (pcap_findalldevs(&devices, error) != 0) {
        throw CaptureError(std::string("cannot list the interfaces: ") + error);
    }
    std::vector<CaptureInterface> out;
    for (pcap_if_t* d = devices; d != nullptr; d = d->next) {
        CaptureInterface i;
        i.name = d->name;
        i.description = d->description != nullptr ? d->description : "";
        i.up = (d->flags & PCAP_IF_UP) != 0;
        i.running = (d->flags & PCAP_IF_RUNNING) != 0;
        i.loopback = (d->flags & PCAP_IF_LOOPBACK) != 0;
        for (pcap_addr_t* a = d->addresses; a != nullptr; a = a->next) {
            const std::string text = addressText(a->addr);
            if (!text.empty()) {
                i.addresses.push_back(text);
            }
        }
        out.push_back(std::move(i));
    }
    pcap_freealldevs(devices);
    return out;
}

LiveCapture::LiveCapture(const LiveCaptureOptions& options) : interface_(options.interface) {
    char error[PCAP_ERRBUF_SIZE] = {};
    handle_ = pcap_create(options.interface.c_str(), error);
    if (handle_ == nullptr) {
        throw CaptureError(options.interface + ": " + error);
    }
    pcap_set_snaplen(handle_, options.snapshotLength);
    pcap_set_promisc(handle_, options.promiscuous ? 1 : 0);
    pcap_set_timeout(handle_, static_cast<int>(options.wait.count()));
    // Each packet as it arrives, not when a kernel block fills: a quiet link shows at once.
    pcap_set_immediate_mode(handle_, 1);
    pcap_set_buffer_size(handle_, options.bufferBytes);
    nanoseconds_ = pcap_set_tstamp_precision(handle_, PCAP_TSTAMP_PRECISION_NANO) == 0;
    const int status = pcap_activate(handle_);
    if (status < 0) {
        const std::string message = activationError(handle_, status, options.interface);
        pcap_close(handle_);
        handle_ = nullptr;
        // The helper is tried only when it is there and this user may run it (its group);
        // otherwise libpcap's message says what grants the privilege.
        if (!permissionDenied(status) || options.helper.empty() ||
            !std::filesystem::exists(std::filesystem::u8path(options.helper)) ||
            !mayRun(options.helper)) {
            throw CaptureError(message);
        }
        // Not allowed here: the helper that holds the privilege captures instead.
        helper_ = std::make_unique<HelperCapture>(options.helper, options);
        linkType_ = helper_->linkType();
        waitMs_ = static_cast<int>(options.wait.count());
        return;
    }
    linkType_ = pcap_datalink(handle_);
    // libpcap's own wait does not time out in immediate mode on Linux (it polls until a packet
    // or pcap_breakloop): read() waits on the capture's descriptor itself, with its timeout, and
    // reads without blocking.
    if (pcap_setnonblock(handle_, 1, error) != 0) {
        const std::string message = options.interface + ": " + error;
        pcap_close(handle_);
        throw CaptureError(message);
    }
    waitMs_ = static_cast<int>(options.wait.count());
    if (!options.filter.empty()) {
        bpf_program program{};
        if (pcap_compile(handle_, &program, options.filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0 ||
            pcap_setfilter(handle_, &program) != 0) {
            const std::string message =
                "capture filter '" + options.filter + "': " + pcap_geterr(handle_);
            pcap_freecode(&program);
            pcap_close(handle_);
            throw CaptureError(message);
        }
        pcap_freecode(&program);
    }
}

LiveCapture::~LiveCapture() {
    if (handle_ != nullptr) {
        pcap_close(handle_);
    }
}

LiveCapture::Read LiveCapture::readFromHelper(Frame& frame) {
    const int got = helper_->next(frame, waitMs_);
    if (stopped_.load(std::memory_order_relaxed)) {
        return Read::Stopped;
    }
    if (got == 0) {
        return Read::Idle;
    }
    if (got < 0) {
        std::string why = helper_->messages();
        while (!why.empty() && why.back() == '\n') {
            why.pop_back();
        }
        throw CaptureError(interface_ + ": the capture helper ended" +
                           (why.empty() ? std::string() : ": " + why));
    }
    frame.number = ++frames_;
    return Read::Frame;
}

LiveCapture::Read LiveCapture::read(Frame& frame) {
    if (stopped_.load(std::memory_order_relaxed)) {
        return Read::Stopped;
    }
    if (helper_) {
        return readFromHelper(frame);
    }
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int status = pcap_next_ex(handle_, &header, &data);
    if (status == 0) {
        waitForFrames();
        if (stopped_.load(std::memory_order_relaxed)) {
            return Read::Stopped;
        }
        status = pcap_next_ex(handle_, &header, &data);
        if (status == 0) {
            return Read::Idle;
        }
    }
    if (status == PCAP_ERROR_BREAK) {
        return Read::Stopped;
    }
    if (status < 0) {
        throw CaptureError(interface_ + ": " + pcap_geterr(handle_));
    }
    frame.data = data;
    frame.capturedLength = header->caplen;
    frame.wireLength = header->len;
    const std::int64_t fraction = nanoseconds_ ? header->ts.tv_usec : header->ts.tv_usec * 1000;
    frame.timestampNs = static_cast<std::int64_t>(header->ts.tv_sec) * 1'000'000'000 + fraction;
    frame.number = ++frames_;
    return Read::Frame;
}

void LiveCapture::waitForFrames() {
#if defined(_WIN32)
    WaitForSingleObject(pcap_getevent(handle_), static_cast<DWORD>(waitMs_));
#else
    const int fd = pcap_get_selectable_fd(handle_);
    if (fd < 0) {
        return;  // no descriptor to wait on: the next read simply finds nothing
    }
    pollfd wanted{fd, POLLIN, 0};
    poll(&wanted, 1, waitMs_);
#endif
}

void LiveCapture::stop() {
    stopped_.store(true, std::memory_order_relaxed);
    if (handle_ != nullptr) {
        pcap_breakloop(handle_);
    }
}

LiveCaptureStats LiveCapture::stats() const {
    pcap_stat s{};
    LiveCaptureStats out;
    if (helper_) {
        helper_->stats(out);
        return out;
    }
    if (pcap_stats(handle_, &s) == 0) {
        out.received = s.ps_recv;
        out.droppedByKernel = s.ps_drop;
        out.droppedByInterface = s.ps_ifdrop;
    }
    return out;
}

std::string captureFilterError(const std::string& filter, int linkType) {
    pcap* dead = pcap_open_dead(linkType, 65535);
    if (dead == nullptr) {
        return "cannot check filters for link type " + std::to_string(linkType);
    }
    bpf_program program{};
    std::string error;
    if (pcap_compile(dead, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
        error = pcap_geterr(dead);
    } else {
        pcap_freecode(&program);
    }
    pcap_close(dead);
    return error;
}

}  // namespace deeppacket

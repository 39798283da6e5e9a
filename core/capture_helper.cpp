#include "core/capture_helper.h"

#include <pcap/pcap.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/capture_reader.h"
#include "core/live_capture.h"

#if !defined(_WIN32)
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace deeppacket {

#if defined(_WIN32)

std::string captureHelperPath() {
    return {};
}

HelperCapture::HelperCapture(const std::string& helper, const LiveCaptureOptions&) {
    throw CaptureError(helper + ": a capture helper is not used on this system");
}
HelperCapture::~HelperCapture() = default;
int HelperCapture::next(Frame&, int) {
    return -1;
}
void HelperCapture::stats(LiveCaptureStats&) {}
std::string HelperCapture::messages() {
    return {};
}
void HelperCapture::readErrors() {}

#else

std::string captureHelperPath() {
    if (const char* path = std::getenv("DEEPPACKET_CAPTURE_HELPER"); path != nullptr && *path) {
        return path;
    }
    std::vector<char> self(4096);
    const ssize_t length = readlink("/proc/self/exe", self.data(), self.size() - 1);
    if (length <= 0) {
        return {};
    }
    std::string program(self.data(), static_cast<std::size_t>(length));
    const auto slash = program.rfind('/');
    return program.substr(0, slash + 1) + kCaptureHelperName;
}

HelperCapture::HelperCapture(const std::string& helper, const LiveCaptureOptions& options) {
    int out[2];
    int err[2];
    if (pipe(out) != 0) {
        throw CaptureError("cannot start " + helper + ": " + std::strerror(errno));
    }
    if (pipe(err) != 0) {
        close(out[0]);
        close(out[1]);
        throw CaptureError("cannot start " + helper + ": " + std::strerror(errno));
    }
    std::vector<std::string> args{helper,
                                  "-i",
                                  options.interface,
                                  "-s",
                                  std::to_string(options.snapshotLength),
                                  "-B",
                                  std::to_string(options.bufferBytes)};
    if (!options.filter.empty()) {
        args.insert(args.end(), {"-f", options.filter});
    }
    if (options.promiscuous) {
        args.emplace_back("-p");
    }
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        // The child: the helper, its output into the pipes. Only async-signal-safe calls here.
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        close(out[0]);
        close(out[1]);
        close(err[0]);
        close(err[1]);
        execv(argv[0], argv.data());
        const char* reason = std::strerror(errno);
        (void)!write(STDERR_FILENO, "cannot run the capture helper: ", 31);
        (void)!write(STDERR_FILENO, reason, std::strlen(reason));
        (void)!write(STDERR_FILENO, "\n", 1);
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    if (pid < 0) {
        close(out[0]);
        close(err[0]);
        throw CaptureError("cannot start " + helper + ": " + std::strerror(errno));
    }
    pid_ = pid;
    out_ = out[0];
    err_ = err[0];
    fcntl(err_, F_SETFL, fcntl(err_, F_GETFL) | O_NONBLOCK);
    fcntl(out_, F_SETFD, FD_CLOEXEC);
    fcntl(err_, F_SETFD, FD_CLOEXEC);
    // Unbuffered, so that a frame the pipe said was there is never left in a buffer that the
    // next wait on the pipe cannot see. The stream's header comes first: this waits until the
    // helper has opened the interface, or has ended.
    std::FILE* stream = fdopen(out_, "rb");
    if (stream != nullptr) {
        std::setvbuf(stream, nullptr, _IONBF, 0);
        char error[PCAP_ERRBUF_SIZE] = {};
        handle_ =
            pcap_fopen_offline_with_tstamp_precision(stream, PCAP_TSTAMP_PRECISION_NANO, error);
        if (handle_ == nullptr) {
            std::fclose(stream);
        }
    } else {
        close(out_);
    }
    if (handle_ == nullptr) {
        // The helper ended without a stream: its message says why.
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        readErrors();
        close(err_);
        err_ = -1;
        std::string message = messages_;
        while (!message.empty() && message.back() == '\n') {
            message.pop_back();
        }
        if (message.empty()) {
            message = helper + " ended without capturing";
        }
        throw CaptureError(message);
    }
    linkType_ = pcap_datalink(handle_);
}

HelperCapture::~HelperCapture() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
    }
    if (handle_ != nullptr) {
        pcap_close(handle_);  // closes the stream and its pipe
    }
    if (err_ >= 0) {
        close(err_);
    }
    if (pid_ > 0) {
        waitpid(pid_, nullptr, 0);
    }
}

int HelperCapture::next(Frame& frame, int waitMs) {
    pollfd wanted{out_, POLLIN, 0};
    if (poll(&wanted, 1, waitMs) <= 0) {
        readErrors();
        return 0;
    }
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    const int status = pcap_next_ex(handle_, &header, &data);
    if (status != 1) {
        readErrors();
        return -1;  // the stream ended or broke: the helper is gone
    }
    // A busy link never lets the wait above time out: the helper's counters are read now and
    // then, so that its standard error never fills and stalls it.
    if (++framesSinceErrors_ >= 4096) {
        framesSinceErrors_ = 0;
        readErrors();
    }
    frame.data = data;
    frame.capturedLength = header->caplen;
    frame.wireLength = header->len;
    frame.timestampNs = static_cast<std::int64_t>(header->ts.tv_sec) * 1'000'000'000 +
                        static_cast<std::int64_t>(header->ts.tv_usec);
    return 1;
}

void HelperCapture::readErrors() {
    if (err_ < 0) {
        return;
    }
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(err_, buffer, sizeof buffer)) > 0) {
        errText_.append(buffer, static_cast<std::size_t>(n));
    }
    std::size_t end = 0;
    while ((end = errText_.find('\n')) != std::string::npos) {
        const std::string line = errText_.substr(0, end);
        errText_.erase(0, end + 1);
        unsigned long long received = 0;
        unsigned long long kernel = 0;
        unsigned long long interface = 0;
        if (std::sscanf(line.c_str(), "stats %llu %llu %llu", &received, &kernel, &interface) ==
            3) {
            received_ = received;
            droppedByKernel_ = kernel;
            droppedByInterface_ = interface;
        } else if (messages_.size() < 4096) {
            messages_ += line + "\n";
        }
    }
}

void HelperCapture::stats(LiveCaptureStats& out) {
    readErrors();
    out.received = received_;
    out.droppedByKernel = droppedByKernel_;
    out.droppedByInterface = droppedByInterface_;
}

std::string HelperCapture::messages() {
    readErrors();
    return messages_;
}

#endif

}  // namespace deeppacket

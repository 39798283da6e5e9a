#include "app/cli/progress_meter.h"

#include <cstdio>

#ifdef _WIN32
#include <io.h>
#define DEEPPACKET_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define DEEPPACKET_ISATTY(fd) isatty(fd)
#endif

namespace deeppacket::cli {

ProgressMeter::ProgressMeter(bool enabled)
    : enabled_(enabled),
      terminal_(DEEPPACKET_ISATTY(2) != 0),
      start_(Clock::now()),
      last_(start_) {}

double ProgressMeter::elapsedSeconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
}

ProgressMeter::~ProgressMeter() {
    finish();
}

void ProgressMeter::update(const StreamProgress& p) {
    if (!enabled_) {
        return;
    }
    const auto now = Clock::now();
    const auto sinceStart = now - start_;
    const auto interval = terminal_ ? std::chrono::milliseconds(250) : std::chrono::seconds(5);
    if (sinceStart < std::chrono::seconds(1) || now - last_ < interval) {
        return;
    }
    last_ = now;
    const double seconds = std::chrono::duration<double>(sinceStart).count();
    const double fraction =
        p.bytesTotal > 0 ? static_cast<double>(p.bytesDone) / static_cast<double>(p.bytesTotal) : 0;
    const double rate = static_cast<double>(p.packetsRead) / seconds;
    const double remaining = fraction > 0.001 ? seconds * (1 - fraction) / fraction : 0;
    std::fprintf(stderr, "%s%5.1f%%  %llu packets read, %llu kept  %.0f packets/s  ~%.0f s left%s",
                 terminal_ ? "\r" : "", 100 * fraction,
                 static_cast<unsigned long long>(p.packetsRead),
                 static_cast<unsigned long long>(p.packetsKept), rate, remaining,
                 terminal_ ? "\033[K" : "\n");
    std::fflush(stderr);
    shown_ = true;
}

void ProgressMeter::finish() {
    if (shown_ && terminal_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
    shown_ = false;
}

}  // namespace deeppacket::cli

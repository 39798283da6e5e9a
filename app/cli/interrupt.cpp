#include "app/cli/interrupt.h"

#include <csignal>

namespace deeppacket::cli {
namespace {

std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int /*signal*/) {
    gInterrupted.store(true);
}

}  // namespace

const std::atomic<bool>* interruptFlag() {
    // SIGTERM (kill, systemd, a batch scheduler) stops a run as cleanly as Ctrl-C.
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    return &gInterrupted;
}

}  // namespace deeppacket::cli

#pragma once

#include <atomic>

namespace deeppacket::cli {

// Set by SIGINT or SIGTERM once this has been called, so that a long run stops cleanly: its
// temporary files are removed and nothing half-written is left. Commands that never check the
// flag do not call it, and stop at once as usual.
const std::atomic<bool>* interruptFlag();

}  // namespace deeppacket::cli

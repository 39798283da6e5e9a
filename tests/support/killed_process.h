#pragma once

// Killing a writer mid-way, for the tests that check that no half-written file ever replaces a
// user's old one (POSIX only).

#include <sys/types.h>

#include <string>

namespace deeppacket::test {

// Waits until a temporary file of `destination` (destination.tmp-PID-N, see AtomicFile) holds
// data while the process runs, and returns true then. Returns false when the process ended
// first, or when a minute passed (the process is then killed and reaped).
bool waitForPartialFile(pid_t pid, const std::string& destination);

// SIGKILL (no handler, no cleanup) and reap; true when the signal is what ended the process.
bool killNow(pid_t pid);

}  // namespace deeppacket::test

#pragma once

#include <string>
#include <vector>

#include "app/cli/command.h"

// The commands that need the networks (classify, evaluate, convert, train) live in a plugin,
// a shared module that links LibTorch: the program loads it only when one of them runs, so that
// `--version`, `--help`, `inspect`, `vectors`, `flows` and `info` start without LibTorch's
// hundreds of libraries.

namespace deeppacket::cli {

// The plugin's one entry point (C linkage): argv[0] is the command's name, the rest its
// arguments; it returns the exit code and has written every message itself (nothing is thrown
// across the boundary).
inline constexpr char kNetworkCommandEntry[] = "deeppacket_cli_network_command";
using NetworkCommandEntry = int (*)(int argc, const char* const* argv);

// Loads the plugin (beside the program, or in its installed folder) and runs the command there.
// A plugin that cannot be loaded is an error naming it (exit 1).
int runInNetworkPlugin(const std::string& name, const std::vector<std::string>& args,
                       Console console);

}  // namespace deeppacket::cli

#pragma once

#include <string>
#include <vector>

#include "tests/support/packet_builder.h"

namespace deeppacket::test {

// What a run of the real deeppacket-cli binary gave.
struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

// Runs deeppacket-cli with the arguments through a POSIX shell (these tests are not built on
// Windows), capturing stdout and stderr in files of `dir`. `environment`: assignments for the
// shell to put before the command ("NAME=value ..."); `program`: another copy of the program.
CliRun runCli(const std::vector<std::string>& args, const TempDir& dir,
              const std::string& environment = "", const std::string& program = DEEPPACKET_CLI);

std::string readText(const std::string& path);

}  // namespace deeppacket::test

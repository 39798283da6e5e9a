#include "tests/support/cli_runner.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "tests/support/shell_command.h"

namespace deeppacket::test {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

CliRun runCli(const std::vector<std::string>& args, const TempDir& dir,
              const std::string& environment, const std::string& program) {
    std::string command = environment + (environment.empty() ? "" : " ") + shellQuoted(program);
    for (const auto& a : args) {
        command += " " + shellQuoted(a);
    }
    const std::string out = dir.path("stdout.txt");
    const std::string err = dir.path("stderr.txt");
    command += " >" + shellQuoted(out) + " 2>" + shellQuoted(err) + " </dev/null";
    const int status = std::system(command.c_str());
    CliRun run;
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = readText(out);
    run.err = readText(err);
    return run;
}

}  // namespace deeppacket::test

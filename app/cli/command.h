#pragma once

#include <exception>
#include <iosfwd>
#include <string>
#include <vector>

#include "app/cli/arguments.h"
#include "core/capture_report.h"

namespace deeppacket::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInterrupted = 130;  // 128 + SIGINT, as shells report it

// Where a command writes: results to `out`, diagnostics and progress to `err`.
struct Console {
    std::ostream& out;
    std::ostream& err;
};

// A subcommand of deeppacket-cli. `run` gets the arguments after the command name and returns
// the exit code; it handles its own --help. The commands that need the networks run in the
// networks plugin (network_plugin.h): there `run` is null.
struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args, Console console);
};

// Runs a command and turns what it throws into a one-line message and an exit code (usage
// errors 2, the rest 1). `hint`, when given, may add words to an error's message.
int runCommand(const Command& command, const std::vector<std::string>& args, Console console,
               std::string (*hint)(const std::exception& error) = nullptr);

int runInspect(const std::vector<std::string>& args, Console console);
int runVectors(const std::vector<std::string>& args, Console console);
int runFlows(const std::vector<std::string>& args, Console console);
int runClassify(const std::vector<std::string>& args, Console console);
int runEvaluate(const std::vector<std::string>& args, Console console);
int runInfo(const std::vector<std::string>& args, Console console);
int runMerge(const std::vector<std::string>& args, Console console);
int runConvert(const std::vector<std::string>& args, Console console);
int runTrain(const std::vector<std::string>& args, Console console);
int runInterfaces(const std::vector<std::string>& args, Console console);
int runLive(const std::vector<std::string>& args, Console console);

// Reports unreadable captures and warnings on console.err; false when a capture was unreadable.
bool reportCaptureProblems(const std::vector<FileReport>& files, Console console);

// --skip-unreadable, for the commands that read captures.
OptionSpec skipUnreadableOption();

// The capture files named by the operands (files, directories, patterns). Reports each operand
// that names nothing, and each folder that cannot be read, on console.err and sets `ok` to false;
// with --skip-unreadable, unreadable folders are counted warnings instead.
std::vector<std::string> captureFilesFrom(const Arguments& arguments, Console console, bool& ok);

}  // namespace deeppacket::cli

// deeppacket-cli: the command-line face of the Deep Packet engine.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/network_plugin.h"
#include "core/capture_reader.h"
#include "core/terminal_text.h"
#include "core/version.h"

namespace {

using namespace deeppacket::cli;

const Command kCommands[] = {
    {"inspect", "count packets kept and dropped (with reasons), link types and flows", runInspect},
    {"vectors", "write the paper's byte vectors (.npy) and packet metadata (.csv)", runVectors},
    {"flows", "write labelled flow features (.npy) and their flows (.csv), for yardsticks",
     runFlows},
    // The commands without `run` need the networks: they run in the plugin (network_plugin.h).
    {"classify", "classify every packet and flow of captures with a model", nullptr},
    {"evaluate", "classify labelled captures and score the model (metrics, confusion, tree)",
     nullptr},
    {"live", "capture from an interface and classify its traffic as it arrives", nullptr},
    {"interfaces", "list the network interfaces that live can capture on", runInterfaces},
    {"info", "show a model's card: network, classes, preprocessing, provenance, metrics", runInfo},
    {"merge", "join the part files of separate jobs (--part R/N) into one run's files", runMerge},
    {"convert", "turn a trusted TorchScript model into a data-only model file (.dpm)", nullptr},
    {"train", "train the SAE, the CNN or a flow model on labelled captures (split by session)",
     nullptr},
};

void printHelp(std::ostream& out) {
    out << "Usage: deeppacket-cli [--help] [--version] COMMAND [OPTIONS] [ARGS]\n"
           "\n"
           "Deep Packet: encrypted traffic classification with deep learning.\n"
           "\n"
           "Commands:\n";
    for (const auto& command : kCommands) {
        out << "  " << command.name << std::string(12 - std::string(command.name).size(), ' ')
            << command.summary << "\n";
    }
    out << "\n"
           "Run 'deeppacket-cli COMMAND --help' for the options of a command.\n"
           "Exit status: 0 success, 1 failure, 2 usage error.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    const std::vector<std::string> args(argv + 1, argv + argc);
    Console console{std::cout, std::cerr};
    if (args.empty()) {
        printHelp(std::cerr);
        return kExitUsage;
    }
    const std::string& name = args.front();
    if (name == "--help" || name == "-h" || name == "help") {
        printHelp(std::cout);
        return kExitOk;
    }
    if (name == "--version" || name == "-V") {
        std::cout << "deeppacket-cli " << deeppacket::version() << "\n"
                  << deeppacket::pcapLibraryVersion() << "\n";
        return kExitOk;
    }
    for (const auto& command : kCommands) {
        if (name == command.name) {
            const std::vector<std::string> rest(args.begin() + 1, args.end());
            return command.run ? runCommand(command, rest, console)
                               : runInNetworkPlugin(name, rest, console);
        }
    }
    std::cerr << "deeppacket-cli: unknown command '" << deeppacket::printable(name, 100) << "'\n"
              << "Try 'deeppacket-cli --help'.\n";
    return kExitUsage;
}

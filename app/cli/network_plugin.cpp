// The networks plugin of deeppacket-cli (network_plugin.h): the commands that need LibTorch.
#include <iostream>
#include <string>
#include <type_traits>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/network_plugin.h"
#include "core/allocator_tuning.h"
#include "core/terminal_text.h"
#include "models/model.h"

namespace {

using namespace deeppacket::cli;

// Their summaries are the program's (main.cpp): --help needs no plugin.
const Command kNetworkCommands[] = {
    {"classify", "", runClassify}, {"live", "", runLive},   {"evaluate", "", runEvaluate},
    {"convert", "", runConvert},   {"train", "", runTrain},
};

std::string trustHint(const std::exception& error) {
    return dynamic_cast<const deeppacket::ModelCodeError*>(&error) != nullptr
               ? " (--trust-model-code opens it)"
               : "";
}

}  // namespace

#if defined(_WIN32)
#define DEEPPACKET_PLUGIN_EXPORT extern "C" __declspec(dllexport)
#else
#define DEEPPACKET_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))
#endif

DEEPPACKET_PLUGIN_EXPORT int deeppacket_cli_network_command(int argc, const char* const* argv) {
    static_assert(std::is_same_v<decltype(&deeppacket_cli_network_command), NetworkCommandEntry>);
    if (argc < 1) {
        return kExitUsage;
    }
    deeppacket::tuneAllocatorForInference();
    const std::string name = argv[0];
    const std::vector<std::string> args(argv + 1, argv + argc);
    Console console{std::cout, std::cerr};
    for (const auto& command : kNetworkCommands) {
        if (name == command.name) {
            try {
                return runCommand(command, args, console, trustHint);
            } catch (...) {
                // Nothing crosses into the program: not even what printing a message threw.
                return kExitFailure;
            }
        }
    }
    std::cerr << "deeppacket-cli: the networks plugin has no command '"
              << deeppacket::printable(name, 100) << "'\n";
    return kExitUsage;
}

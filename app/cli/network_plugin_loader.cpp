#include <filesystem>
#include <ostream>
#include <stdexcept>

#include "app/cli/network_plugin.h"
#include "core/shared_library.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

// Where the plugin is: beside the program (the build tree, Windows, a macOS bundle) or in the
// installed layout's library folder, relative to the program's (DEEPPACKET_PLUGIN_DIR).
std::vector<std::filesystem::path> pluginCandidates() {
    const std::filesystem::path here = executableFolder();
    return {here / DEEPPACKET_CLI_PLUGIN, here / DEEPPACKET_PLUGIN_DIR / DEEPPACKET_CLI_PLUGIN};
}

NetworkCommandEntry loadEntry() {
    static NetworkCommandEntry entry = [] {
        std::string tried;
        for (const auto& candidate : pluginCandidates()) {
            std::error_code error;
            if (!std::filesystem::is_regular_file(candidate, error)) {
                tried += (tried.empty() ? "" : ", ") + candidate.string();
                continue;
            }
            const SharedLibrary plugin = SharedLibrary::open(candidate.string());
            auto* found =
                reinterpret_cast<NetworkCommandEntry>(plugin.symbol(kNetworkCommandEntry));
            if (found == nullptr) {
                throw std::runtime_error(candidate.string() +
                                         ": not a Deep Packet networks plugin");
            }
            return found;
        }
        throw std::runtime_error("the networks plugin is not installed (looked for " + tried + ")");
    }();
    return entry;
}

}  // namespace

int runInNetworkPlugin(const std::string& name, const std::vector<std::string>& args,
                       Console console) {
    NetworkCommandEntry entry = nullptr;
    try {
        entry = loadEntry();
    } catch (const std::exception& e) {
        console.err << "deeppacket-cli: error: " << printable(e.what()) << "\n";
        return kExitFailure;
    }
    std::vector<const char*> argv{name.c_str()};
    for (const auto& a : args) {
        argv.push_back(a.c_str());
    }
    console.out.flush();
    return entry(static_cast<int>(argv.size()), argv.data());
}

}  // namespace deeppacket::cli

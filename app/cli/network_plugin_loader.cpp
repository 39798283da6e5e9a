#include <ostream>

#include "app/cli/network_plugin.h"
#include "core/shared_library.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

NetworkCommandEntry loadEntry() {
    static const auto entry = reinterpret_cast<NetworkCommandEntry>(
        programPluginEntry(DEEPPACKET_CLI_PLUGIN, DEEPPACKET_PLUGIN_DIR,
                           "DEEPPACKET_CLI_NETWORKS_PLUGIN", kNetworkCommandEntry));
    return entry;
}

}  // namespace

int runInNetworkPlugin(const std::string& name, const std::vector<std::string>& args,
                       Console console) {
    NetworkCommandEntry entry = nullptr;
    try {
        entry = loadEntry();
    } catch (const std::exception& e) {
        console.err << "deeppacket-cli: error: the networks plugin: " << printable(e.what())
                    << "\n";
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

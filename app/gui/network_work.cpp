#include "app/gui/network_work.h"

#include <stdexcept>

#include "core/shared_library.h"

namespace deeppacket::gui {

NetworkWork& networkWork() {
    // Static: loaded once, by the first job's worker thread, and kept for the process's life.
    static NetworkWork* const work = [] {
        const SharedLibrary plugin = openProgramPlugin(DEEPPACKET_GUI_PLUGIN, DEEPPACKET_PLUGIN_DIR,
                                                       "DEEPPACKET_NETWORKS_PLUGIN");
        auto* entry = reinterpret_cast<NetworkWorkEntry>(plugin.symbol(kNetworkWorkEntry));
        if (entry == nullptr) {
            throw std::runtime_error(DEEPPACKET_GUI_PLUGIN
                                     " is not a Deep Packet networks plugin (no entry point)");
        }
        return entry();
    }();
    return *work;
}

}  // namespace deeppacket::gui

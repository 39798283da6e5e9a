#include "app/gui/network_work.h"

#include "core/shared_library.h"

namespace deeppacket::gui {

NetworkWork& networkWork() {
    // Static: loaded once, by the first job's worker thread, and kept for the process's life.
    static NetworkWork* const work = reinterpret_cast<NetworkWorkEntry>(
        programPluginEntry(DEEPPACKET_GUI_PLUGIN, DEEPPACKET_PLUGIN_DIR,
                           "DEEPPACKET_NETWORKS_PLUGIN", kNetworkWorkEntry))();
    return *work;
}

}  // namespace deeppacket::gui

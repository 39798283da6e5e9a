#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

#include "core/packet_stream.h"
#include "models/attribution.h"
#include "models/training.h"
#include "ui/classification_result.h"
#include "ui/training_wizard.h"

// What the app's jobs do with the networks, behind a plain interface. Its implementation
// (libtorch_work.cpp) lives in a plugin, deeppacket-networks, that links LibTorch: the app loads
// it on a job's worker thread at the first run or training, so that its start and its wizards
// never load LibTorch and the hundreds of libraries it brings (Qt 5 among them).

namespace deeppacket::gui {

class NetworkWork {
  public:
    virtual ~NetworkWork() = default;

    // Runs the plan (analysis.h, as the command line does) into what the results window shows;
    // `progress` is called on the calling thread. Throws std::exception with a message for the
    // user. On cancel the result is incomplete.
    virtual ui::ResultPointer classify(const AnalysisPlan& plan,
                                       const std::function<void(const StreamProgress&)>& progress,
                                       const std::atomic<bool>& cancel) = 0;

    // Captures live as the request says until `stop` is set, and hands out each moment of the
    // capture (liveResultOf) through `moment` on the calling thread, at most every request's
    // updateInterval and only when something changed; the last moment has capturing false and
    // the raw capture written whole at request.capturePath. Throws std::exception with a message
    // for the user (the interface cannot be opened, the filter is wrong, it went away).
    virtual void captureLive(const ui::LiveRequest& request, quint64 session,
                             const std::function<void(ui::ResultPointer)>& moment,
                             const std::atomic<bool>& stop) = 0;

    // The class probabilities of one packet vector under the result's model and which bytes
    // decided (attribution.h). The model stays loaded for the next packet of the same result.
    // Throws std::exception with a message for the user.
    virtual ByteAttribution explain(const ui::ClassificationResult& result,
                                    const std::vector<std::uint8_t>& vector) = 0;

    // Trains as the request says, writes the model, and classifies the test split with it.
    // `epoch` and `reading` are called on the calling thread. Null when `discard` was set.
    virtual ui::ResultPointer train(
        const ui::TrainingRequest& request,
        const std::function<void(std::size_t run, const TrainingEpoch&)>& epoch,
        const std::function<void(const StreamProgress&)>& reading, const std::atomic<bool>& cancel,
        const std::atomic<bool>& discard) = 0;
};

// The plugin's one entry point (C linkage): the process-wide implementation.
inline constexpr char kNetworkWorkEntry[] = "deeppacket_gui_network_work";
using NetworkWorkEntry = NetworkWork* (*)();

// The implementation, loading the plugin on first use (thread-safe): beside the program, in
// its installed folder, or where DEEPPACKET_NETWORKS_PLUGIN names it. Throws std::runtime_error
// naming where it looked.
NetworkWork& networkWork();

}  // namespace deeppacket::gui

#pragma once

#include "core/live_rows.h"
#include "models/analysis.h"
#include "ui/classification_result.h"

namespace deeppacket::gui {

// The value the results workspace shows, from an analysis and what its run produced (with
// rows kept): packet and flow rows, per-class counts and, with a ground truth, the scores.
// Throws when no capture could be read, naming each.
std::shared_ptr<ui::ClassificationResult> resultOf(const Analysis& analysis,
                                                   AnalysisOutcome&& outcome);

// What a moment of a live capture adds to its rows.
struct LiveMoment {
    quint64 session = 0;
    std::string interface;
    std::string capturePath;  // where its frames are now (temporary while capturing)
    int linkType = -1;
    bool capturing = true;
    double seconds = 0;
    PacketCounts counts;  // the stream's, by disposition
    LiveCaptureStats stats;
    std::uint64_t frames = 0;
};

// One moment of a live capture as the workspace shows it.
std::shared_ptr<ui::ClassificationResult> liveResultOf(const Analysis& analysis,
                                                       LiveRowsSnapshot&& rows,
                                                       const LiveMoment& moment);

}  // namespace deeppacket::gui

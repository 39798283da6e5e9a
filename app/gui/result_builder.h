#pragma once

#include "models/analysis.h"
#include "ui/classification_result.h"

namespace deeppacket::gui {

// The value the results workspace shows, from an analysis and what its run produced (with
// rows kept): packet and flow rows, per-class counts and, with a ground truth, the scores.
// Throws when no capture could be read, naming each.
std::shared_ptr<ui::ClassificationResult> resultOf(const Analysis& analysis,
                                                   AnalysisOutcome&& outcome);

}  // namespace deeppacket::gui

#pragma once

#include <optional>

#include "core/ground_truth.h"
#include "core/inference_engine.h"
#include "models/model.h"
#include "ui/classification_result.h"

namespace deeppacket::gui {

// Classifies the captures with the model into the value the results workspace shows: packet
// and flow rows, per-class counts and, with a ground truth, the scores. Runs on the calling
// (worker) thread; `control` carries progress, cancel and an optional packet selection.
// Throws when a capture cannot be opened. On cancel the result is incomplete.
std::shared_ptr<ui::ClassificationResult> classifyIntoResult(
    Model& model, const QStringList& captures, const std::optional<GroundTruth>& truth,
    const InferenceOptions& options, const InferenceControl& control, bool* cancelled);

}  // namespace deeppacket::gui

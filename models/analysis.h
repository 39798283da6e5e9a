#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/evaluation_report.h"
#include "core/ground_truth.h"
#include "core/inference_engine.h"
#include "core/prediction_csv.h"
#include "core/prediction_rows.h"
#include "core/prediction_scorer.h"
#include "models/analysis_plan.h"
#include "models/model.h"

// The one analysis path of the command line (classify, evaluate) and the app: a plan says
// which models, captures, labels and outputs; an Analysis loads and checks its models, runs
// them over the captures, and hands back what each front end shows or writes.

namespace deeppacket {

// A plan whose models do not fit their roles: a flow model given as the packet model, or the
// reverse. The command line reports it as a usage error.
class AnalysisPlanError : public ModelError {
  public:
    using ModelError::ModelError;
};

// What a run produced. Nothing is on disk until commit().
struct AnalysisOutcome {
    InferenceSummary summary;
    // One message per capture that could not be read (the files' reports say more).
    std::vector<std::string> unreadable;
    // With a label scheme: the scores, and the evaluation when a packet could be scored.
    std::unique_ptr<PredictionScorer> scores;
    std::optional<Evaluation> evaluation;
    // With keepRows.
    std::vector<PacketResult> packets;
    std::vector<FlowResult> flows;

    // Writes the plan's CSV files (when it named any).
    void commit();

    // Internal: the run's truth and CSV writer, kept for commit() and the scores.
    std::unique_ptr<TruthLookup> truth;
    std::unique_ptr<PredictionCsvWriter> csv;
};

class Analysis {
  public:
    // Loads the models (ModelError; AnalysisPlanError for models in the wrong role), moves them
    // to the device (DeviceError) and parses the label scheme (std::invalid_argument).
    explicit Analysis(AnalysisPlan plan);

    const AnalysisPlan& plan() const { return plan_; }
    const Model& model() const { return model_; }
    const Model* flowModel() const { return flowModel_ ? &*flowModel_ : nullptr; }
    const GroundTruth* truth() const { return truth_ ? &*truth_ : nullptr; }

    // Classifies the captures; `control` carries progress, cancel and an optional packet
    // selection; `extra`, when given, gets what the run streams too (after the plan's sinks).
    // On cancel (summary.cancelled) the outcome is incomplete.
    AnalysisOutcome run(const InferenceControl& control = {}, PredictionSink* extra = nullptr);
    // The same on a live capture until it stops (the plan's files are not read).
    AnalysisOutcome runLive(LiveCapture& capture, const LiveStreamOptions& live,
                            const InferenceControl& control = {}, PredictionSink* extra = nullptr);

  private:
    // Sets up the plan's sinks around `engine`, which runs the engine into the sink it is given.
    AnalysisOutcome record(
        const std::function<InferenceSummary(PredictionSink&, const InferenceOptions&)>& engine,
        PredictionSink* extra);

    AnalysisPlan plan_;
    Model model_;
    std::optional<Model> flowModel_;
    std::optional<GroundTruth> truth_;
};

}  // namespace deeppacket

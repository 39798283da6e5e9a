#include "models/analysis.h"

#include "core/sink_fanout.h"

namespace deeppacket {
namespace {

Model loadPacketModel(const AnalysisPlan& plan) {
    Model model = Model::load(plan.modelPath, plan.trust);
    if (model.classifiesFlows()) {
        throw AnalysisPlanError(plan.modelPath +
                                " is a flow model: give it as the flow model, beside a "
                                "packet model");
    }
    model.setDevice(plan.device);
    return model;
}

}  // namespace

Analysis::Analysis(AnalysisPlan plan) : plan_(std::move(plan)), model_(loadPacketModel(plan_)) {
    if (!plan_.flowModelPath.empty()) {
        flowModel_.emplace(Model::load(plan_.flowModelPath, plan_.trust));
        if (!flowModel_->classifiesFlows()) {
            throw AnalysisPlanError(plan_.flowModelPath + " is a packet model, not a flow model");
        }
        if (flowModel_->card().classes != model_.card().classes) {
            throw ModelError(plan_.flowModelPath + ": the flow model's classes are not those of " +
                             plan_.modelPath + " (same names in the same order are needed)");
        }
        flowModel_->setDevice(plan_.device);
    }
    if (!plan_.labelScheme.empty()) {
        truth_ = GroundTruth::parse(plan_.labelScheme, model_.card().task);
    }
}

AnalysisOutcome Analysis::run(const InferenceControl& control, PredictionSink* extra) {
    return record(
        [&](PredictionSink& sink, const InferenceOptions& options) {
            return classifyCaptures(model_, plan_.files, model_.card().preprocessing, options, sink,
                                    control);
        },
        extra);
}

AnalysisOutcome Analysis::runLive(LiveCapture& capture, const LiveStreamOptions& live,
                                  const InferenceControl& control, PredictionSink* extra) {
    return record(
        [&](PredictionSink& sink, const InferenceOptions& options) {
            return classifyLive(model_, capture, live, model_.card().preprocessing, options, sink,
                                control);
        },
        extra);
}

AnalysisOutcome Analysis::record(
    const std::function<InferenceSummary(PredictionSink&, const InferenceOptions&)>& engine,
    PredictionSink* extra) {
    const std::vector<std::string>& classes = model_.card().classes;
    AnalysisOutcome out;
    out.truth = std::make_unique<TruthLookup>(truth(), classes);
    std::vector<PredictionSink*> sinks{out.truth.get()};
    if (truth_) {
        out.scores = std::make_unique<PredictionScorer>(classes, *out.truth);
        sinks.push_back(out.scores.get());
    }
    if (!plan_.packetsCsv.empty() || !plan_.flowsCsv.empty()) {
        out.csv = std::make_unique<PredictionCsvWriter>(
            classes, *out.truth, PredictionCsvWriter::Paths{plan_.packetsCsv, plan_.flowsCsv},
            plan_.probabilities, flowModel_.has_value());
        sinks.push_back(out.csv.get());
    }
    std::optional<PredictionRows> rows;
    if (plan_.keepRows) {
        sinks.push_back(&rows.emplace(*out.truth));
    }
    if (extra != nullptr) {
        sinks.push_back(extra);
    }
    SinkFanout fanout(std::move(sinks));

    InferenceOptions options;
    options.batchSize = plan_.batchSize;
    options.probabilities = plan_.probabilities;
    options.flowModel = flowModel_ ? &*flowModel_ : nullptr;
    options.flowUpdates = plan_.flowUpdates;
    out.summary = engine(fanout, options);
    for (const auto& file : out.summary.files) {
        if (!file.opened()) {
            out.unreadable.push_back(file.error);
        }
    }
    if (rows) {
        out.packets = rows->takePackets();
        out.flows = rows->takeFlows();
    }
    if (out.scores && !out.summary.cancelled && out.scores->packetConfusion().total() > 0) {
        out.evaluation = evaluate(out.scores->packetConfusion(), out.scores->flowConfusion());
    }
    return out;
}

void AnalysisOutcome::commit() {
    if (csv) {
        csv->commit();
    }
}

}  // namespace deeppacket

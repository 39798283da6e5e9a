#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "core/ground_truth.h"
#include "core/inference_engine.h"
#include "core/metrics.h"

namespace deeppacket {

// Records the results of a classification run as they stream by: writes packets.csv and
// flows.csv (when paths are given) and, with a ground truth, fills the packet and flow confusion
// matrices. The CSV files appear only on commit(), whole.
//
// packets.csv: file,number,timestamp,src,src_port,dst,dst_port,protocol,length,flow_id,label,
//              confidence[,truth][,p_<class>...]
// flows.csv:   flow_id,file,src,src_port,dst,dst_port,protocol,packets,bytes,first,last,label,
//              confidence[,truth][,p_<class>...]
class PredictionRecorder final : public PredictionSink {
  public:
    struct Outputs {
        std::string packetsCsv;  // empty: not written
        std::string flowsCsv;
        bool probabilities = false;  // add one column per class
    };

    PredictionRecorder(std::vector<std::string> files, std::vector<std::string> classes,
                       const GroundTruth* truth, const Outputs& outputs);
    ~PredictionRecorder() override;

    void packets(const PacketBatch& batch, const BatchPredictions& predictions) override;
    void flows(const std::vector<FlowVerdict>& flows) override;
    void commit();

    // With a ground truth: what could be scored.
    const ConfusionMatrix& packetConfusion() const { return packetConfusion_; }
    const ConfusionMatrix& flowConfusion() const { return flowConfusion_; }
    std::uint64_t unlabeledPackets() const { return unlabeledPackets_; }
    std::uint64_t unlabeledFlows() const { return unlabeledFlows_; }
    // Truth labels the model has no class for, with their packet counts (not scored).
    const std::map<std::string, std::uint64_t>& unknownLabels() const { return unknownLabels_; }

  private:
    // The true label of a flow of a file, or nothing when the scheme has none.
    std::optional<std::string> labelOf(std::uint32_t fileIndex, const FlowKey& flow) const;
    // Scores a prediction against a label; returns false when the label is not scorable.
    bool score(ConfusionMatrix& matrix, const std::optional<std::string>& label,
               std::uint32_t predicted);

    std::vector<std::string> files_;        // as given
    std::vector<std::string> quotedFiles_;  // as written in the CSV files
    std::vector<std::string> classes_;
    std::map<std::string, std::size_t> classIndex_;
    const GroundTruth* truth_;
    std::vector<std::optional<std::string>> fileLabels_;  // per file, for file-level schemes
    std::unique_ptr<AtomicFile> packetsFile_;
    std::unique_ptr<AtomicFile> flowsFile_;
    bool probabilities_;
    std::string buffer_;
    ConfusionMatrix packetConfusion_;
    ConfusionMatrix flowConfusion_;
    std::uint64_t unlabeledPackets_ = 0;
    std::uint64_t unlabeledFlows_ = 0;
    std::map<std::string, std::uint64_t> unknownLabels_;
};

}  // namespace deeppacket

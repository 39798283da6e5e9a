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

// A classified packet or flow kept in memory (for the desktop app's views and exports).
// truth: the true class index, kNoLabel when the scheme gives none, kUnknownLabel when it gives
// a label the model has no class for.
inline constexpr std::int32_t kNoLabel = -1;
inline constexpr std::int32_t kUnknownLabel = -2;

struct PacketResult {
    PacketRecord record;
    std::uint32_t classIndex = 0;
    float confidence = 0;
    std::int32_t truth = kNoLabel;
    // With a flow model: its verdict on the packet's flow from the flow's packets so far.
    std::int32_t flowClassIndex = kNoLabel;
    float flowConfidence = 0;
};

struct FlowResult {
    FlowVerdict verdict;
    std::int32_t truth = kNoLabel;
};

// The CSV layouts of packets and flows, shared by the command line and the desktop app. With a
// flow model, packets get the flow model's running verdict on their flow (flow_label,
// flow_confidence) and flows the packet vote beside the flow model's verdict (packet_vote,
// packet_vote_confidence), after the confidence column.
std::string packetCsvHeader(const std::vector<std::string>& classes, bool truth, bool probabilities,
                            bool flowModel = false);
std::string flowCsvHeader(const std::vector<std::string>& classes, bool truth, bool probabilities,
                          bool flowModel = false);
// Appends one row; `quotedFile` is already CSV-quoted; `truth` is the label text or empty;
// `probabilities` is null or points at one value per class; `flowLabel` is the flow model's
// verdict (null without a flow model).
void appendPacketCsvRow(std::string& out, const std::string& quotedFile, const PacketRecord& r,
                        const std::string& label, float confidence, const std::string* truth,
                        const float* probabilities, std::size_t classes,
                        const std::string* flowLabel = nullptr, float flowConfidence = 0);
// `voteLabel`: the packet vote's class name when the verdict is the flow model's, else null.
void appendFlowCsvRow(std::string& out, const std::string& quotedFile, const FlowVerdict& f,
                      const std::string& label, const std::string* truth,
                      const std::string* voteLabel = nullptr);

// Records the results of a classification run as they stream by: writes packets.csv and
// flows.csv (when paths are given) and, with a ground truth, fills the packet and flow confusion
// matrices. The CSV files appear only on commit(), whole.
//
// packets.csv: file,number,timestamp,src,src_port,dst,dst_port,protocol,length,flow_id,label,
//              confidence[,flow_label,flow_confidence][,truth][,p_<class>...]
// flows.csv:   flow_id,file,src,src_port,dst,dst_port,protocol,packets,bytes,first,last,label,
//              confidence[,packet_vote,packet_vote_confidence][,truth][,p_<class>...]
class PredictionRecorder final : public PredictionSink {
  public:
    struct Outputs {
        std::string packetsCsv;  // empty: not written
        std::string flowsCsv;
        bool probabilities = false;  // add one column per class
        bool keepRows = false;       // keep every packet and flow in memory (takePackets/Flows)
        bool flowModel = false;      // a flow model runs beside the packet model
    };

    PredictionRecorder(std::vector<std::string> classes, const GroundTruth* truth,
                       const Outputs& outputs);
    ~PredictionRecorder() override;

    void begin(const std::vector<std::string>& files) override;
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

    // With keepRows: everything recorded so far, handed over.
    std::vector<PacketResult> takePackets() { return std::move(packetRows_); }
    std::vector<FlowResult> takeFlows() { return std::move(flowRows_); }

  private:
    // The true class of a packet or flow (kNoLabel, kUnknownLabel, or the class index) and its
    // label text in `label` (null without one). File-level schemes are resolved once per file in
    // the constructor, so the per-packet path allocates nothing.
    std::int32_t truthOf(std::uint32_t fileIndex, const IpAddress& src, std::uint16_t srcPort,
                         const IpAddress& dst, std::uint16_t dstPort, std::uint8_t protocol,
                         const std::string*& label);

    std::vector<std::string> files_;        // as given
    std::vector<std::string> quotedFiles_;  // as written in the CSV files
    std::vector<std::string> classes_;
    std::map<std::string, std::size_t> classIndex_;
    const GroundTruth* truth_;
    std::vector<std::optional<std::string>> fileLabels_;  // per file, for file-level schemes
    std::vector<std::int32_t> fileTruth_;                 // their class indices
    std::optional<std::string> flowLabel_;                // the last per-flow label looked up
    std::unique_ptr<AtomicFile> packetsFile_;
    std::unique_ptr<AtomicFile> flowsFile_;
    bool probabilities_;
    bool keepRows_;
    bool flowModel_;
    std::vector<PacketResult> packetRows_;
    std::vector<FlowResult> flowRows_;
    std::string buffer_;
    ConfusionMatrix packetConfusion_;
    ConfusionMatrix flowConfusion_;
    std::uint64_t unlabeledPackets_ = 0;
    std::uint64_t unlabeledFlows_ = 0;
    std::map<std::string, std::uint64_t> unknownLabels_;
};

}  // namespace deeppacket

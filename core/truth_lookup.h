#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ground_truth.h"
#include "core/inference_engine.h"

namespace deeppacket {

// The true class of a packet or flow as an index into the model's classes, or one of these.
inline constexpr std::int32_t kNoLabel = -1;       // the scheme gives no label
inline constexpr std::int32_t kUnknownLabel = -2;  // it gives one the model has no class for

// Looks up the truth of the packets and flows a run hands its sinks. It is a sink itself, first
// among a run's sinks, so that it learns the files before the others ask. File-level schemes
// are resolved once per file in begin(), and a per-flow lookup is kept for the next question
// about the same flow, so the sinks that ask about one packet in turn (the scorer, the CSV
// writer, the rows kept for the app) cost one lookup together and the per-packet path
// allocates nothing.
class TruthLookup final : public PredictionSink {
  public:
    // Null truth: every answer is kNoLabel without a label.
    TruthLookup(const GroundTruth* truth, const std::vector<std::string>& classes);

    bool hasTruth() const { return truth_ != nullptr; }
    const std::vector<std::string>& files() const { return files_; }

    void begin(const std::vector<std::string>& files) override;

    // The class of the packet or flow; `label` is the scheme's label text (null without one),
    // valid until the next call.
    std::int32_t classOf(std::uint32_t fileIndex, std::uint32_t flowId, const IpAddress& src,
                         std::uint16_t srcPort, const IpAddress& dst, std::uint16_t dstPort,
                         std::uint8_t protocol, const std::string*& label);
    std::int32_t classOf(const PacketRecord& r, const std::string*& label) {
        return classOf(r.fileIndex, r.flowId, r.src, r.srcPort, r.dst, r.dstPort, r.protocol,
                       label);
    }
    std::int32_t classOf(const FlowVerdict& f, const std::string*& label) {
        return classOf(f.fileIndex, f.flowId, f.src, f.srcPort, f.dst, f.dstPort, f.protocol,
                       label);
    }

  private:
    std::int32_t indexOf(const std::optional<std::string>& label) const;

    const GroundTruth* truth_;
    std::map<std::string, std::size_t> classIndex_;
    std::vector<std::string> files_;
    std::vector<std::optional<std::string>> fileLabels_;  // per file, for file-level schemes
    std::vector<std::int32_t> fileTruth_;                 // their class indices
    // The last per-flow answer.
    bool cached_ = false;
    std::uint32_t cachedFile_ = 0;
    std::uint32_t cachedFlow_ = 0;
    std::int32_t cachedIndex_ = kNoLabel;
    std::optional<std::string> cachedLabel_;
};

}  // namespace deeppacket

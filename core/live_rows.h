#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

#include "core/inference_engine.h"
#include "core/prediction_rows.h"

namespace deeppacket {

// What a live view shows at one moment: a plain value, handed across threads.
struct LiveRowsSnapshot {
    std::vector<PacketResult> packets;  // the newest packets, oldest first
    std::uint64_t firstPacket = 0;      // index in the run of packets[0]
    std::uint64_t packetsSeen = 0;      // every packet classified so far
    // Every flow so far by flow id, the open ones with their verdict so far.
    std::vector<FlowResult> flows;
    std::uint64_t openFlows = 0;
    std::vector<std::uint64_t> packetsPerClass;  // over every packet seen
    std::vector<std::uint64_t> flowsPerClass;    // by each flow's verdict, final or so far
    std::int64_t firstTimestampNs = 0;           // of the run's first packet
};

// Keeps what a live view of a capture shows, with bounded memory for packets: the newest
// `keepPackets` packets (older ones fall out, as in a ring), and a summary of every flow, its
// verdict refined as the engine hands out its verdicts so far (InferenceOptions::flowUpdates)
// and replaced by the final one when the flow is over. Fed on the engine's thread; snapshot()
// copies out what a view needs on that thread too.
class LiveRows final : public PredictionSink {
  public:
    LiveRows(std::size_t classes, std::size_t keepPackets);

    void packets(const PacketBatch& batch, const BatchPredictions& predictions) override;
    void flows(const std::vector<FlowVerdict>& flows) override;
    void flowUpdates(const std::vector<FlowVerdict>& flows) override;

    LiveRowsSnapshot snapshot() const;
    // Whether anything arrived since the last snapshot().
    bool changed() const { return changed_; }
    std::size_t keepPackets() const { return keepPackets_; }

  private:
    void store(const FlowVerdict& verdict, bool open);

    std::size_t classes_;
    std::size_t keepPackets_;
    std::deque<PacketResult> packets_;
    std::uint64_t packetsSeen_ = 0;
    std::vector<std::uint64_t> packetsPerClass_;
    std::vector<FlowResult> flows_;  // by flow id
    std::int64_t firstTimestampNs_ = 0;
    mutable bool changed_ = false;
};

}  // namespace deeppacket

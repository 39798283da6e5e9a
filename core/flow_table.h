#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/flow_key.h"

namespace deeppacket {

// A flow whose last packet is this long before the newest packet of its capture file is over:
// a later packet of the same 5-tuple starts a new flow (a new session), as flow meters do. It
// bounds the flows kept open, and so the memory of a run, by the traffic of a quarter of an
// hour instead of by the size of the capture.
inline constexpr std::int64_t kFlowIdleTimeoutNs = std::int64_t{15} * 60 * 1'000'000'000;

// At most this many flows are open at once. A capture with more live flows (a scan or a DNS
// flood: two million one-packet flows within seconds) has its least recently seen flows closed
// early, half the budget at a time: a later packet of theirs starts a new flow, and the verdict
// of the closed one is written at once. Each open flow costs several hundred bytes across the
// flow table and the verdicts, so this bounds that part of a run's memory to about 100 MB
// whatever the capture (docs/hardening.md has the figures).
inline constexpr std::size_t kMaxOpenFlows = std::size_t{1} << 17;

// Gives every bidirectional flow a dense id in order of first appearance. Flows belong to one
// capture file: the same 5-tuple in two files is two flows (two sessions), so the keys are
// forgotten at each new file while ids keep counting, which keeps them unique over a whole run.
// Flows idle beyond kFlowIdleTimeoutNs are forgotten too (see above). "Now" is the newest
// timestamp of the file so far, so captures with slightly unordered timestamps split nothing.
//
// An open-addressing table in one array rather than a node per flow: the inference engine frees
// large tensor buffers after every batch, and a small long-lived allocation per new flow lands in
// those holes, pins them, and makes the heap grow with the number of flows (measured: 530 MB
// instead of 180 MB for a 50 MB capture of 2,400 flows). One array grows by doubling instead.
class FlowTable {
  public:
    explicit FlowTable(std::size_t maxOpenFlows = kMaxOpenFlows);
    std::uint32_t idOf(const DecodedPacket& packet, std::int64_t timestampNs);
    void startFile();
    // Whether the ids of flows closed early are kept for takeClosedEarly() (off by default:
    // only a consumer that holds per-flow state needs them).
    void keepClosedIds(bool keep) { keepClosedIds_ = keep; }
    // The ids of the flows closed early (over the budget) since the last call, in no order. No
    // packet after the one that closed them carries these ids.
    std::vector<std::uint32_t> takeClosedEarly();

    std::uint64_t flowsInFile() const { return flowsInFile_; }  // ids given in this file
    std::uint32_t flowsSeen() const { return nextId_; }
    std::uint64_t openFlows() const { return used_; }  // not yet forgotten
    std::uint64_t closedEarlyInFile() const { return closedEarlyInFile_; }

  private:
    struct Slot {
        FlowKey key;
        std::int64_t lastSeenNs = 0;
        std::uint32_t id = 0;
        bool used = false;
    };
    // Rebuilds the array with the flows still open, sized for them.
    void rebuild(std::size_t capacity);
    // Closes the least recently seen flows until half the budget is open.
    void closeLeastRecent();

    std::vector<Slot> slots_;  // a power of two, at most half full
    std::size_t maxOpenFlows_;
    std::vector<std::uint32_t> closedEarly_;
    bool keepClosedIds_ = false;
    std::uint64_t closedEarlyInFile_ = 0;
    std::uint64_t used_ = 0;
    std::uint64_t flowsInFile_ = 0;
    std::uint32_t nextId_ = 0;
    bool started_ = false;    // a packet of this file has been seen
    std::int64_t nowNs_ = 0;  // newest timestamp of this file
    std::int64_t nextSweepNs_ = 0;
};

}  // namespace deeppacket

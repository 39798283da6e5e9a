#pragma once

#include <cstdint>
#include <unordered_map>

#include "core/flow_key.h"

namespace deeppacket {

// Gives every bidirectional flow a dense id in order of first appearance. Flows belong to one
// capture file: the same 5-tuple in two files is two flows (two sessions), so the keys are
// forgotten at each new file while ids keep counting, which keeps them unique over a whole run
// and keeps memory bounded by the flows of one file.
class FlowTable {
  public:
    std::uint32_t idOf(const DecodedPacket& packet);
    void startFile() { ids_.clear(); }

    std::uint64_t flowsInFile() const { return ids_.size(); }
    std::uint32_t flowsSeen() const { return nextId_; }

  private:
    std::unordered_map<FlowKey, std::uint32_t, FlowKeyHash> ids_;
    std::uint32_t nextId_ = 0;
};

}  // namespace deeppacket

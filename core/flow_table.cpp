#include "core/flow_table.h"

namespace deeppacket {

std::uint32_t FlowTable::idOf(const DecodedPacket& packet) {
    const auto [it, inserted] = ids_.try_emplace(FlowKey::of(packet), nextId_);
    if (inserted) {
        ++nextId_;
    }
    return it->second;
}

}  // namespace deeppacket

#include "core/flow_table.h"

#include <utility>

namespace deeppacket {
namespace {

constexpr std::size_t kInitialSlots = 1024;

}  // namespace

FlowTable::FlowTable() : slots_(kInitialSlots) {}

void FlowTable::startFile() {
    // A fresh small array: a file with a million flows does not keep its table for the next.
    std::vector<Slot>(kInitialSlots).swap(slots_);
    used_ = 0;
}

std::uint32_t FlowTable::idOf(const DecodedPacket& packet) {
    const FlowKey key = FlowKey::of(packet);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = FlowKeyHash{}(key)&mask;
    while (slots_[i].used) {
        if (slots_[i].key == key) {
            return slots_[i].id;
        }
        i = (i + 1) & mask;  // linear probing
    }
    slots_[i] = {key, nextId_, true};
    ++used_;
    if (used_ * 2 > slots_.size()) {
        grow();
    }
    return nextId_++;
}

void FlowTable::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (Slot& s : old) {
        if (!s.used) {
            continue;
        }
        std::size_t i = FlowKeyHash{}(s.key) & mask;
        while (slots_[i].used) {
            i = (i + 1) & mask;
        }
        slots_[i] = std::move(s);
    }
}

}  // namespace deeppacket

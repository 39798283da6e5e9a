#include "core/flow_table.h"

#include <algorithm>

namespace deeppacket {
namespace {

constexpr std::size_t kInitialSlots = 1024;

}  // namespace

FlowTable::FlowTable(std::size_t maxOpenFlows)
    : slots_(kInitialSlots), maxOpenFlows_(std::max<std::size_t>(2, maxOpenFlows)) {}

std::vector<std::uint32_t> FlowTable::takeClosedEarly() {
    std::vector<std::uint32_t> out;
    out.swap(closedEarly_);
    return out;
}

void FlowTable::startFile() {
    // A fresh small array: a file with a million flows does not keep its table for the next.
    std::vector<Slot>(kInitialSlots).swap(slots_);
    used_ = 0;
    flowsInFile_ = 0;
    closedEarlyInFile_ = 0;
    started_ = false;
}

std::uint32_t FlowTable::idOf(const DecodedPacket& packet, std::int64_t timestampNs) {
    if (!started_ || timestampNs > nowNs_) {
        nowNs_ = timestampNs;
    }
    if (!started_) {
        started_ = true;
        nextSweepNs_ = nowNs_ + kFlowIdleTimeoutNs;
    }
    if (nowNs_ >= nextSweepNs_) {
        // Forget the flows that are over, once per timeout of capture time: the table then
        // holds the flows of at most two timeouts.
        nextSweepNs_ = nowNs_ + kFlowIdleTimeoutNs;
        rebuild(slots_.size());
    }

    const FlowKey key = FlowKey::of(packet);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = FlowKeyHash{}(key)&mask;
    while (slots_[i].used) {
        Slot& s = slots_[i];
        if (s.key == key) {
            if (nowNs_ - s.lastSeenNs > kFlowIdleTimeoutNs) {
                s.id = nextId_++;  // the old flow is over: a new session of the same 5-tuple
                ++flowsInFile_;
                s.lastSeenNs = timestampNs;
            } else {
                s.lastSeenNs = std::max(s.lastSeenNs, timestampNs);
            }
            return s.id;
        }
        i = (i + 1) & mask;  // linear probing
    }
    slots_[i] = {key, timestampNs, nextId_, true};
    ++used_;
    ++flowsInFile_;
    const std::uint32_t id = nextId_++;
    if (used_ > maxOpenFlows_) {
        closeLeastRecent();
    } else if (used_ * 2 > slots_.size()) {
        rebuild(slots_.size() * 2);
    }
    return id;
}

void FlowTable::closeLeastRecent() {
    std::vector<std::pair<std::int64_t, std::size_t>> byAge;  // (last seen, slot)
    byAge.reserve(used_);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        if (slots_[i].used) {
            byAge.emplace_back(slots_[i].lastSeenNs, i);
        }
    }
    const std::size_t closing = byAge.size() - maxOpenFlows_ / 2;
    std::nth_element(byAge.begin(), byAge.begin() + static_cast<std::ptrdiff_t>(closing),
                     byAge.end());
    for (std::size_t k = 0; k < closing; ++k) {
        Slot& s = slots_[byAge[k].second];
        if (keepClosedIds_) {
            closedEarly_.push_back(s.id);
        }
        s.used = false;
    }
    closedEarlyInFile_ += closing;
    rebuild(slots_.size());  // open addressing: the remaining flows are placed anew
}

void FlowTable::rebuild(std::size_t capacity) {
    std::vector<Slot> old;
    old.swap(slots_);
    std::uint64_t open = 0;
    for (const Slot& s : old) {
        open += s.used && nowNs_ - s.lastSeenNs <= kFlowIdleTimeoutNs ? 1 : 0;
    }
    // Shrinks too, when most flows are over.
    while (capacity > kInitialSlots && open * 4 < capacity) {
        capacity /= 2;
    }
    while (open * 2 > capacity) {
        capacity *= 2;
    }
    slots_.assign(capacity, Slot{});
    used_ = 0;
    const std::size_t mask = capacity - 1;
    for (const Slot& s : old) {
        if (!s.used || nowNs_ - s.lastSeenNs > kFlowIdleTimeoutNs) {
            continue;
        }
        std::size_t i = FlowKeyHash{}(s.key) & mask;
        while (slots_[i].used) {
            i = (i + 1) & mask;
        }
        slots_[i] = s;
        ++used_;
    }
}

}  // namespace deeppacket

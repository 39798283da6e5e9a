#pragma once

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "core/packet_record.h"

namespace deeppacket {

struct Dataset;

// A set of packets named by file and frame number: which packets of the captures form a
// training run's test split, so that the app can show exactly those again, read afresh from
// the captures with their addresses and times.
class PacketSelection {
  public:
    PacketSelection() = default;
    // The packets of `dataset` at `indices`.
    PacketSelection(const Dataset& dataset, const std::vector<std::size_t>& indices);

    bool contains(const PacketRecord& record) const {
        return keys_.count(key(record.fileIndex, record.number)) != 0;
    }
    std::size_t size() const { return keys_.size(); }

  private:
    // Frame numbers stay far below 2^40 (a trillion frames in one file).
    static std::uint64_t key(std::uint32_t file, std::uint64_t number) {
        return (static_cast<std::uint64_t>(file) << 40) | number;
    }
    std::unordered_set<std::uint64_t> keys_;
};

}  // namespace deeppacket

#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/packet_record.h"

namespace deeppacket {

// A batch of kept packets: their byte vectors in one contiguous row-major block
// (size() x vectorLength(), ready to become a tensor) and their records. The storage is
// allocated once for the capacity and reused, so streaming a capture allocates nothing per packet.
class PacketBatch {
  public:
    PacketBatch(std::size_t vectorLength, std::size_t capacity);

    std::size_t size() const { return records_.size(); }
    std::size_t capacity() const { return capacity_; }
    std::size_t vectorLength() const { return vectorLength_; }
    bool empty() const { return records_.empty(); }
    bool full() const { return records_.size() == capacity_; }

    const std::uint8_t* vectors() const { return vectors_.get(); }
    const std::uint8_t* vector(std::size_t i) const { return vectors_.get() + i * vectorLength_; }
    const std::vector<PacketRecord>& records() const { return records_; }

    void clear() { records_.clear(); }
    // Adds a packet and returns its vector's storage (vectorLength() bytes) for the caller to
    // fill. The batch must not be full.
    std::uint8_t* append(const PacketRecord& record);

  private:
    std::size_t vectorLength_;
    std::size_t capacity_;
    std::unique_ptr<std::uint8_t[]> vectors_;
    std::vector<PacketRecord> records_;
};

}  // namespace deeppacket

#include "core/packet_batch.h"

#include <stdexcept>

namespace deeppacket {

PacketBatch::PacketBatch(std::size_t vectorLength, std::size_t capacity)
    : vectorLength_(vectorLength),
      capacity_(capacity),
      vectors_(new std::uint8_t[vectorLength * capacity]) {
    if (vectorLength == 0 || capacity == 0) {
        throw std::invalid_argument("a packet batch needs a vector length and a capacity");
    }
    records_.reserve(capacity);
}

std::uint8_t* PacketBatch::append(const PacketRecord& record) {
    if (full()) {
        throw std::logic_error("append to a full packet batch");
    }
    std::uint8_t* slot = vectors_.get() + records_.size() * vectorLength_;
    records_.push_back(record);
    return slot;
}

}  // namespace deeppacket

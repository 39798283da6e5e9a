#include "core/packet_selection.h"

#include "core/dataset.h"

namespace deeppacket {

PacketSelection::PacketSelection(const Dataset& dataset, const std::vector<std::size_t>& indices) {
    keys_.reserve(indices.size());
    for (std::size_t i : indices) {
        keys_.insert(key(dataset.fileIndex[i], dataset.numbers[i]));
    }
}

}  // namespace deeppacket

#include "core/truth_lookup.h"

namespace deeppacket {

TruthLookup::TruthLookup(const GroundTruth* truth, const std::vector<std::string>& classes)
    : truth_(truth) {
    for (std::size_t i = 0; i < classes.size(); ++i) {
        classIndex_[classes[i]] = i;
    }
}

std::int32_t TruthLookup::indexOf(const std::optional<std::string>& label) const {
    if (!label) {
        return kNoLabel;
    }
    const auto it = classIndex_.find(*label);
    return it == classIndex_.end() ? kUnknownLabel : static_cast<std::int32_t>(it->second);
}

void TruthLookup::begin(const std::vector<std::string>& files) {
    files_ = files;
    fileLabels_.clear();
    fileTruth_.clear();
    cached_ = false;
    if (truth_ == nullptr || truth_->perFlow()) {
        return;
    }
    for (const auto& file : files_) {
        fileLabels_.push_back(truth_->labelOfFile(file));
        fileTruth_.push_back(indexOf(fileLabels_.back()));
    }
}

std::int32_t TruthLookup::classOf(std::uint32_t fileIndex, std::uint32_t flowId,
                                  const IpAddress& src, std::uint16_t srcPort, const IpAddress& dst,
                                  std::uint16_t dstPort, std::uint8_t protocol,
                                  const std::string*& label) {
    label = nullptr;
    if (truth_ == nullptr) {
        return kNoLabel;
    }
    if (!truth_->perFlow()) {
        if (fileLabels_[fileIndex]) {
            label = &*fileLabels_[fileIndex];
        }
        return fileTruth_[fileIndex];
    }
    if (!cached_ || cachedFile_ != fileIndex || cachedFlow_ != flowId) {
        cachedLabel_ = truth_->labelOfFlow(files_[fileIndex],
                                           FlowKey::of(src, srcPort, dst, dstPort, protocol));
        cachedIndex_ = indexOf(cachedLabel_);
        cachedFile_ = fileIndex;
        cachedFlow_ = flowId;
        cached_ = true;
    }
    if (cachedLabel_) {
        label = &*cachedLabel_;
    }
    return cachedIndex_;
}

}  // namespace deeppacket

#include "core/prediction_recorder.h"

#include <cstdio>

#include "core/packet_csv.h"

namespace deeppacket {
namespace {

void appendNumber(std::string& out, float value) {
    char text[16];
    std::snprintf(text, sizeof text, "%.4f", static_cast<double>(value));
    out += text;
}

std::string optionalColumns(const std::vector<std::string>& classes, bool truth,
                            bool probabilities) {
    std::string out = truth ? ",truth" : "";
    if (probabilities) {
        for (const auto& c : classes) {
            out += "," + csvField("p_" + c);
        }
    }
    return out + "\n";
}

// The columns shared by packet and flow rows: endpoints and protocol.
void appendEndpoints(std::string& out, const IpAddress& src, std::uint16_t srcPort,
                     const IpAddress& dst, std::uint16_t dstPort, std::uint8_t protocol) {
    out += src.toString();
    out += ',';
    out += std::to_string(srcPort);
    out += ',';
    out += dst.toString();
    out += ',';
    out += std::to_string(dstPort);
    out += ',';
    out += protocolName(protocol);
    out += ',';
}

void appendVerdict(std::string& out, const std::string& label, float confidence,
                   const std::string* truth, const std::string* secondLabel = nullptr,
                   float secondConfidence = 0) {
    out += csvField(label);
    out += ',';
    appendNumber(out, confidence);
    if (secondLabel != nullptr) {
        out += ',';
        out += csvField(*secondLabel);
        out += ',';
        appendNumber(out, secondConfidence);
    }
    if (truth != nullptr) {
        out += ',';
        out += csvField(*truth);
    }
}

}  // namespace

std::string packetCsvHeader(const std::vector<std::string>& classes, bool truth, bool probabilities,
                            bool flowModel) {
    return std::string(
               "file,number,timestamp,src,src_port,dst,dst_port,protocol,length,flow_id,"
               "label,confidence") +
           (flowModel ? ",flow_label,flow_confidence" : "") +
           optionalColumns(classes, truth, probabilities);
}

std::string flowCsvHeader(const std::vector<std::string>& classes, bool truth, bool probabilities,
                          bool flowModel) {
    return std::string(
               "flow_id,file,src,src_port,dst,dst_port,protocol,packets,bytes,first,last,"
               "label,confidence") +
           (flowModel ? ",packet_vote,packet_vote_confidence" : "") +
           optionalColumns(classes, truth, probabilities);
}

void appendPacketCsvRow(std::string& out, const std::string& quotedFile, const PacketRecord& r,
                        const std::string& label, float confidence, const std::string* truth,
                        const float* probabilities, std::size_t classes,
                        const std::string* flowLabel, float flowConfidence) {
    out += quotedFile;
    out += ',';
    out += std::to_string(r.number);
    out += ',';
    out += formatTimestamp(r.timestampNs);
    out += ',';
    appendEndpoints(out, r.src, r.srcPort, r.dst, r.dstPort, r.protocol);
    out += std::to_string(r.wireLength);
    out += ',';
    out += std::to_string(r.flowId);
    out += ',';
    appendVerdict(out, label, confidence, truth, flowLabel, flowConfidence);
    if (probabilities != nullptr) {
        for (std::size_t c = 0; c < classes; ++c) {
            out += ',';
            appendNumber(out, probabilities[c]);
        }
    }
    out += '\n';
}

void appendFlowCsvRow(std::string& out, const std::string& quotedFile, const FlowVerdict& f,
                      const std::string& label, const std::string* truth,
                      const std::string* voteLabel) {
    out += std::to_string(f.flowId);
    out += ',';
    out += quotedFile;
    out += ',';
    appendEndpoints(out, f.src, f.srcPort, f.dst, f.dstPort, f.protocol);
    out += std::to_string(f.packets);
    out += ',';
    out += std::to_string(f.bytes);
    out += ',';
    out += formatTimestamp(f.firstTimestampNs);
    out += ',';
    out += formatTimestamp(f.lastTimestampNs);
    out += ',';
    appendVerdict(out, label, f.confidence, truth, voteLabel, f.voteConfidence);
    for (float p : f.probabilities) {
        out += ',';
        appendNumber(out, p);
    }
    out += '\n';
}

PredictionRecorder::PredictionRecorder(std::vector<std::string> classes, const GroundTruth* truth,
                                       const Outputs& outputs)
    : classes_(std::move(classes)),
      truth_(truth),
      probabilities_(outputs.probabilities),
      keepRows_(outputs.keepRows),
      flowModel_(outputs.flowModel),
      packetConfusion_(classes_),
      flowConfusion_(classes_) {
    for (std::size_t i = 0; i < classes_.size(); ++i) {
        classIndex_[classes_[i]] = i;
    }
    const bool withTruth = truth_ != nullptr;
    if (!outputs.packetsCsv.empty()) {
        packetsFile_ = std::make_unique<AtomicFile>(outputs.packetsCsv);
        packetsFile_->write(packetCsvHeader(classes_, withTruth, probabilities_, flowModel_));
    }
    if (!outputs.flowsCsv.empty()) {
        flowsFile_ = std::make_unique<AtomicFile>(outputs.flowsCsv);
        flowsFile_->write(flowCsvHeader(classes_, withTruth, probabilities_, flowModel_));
    }
}

PredictionRecorder::~PredictionRecorder() = default;

void PredictionRecorder::begin(const std::vector<std::string>& files) {
    files_ = files;
    quotedFiles_.clear();
    fileLabels_.clear();
    fileTruth_.clear();
    for (const auto& file : files_) {
        quotedFiles_.push_back(csvField(file));
        if (truth_ != nullptr && !truth_->perFlow()) {
            const std::optional<std::string> label = truth_->labelOfFile(file);
            const auto it = label ? classIndex_.find(*label) : classIndex_.end();
            fileLabels_.push_back(label);
            fileTruth_.push_back(!label                    ? kNoLabel
                                 : it == classIndex_.end() ? kUnknownLabel
                                                           : static_cast<std::int32_t>(it->second));
        }
    }
}

std::int32_t PredictionRecorder::truthOf(std::uint32_t fileIndex, const IpAddress& src,
                                         std::uint16_t srcPort, const IpAddress& dst,
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
    flowLabel_ =
        truth_->labelOfFlow(files_[fileIndex], FlowKey::of(src, srcPort, dst, dstPort, protocol));
    if (!flowLabel_) {
        return kNoLabel;
    }
    label = &*flowLabel_;
    const auto it = classIndex_.find(*flowLabel_);
    return it == classIndex_.end() ? kUnknownLabel : static_cast<std::int32_t>(it->second);
}

void PredictionRecorder::packets(const PacketBatch& batch, const BatchPredictions& predictions) {
    const std::size_t classes = classes_.size();
    buffer_.clear();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const PacketRecord& r = batch.records()[i];
        const std::string* truth = nullptr;
        const std::int32_t truthIndex =
            truthOf(r.fileIndex, r.src, r.srcPort, r.dst, r.dstPort, r.protocol, truth);
        if (truthIndex >= 0) {
            packetConfusion_.add(static_cast<std::size_t>(truthIndex), predictions.classIndex[i]);
        } else if (truthIndex == kUnknownLabel) {
            ++unknownLabels_[*truth];
        } else if (truth_ != nullptr) {
            ++unlabeledPackets_;
        }
        const bool flowVerdict = flowModel_ && i < predictions.flowClassIndex.size();
        if (keepRows_) {
            PacketResult row{r, predictions.classIndex[i], predictions.confidence[i], truthIndex};
            if (flowVerdict) {
                row.flowClassIndex = static_cast<std::int32_t>(predictions.flowClassIndex[i]);
                row.flowConfidence = predictions.flowConfidence[i];
            }
            packetRows_.push_back(row);
        }
        if (packetsFile_) {
            static const std::string kNone;
            appendPacketCsvRow(buffer_, quotedFiles_[r.fileIndex], r,
                               classes_[predictions.classIndex[i]], predictions.confidence[i],
                               truth_ == nullptr  ? nullptr
                               : truth != nullptr ? truth
                                                  : &kNone,
                               probabilities_ && !predictions.probabilities.empty()
                                   ? predictions.probabilities.data() + i * classes
                                   : nullptr,
                               classes,
                               flowVerdict ? &classes_[predictions.flowClassIndex[i]] : nullptr,
                               flowVerdict ? predictions.flowConfidence[i] : 0.0f);
        }
    }
    if (packetsFile_) {
        packetsFile_->write(buffer_);
    }
}

void PredictionRecorder::flows(const std::vector<FlowVerdict>& flows) {
    buffer_.clear();
    for (const auto& f : flows) {
        const std::string* truth = nullptr;
        const std::int32_t truthIndex =
            truthOf(f.fileIndex, f.src, f.srcPort, f.dst, f.dstPort, f.protocol, truth);
        if (truthIndex >= 0) {
            flowConfusion_.add(static_cast<std::size_t>(truthIndex), f.classIndex);
        } else if (truth_ != nullptr) {
            ++unlabeledFlows_;
        }
        if (keepRows_) {
            flowRows_.push_back({f, truthIndex});
        }
        if (flowsFile_) {
            static const std::string kNone;
            appendFlowCsvRow(buffer_, quotedFiles_[f.fileIndex], f, classes_[f.classIndex],
                             truth_ == nullptr  ? nullptr
                             : truth != nullptr ? truth
                                                : &kNone,
                             flowModel_ ? &classes_[f.voteClassIndex] : nullptr);
        }
    }
    if (flowsFile_) {
        flowsFile_->write(buffer_);
    }
}

void PredictionRecorder::commit() {
    if (packetsFile_) {
        packetsFile_->commit();
    }
    if (flowsFile_) {
        flowsFile_->commit();
    }
}

}  // namespace deeppacket

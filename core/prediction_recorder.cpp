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

std::string probabilityColumns(const std::vector<std::string>& classes) {
    std::string out;
    for (const auto& c : classes) {
        out += "," + csvField("p_" + c);
    }
    return out;
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

}  // namespace

PredictionRecorder::PredictionRecorder(std::vector<std::string> files,
                                       std::vector<std::string> classes, const GroundTruth* truth,
                                       const Outputs& outputs)
    : files_(std::move(files)),
      classes_(std::move(classes)),
      truth_(truth),
      probabilities_(outputs.probabilities),
      packetConfusion_(classes_),
      flowConfusion_(classes_) {
    for (std::size_t i = 0; i < classes_.size(); ++i) {
        classIndex_[classes_[i]] = i;
    }
    for (const auto& file : files_) {
        quotedFiles_.push_back(csvField(file));
        if (truth_ != nullptr && !truth_->perFlow()) {
            fileLabels_.push_back(truth_->labelOfFile(file));
        }
    }
    const std::string truthColumn = truth_ != nullptr ? ",truth" : "";
    const std::string probabilityHeader = probabilities_ ? probabilityColumns(classes_) : "";
    if (!outputs.packetsCsv.empty()) {
        packetsFile_ = std::make_unique<AtomicFile>(outputs.packetsCsv);
        packetsFile_->write(
            "file,number,timestamp,src,src_port,dst,dst_port,protocol,length,"
            "flow_id,label,confidence" +
            truthColumn + probabilityHeader + "\n");
    }
    if (!outputs.flowsCsv.empty()) {
        flowsFile_ = std::make_unique<AtomicFile>(outputs.flowsCsv);
        flowsFile_->write(
            "flow_id,file,src,src_port,dst,dst_port,protocol,packets,bytes,first,"
            "last,label,confidence" +
            truthColumn + probabilityHeader + "\n");
    }
}

PredictionRecorder::~PredictionRecorder() = default;

std::optional<std::string> PredictionRecorder::labelOf(std::uint32_t fileIndex,
                                                       const FlowKey& flow) const {
    if (truth_ == nullptr) {
        return std::nullopt;
    }
    return truth_->perFlow() ? truth_->labelOfFlow(files_[fileIndex], flow)
                             : fileLabels_[fileIndex];
}

bool PredictionRecorder::score(ConfusionMatrix& matrix, const std::optional<std::string>& label,
                               std::uint32_t predicted) {
    if (!label) {
        return false;
    }
    const auto it = classIndex_.find(*label);
    if (it == classIndex_.end()) {
        return false;
    }
    matrix.add(it->second, predicted);
    return true;
}

void PredictionRecorder::packets(const PacketBatch& batch, const BatchPredictions& predictions) {
    const std::size_t classes = classes_.size();
    buffer_.clear();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const PacketRecord& r = batch.records()[i];
        std::optional<std::string> truth;
        if (truth_ != nullptr) {
            truth =
                labelOf(r.fileIndex, FlowKey::of(r.src, r.srcPort, r.dst, r.dstPort, r.protocol));
            if (!score(packetConfusion_, truth, predictions.classIndex[i])) {
                if (truth) {
                    ++unknownLabels_[*truth];
                } else {
                    ++unlabeledPackets_;
                }
            }
        }
        if (!packetsFile_) {
            continue;
        }
        buffer_ += quotedFiles_[r.fileIndex];
        buffer_ += ',';
        buffer_ += std::to_string(r.number);
        buffer_ += ',';
        buffer_ += formatTimestamp(r.timestampNs);
        buffer_ += ',';
        appendEndpoints(buffer_, r.src, r.srcPort, r.dst, r.dstPort, r.protocol);
        buffer_ += std::to_string(r.wireLength);
        buffer_ += ',';
        buffer_ += std::to_string(r.flowId);
        buffer_ += ',';
        buffer_ += csvField(classes_[predictions.classIndex[i]]);
        buffer_ += ',';
        appendNumber(buffer_, predictions.confidence[i]);
        if (truth_ != nullptr) {
            buffer_ += ',';
            buffer_ += truth ? csvField(*truth) : "";
        }
        if (probabilities_ && !predictions.probabilities.empty()) {
            for (std::size_t c = 0; c < classes; ++c) {
                buffer_ += ',';
                appendNumber(buffer_, predictions.probabilities[i * classes + c]);
            }
        }
        buffer_ += '\n';
    }
    if (packetsFile_) {
        packetsFile_->write(buffer_);
    }
}

void PredictionRecorder::flows(const std::vector<FlowVerdict>& flows) {
    buffer_.clear();
    for (const auto& f : flows) {
        std::optional<std::string> truth;
        if (truth_ != nullptr) {
            truth =
                labelOf(f.fileIndex, FlowKey::of(f.src, f.srcPort, f.dst, f.dstPort, f.protocol));
            if (!score(flowConfusion_, truth, f.classIndex)) {
                ++unlabeledFlows_;
            }
        }
        if (!flowsFile_) {
            continue;
        }
        buffer_ += std::to_string(f.flowId);
        buffer_ += ',';
        buffer_ += quotedFiles_[f.fileIndex];
        buffer_ += ',';
        appendEndpoints(buffer_, f.src, f.srcPort, f.dst, f.dstPort, f.protocol);
        buffer_ += std::to_string(f.packets);
        buffer_ += ',';
        buffer_ += std::to_string(f.bytes);
        buffer_ += ',';
        buffer_ += formatTimestamp(f.firstTimestampNs);
        buffer_ += ',';
        buffer_ += formatTimestamp(f.lastTimestampNs);
        buffer_ += ',';
        buffer_ += csvField(classes_[f.classIndex]);
        buffer_ += ',';
        appendNumber(buffer_, f.confidence);
        if (truth_ != nullptr) {
            buffer_ += ',';
            buffer_ += truth ? csvField(*truth) : "";
        }
        if (probabilities_) {
            for (float p : f.probabilities) {
                buffer_ += ',';
                appendNumber(buffer_, p);
            }
        }
        buffer_ += '\n';
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

#include "core/prediction_csv.h"

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

PredictionCsvWriter::PredictionCsvWriter(std::vector<std::string> classes, TruthLookup& truth,
                                         const Paths& paths, bool probabilities, bool flowModel)
    : classes_(std::move(classes)),
      truth_(truth),
      probabilities_(probabilities),
      flowModel_(flowModel) {
    if (!paths.packetsCsv.empty()) {
        packetsFile_ = std::make_unique<AtomicFile>(paths.packetsCsv);
        packetsFile_->write(
            packetCsvHeader(classes_, truth_.hasTruth(), probabilities_, flowModel_));
    }
    if (!paths.flowsCsv.empty()) {
        flowsFile_ = std::make_unique<AtomicFile>(paths.flowsCsv);
        flowsFile_->write(flowCsvHeader(classes_, truth_.hasTruth(), probabilities_, flowModel_));
    }
}

PredictionCsvWriter::~PredictionCsvWriter() = default;

void PredictionCsvWriter::begin(const std::vector<std::string>& files) {
    quotedFiles_.clear();
    for (const auto& file : files) {
        quotedFiles_.push_back(csvField(file));
    }
}

// The truth column's text: none without a ground truth, empty for an unlabelled row.
const std::string* PredictionCsvWriter::truthText(const std::string* label) const {
    static const std::string kNone;
    return !truth_.hasTruth() ? nullptr : label != nullptr ? label : &kNone;
}

void PredictionCsvWriter::packets(const PacketBatch& batch, const BatchPredictions& predictions) {
    if (!packetsFile_) {
        return;
    }
    const std::size_t classes = classes_.size();
    buffer_.clear();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const PacketRecord& r = batch.records()[i];
        const std::string* label = nullptr;
        truth_.classOf(r, label);
        const bool flowVerdict = flowModel_ && i < predictions.flowClassIndex.size();
        appendPacketCsvRow(
            buffer_, quotedFiles_[r.fileIndex], r, classes_[predictions.classIndex[i]],
            predictions.confidence[i], truthText(label),
            probabilities_ && !predictions.probabilities.empty()
                ? predictions.probabilities.data() + i * classes
                : nullptr,
            classes, flowVerdict ? &classes_[predictions.flowClassIndex[i]] : nullptr,
            flowVerdict ? predictions.flowConfidence[i] : 0.0f);
    }
    packetsFile_->write(buffer_);
}

void PredictionCsvWriter::flows(const std::vector<FlowVerdict>& flows) {
    if (!flowsFile_) {
        return;
    }
    buffer_.clear();
    for (const auto& f : flows) {
        const std::string* label = nullptr;
        truth_.classOf(f, label);
        appendFlowCsvRow(buffer_, quotedFiles_[f.fileIndex], f, classes_[f.classIndex],
                         truthText(label), flowModel_ ? &classes_[f.voteClassIndex] : nullptr);
    }
    flowsFile_->write(buffer_);
}

void PredictionCsvWriter::commit() {
    if (packetsFile_) {
        packetsFile_->commit();
    }
    if (flowsFile_) {
        flowsFile_->commit();
    }
}

}  // namespace deeppacket

#include "core/packet_stream.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "core/capture_reader.h"
#include "core/decoded_packet.h"
#include "core/live_capture.h"
#include "core/packet_decoder.h"
#include "core/packet_filter.h"
#include "core/vectorizer.h"

namespace deeppacket {

PacketStream::PacketStream(std::vector<std::string> files, PreprocessOptions options)
    : files_(std::move(files)), options_(options), reports_(files_.size()) {
    fileSizes_.reserve(files_.size());
    for (std::size_t i = 0; i < files_.size(); ++i) {
        reports_[i].path = files_[i];
        std::error_code ec;
        const auto size = std::filesystem::file_size(files_[i], ec);
        fileSizes_.push_back(ec ? 0 : static_cast<std::uint64_t>(size));
    }
}

PacketStream::PacketStream(LiveCapture& capture, LiveStreamOptions live, PreprocessOptions options)
    : files_{capture.interface()},
      options_(options),
      reports_(1),
      fileSizes_{0},
      live_(&capture),
      liveOptions_(std::move(live)) {
    reports_[0].path = capture.interface();
    reports_[0].format = "live";
    reports_[0].linkType = capture.linkType();
    flows_.startFile();
}

PacketStream::~PacketStream() = default;

bool PacketStream::openNextFile() {
    while (nextFile_ < files_.size()) {
        const std::size_t index = nextFile_++;
        try {
            reader_ = std::make_unique<CaptureReader>(files_[index]);
        } catch (const CaptureError& e) {
            reports_[index].error = e.what();
            bytesOfFinishedFiles_ += fileSizes_[index];
            continue;
        }
        current_ = index;
        reports_[index].format = reader_->format();
        reports_[index].linkType = reader_->linkType();
        flows_.startFile();
        return true;
    }
    return false;
}

void PacketStream::finishFile() {
    FileReport& report = reports_[current_];
    report.flows = flows_.flowsInFile();
    report.flowsClosedEarly = flows_.closedEarlyInFile();
    if (!reader_->warning().empty() && reader_->records() == 0) {
        // Nothing could be read at all (e.g. a pcapng whose interfaces have different link
        // types, which libpcap refuses): the file is unreadable, not empty.
        report.error = reader_->warning();
    } else if (!reader_->warning().empty()) {
        report.warnings.push_back(reader_->warning());
    }
    bytesOfFinishedFiles_ += fileSizes_[current_];
    reader_.reset();
}

bool PacketStream::take(const Frame& frame, int linkType, PacketBatch& batch) {
    FileReport& report = reports_[current_];
    if (frame.number == 1) {
        report.firstTimestampNs = frame.timestampNs;
    }
    report.lastTimestampNs = frame.timestampNs;
    ++packetsRead_;

    DecodedPacket packet;
    Disposition disposition = decodeFrame(linkType, frame, packet);
    if (disposition == Disposition::Kept) {
        disposition = applyPaperRules(packet, options_);
    }
    report.counts.add(disposition);
    if (disposition != Disposition::Kept) {
        return false;
    }
    ++packetsKept_;
    PacketRecord record;
    record.fileIndex = static_cast<std::uint32_t>(current_);
    record.number = frame.number;
    record.timestampNs = frame.timestampNs;
    record.wireLength = frame.wireLength;
    record.src = packet.src;
    record.dst = packet.dst;
    record.srcPort = packet.srcPort;
    record.dstPort = packet.dstPort;
    record.protocol = packet.protocol;
    record.tcpFlags = packet.tcpFlags;
    record.ipLength =
        static_cast<std::uint16_t>(std::min<std::uint32_t>(packet.totalLength, 65535));
    record.flowId = flows_.idOf(packet, frame.timestampNs);
    buildVector(packet, options_, batch.append(record));
    return true;
}

bool PacketStream::next(PacketBatch& batch) {
    if (batch.vectorLength() != options_.vectorLength) {
        throw std::invalid_argument("packet batch vector length differs from the options'");
    }
    if (live_ != nullptr) {
        return nextLive(batch);
    }
    batch.clear();
    Frame frame;
    while (!batch.full()) {
        if (!reader_ && !openNextFile()) {
            break;
        }
        if (!reader_->next(frame)) {
            finishFile();
            continue;
        }
        take(frame, reader_->linkType(), batch);
    }
    return !batch.empty();
}

bool PacketStream::nextLive(PacketBatch& batch) {
    using Clock = std::chrono::steady_clock;
    batch.clear();
    if (liveEnded_) {
        return false;
    }
    Frame frame;
    Clock::time_point first{};
    while (!batch.full()) {
        if (liveOptions_.stop && liveOptions_.stop()) {
            live_->stop();
        }
        const LiveCapture::Read read = live_->read(frame);
        if (read == LiveCapture::Read::Stopped) {
            liveEnded_ = true;
            reports_[0].flows = flows_.flowsInFile();
            reports_[0].flowsClosedEarly = flows_.closedEarlyInFile();
            break;
        }
        if (read == LiveCapture::Read::Idle) {
            return true;  // what there is (maybe nothing): the caller looks up between waits
        }
        if (liveOptions_.onFrame) {
            liveOptions_.onFrame(frame);
        }
        if (take(frame, live_->linkType(), batch) && batch.size() == 1) {
            first = Clock::now();
        }
        if (!batch.empty() && Clock::now() - first >= liveOptions_.maxBatchDelay) {
            break;
        }
    }
    return !batch.empty() || !liveEnded_;
}

StreamProgress PacketStream::progress() const {
    StreamProgress p;
    for (auto size : fileSizes_) {
        p.bytesTotal += size;
    }
    p.bytesDone = bytesOfFinishedFiles_ + (reader_ ? reader_->position() : 0);
    p.packetsRead = packetsRead_;
    p.packetsKept = packetsKept_;
    p.filesDone = reader_ ? current_ : nextFile_;
    for (const FileReport& report : reports_) {
        p.counts += report.counts;
    }
    return p;
}

}  // namespace deeppacket

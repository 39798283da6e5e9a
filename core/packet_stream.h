#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/capture_report.h"
#include "core/flow_table.h"
#include "core/packet_batch.h"
#include "core/preprocess_options.h"

namespace deeppacket {

class CaptureReader;
class LiveCapture;
struct Frame;

// How a stream reads a live capture.
struct LiveStreamOptions {
    // A batch is handed out this long after its first packet even when it is not full, so that
    // a quiet link shows results promptly.
    std::chrono::milliseconds maxBatchDelay{200};
    // Asked before every read: true ends the capture (a signal, a duration, a count).
    std::function<bool()> stop;
    // Every frame captured, before decoding (to keep the raw capture).
    std::function<void(const Frame&)> onFrame;
};

// How far a stream has got, for progress displays.
struct StreamProgress {
    std::uint64_t bytesDone = 0;  // of all input files together
    std::uint64_t bytesTotal = 0;
    std::uint64_t packetsRead = 0;
    std::uint64_t packetsKept = 0;
    std::size_t filesDone = 0;
    PacketCounts counts;  // every packet read so far, by what became of it
};

// The whole preprocessing pipeline over a list of captures: reads each file record by record,
// decodes, applies the paper's rules, builds vectors and assigns flow ids, and hands out the
// kept packets in batches. Memory stays bounded by one batch and one file's flow table, whatever
// the size of the captures. A file that cannot be opened is reported and skipped.
class PacketStream {
  public:
    PacketStream(std::vector<std::string> files, PreprocessOptions options);
    // A live capture as the stream's one "file" (named after the interface). next() then also
    // hands out a batch that is not full once it is maxBatchDelay old, and an empty batch when
    // the link was quiet for the capture's wait (so that the caller can check for a stop); it
    // returns false once the capture has stopped and everything is handed out.
    PacketStream(LiveCapture& capture, LiveStreamOptions live, PreprocessOptions options);
    ~PacketStream();
    PacketStream(const PacketStream&) = delete;
    PacketStream& operator=(const PacketStream&) = delete;

    // Clears `batch` and fills it with up to its capacity of kept packets. Returns false once
    // every file has been read and nothing was added. The batch's vector length must match the
    // options'.
    bool next(PacketBatch& batch);

    const std::vector<std::string>& files() const { return files_; }
    bool live() const { return live_ != nullptr; }
    const PreprocessOptions& options() const { return options_; }
    // One report per file, in input order; reports of files not reached yet are still empty.
    const std::vector<FileReport>& reports() const { return reports_; }
    StreamProgress progress() const;
    // Keeps the ids of the flows closed early (see kMaxOpenFlows) for takeClosedFlows().
    void keepClosedFlowIds() { flows_.keepClosedIds(true); }
    // The ids of the flows closed early since the last call: every packet of theirs has been
    // handed out already.
    std::vector<std::uint32_t> takeClosedFlows() { return flows_.takeClosedEarly(); }

  private:
    bool openNextFile();
    void finishFile();
    bool nextLive(PacketBatch& batch);
    // Decodes a frame of the current file and, when the paper's rules keep it, appends it to the
    // batch; true when kept.
    bool take(const Frame& frame, int linkType, PacketBatch& batch);

    std::vector<std::string> files_;
    PreprocessOptions options_;
    std::vector<FileReport> reports_;
    std::vector<std::uint64_t> fileSizes_;
    std::unique_ptr<CaptureReader> reader_;
    std::size_t nextFile_ = 0;
    std::size_t current_ = 0;  // index of the file being read, valid while reader_ is set
    FlowTable flows_;
    std::uint64_t bytesOfFinishedFiles_ = 0;
    std::uint64_t packetsRead_ = 0;
    std::uint64_t packetsKept_ = 0;
    LiveCapture* live_ = nullptr;
    LiveStreamOptions liveOptions_;
    bool liveEnded_ = false;
};

}  // namespace deeppacket

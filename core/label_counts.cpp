#include "core/label_counts.h"

#include <optional>

#include "core/flow_key.h"
#include "core/packet_batch.h"
#include "core/packet_stream.h"

namespace deeppacket {

LabelledPacketCounts countLabelledPackets(const std::vector<std::string>& files,
                                          const GroundTruth& truth,
                                          const PreprocessOptions& options,
                                          const std::atomic<bool>* cancel) {
    LabelledPacketCounts out;
    std::vector<std::optional<std::string>> fileLabels;
    for (const auto& file : files) {
        fileLabels.push_back(truth.perFlow() ? std::nullopt : truth.labelOfFile(file));
    }
    PacketStream stream(files, options);
    PacketBatch batch(options.vectorLength, 1024);
    while (stream.next(batch)) {
        if (cancel != nullptr && cancel->load()) {
            out.cancelled = true;
            break;
        }
        for (const PacketRecord& r : batch.records()) {
            const std::optional<std::string> label =
                truth.perFlow()
                    ? truth.labelOfFlow(files[r.fileIndex],
                                        FlowKey::of(r.src, r.srcPort, r.dst, r.dstPort, r.protocol))
                    : fileLabels[r.fileIndex];
            if (label) {
                ++out.perLabel[*label];
            } else {
                ++out.unlabelled;
            }
        }
    }
    out.files = stream.reports();
    return out;
}

}  // namespace deeppacket

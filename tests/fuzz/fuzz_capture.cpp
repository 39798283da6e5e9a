// Capture reading and preprocessing: libpcap, the decoder, the paper's rules, the vectorizer and
// the flow table, as `classify` runs them on a user's file. Every record libpcap hands out must
// get one disposition, and the kept packets must be the ones delivered. Then the app's details
// pane on the file's first frames: each read back by number, dissected, and its vector's parts
// mapped back to frame bytes that exist.
#include <cstdlib>
#include <vector>

#include "core/capture_reader.h"
#include "core/packet_dissection.h"
#include "core/packet_stream.h"
#include "core/vectorizer.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static deeppacket::fuzz::InputFile input(".pcap");
    const std::string& path = input.write(data, size);

    deeppacket::PreprocessOptions options;
    // Masking walks the headers a second time; the first input byte picks whether it runs.
    if (size > 0 && (data[0] & 1) != 0) {
        options.maskAll();
    }
    deeppacket::PacketStream stream({path}, options);
    deeppacket::PacketBatch batch(options.vectorLength, 32);
    std::uint64_t delivered = 0;
    while (stream.next(batch)) {
        delivered += batch.size();
    }
    const deeppacket::FileReport& report = stream.reports().at(0);
    if (report.counts.kept() != delivered || report.flows > report.counts.kept()) {
        std::abort();
    }

    const std::uint64_t frames = std::min<std::uint64_t>(report.counts.read(), 8);
    for (std::uint64_t number = 1; number <= frames; ++number) {
        deeppacket::StoredFrame frame;
        try {
            frame = deeppacket::readFrame(path, number);
        } catch (const deeppacket::CaptureError&) {
            std::abort();  // the stream read it: it is there
        }
        const deeppacket::Dissection d = deeppacket::dissectFrame(frame);
        for (const auto& field : d.fields) {
            if (field.offset + field.length > frame.bytes.size()) {
                std::abort();  // a field beyond the frame
            }
        }
        if (d.packet.ip == nullptr) {
            continue;
        }
        std::vector<std::uint8_t> vector(options.vectorLength);
        std::vector<deeppacket::VectorPart> parts(options.vectorLength);
        deeppacket::buildVector(d.packet, options, vector.data(), parts.data());
        for (std::size_t i = 0; i < vector.size(); ++i) {
            const long offset = deeppacket::packetOffsetOfVectorByte(d.packet, i, vector.size());
            if (offset >= 0 &&
                d.ipOffset + static_cast<std::size_t>(offset) >= frame.bytes.size()) {
                std::abort();  // a vector byte said to come from outside the frame
            }
            deeppacket::fieldAt(d,
                                d.ipOffset + static_cast<std::uint32_t>(offset < 0 ? 0 : offset));
        }
    }
    return 0;
}

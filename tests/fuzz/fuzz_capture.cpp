// Capture reading and preprocessing: libpcap, the decoder, the paper's rules, the vectorizer and
// the flow table, as `classify` runs them on a user's file. Every record libpcap hands out must
// get one disposition, and the kept packets must be the ones delivered.
#include <cstdlib>

#include "core/packet_stream.h"
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
    return 0;
}

// Capture -> byte vectors on one core. The input is the bundled sample capture (real loopback
// traffic: TLS, HTTP, a UDP stream, DNS, ICMP) repeated into a larger capture, so the packet mix
// and sizes are those of real traffic.
//
//   read:       libpcap alone (pcap_next_ex over the file) - the floor
//   pipeline:   the whole PacketStream: read, decode, paper rules, vectors, flow ids
//   in_memory:  decode + rules + vectors on frames already in memory (no file reading)
#include <benchmark/benchmark.h>
#include <pcap/pcap.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/capture_reader.h"
#include "core/packet_batch.h"
#include "core/packet_decoder.h"
#include "core/packet_filter.h"
#include "core/packet_stream.h"
#include "core/vectorizer.h"

namespace {

using namespace deeppacket;

constexpr std::size_t kTargetPackets = 300000;

struct SampleFrames {
    int linkType = 0;
    std::vector<std::vector<std::uint8_t>> frames;
    std::vector<std::uint32_t> wireLengths;
};

const SampleFrames& sample() {
    static const SampleFrames frames = [] {
        SampleFrames s;
        CaptureReader reader(DEEPPACKET_SAMPLE_CAPTURE);
        s.linkType = reader.linkType();
        Frame f;
        while (reader.next(f)) {
            s.frames.emplace_back(f.data, f.data + f.capturedLength);
            s.wireLengths.push_back(f.wireLength);
        }
        return s;
    }();
    return frames;
}

// A file removed when the benchmark exits.
struct TemporaryFile {
    std::string path;
    ~TemporaryFile() { std::remove(path.c_str()); }
};

// Writes the sample's records again and again (with advancing timestamps) into one capture.
const std::string& bigCapture() {
    static const TemporaryFile capture{[] {
        const auto file = std::filesystem::temp_directory_path() / "deeppacket-bench.pcap";
        const SampleFrames& s = sample();
        pcap_t* dead = pcap_open_dead(s.linkType, 262144);
        pcap_dumper_t* dumper = pcap_dump_open(dead, file.string().c_str());
        if (dumper == nullptr) {
            std::fprintf(stderr, "cannot write %s\n", file.string().c_str());
            std::exit(1);
        }
        pcap_pkthdr header{};
        for (std::size_t i = 0; i < kTargetPackets; ++i) {
            const std::size_t k = i % s.frames.size();
            header.ts.tv_sec = static_cast<time_t>(1700000000 + i / 1000);
            header.ts.tv_usec = static_cast<suseconds_t>((i % 1000) * 1000);
            header.caplen = static_cast<bpf_u_int32>(s.frames[k].size());
            header.len = s.wireLengths[k];
            pcap_dump(reinterpret_cast<u_char*>(dumper), &header, s.frames[k].data());
        }
        pcap_dump_close(dumper);
        pcap_close(dead);
        return file.string();
    }()};
    return capture.path;
}

void BM_ReadOnly(benchmark::State& state) {
    const std::string& path = bigCapture();
    std::uint64_t packets = 0;
    for (auto _ : state) {
        CaptureReader reader(path);
        Frame f;
        while (reader.next(f)) {
            benchmark::DoNotOptimize(f.data);
            ++packets;
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(packets));
    state.SetBytesProcessed(static_cast<std::int64_t>(std::filesystem::file_size(path)) *
                            state.iterations());
}

void BM_Pipeline(benchmark::State& state) {
    const std::string& path = bigCapture();
    const auto batchSize = static_cast<std::size_t>(state.range(0));
    std::uint64_t read = 0;
    std::uint64_t kept = 0;
    for (auto _ : state) {
        PacketStream stream({path}, PreprocessOptions{});
        PacketBatch batch(1500, batchSize);
        while (stream.next(batch)) {
            benchmark::DoNotOptimize(batch.vectors());
        }
        read += stream.progress().packetsRead;
        kept += stream.progress().packetsKept;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(read));
    state.counters["kept_per_second"] =
        benchmark::Counter(static_cast<double>(kept), benchmark::Counter::kIsRate);
}

void BM_InMemory(benchmark::State& state) {
    const SampleFrames& s = sample();
    PreprocessOptions options;
    if (state.range(0) != 0) {
        options.maskAll();
    }
    std::vector<std::uint8_t> vector(options.vectorLength);
    DecodedPacket packet;
    std::uint64_t frames = 0;
    for (auto _ : state) {
        for (std::size_t k = 0; k < s.frames.size(); ++k) {
            Frame f;
            f.data = s.frames[k].data();
            f.capturedLength = static_cast<std::uint32_t>(s.frames[k].size());
            f.wireLength = s.wireLengths[k];
            if (decodeFrame(s.linkType, f, packet) == Disposition::Kept &&
                applyPaperRules(packet, options) == Disposition::Kept) {
                buildVector(packet, options, vector.data());
                benchmark::DoNotOptimize(vector.data());
            }
        }
        frames += s.frames.size();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(frames));
}

BENCHMARK(BM_ReadOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pipeline)->Arg(256)->Arg(4096)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_InMemory)->ArgName("mask_all")->Arg(0)->Arg(1);

}  // namespace

BENCHMARK_MAIN();

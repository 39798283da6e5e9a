// The engine and its sinks (truth, scores, CSV files, kept rows) at their own layer: a fake
// classifier with a rule that can be checked (UDP or not, read from the vector's IP protocol byte)
// stands in for the networks, on captures made here.
#include "core/inference_engine.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/csv_reader.h"
#include "core/dataset.h"
#include "core/ground_truth.h"
#include "core/live_rows.h"
#include "core/prediction_csv.h"
#include "core/prediction_rows.h"
#include "core/prediction_scorer.h"
#include "core/sink_fanout.h"
#include "core/truth_lookup.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

using test::Bytes;

// Class 1 ("udp") for UDP packets, class 0 ("tcp") for the rest, with probability 0.9; counts
// its calls and the largest batch it was given.
class UdpOrNot final : public BatchClassifier {
  public:
    std::size_t classCount() const override { return 2; }
    std::size_t inputLength() const override { return 1500; }
    void logProbabilities(const std::uint8_t* vectors, std::size_t count, float* out) override {
        ++calls;
        largestBatch = std::max(largestBatch, count);
        rows += count;
        for (std::size_t i = 0; i < count; ++i) {
            const bool isUdp = vectors[i * 1500 + 9] == 17;  // the IPv4 header's protocol
            out[2 * i] = std::log(isUdp ? 0.1f : 0.9f);
            out[2 * i + 1] = std::log(isUdp ? 0.9f : 0.1f);
        }
    }
    std::size_t calls = 0;
    std::size_t rows = 0;
    std::size_t largestBatch = 0;
};

Bytes tcpFrame(std::uint16_t srcPort, std::size_t payload) {
    test::TcpSpec t;
    t.srcPort = srcPort;
    test::Ipv4Spec ip;
    return test::ethernet(test::kEtherIpv4, test::ipv4(ip, test::tcp(t, test::counting(payload))));
}

Bytes udpFrame(std::uint16_t srcPort, std::size_t payload) {
    test::Ipv4Spec ip;
    ip.protocol = 17;
    return test::ethernet(test::kEtherIpv4,
                          test::ipv4(ip, test::udp(srcPort, 5004, test::counting(payload))));
}

// a.pcap: a TCP flow of 3 packets and a UDP flow of 2; b.pcap: one UDP flow of 4.
struct Captures {
    test::TempDir dir;
    std::vector<std::string> files;
    Captures() {
        files = {dir.path("a.pcap"), dir.path("b.pcap")};
        test::writeFile(files[0],
                        test::pcapFile(1, test::recordsOf({tcpFrame(40000, 100), udpFrame(6000, 80),
                                                           tcpFrame(40000, 200), udpFrame(6000, 90),
                                                           tcpFrame(40000, 300)})));
        test::writeFile(
            files[1], test::pcapFile(1, test::recordsOf({udpFrame(7000, 10), udpFrame(7000, 20),
                                                         udpFrame(7000, 30), udpFrame(7000, 40)})));
    }
};

// Keeps what the engine hands its sink.
struct Collected final : PredictionSink {
    std::vector<std::string> files;
    std::size_t begun = 0;
    std::vector<std::uint8_t> protocols;
    std::vector<std::uint32_t> classes;
    std::vector<std::uint32_t> fileIndex;
    std::vector<FlowVerdict> flowVerdicts;
    void begin(const std::vector<std::string>& names) override {
        files = names;
        ++begun;
        EXPECT_TRUE(protocols.empty()) << "begin comes first";
    }
    void packets(const PacketBatch& batch, const BatchPredictions& predictions) override {
        for (std::size_t i = 0; i < batch.size(); ++i) {
            protocols.push_back(batch.records()[i].protocol);
            classes.push_back(predictions.classIndex[i]);
            fileIndex.push_back(batch.records()[i].fileIndex);
            EXPECT_NEAR(predictions.confidence[i], 0.9f, 1e-5f);
        }
    }
    void flows(const std::vector<FlowVerdict>& flows) override {
        flowVerdicts.insert(flowVerdicts.end(), flows.begin(), flows.end());
    }
};

TEST(ClassifyCaptures, EveryKeptPacketGetsTheClassifiersAnswerInBatches) {
    Captures c;
    UdpOrNot classifier;
    Collected sink;
    InferenceOptions options;
    options.batchSize = 2;
    const InferenceSummary summary =
        classifyCaptures(classifier, c.files, PreprocessOptions{}, options, sink);
    EXPECT_FALSE(summary.cancelled);
    EXPECT_EQ(summary.packets, 9U);
    // The engine says once which file each index is.
    EXPECT_EQ(sink.begun, 1U);
    EXPECT_EQ(sink.files, c.files);
    EXPECT_EQ(classifier.rows, 9U);
    EXPECT_LE(classifier.largestBatch, 2U);
    ASSERT_EQ(sink.classes.size(), 9U);
    for (std::size_t i = 0; i < sink.classes.size(); ++i) {
        EXPECT_EQ(sink.classes[i], sink.protocols[i] == 17 ? 1U : 0U) << i;
    }
    EXPECT_EQ(summary.packetsPerClass, (std::vector<std::uint64_t>{3, 6}));
    // Three flows, each with its packet vote and the file it came from.
    EXPECT_EQ(summary.flows, 3U);
    EXPECT_EQ(summary.flowsPerClass, (std::vector<std::uint64_t>{1, 2}));
    ASSERT_EQ(sink.flowVerdicts.size(), 3U);
    std::uint64_t packets = 0;
    for (const FlowVerdict& f : sink.flowVerdicts) {
        packets += f.packets;
        EXPECT_EQ(f.classIndex, f.protocol == 17 ? 1U : 0U);
        EXPECT_FALSE(f.byFlowModel);
        EXPECT_EQ(f.fileIndex, f.srcPort == 7000 ? 1U : 0U);
        EXPECT_NEAR(f.confidence, 0.9f, 1e-4f);
    }
    EXPECT_EQ(packets, 9U);
    ASSERT_EQ(summary.files.size(), 2U);
    EXPECT_TRUE(summary.files[0].opened());
}

TEST(ClassifyCaptures, ASelectionLeavesTheOtherPacketsOut) {
    Captures c;
    UdpOrNot classifier;
    Collected sink;
    InferenceControl control;
    control.select = [](const PacketRecord& r) { return r.protocol == 17; };
    const InferenceSummary summary = classifyCaptures(classifier, c.files, PreprocessOptions{},
                                                      InferenceOptions{}, sink, control);
    EXPECT_EQ(summary.packets, 6U);
    EXPECT_EQ(summary.flows, 2U);
    EXPECT_EQ(classifier.rows, 6U);
}

TEST(ClassifyCaptures, ACancelledRunStopsBeforeItsNextBatch) {
    Captures c;
    UdpOrNot classifier;
    Collected sink;
    std::atomic<bool> cancel{true};
    InferenceControl control;
    control.cancel = &cancel;
    const InferenceSummary summary = classifyCaptures(classifier, c.files, PreprocessOptions{},
                                                      InferenceOptions{}, sink, control);
    EXPECT_TRUE(summary.cancelled);
    EXPECT_EQ(classifier.calls, 0U);
    EXPECT_TRUE(sink.classes.empty());
}

// The sinks a run is recorded with: truth first, then scores, CSV files and kept rows.
struct Recording {
    Recording(const GroundTruth* truth, const std::vector<std::string>& classes,
              const PredictionCsvWriter::Paths& paths)
        : lookup(truth, classes),
          scorer(classes, lookup),
          csv(classes, lookup, paths, false, false),
          rows(lookup),
          fanout({&lookup, &scorer, &csv, &rows}) {}
    TruthLookup lookup;
    PredictionScorer scorer;
    PredictionCsvWriter csv;
    PredictionRows rows;
    SinkFanout fanout;
};

TEST(PredictionSinks, ScoreAgainstFileLabelsAndWriteAndKeepOneRowPerPacketAndFlow) {
    Captures c;
    // a.pcap is labelled tcp, b.pcap udp: a's 2 UDP packets (1 flow) are the classifier's errors.
    const std::string labels = c.dir.path("labels.csv");
    const std::string text = "file,label\na.pcap,tcp\nb.pcap,udp\n";
    test::writeFile(labels, test::Bytes(text.begin(), text.end()));
    const GroundTruth truth = GroundTruth::parse("files:" + labels);
    UdpOrNot classifier;
    const PredictionCsvWriter::Paths paths{c.dir.path("packets.csv"), c.dir.path("flows.csv")};
    Recording r(&truth, {"tcp", "udp"}, paths);
    classifyCaptures(classifier, c.files, PreprocessOptions{}, InferenceOptions{}, r.fanout);
    EXPECT_FALSE(std::filesystem::exists(paths.packetsCsv)) << "written before commit";
    r.csv.commit();
    const ConfusionMatrix& packets = r.scorer.packetConfusion();
    EXPECT_EQ(packets.total(), 9U);
    EXPECT_EQ(packets.at(0, 0), 3U);
    EXPECT_EQ(packets.at(0, 1), 2U);
    EXPECT_EQ(packets.at(1, 1), 4U);
    EXPECT_EQ(packets.at(1, 0), 0U);
    const ConfusionMatrix& flows = r.scorer.flowConfusion();
    EXPECT_EQ(flows.total(), 3U);
    EXPECT_EQ(flows.at(0, 1), 1U);
    EXPECT_EQ(r.scorer.unlabeledPackets(), 0U);

    const CsvTable packetRows = readCsvFile(paths.packetsCsv);
    ASSERT_EQ(packetRows.rows.size(), 9U);
    const CsvTable flowRows = readCsvFile(paths.flowsCsv);
    ASSERT_EQ(flowRows.rows.size(), 3U);
    const std::vector<PacketResult> kept = r.rows.takePackets();
    ASSERT_EQ(kept.size(), 9U);
    for (std::size_t i = 0; i < kept.size(); ++i) {
        // The kept rows and the CSV rows say the same, truth included.
        EXPECT_EQ(packetRows.rows[i].back(), kept[i].truth == 0 ? "tcp" : "udp");
        EXPECT_EQ(kept[i].truth, kept[i].record.fileIndex == 0 ? 0 : 1);
    }
    EXPECT_EQ(r.rows.takeFlows().size(), 3U);
}

TEST(PredictionSinks, PerFlowLabelsUnknownLabelsAndUnlabelledPacketsAreToldApart) {
    Captures c;
    // Per-flow truth: a.pcap's TCP flow is tcp (given in the reply's direction), b.pcap's UDP
    // flow has a label the model does not have, a.pcap's UDP flow none.
    const std::string labels = c.dir.path("flows.csv");
    std::string text = "src,src_port,dst,dst_port,protocol,label\n";
    text += "93.184.216.34,443,192.168.1.10,40000,tcp,tcp\n";
    text += "192.168.1.10,7000,93.184.216.34,5004,udp,dns\n";
    test::writeFile(labels, test::Bytes(text.begin(), text.end()));
    const GroundTruth truth = GroundTruth::parse("flows:" + labels);
    UdpOrNot classifier;
    Recording r(&truth, {"tcp", "udp"}, {c.dir.path("p.csv"), {}});
    classifyCaptures(classifier, c.files, PreprocessOptions{}, InferenceOptions{}, r.fanout);
    EXPECT_EQ(r.scorer.packetConfusion().total(), 3U);
    EXPECT_EQ(r.scorer.packetConfusion().at(0, 0), 3U);
    EXPECT_EQ(r.scorer.unknownLabels(), (std::map<std::string, std::uint64_t>{{"dns", 4}}));
    EXPECT_EQ(r.scorer.unlabeledPackets(), 2U);
    EXPECT_EQ(r.scorer.flowConfusion().total(), 1U);
    EXPECT_EQ(r.scorer.unlabeledFlows(), 2U);
    std::vector<std::int32_t> truths;
    for (const auto& p : r.rows.takePackets()) {
        truths.push_back(p.truth);
    }
    // a.pcap: tcp, udp, tcp, udp, tcp; b.pcap: four of the unknown label.
    EXPECT_EQ(truths, (std::vector<std::int32_t>{0, kNoLabel, 0, kNoLabel, 0, kUnknownLabel,
                                                 kUnknownLabel, kUnknownLabel, kUnknownLabel}));
    r.csv.commit();
    const CsvTable written = readCsvFile(c.dir.path("p.csv"));
    ASSERT_EQ(written.rows.size(), 9U);
    EXPECT_EQ(written.rows[0].back(), "tcp");
    EXPECT_EQ(written.rows[1].back(), "");
    EXPECT_EQ(written.rows[5].back(), "dns");
}

TEST(BuildDataset, LabelsKeptPacketsByFileAndCapsEachClassPerSession) {
    Captures c;
    const std::string labels = c.dir.path("labels.csv");
    const std::string text = "file,label\na.pcap,tcp\nb.pcap,udp\n";
    test::writeFile(labels, test::Bytes(text.begin(), text.end()));
    const std::string scheme = "files:" + labels;
    const GroundTruth truth = GroundTruth::parse(scheme);
    const Dataset all = buildDataset(c.files, truth, scheme, PreprocessOptions{}, DatasetOptions{});
    EXPECT_EQ(all.classes, (std::vector<std::string>{"tcp", "udp"}));
    EXPECT_EQ(all.size(), 9U);
    EXPECT_EQ(all.countsPerClass(), (std::vector<std::uint64_t>{5, 4}));
    for (std::size_t i = 0; i < all.size(); ++i) {
        // The label is the file's; the vector is the packet's (its IP protocol byte).
        EXPECT_EQ(all.labels[i], all.fileIndex[i] == 0 ? 0 : 1);
        const std::uint8_t protocol = all.vector(i)[9];
        EXPECT_TRUE(protocol == 6 || protocol == 17);
        EXPECT_TRUE(all.fileIndex[i] == 0 || protocol == 17);
    }

    DatasetOptions capped;
    capped.maxPerFile = 2;
    const Dataset few = buildDataset(c.files, truth, scheme, PreprocessOptions{}, capped);
    EXPECT_EQ(few.countsPerClass(), (std::vector<std::uint64_t>{2, 2}));
    EXPECT_EQ(few.seenPerClass, (std::vector<std::uint64_t>{5, 4}));
}

// What a live view keeps: with flow updates every flow shows up while open, the newest packets
// only stay, and the counts cover everything seen.
TEST(LiveRows, KeepsTheNewestPacketsAndEveryFlowWithItsVerdictSoFar) {
    Captures c;
    UdpOrNot classifier;
    // Records which flows a snapshot taken after each batch shows as open.
    struct Probe final : PredictionSink {
        LiveRows* rows = nullptr;
        std::vector<LiveRowsSnapshot> snapshots;
        void packets(const PacketBatch&, const BatchPredictions&) override {}
        void flowUpdates(const std::vector<FlowVerdict>&) override {
            snapshots.push_back(rows->snapshot());
        }
    };
    LiveRows rows(2, 4);
    Probe probe;
    probe.rows = &rows;
    SinkFanout fanout({&rows, &probe});
    InferenceOptions options;
    options.batchSize = 2;
    options.flowUpdates = true;
    classifyCaptures(classifier, c.files, PreprocessOptions{}, options, fanout);

    // After the first batch (the TCP and the UDP packet of a.pcap): two open flows, one each.
    ASSERT_FALSE(probe.snapshots.empty());
    const LiveRowsSnapshot& first = probe.snapshots.front();
    ASSERT_EQ(first.flows.size(), 2U);
    EXPECT_EQ(first.openFlows, 2U);
    EXPECT_TRUE(first.flows[0].open);
    EXPECT_EQ(first.flows[0].verdict.packets, 1U);
    EXPECT_EQ(first.flows[0].verdict.classIndex, 0U);
    EXPECT_EQ(first.flows[1].verdict.classIndex, 1U);
    EXPECT_EQ(first.packets.size(), 2U);

    const LiveRowsSnapshot last = rows.snapshot();
    EXPECT_FALSE(rows.changed());
    EXPECT_EQ(last.packetsSeen, 9U);
    ASSERT_EQ(last.packets.size(), 4U);  // the newest 4 of 9: b.pcap's UDP flow
    EXPECT_EQ(last.firstPacket, 5U);
    for (const PacketResult& p : last.packets) {
        EXPECT_EQ(p.record.srcPort, 7000);
    }
    EXPECT_EQ(last.packetsPerClass, (std::vector<std::uint64_t>{3, 6}));
    ASSERT_EQ(last.flows.size(), 3U);  // every flow, all over now
    EXPECT_EQ(last.openFlows, 0U);
    EXPECT_EQ(last.flows[0].verdict.packets, 3U);
    EXPECT_EQ(last.flows[2].verdict.packets, 4U);
    EXPECT_EQ(last.flowsPerClass, (std::vector<std::uint64_t>{1, 2}));
}

}  // namespace
}  // namespace deeppacket

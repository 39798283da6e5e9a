// The inference engine with real, freshly trained networks on captures made by the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "core/csv_reader.h"
#include "core/inference_engine.h"
#include "core/packet_dissection.h"
#include "core/vectorizer.h"
#include "models/analysis.h"
#include "models/attribution.h"
#include "models/model.h"
#include "tests/support/labelled_captures.h"
#include "tests/support/tiny_model.h"

namespace deeppacket {
namespace {

// Collects what the engine hands out.
struct Collector : PredictionSink {
    std::vector<std::size_t> batchSizes;
    std::vector<std::uint32_t> packetClasses;
    std::vector<std::uint32_t> packetFiles;
    std::vector<FlowVerdict> verdicts;
    void packets(const PacketBatch& batch, const BatchPredictions& p) override {
        batchSizes.push_back(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            packetClasses.push_back(p.classIndex[i]);
            packetFiles.push_back(batch.records()[i].fileIndex);
        }
    }
    void flows(const std::vector<FlowVerdict>& flows) override {
        verdicts.insert(verdicts.end(), flows.begin(), flows.end());
    }
};

class TrainedSae : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir;
        train_ = test::writeLabelledCaptures(*dir_, "train", 1, 4, 25);
        test_ = test::writeLabelledCaptures(*dir_, "test", 2, 3, 20);
        model_ = new Model(test::trainTinyModel(NetworkSpec::paperSae(3), train_, 12));
    }
    static void TearDownTestSuite() {
        delete model_;
        delete dir_;
    }
    static test::TempDir* dir_;
    static test::LabelledCaptures train_;
    static test::LabelledCaptures test_;
    static Model* model_;
};

test::TempDir* TrainedSae::dir_ = nullptr;
test::LabelledCaptures TrainedSae::train_;
test::LabelledCaptures TrainedSae::test_;
Model* TrainedSae::model_ = nullptr;

TEST_F(TrainedSae, LearnsThePacketKindsAndJudgesFlows) {
    Collector sink;
    InferenceOptions options;
    options.batchSize = 16;
    const InferenceSummary summary =
        classifyCaptures(*model_, test_.files, model_->card().preprocessing, options, sink);
    ASSERT_EQ(summary.packets, 180u);
    ASSERT_EQ(sink.packetClasses.size(), 180u);
    std::size_t correct = 0;
    for (std::size_t i = 0; i < sink.packetClasses.size(); ++i) {
        correct += sink.packetClasses[i] == sink.packetFiles[i];
    }
    EXPECT_GE(correct, 171u) << "correct: " << correct;  // >= 95 % on unseen packets
    for (std::size_t size : sink.batchSizes) {
        EXPECT_LE(size, 16u);
    }
    // 3 flows per capture, each judged as its capture's class.
    ASSERT_EQ(sink.verdicts.size(), 9u);
    EXPECT_EQ(summary.flows, 9u);
    for (const auto& flow : sink.verdicts) {
        EXPECT_EQ(flow.classIndex, flow.fileIndex) << "flow " << flow.flowId;
        EXPECT_EQ(flow.packets, 20u);
        EXPECT_GT(flow.confidence, 0.5f);
        EXPECT_EQ(flow.srcPort == 443 || flow.dstPort == 443, flow.fileIndex == 2);
    }
    std::uint64_t total = 0;
    for (auto n : summary.packetsPerClass) {
        total += n;
    }
    EXPECT_EQ(total, 180u);
}

// The analysis path of the command line and the app: one plan, scored, written and kept.
TEST_F(TrainedSae, AnAnalysisScoresWritesAndKeepsWhatItsPlanAsks) {
    AnalysisPlan plan;
    plan.modelPath = dir_->path("sae.dpm");
    model_->save(plan.modelPath);
    plan.files = test_.files;
    plan.labelScheme = "folder";
    plan.packetsCsv = dir_->path("packets.csv");
    plan.flowsCsv = dir_->path("flows.csv");
    plan.keepRows = true;
    Analysis analysis(plan);
    ASSERT_NE(analysis.truth(), nullptr);
    AnalysisOutcome outcome = analysis.run();
    ASSERT_NE(outcome.scores, nullptr);
    EXPECT_EQ(outcome.scores->packetConfusion().total(), 180u);
    EXPECT_EQ(outcome.scores->flowConfusion().total(), 9u);
    EXPECT_EQ(outcome.scores->unlabeledPackets(), 0u);
    ASSERT_TRUE(outcome.evaluation.has_value());
    EXPECT_GE(outcome.evaluation->packetMetrics.accuracy, 0.95);
    EXPECT_TRUE(outcome.unreadable.empty());
    ASSERT_EQ(outcome.packets.size(), 180u);
    EXPECT_EQ(outcome.flows.size(), 9u);
    for (const auto& p : outcome.packets) {
        EXPECT_GE(p.truth, 0);
    }
    // Nothing on disk before commit, both files whole after.
    EXPECT_FALSE(std::filesystem::exists(plan.packetsCsv));
    outcome.commit();
    EXPECT_EQ(readCsvFile(plan.packetsCsv).rows.size(), 180u);
    EXPECT_EQ(readCsvFile(plan.flowsCsv).rows.size(), 9u);
    EXPECT_EQ(readCsvFile(plan.flowsCsv).header.back(), "truth");
}

TEST_F(TrainedSae, AnAnalysisNamesEveryUnreadableCaptureAndRefusesModelsInTheWrongRole) {
    AnalysisPlan plan;
    plan.modelPath = dir_->path("sae-roles.dpm");
    model_->save(plan.modelPath);
    test::writeFile(dir_->path("one.pcap"), test::Bytes(10, 'x'));
    test::writeFile(dir_->path("two.pcap"), test::Bytes(10, 'y'));
    plan.files = {dir_->path("one.pcap"), test_.files[0], dir_->path("two.pcap")};
    const AnalysisOutcome outcome = Analysis(plan).run();
    ASSERT_EQ(outcome.unreadable.size(), 2u);
    EXPECT_NE(outcome.unreadable[0].find("one.pcap"), std::string::npos);
    EXPECT_NE(outcome.unreadable[1].find("two.pcap"), std::string::npos);
    EXPECT_EQ(outcome.scores, nullptr);  // no label scheme: nothing scored
    EXPECT_FALSE(outcome.evaluation.has_value());

    ModelCard flowCard;
    flowCard.network = NetworkSpec::flowNetwork(3);
    flowCard.classes = model_->card().classes;
    const std::string flowPath = dir_->path("flow-roles.dpm");
    Model::create(flowCard, 5).save(flowPath);
    AnalysisPlan swapped = plan;
    swapped.modelPath = flowPath;
    EXPECT_THROW(Analysis{swapped}, AnalysisPlanError);
    AnalysisPlan twice = plan;
    twice.flowModelPath = plan.modelPath;
    EXPECT_THROW(Analysis{twice}, AnalysisPlanError);
    AnalysisPlan other = plan;
    flowCard.classes = {"x", "y", "z"};
    Model::create(flowCard, 5).save(dir_->path("flow-other.dpm"));
    other.flowModelPath = dir_->path("flow-other.dpm");
    try {
        Analysis{other};
        ADD_FAILURE() << "a flow model of other classes was accepted";
    } catch (const AnalysisPlanError&) {
        ADD_FAILURE() << "other classes are not a wrong role";
    } catch (const ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("classes"), std::string::npos) << e.what();
    }
}

// Integrated gradients on a real trained network: as documented, zero bytes get nothing, the
// attributions add up to the change in log-probability from the zero vector, and the ranking
// orders them by magnitude.
TEST_F(TrainedSae, ByteAttributionsAddUpAndZeroBytesGetNone) {
    for (std::size_t file = 0; file < test_.files.size(); ++file) {
        const StoredFrame frame = readFrame(test_.files[file], 2);
        const Dissection d = dissectFrame(frame);
        ASSERT_EQ(d.disposition, Disposition::Kept);
        const PreprocessOptions& options = model_->card().preprocessing;
        std::vector<std::uint8_t> vector(options.vectorLength);
        std::vector<VectorPart> parts(options.vectorLength);
        buildVector(d.packet, options, vector.data(), parts.data());

        const ByteAttribution a = attributeBytes(*model_, vector.data());
        ASSERT_EQ(a.perByte.size(), vector.size());
        ASSERT_EQ(a.probabilities.size(), 3U);
        double total = 0;
        for (float p : a.probabilities) {
            total += static_cast<double>(p);
        }
        EXPECT_NEAR(total, 1.0, 1e-4);
        // The predicted class by default, as the classifier says.
        std::vector<float> logp(3);
        model_->logProbabilities(vector.data(), 1, logp.data());
        const auto predicted =
            static_cast<std::uint32_t>(std::max_element(logp.begin(), logp.end()) - logp.begin());
        EXPECT_EQ(a.classIndex, predicted);
        EXPECT_NEAR(a.logProbability, static_cast<double>(logp[predicted]), 1e-4);
        // Completeness: within 2% of the change (and of 0.01 nats when it is small).
        const double change = a.logProbability - a.baselineLogProbability;
        EXPECT_LE(a.sumError, std::max(0.01, 0.02 * std::abs(change)))
            << "change " << change << ", error " << a.sumError;
        for (std::size_t i = 0; i < vector.size(); ++i) {
            if (vector[i] == 0) {
                EXPECT_EQ(a.perByte[i], 0.0f) << i << " " << vectorPartName(parts[i]);
            }
        }
        const std::vector<std::size_t> ranked = rankBytes(a.perByte);
        ASSERT_EQ(ranked.size(), vector.size());
        for (std::size_t r = 1; r < ranked.size(); ++r) {
            EXPECT_GE(std::abs(a.perByte[ranked[r - 1]]), std::abs(a.perByte[ranked[r]]));
        }
        EXPECT_NE(a.perByte[ranked[0]], 0.0f);
        // Another class on request.
        const std::uint32_t other = (predicted + 1) % 3;
        EXPECT_EQ(attributeBytes(*model_, vector.data(), other).classIndex, other);
    }
}

TEST_F(TrainedSae, CancelAndProgress) {
    std::atomic<bool> cancel{true};
    Collector sink;
    InferenceControl control;
    int progressCalls = 0;
    control.progress = [&](const StreamProgress&) { ++progressCalls; };
    control.cancel = &cancel;
    const InferenceSummary stopped =
        classifyCaptures(*model_, test_.files, model_->card().preprocessing, {}, sink, control);
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_EQ(stopped.packets, 0u);
    cancel = false;
    const InferenceSummary done =
        classifyCaptures(*model_, test_.files, model_->card().preprocessing, {}, sink, control);
    EXPECT_FALSE(done.cancelled);
    EXPECT_GE(progressCalls, 1);
}

TEST_F(TrainedSae, SelectionClassifiesOnlyTheChosenPackets) {
    // Every other packet of the first flow of each file, and all of its second flow.
    struct Records : PredictionSink {
        std::vector<PacketRecord> seen;
        void packets(const PacketBatch& batch, const BatchPredictions&) override {
            seen.insert(seen.end(), batch.records().begin(), batch.records().end());
        }
    } records;
    classifyCaptures(*model_, test_.files, model_->card().preprocessing, {}, records);
    std::map<std::uint32_t, std::uint32_t> firstFlowOfFile;
    std::set<std::pair<std::uint32_t, std::uint64_t>> wanted;
    std::set<std::uint32_t> wantedFlows;
    for (const PacketRecord& r : records.seen) {
        const auto first = firstFlowOfFile.emplace(r.fileIndex, r.flowId).first->second;
        if ((r.flowId == first && r.number % 2 == 0) || r.flowId == first + 1) {
            wanted.insert({r.fileIndex, r.number});
            wantedFlows.insert(r.flowId);
        }
    }
    ASSERT_GT(wanted.size(), 0u);
    InferenceControl control;
    control.select = [&](const PacketRecord& r) {
        return wanted.count({r.fileIndex, r.number}) != 0;
    };
    InferenceOptions options;
    options.batchSize = 7;
    Records kept;
    const InferenceSummary summary = classifyCaptures(
        *model_, test_.files, model_->card().preprocessing, options, kept, control);
    EXPECT_EQ(summary.packets, wanted.size());
    ASSERT_EQ(kept.seen.size(), wanted.size());
    for (const PacketRecord& r : kept.seen) {
        EXPECT_EQ(wanted.count({r.fileIndex, r.number}), 1u);
    }
    // Flows are made of the selected packets only.
    EXPECT_EQ(summary.flows, wantedFlows.size());
}

TEST_F(TrainedSae, RejectsMismatchedPreprocessing) {
    Collector sink;
    PreprocessOptions other = model_->card().preprocessing;
    other.vectorLength = 100;
    EXPECT_THROW(classifyCaptures(*model_, test_.files, other, {}, sink), std::invalid_argument);
    InferenceOptions zero;
    zero.batchSize = 0;
    EXPECT_THROW(classifyCaptures(*model_, test_.files, model_->card().preprocessing, zero, sink),
                 std::invalid_argument);
}

TEST(TrainedCnn, LearnsThePacketKinds) {
    test::TempDir dir;
    const auto train = test::writeLabelledCaptures(dir, "train", 3, 4, 25);
    const auto test = test::writeLabelledCaptures(dir, "test", 4, 2, 20);
    // A CNN of the paper's shape on 256-byte vectors keeps the test fast.
    Model model = test::trainTinyModel(NetworkSpec::paperCnn(3, 256), train, 8);
    Collector sink;
    classifyCaptures(model, test.files, model.card().preprocessing, {}, sink);
    ASSERT_EQ(sink.packetClasses.size(), 120u);
    std::size_t correct = 0;
    for (std::size_t i = 0; i < sink.packetClasses.size(); ++i) {
        correct += sink.packetClasses[i] == sink.packetFiles[i];
    }
    EXPECT_GE(correct, 114u) << "correct: " << correct;
}

}  // namespace
}  // namespace deeppacket

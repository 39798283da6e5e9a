#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include <nlohmann/json.hpp>

#include "core/flow_dataset.h"
#include "core/flow_features.h"
#include "models/model.h"
#include "models/training.h"
#include "tests/support/packet_builder.h"

namespace deeppacket {
namespace {

// Adds a whole flow's row (its own session) to a data set.
void appendFlow(FlowDataset& d, const FlowFeatures& f, int label, std::uint32_t flow, int packets) {
    d.features.resize(d.features.size() + kFlowFeatureLength);
    f.write(d.features.data() + d.features.size() - kFlowFeatureLength);
    d.labels.push_back(label);
    d.flows.push_back(flow);
    d.fileIndex.push_back(flow);
    d.prefix.push_back(0);
    d.packets.push_back(static_cast<std::uint32_t>(packets));
}

// Two flow shapes: a voice-like flow (constant rate, 20 ms apart, small packets both ways) and
// a bulk download (a request, then full-size packets from the server in bursts).
FlowDataset syntheticFlows(std::uint32_t seed, int perClass) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> jitter(-2, 2);
    FlowDataset d;
    d.classes = {"bulk", "voice"};
    auto addFlow = [&](int label, std::uint32_t flow) {
        FlowFeatures f;
        PacketRecord r;
        r.src = *IpAddress::parse("10.0.0.2");
        r.dst = *IpAddress::parse("10.0.0.1");
        r.srcPort = static_cast<std::uint16_t>(30000 + flow);
        r.dstPort = 443;
        const int packets = 20 + static_cast<int>(rng() % 40);
        for (int i = 0; i < packets; ++i) {
            const bool client = label == 1 ? i % 2 == 0 : i == 0 || i % 8 == 0;
            PacketRecord p = r;
            if (!client) {
                std::swap(p.src, p.dst);
                std::swap(p.srcPort, p.dstPort);
            }
            p.protocol = label == 1 ? 17 : 6;
            p.ipLength = static_cast<std::uint16_t>(label == 1 ? 180 + jitter(rng)
                                                    : client   ? 52
                                                               : 1500);
            p.timestampNs =
                std::int64_t{i} * (label == 1 ? 20'000'000 : 300'000 + jitter(rng) * 1000);
            f.add(p);
        }
        appendFlow(d, f, label, flow, packets);
    };
    for (int i = 0; i < perClass; ++i) {
        addFlow(0, static_cast<std::uint32_t>(2 * i));
        addFlow(1, static_cast<std::uint32_t>(2 * i + 1));
    }
    return d;
}

std::vector<std::size_t> allRows(const FlowDataset& d) {
    std::vector<std::size_t> rows(d.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i] = i;
    }
    return rows;
}

Model freshFlowModel() {
    ModelCard card;
    card.network = NetworkSpec::flowNetwork(2);
    card.classes = {"bulk", "voice"};
    card.task = "shape";
    return Model::create(card, 3);
}

TEST(FlowModel, TrainsAndSeparatesConstantRateSmallPacketsFromBulk) {
    const FlowDataset train = syntheticFlows(1, 40);
    const FlowDataset validation = syntheticFlows(2, 10);
    const FlowDataset test = syntheticFlows(3, 30);
    Model model = freshFlowModel();
    // Before training, the answers are no better than chance on at least one class.
    TrainingConfig config;
    config.epochs = 30;
    config.batchSize = 16;
    // Validation rows come from another data set: train and validate on one set appended.
    FlowDataset both = train;
    const std::size_t offset = both.size();
    both.features.insert(both.features.end(), validation.features.begin(),
                         validation.features.end());
    for (std::size_t i = 0; i < validation.size(); ++i) {
        both.labels.push_back(validation.labels[i]);
        both.flows.push_back(validation.flows[i] + 1000);
        both.fileIndex.push_back(validation.fileIndex[i] + 1000);
        both.prefix.push_back(0);
        both.packets.push_back(validation.packets[i]);
    }
    std::vector<std::size_t> trainRows(offset);
    for (std::size_t i = 0; i < offset; ++i) {
        trainRows[i] = i;
    }
    std::vector<std::size_t> validationRows;
    for (std::size_t i = offset; i < both.size(); ++i) {
        validationRows.push_back(i);
    }
    const TrainingOutcome outcome = trainFlowModel(model, both, trainRows, validationRows, config);
    EXPECT_GE(outcome.bestEpoch, 1);
    const Evaluation e = evaluateFlowsOnSplit(model, test, allRows(test));
    EXPECT_GE(e.flowMetrics.accuracy, 0.95);
    EXPECT_GE(e.flowMetrics.macro.f1, 0.95);

    // Saved and loaded, it gives the same answers; a packet model's interface refuses it.
    test::TempDir dir;
    const std::string path = dir.path("flow.dpm");
    model.save(path);
    Model loaded = Model::load(path);
    EXPECT_TRUE(loaded.classifiesFlows());
    const ModelDescription description = describeModel(path);
    EXPECT_EQ(description.card.network.kind, NetworkKind::Flow);
    ASSERT_TRUE(description.parameters.has_value());
    EXPECT_EQ(*description.parameters, model.parameterCount());
    std::vector<float> a(test.size() * 2);
    std::vector<float> b(test.size() * 2);
    model.flowLogProbabilities(test.features.data(), test.size(), a.data());
    loaded.flowLogProbabilities(test.features.data(), test.size(), b.data());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_NEAR(a[i], b[i], 1e-5);
    }
    std::vector<std::uint8_t> vector(1500);
    std::vector<float> out(2);
    EXPECT_THROW(loaded.logProbabilities(vector.data(), 1, out.data()), ModelError);
}

// Two protocols that differ only by one message's exact size: the same timing, directions and
// flags, the client's requests 300 or 301 bytes long.
FlowDataset sizeFlows(std::uint32_t seed, int perClass, std::uint32_t firstFlow) {
    std::mt19937 rng(seed);
    FlowDataset d;
    d.classes = {"300", "301"};
    for (int i = 0; i < 2 * perClass; ++i) {
        const int label = i % 2;
        const auto flow = firstFlow + static_cast<std::uint32_t>(i);
        FlowFeatures f;
        const int packets = 10 + static_cast<int>(rng() % 10);
        for (int k = 0; k < packets; ++k) {
            PacketRecord p;
            p.src = *IpAddress::parse(k % 2 == 0 ? "10.0.0.2" : "10.0.0.1");
            p.dst = *IpAddress::parse(k % 2 == 0 ? "10.0.0.1" : "10.0.0.2");
            p.srcPort = k % 2 == 0 ? 40000 : 443;
            p.dstPort = k % 2 == 0 ? 443 : 40000;
            p.protocol = 17;
            p.ipLength = static_cast<std::uint16_t>(
                k % 2 == 0 ? 300 + label : 120 + static_cast<int>(rng() % 200));
            p.timestampNs = std::int64_t{k} * 1'000'000 + static_cast<std::int64_t>(rng() % 5000);
            f.add(p);
        }
        appendFlow(d, f, label, flow, packets);
    }
    return d;
}

TEST(FlowModel, TellsFlowsApartByOneMessagesExactSize) {
    // Training and validation rows in one set, as trainFlowModel takes them.
    FlowDataset both = sizeFlows(1, 60, 0);
    const FlowDataset validation = sizeFlows(2, 20, 1000);
    const std::size_t trainRows = both.size();
    both.features.insert(both.features.end(), validation.features.begin(),
                         validation.features.end());
    both.labels.insert(both.labels.end(), validation.labels.begin(), validation.labels.end());
    both.flows.insert(both.flows.end(), validation.flows.begin(), validation.flows.end());
    both.fileIndex.insert(both.fileIndex.end(), validation.fileIndex.begin(),
                          validation.fileIndex.end());
    both.prefix.insert(both.prefix.end(), validation.prefix.begin(), validation.prefix.end());
    both.packets.insert(both.packets.end(), validation.packets.begin(), validation.packets.end());
    std::vector<std::size_t> train(trainRows);
    std::vector<std::size_t> checks(both.size() - trainRows);
    for (std::size_t i = 0; i < both.size(); ++i) {
        (i < trainRows ? train[i] : checks[i - trainRows]) = i;
    }
    ModelCard card;
    card.network = NetworkSpec::flowNetwork(2);
    card.classes = both.classes;
    card.task = "size";
    Model model = Model::create(card, 5);
    TrainingConfig config;
    config.epochs = 25;
    config.batchSize = 16;
    config.patience = 25;
    trainFlowModel(model, both, train, checks, config);
    const FlowDataset test = sizeFlows(3, 40, 2000);
    const Evaluation e = evaluateFlowsOnSplit(model, test, allRows(test));
    EXPECT_GE(e.flowMetrics.accuracy, 0.95);
}

TrainingEpoch epoch(int n, double loss, double macroF1) {
    TrainingEpoch e;
    e.phase = "train";
    e.epoch = n;
    e.validationLoss = loss;
    e.validationMacroF1 = macroF1;
    return e;
}

TEST(EpochSelection, MacroF1PicksTheEpochThatAnswersBestNotTheLowestLoss) {
    // As measured on unseen sessions: loss lowest at epoch 1 and rising, macro-F1 best at 4.
    const std::vector<TrainingEpoch> history = {
        epoch(1, 1.58, 0.40), epoch(2, 2.10, 0.52), epoch(3, 3.00, 0.55), epoch(4, 4.20, 0.61),
        epoch(5, 5.00, 0.58), epoch(6, 6.50, 0.61), epoch(7, 9.10, 0.57)};
    EpochSelector byF1(Selection::MacroF1);
    EpochSelector byLoss(Selection::Loss);
    std::vector<int> newBest;
    for (const auto& e : history) {
        if (byF1.offer(e)) {
            newBest.push_back(e.epoch);
        }
        byLoss.offer(e);
    }
    EXPECT_EQ(byF1.bestEpoch(), 4);  // epoch 6 ties on F1 with a higher loss
    EXPECT_EQ(newBest, (std::vector<int>{1, 2, 3, 4}));
    EXPECT_EQ(byF1.sinceBest(), 3);
    EXPECT_EQ(byLoss.bestEpoch(), 1);
    EXPECT_EQ(byLoss.sinceBest(), 6);
    // A tie on F1 with a lower loss is better.
    EXPECT_TRUE(byF1.offer(epoch(8, 4.0, 0.61)));
    EXPECT_EQ(byF1.bestEpoch(), 8);
}

TEST(FlowModel, CardsOfFlowNetworksAreCheckedLikeTheOthers) {
    NetworkSpec spec = NetworkSpec::flowNetwork(3);
    EXPECT_EQ(spec.problem(), "");
    spec.inputLength = 300;
    EXPECT_NE(spec.problem(), "");
    spec = NetworkSpec::flowNetwork(3);
    spec.conv[0].kernel = 4;
    EXPECT_NE(spec.problem(), "");
    ModelCard card;
    card.network = NetworkSpec::flowNetwork(2);
    card.classes = {"a", "b"};
    const ModelCard again = ModelCard::fromJson(card.toJson(), "test");
    EXPECT_EQ(again.network.kind, NetworkKind::Flow);
    EXPECT_EQ(again.network.conv.size(), card.network.conv.size());
    EXPECT_EQ(again.network.summary(), card.network.summary());
    EXPECT_EQ(again.network.sizeEmbedding, 16);
    EXPECT_NE(again.network.summary().find("size embedding 16"), std::string::npos);

    // Flow models made before the size embedding have none, and load as they were made.
    nlohmann::json older = nlohmann::json::parse(card.toJson());
    ASSERT_EQ(older["network"].erase("size_embedding"), 1U);
    EXPECT_EQ(ModelCard::fromJson(older.dump(), "older").network.sizeEmbedding, 0);
    for (int width : {-1, 100000}) {
        nlohmann::json bad = nlohmann::json::parse(card.toJson());
        bad["network"]["size_embedding"] = width;
        EXPECT_THROW(ModelCard::fromJson(bad.dump(), "bad"), ModelError) << width;
    }
    spec = NetworkSpec::flowNetwork(3);
    spec.sizeEmbedding = 300;
    EXPECT_NE(spec.problem(), "");
    spec = NetworkSpec::paperSae(3);
    spec.sizeEmbedding = 4;
    EXPECT_EQ(spec.problem(), "only a flow network has a size embedding");
}

}  // namespace
}  // namespace deeppacket

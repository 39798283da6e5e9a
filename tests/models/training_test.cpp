// Data sets, splits and the training procedures, on captures the test writes.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>

#include "core/dataset.h"
#include "core/dataset_split.h"
#include "models/training.h"
#include "tests/support/labelled_captures.h"

namespace deeppacket {
namespace {

class Training : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir;
        // Uneven classes: shell has fewer flows than the others.
        const auto a = test::writeLabelledCaptures(*dir_, "a", 41, 6, 20);
        const auto b = test::writeLabelledCaptures(*dir_, "b", 42, 4, 20);
        files_ = a.files;
        files_.insert(files_.end(), b.files.begin(), b.files.end());
        dataset_ = new Dataset(buildDataset(files_, GroundTruth::parse("folder"), "folder",
                                            PreprocessOptions{}, DatasetOptions{}));
    }
    static void TearDownTestSuite() {
        delete dataset_;
        delete dir_;
    }
    static ModelCard cardFor(const NetworkSpec& spec) {
        ModelCard card;
        card.network = spec;
        card.classes = dataset_->classes;
        return card;
    }
    static test::TempDir* dir_;
    static std::vector<std::string> files_;
    static Dataset* dataset_;
};

test::TempDir* Training::dir_ = nullptr;
std::vector<std::string> Training::files_;
Dataset* Training::dataset_ = nullptr;

TEST_F(Training, DatasetLabelsCapsAndCaches) {
    EXPECT_EQ(dataset_->classes, (std::vector<std::string>{"shell", "voice", "web"}));
    EXPECT_EQ(dataset_->size(), 3u * 200);  // 10 flows x 20 packets per class
    EXPECT_EQ(dataset_->countsPerClass(), (std::vector<std::uint64_t>{200, 200, 200}));

    DatasetOptions capped;
    capped.maxPerClass = 50;
    capped.cacheFolder = dir_->path("cache");
    const Dataset first =
        buildDataset(files_, GroundTruth::parse("folder"), "folder", PreprocessOptions{}, capped);
    EXPECT_EQ(first.countsPerClass(), (std::vector<std::uint64_t>{50, 50, 50}));
    EXPECT_EQ(first.seenPerClass, (std::vector<std::uint64_t>{200, 200, 200}));
    // The reservoir draws from every flow, not just the first ones read.
    EXPECT_GT(std::set<std::uint32_t>(first.flows.begin(), first.flows.end()).size(), 10u);
    const Dataset cached =
        buildDataset(files_, GroundTruth::parse("folder"), "folder", PreprocessOptions{}, capped);
    EXPECT_TRUE(cached.reports.empty()) << "read from the cache, not the captures";
    EXPECT_EQ(cached.vectors, first.vectors);
    EXPECT_EQ(cached.labels, first.labels);
    EXPECT_THROW(buildDataset(files_, GroundTruth::parse("iscx-traffic"), "iscx-traffic",
                              PreprocessOptions{}, DatasetOptions{}),
                 DatasetError);
}

TEST_F(Training, ASessionCapKeepsOneLargeCaptureFromMakingUpAClass) {
    // Per class, capture a has 120 packets and b 80.
    DatasetOptions perSession;
    perSession.maxPerFile = 60;
    const Dataset even = buildDataset(files_, GroundTruth::parse("folder"), "folder",
                                      PreprocessOptions{}, perSession);
    EXPECT_EQ(even.countsPerClass(), (std::vector<std::uint64_t>{120, 120, 120}));
    EXPECT_EQ(even.seenPerClass, (std::vector<std::uint64_t>{200, 200, 200}));
    std::map<std::pair<std::int32_t, std::uint32_t>, int> perFile;
    for (std::size_t i = 0; i < even.size(); ++i) {
        ++perFile[{even.labels[i], even.fileIndex[i]}];
    }
    for (const auto& [key, count] : perFile) {
        EXPECT_EQ(count, 60);
    }
    // With a class cap too: the class cap applies to what the session caps kept.
    perSession.maxPerClass = 100;
    const Dataset both = buildDataset(files_, GroundTruth::parse("folder"), "folder",
                                      PreprocessOptions{}, perSession);
    EXPECT_EQ(both.countsPerClass(), (std::vector<std::uint64_t>{100, 100, 100}));
    // The same options give the same packets in the same order, run after run.
    const Dataset again = buildDataset(files_, GroundTruth::parse("folder"), "folder",
                                       PreprocessOptions{}, perSession);
    EXPECT_EQ(again.numbers, both.numbers);
    EXPECT_EQ(again.fileIndex, both.fileIndex);
}

TEST_F(Training, SplitsKeepFlowsAndFilesTogether) {
    for (SplitKind kind : {SplitKind::Packet, SplitKind::Flow, SplitKind::File}) {
        SCOPED_TRACE(splitKindName(kind));
        const DatasetSplit split = splitDataset(*dataset_, kind, 7);
        EXPECT_EQ(split.train.size() + split.validation.size() + split.test.size(),
                  dataset_->size());
        auto units = [&](const std::vector<std::size_t>& set) {
            std::set<std::uint64_t> out;
            for (std::size_t i : set) {
                out.insert(kind == SplitKind::File ? dataset_->fileIndex[i] : dataset_->flows[i]);
            }
            return out;
        };
        if (kind != SplitKind::Packet) {
            const auto train = units(split.train);
            const auto validation = units(split.validation);
            for (auto u : units(split.test)) {
                EXPECT_EQ(train.count(u) + validation.count(u), 0u) << "unit " << u;
            }
            for (auto u : validation) {
                EXPECT_EQ(train.count(u), 0u) << "unit " << u;
            }
        }
        if (kind != SplitKind::File) {
            // Every class in every set, in about its share.
            EXPECT_NEAR(
                static_cast<double>(split.train.size()) / static_cast<double>(dataset_->size()),
                0.6, 0.05);
            EXPECT_NEAR(
                static_cast<double>(split.test.size()) / static_cast<double>(dataset_->size()), 0.2,
                0.05);
        }
    }
    // With a packet split, flows leak: most test flows also have training packets.
    const DatasetSplit leaky = splitDataset(*dataset_, SplitKind::Packet, 7);
    std::set<std::uint32_t> trainFlows;
    for (std::size_t i : leaky.train) {
        trainFlows.insert(dataset_->flows[i]);
    }
    std::size_t shared = 0;
    for (std::size_t i : leaky.test) {
        shared += trainFlows.count(dataset_->flows[i]);
    }
    EXPECT_GT(shared, leaky.test.size() * 9 / 10);
}

TEST_F(Training, ThreeFlowsOfAClassReachEverySet) {
    // A class with only three flows still gets one in each set, so its test scores exist.
    const auto few = test::writeLabelledCaptures(*dir_, "few", 43, 3, 20);
    const Dataset small = buildDataset(few.files, GroundTruth::parse("folder"), "folder",
                                       PreprocessOptions{}, DatasetOptions{});
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const DatasetSplit split = splitDataset(small, SplitKind::Flow, seed);
        for (const auto* set : {&split.train, &split.validation, &split.test}) {
            std::vector<std::size_t> counts(small.classes.size(), 0);
            for (std::size_t i : *set) {
                ++counts[static_cast<std::size_t>(small.labels[i])];
            }
            EXPECT_EQ(counts, std::vector<std::size_t>(small.classes.size(), 20)) << seed;
        }
    }
}

TEST_F(Training, UndersamplingBalancesTrainingOnly) {
    const DatasetSplit split = splitDataset(*dataset_, SplitKind::Packet, 3);
    std::vector<std::size_t> uneven;
    for (std::size_t i : split.train) {
        if (dataset_->labels[i] != 0 || uneven.size() % 3 == 0) {  // thin out class 0
            uneven.push_back(i);
        }
    }
    const auto balanced = undersample(*dataset_, uneven, 3);
    std::vector<std::size_t> counts(3, 0);
    for (std::size_t i : balanced) {
        ++counts[static_cast<std::size_t>(dataset_->labels[i])];
    }
    EXPECT_EQ(counts[0], counts[1]);
    EXPECT_EQ(counts[1], counts[2]);
    EXPECT_LT(balanced.size(), uneven.size());
}

TEST_F(Training, SaePretrainingLowersReconstructionAndFineTuningLearns) {
    const DatasetSplit split = splitDataset(*dataset_, SplitKind::Flow, 5);
    Model model = Model::create(cardFor(NetworkSpec::paperSae(3)), 5);
    TrainingConfig config;
    config.epochs = 10;
    config.pretrainEpochs = 4;
    config.batchSize = 32;
    const TrainingOutcome outcome = trainModel(
        model, *dataset_, undersample(*dataset_, split.train, 5), split.validation, config);
    ASSERT_EQ(outcome.pretrainLoss.size(), 5u);
    for (const auto& [first, last] : outcome.pretrainLoss) {
        EXPECT_LT(last, first);
    }
    const Evaluation e = evaluateOnSplit(model, *dataset_, split.test);
    EXPECT_GE(e.packetMetrics.accuracy, 0.95);
    EXPECT_GE(e.flowMetrics.accuracy, 0.95);
    EXPECT_GT(outcome.samplesPerSecond, 0);
}

TEST_F(Training, CnnLearns) {
    PreprocessOptions shortVectors;
    shortVectors.vectorLength = 256;
    const Dataset small = buildDataset(files_, GroundTruth::parse("folder"), "folder", shortVectors,
                                       DatasetOptions{});
    const DatasetSplit split = splitDataset(small, SplitKind::Flow, 9);
    ModelCard card = cardFor(NetworkSpec::paperCnn(3, 256));
    Model model = Model::create(card, 9);
    TrainingConfig config;
    config.epochs = 8;
    config.batchSize = 32;
    trainModel(model, small, split.train, split.validation, config);
    EXPECT_GE(evaluateOnSplit(model, small, split.test).packetMetrics.accuracy, 0.95);
}

TEST_F(Training, EarlyStoppingKeepsTheBestEpochAndCancelKeepsAModel) {
    const DatasetSplit split = splitDataset(*dataset_, SplitKind::Flow, 11);
    Model model = Model::create(cardFor(NetworkSpec::paperSae(3)), 11);
    TrainingConfig config;
    config.epochs = 200;
    config.pretrainEpochs = 1;
    config.patience = 2;
    config.batchSize = 64;
    config.learningRate = 0.01;  // fast learning overfits soon: stopping must come early
    std::vector<double> losses;
    const TrainingOutcome outcome = trainModel(model, *dataset_, split.train, split.validation,
                                               config, [&](const TrainingEpoch& e) {
                                                   if (e.phase == "train") {
                                                       losses.push_back(e.validationLoss);
                                                   }
                                               });
    EXPECT_TRUE(outcome.stoppedEarly);
    EXPECT_LT(outcome.epochs, 200);
    EXPECT_EQ(outcome.epochs, outcome.bestEpoch + config.patience);
    EXPECT_DOUBLE_EQ(outcome.bestValidationLoss, *std::min_element(losses.begin(), losses.end()));

    // Cancelled during the first epoch: the model is still whole, saved and loaded.
    std::atomic<bool> cancel{true};
    Model other = Model::create(cardFor(NetworkSpec::paperSae(3)), 12);
    const TrainingOutcome stopped =
        trainModel(other, *dataset_, split.train, split.validation, config, {}, &cancel);
    EXPECT_TRUE(stopped.interrupted);
    other.save(dir_->path("interrupted.dpm"));
    EXPECT_NO_THROW(Model::load(dir_->path("interrupted.dpm")));
}

}  // namespace
}  // namespace deeppacket

// deeppacket-cli train end to end on captures the test writes: real learning on three kinds of
// packets, the three split kinds, --repeat, the cache, and clear errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/cli_runner.h"
#include "tests/support/labelled_captures.h"

namespace deeppacket {
namespace {

using test::CliRun;

class TrainCommand : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir;
        test::writeLabelledCaptures(*dir_, "lab", 31, 8, 25);
        // Three more files of each class, for file splits.
        test::writeLabelledCaptures(*dir_, "more/a", 32, 2, 25);
        test::writeLabelledCaptures(*dir_, "more/b", 33, 2, 25);
        test::writeLabelledCaptures(*dir_, "more/c", 34, 2, 25);
    }
    static void TearDownTestSuite() { delete dir_; }
    CliRun cli(const std::vector<std::string>& args) { return test::runCli(args, *dir_); }
    static test::TempDir* dir_;
};

test::TempDir* TrainCommand::dir_ = nullptr;

TEST_F(TrainCommand, SaeLearnsAndTheCardCarriesTheTestScores) {
    const std::string model = dir_->path("sae.dpm");
    CliRun run = cli({"train", "--arch", "sae", "--task", "demo", "--labels", "folder", "--epochs",
                      "15", "--pretrain-epochs", "2", "--batch", "32", "--cache",
                      dir_->path("cache"), "-o", model, dir_->path("lab")});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.err.find("pretrain layer 1 epoch"), std::string::npos) << run.err;
    EXPECT_NE(run.out.find("macro average"), std::string::npos) << run.out;
    CliRun info = cli({"info", "--json", model});
    ASSERT_EQ(info.code, 0) << info.err;
    const auto card = nlohmann::json::parse(info.out)["card"];
    EXPECT_EQ(card["provenance"]["split"], "flow");
    const auto& metrics = card["metrics"];
    EXPECT_GE(metrics["test"]["packets"]["accuracy"].get<double>(), 0.95);
    EXPECT_GT(metrics["class_counts"]["train"]["web"].get<int>(), 0);
    // Under-sampling balances the training set only.
    EXPECT_EQ(metrics["class_counts"]["train"]["web"], metrics["class_counts"]["train"]["voice"]);
    EXPECT_TRUE(std::filesystem::is_directory(dir_->path("cache")));
    EXPECT_FALSE(std::filesystem::is_empty(dir_->path("cache")));
}

TEST_F(TrainCommand, CnnRepeatAndSplitKinds) {
    CliRun run = cli({"train",
                      "--arch",
                      "cnn",
                      "--task",
                      "demo",
                      "--labels",
                      "folder",
                      "--length",
                      "256",
                      "--epochs",
                      "6",
                      "--batch",
                      "32",
                      "--repeat",
                      "2",
                      "--split",
                      "file",
                      "-q",
                      "-o",
                      dir_->path("cnn.dpm"),
                      dir_->path("lab"),
                      dir_->path("more")});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("Over 2 runs (mean ± std)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("packet_macro_f1"), std::string::npos);
    CliRun packet = cli({"train", "--arch", "sae", "--task", "demo", "--labels", "folder",
                         "--epochs", "3", "--pretrain-epochs", "1", "--split", "packet", "-q", "-o",
                         dir_->path("p.dpm"), dir_->path("lab")});
    EXPECT_EQ(packet.code, 0) << packet.err;
    // One file per class cannot fill three sets of a file split: an error, not empty scores.
    CliRun oneFileEach =
        cli({"train", "--arch", "sae", "--task", "demo", "--labels", "folder", "--split", "file",
             "-q", "-o", dir_->path("f.dpm"), dir_->path("lab")});
    EXPECT_EQ(oneFileEach.code, 1);
    EXPECT_NE(oneFileEach.err.find("set of the file split is empty"), std::string::npos)
        << oneFileEach.err;
    EXPECT_FALSE(std::filesystem::exists(dir_->path("f.dpm")));
}

TEST_F(TrainCommand, LabelsThatMatchNothingAreAClearError) {
    CliRun run = cli({"train", "--arch", "sae", "--task", "traffic", "--labels", "iscx", "-o",
                      dir_->path("x.dpm"), dir_->path("lab")});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("no packet of the 3 captures got a label"), std::string::npos)
        << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir_->path("x.dpm")));
    EXPECT_EQ(cli({"train", "--arch", "rnn", "--task", "t", "--labels", "folder", "-o",
                   dir_->path("x.dpm"), dir_->path("lab")})
                  .code,
              2);
}

}  // namespace
}  // namespace deeppacket

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
    CliRun run = cli({"train",
                      "--arch",
                      "sae",
                      "--task",
                      "demo",
                      "--labels",
                      "folder",
                      "--split",
                      "flow",
                      "--undersample",
                      "--epochs",
                      "15",
                      "--pretrain-epochs",
                      "2",
                      "--batch",
                      "32",
                      "--cache",
                      dir_->path("cache"),
                      "-o",
                      model,
                      dir_->path("lab")});
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
    EXPECT_EQ(metrics["training"]["options"]["selection"], "macro-f1");
    EXPECT_EQ(metrics["training"]["options"]["undersample"], true);
    // Under-sampling (asked for) balances the training set only.
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
                      "3",
                      "-q",
                      "-o",
                      dir_->path("cnn.dpm"),
                      dir_->path("lab"),
                      dir_->path("more")});
    ASSERT_EQ(run.code, 0) << run.err;
    // Three folds of the default split, by capture file.
    EXPECT_NE(run.out.find("Over 3 folds (mean ± sd)"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("packet_macro_f1"), std::string::npos);
    CliRun info = cli({"info", "--json", dir_->path("cnn.dpm")});
    ASSERT_EQ(info.code, 0) << info.err;
    const auto card = nlohmann::json::parse(info.out)["card"];
    EXPECT_EQ(card["provenance"]["split"], "file");
    EXPECT_EQ(card["metrics"]["repeat"]["runs"], 3);
    // The paper's CNN taken literally (stride 1), when asked; only for the CNN.
    CliRun literal = cli({"train", "--arch", "cnn", "--paper-cnn", "--task", "demo", "--labels",
                          "folder", "--split", "flow", "--length", "64", "--epochs", "1", "-q",
                          "-o", dir_->path("literal.dpm"), dir_->path("lab")});
    ASSERT_EQ(literal.code, 0) << literal.err;
    const auto literalCard =
        nlohmann::json::parse(cli({"info", "--json", dir_->path("literal.dpm")}).out)["card"];
    for (const auto& conv : literalCard["network"]["conv"]) {
        EXPECT_EQ(conv["stride"], 1);
    }
    EXPECT_EQ(cli({"train", "--arch", "sae", "--paper-cnn", "--task", "demo", "--labels", "folder",
                   "-o", dir_->path("x.dpm"), dir_->path("lab")})
                  .code,
              2);
    // Two folds would test on half the data: refused.
    EXPECT_EQ(cli({"train", "--arch", "cnn", "--task", "demo", "--labels", "folder", "--repeat",
                   "2", "-o", dir_->path("cnn2.dpm"), dir_->path("lab")})
                  .code,
              2);
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

TEST_F(TrainCommand, AFlowModelTrainsAndRunsBesideAPacketModel) {
    const std::string flow = dir_->path("flow.dpm");
    CliRun run =
        cli({"train", "--arch", "flow", "--task", "demo", "--labels", "folder", "--repeat", "3",
             "--batch", "8", "-q", "-o", flow, dir_->path("lab"), dir_->path("more")});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("flows of 3 classes"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("After the first 10 packets"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("early_flow_macro_f1"), std::string::npos) << run.out;
    CliRun info = cli({"info", "--json", flow});
    ASSERT_EQ(info.code, 0) << info.err;
    const auto card = nlohmann::json::parse(info.out)["card"];
    EXPECT_EQ(card["network"]["kind"], "flow");
    EXPECT_EQ(card["provenance"]["split"], "file");
    EXPECT_EQ(card["metrics"]["early"]["packets"], 10);

    const std::string sae = dir_->path("beside.dpm");
    ASSERT_EQ(
        cli({"train", "--arch", "sae", "--task", "demo", "--labels", "folder", "--split", "flow",
             "--epochs", "2", "--pretrain-epochs", "1", "-q", "-o", sae, dir_->path("lab")})
            .code,
        0);
    CliRun both = cli({"evaluate", "-m", sae, "--flow-model", flow, "--labels", "folder", "-q",
                       "-o", dir_->path("both"), dir_->path("lab")});
    ASSERT_EQ(both.code, 0) << both.err;
    EXPECT_NE(both.out.find("Flow model: "), std::string::npos) << both.out;
    const std::string packets = test::readText(dir_->path("both/packets.csv"));
    EXPECT_EQ(packets.rfind("file,number,timestamp,src,src_port,dst,dst_port,protocol,length,"
                            "flow_id,label,confidence,flow_label,flow_confidence,truth\n",
                            0),
              0u)
        << packets.substr(0, 200);
    const std::string flows = test::readText(dir_->path("both/flows.csv"));
    EXPECT_NE(flows.find(",label,confidence,packet_vote,packet_vote_confidence,truth\n"),
              std::string::npos)
        << flows.substr(0, 200);
    // A flow model alone is not a packet model: a usage error that says what to do.
    CliRun alone = cli({"classify", "-m", flow, "-o", dir_->path("alone"), dir_->path("lab")});
    EXPECT_EQ(alone.code, 2);
    EXPECT_NE(alone.err.find("--flow-model"), std::string::npos) << alone.err;
    // A flow model whose classes differ from the packet model's is refused.
    CliRun other = cli(
        {"classify", "-m", sae, "--flow-model", sae, "-o", dir_->path("other"), dir_->path("lab")});
    EXPECT_EQ(other.code, 2);
}

TEST_F(TrainCommand, SplitGroupsKeepEachGroupOfFilesInOneSet) {
    // Four groups of files (as four recipes would be), each with every class.
    const std::string groups = dir_->path("groups.csv");
    std::string text = "file,group\n";
    for (const char* c : {"shell", "voice", "web"}) {
        text += dir_->path(std::string("lab/") + c + "/" + c + ".pcap") + ",g1\n";
        for (const char* g : {"a", "b", "c"}) {
            text += dir_->path(std::string("more/") + g + "/" + c + "/" + c + ".pcap") + ",g" + g +
                    "\n";
        }
    }
    test::writeFile(groups, test::Bytes(text.begin(), text.end()));
    CliRun run = cli({"train", "--arch", "flow", "--task", "demo", "--labels", "folder",
                      "--split-groups", groups, "--repeat", "3", "--batch", "8", "-q", "-o",
                      dir_->path("groups.dpm"), dir_->path("lab"), dir_->path("more")});
    ASSERT_EQ(run.code, 0) << run.err << run.out;
    CliRun info = cli({"info", "--json", dir_->path("groups.dpm")});
    const auto card = nlohmann::json::parse(info.out)["card"];
    EXPECT_EQ(card["provenance"]["split"], "groups of " + groups);
    // A file without a group is an error that names it.
    const std::string partial = dir_->path("partial.csv");
    const std::string one = "file,group\n" + dir_->path("lab/web/web.pcap") + ",g1\n";
    test::writeFile(partial, test::Bytes(one.begin(), one.end()));
    CliRun missing =
        cli({"train", "--arch", "flow", "--task", "demo", "--labels", "folder", "--split-groups",
             partial, "-q", "-o", dir_->path("partial.dpm"), dir_->path("lab")});
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("has no group in"), std::string::npos) << missing.err;
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

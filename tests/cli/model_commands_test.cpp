// classify, evaluate and info end to end: a small SAE is trained inside the test on captures
// the test writes, saved, and used through the real deeppacket-cli binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/csv_reader.h"
#include "models/compute_device.h"
#include "tests/support/cli_runner.h"
#include "tests/support/labelled_captures.h"
#include "tests/support/tiny_model.h"

namespace deeppacket {
namespace {

using test::CliRun;
using test::readText;

class ModelCommands : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir;
        const auto train = test::writeLabelledCaptures(*dir_, "train", 11, 4, 25);
        captures_ = test::writeLabelledCaptures(*dir_, "captures", 12, 3, 20);
        Model model = test::trainTinyModel(NetworkSpec::paperSae(3), train, 12);
        model.card().provenance.notes = "trained by the CLI test";
        model.save(dir_->path("tiny.dpm"));
    }
    static void TearDownTestSuite() { delete dir_; }

    CliRun cli(const std::vector<std::string>& args) { return test::runCli(args, *dir_); }
    std::string model() const { return dir_->path("tiny.dpm"); }
    std::string out(const std::string& name) const { return dir_->path("out/" + name); }

    static test::TempDir* dir_;
    static test::LabelledCaptures captures_;
};

test::TempDir* ModelCommands::dir_ = nullptr;
test::LabelledCaptures ModelCommands::captures_;

TEST_F(ModelCommands, Classify) {
    CliRun run = cli({"classify", "-q", "--model", model(), "--probabilities", "-o",
                      dir_->path("out"), dir_->path("captures")});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("Classified 180 packets in 9 flows from 3 captures"), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("SAE 1500-400-300-200-100-50-3"), std::string::npos);

    const CsvTable packets = readCsvFile(out("packets.csv"));
    EXPECT_EQ(packets.header,
              (std::vector<std::string>{"file", "number", "timestamp", "src", "src_port", "dst",
                                        "dst_port", "protocol", "length", "flow_id", "label",
                                        "confidence", "p_shell", "p_voice", "p_web"}));
    ASSERT_EQ(packets.rows.size(), 180u);
    std::size_t correct = 0;
    for (const auto& row : packets.rows) {
        const std::string folder = std::filesystem::path(row[0]).parent_path().filename().string();
        correct += row[packets.column("label")] == folder;
        const double p = std::stod(row[12]) + std::stod(row[13]) + std::stod(row[14]);
        EXPECT_NEAR(p, 1.0, 2e-3);
    }
    EXPECT_GE(correct, 171u);
    EXPECT_EQ(packets.rows[0][packets.column("src")], "10.0.0.2");

    const CsvTable flows = readCsvFile(out("flows.csv"));
    ASSERT_EQ(flows.rows.size(), 9u);
    EXPECT_EQ(flows.header[0], "flow_id");
    for (const auto& row : flows.rows) {
        EXPECT_EQ(row[flows.column("packets")], "20");
    }
}

TEST_F(ModelCommands, ClassifyFindsThePretrainedModelOfTheTask) {
    // $DEEPPACKET_MODELS is the first place looked in; <task>-<arch>.dpm is the name.
    std::filesystem::create_directories(dir_->path("pretrained"));
    std::filesystem::copy_file(model(), dir_->path("pretrained/application-sae.dpm"),
                               std::filesystem::copy_options::overwrite_existing);
    ::setenv("DEEPPACKET_MODELS", dir_->path("pretrained").c_str(), 1);
    CliRun run = cli({"classify", "-q", "--task", "application", "--json", "-o",
                      dir_->path("out-default"), dir_->path("captures")});
    ::unsetenv("DEEPPACKET_MODELS");
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("pretrained/application-sae.dpm"), std::string::npos) << run.out;
    CliRun bad =
        cli({"classify", "--task", "voice", "-o", dir_->path("out-bad"), dir_->path("captures")});
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("--task application|traffic"), std::string::npos) << bad.err;
}

TEST_F(ModelCommands, ClassifyJson) {
    CliRun run = cli({"classify", "-q", "--json", "--model", model(), "-o", dir_->path("out"),
                      captures_.files[1]});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out.front(), '{');
    const auto summary = nlohmann::json::parse(run.out);
    EXPECT_EQ(summary["packets"], 60) << run.out;
    EXPECT_EQ(summary["classes"][1],
              nlohmann::json::parse(R"({"name": "voice", "packets": 60, "flows": 3})"));
}

TEST_F(ModelCommands, EvaluateWithFolderLabels) {
    CliRun run = cli({"evaluate", "-q", "--model", model(), "--labels", "folder", "-o",
                      dir_->path("out"), dir_->path("captures")});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("macro average"), std::string::npos) << run.out;

    const CsvTable metrics = readCsvFile(out("metrics.csv"));
    ASSERT_EQ(metrics.rows.size(), 6u);  // 3 classes, 2 averages, accuracy
    EXPECT_EQ(metrics.rows[5][0], "accuracy");
    EXPECT_GE(std::stod(metrics.rows[5][3]), 0.95);  // per packet
    EXPECT_EQ(metrics.rows[5][4], "180");
    EXPECT_DOUBLE_EQ(std::stod(metrics.rows[5][7]), 1.0);  // per flow
    EXPECT_EQ(metrics.rows[0][0], "shell");
    EXPECT_EQ(metrics.rows[0][4], "60");  // packet support
    EXPECT_EQ(metrics.rows[0][8], "3");   // flow support

    const CsvTable confusion = readCsvFile(out("confusion.csv"));
    EXPECT_EQ(confusion.header,
              (std::vector<std::string>{"level", "kind", "truth", "shell", "voice", "web"}));
    EXPECT_EQ(confusion.rows.size(), 12u);
    const std::string tree = readText(out("dendrogram.json"));
    EXPECT_EQ(nlohmann::json::parse(tree)["labels"],
              nlohmann::json::parse(R"(["shell", "voice", "web"])"))
        << tree;
    EXPECT_EQ(readText(out("dendrogram.nwk")).back(), '\n');

    const CsvTable packets = readCsvFile(out("packets.csv"));
    const std::size_t truth = packets.column("truth");
    ASSERT_NE(truth, std::string::npos);
    EXPECT_EQ(packets.rows[0][truth], "shell");
}

TEST_F(ModelCommands, EvaluateWithFlowLabels) {
    // Label only the voice flows, from their 5-tuples: everything else is unlabelled.
    const CsvTable flows = [&] {
        CliRun run = cli({"classify", "-q", "--model", model(), "-o", dir_->path("flowsrun"),
                          captures_.files[1]});
        EXPECT_EQ(run.code, 0) << run.err;
        return readCsvFile(dir_->path("flowsrun/flows.csv"));
    }();
    std::ostringstream labels;
    labels << "src,src_port,dst,dst_port,protocol,label\n";
    for (const auto& row : flows.rows) {
        // Written in the reverse direction: labels match either way.
        labels << row[flows.column("dst")] << "," << row[flows.column("dst_port")] << ","
               << row[flows.column("src")] << "," << row[flows.column("src_port")] << ","
               << row[flows.column("protocol")] << ",voice\n";
    }
    const std::string labelFile = dir_->path("flow-labels.csv");
    const std::string text = labels.str();
    test::writeFile(labelFile, test::Bytes(text.begin(), text.end()));
    CliRun run = cli({"evaluate", "-q", "--model", model(), "--labels", "flows:" + labelFile, "-o",
                      dir_->path("out"), dir_->path("captures")});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.err.find("120 packets have no label"), std::string::npos) << run.err;
    const CsvTable metrics = readCsvFile(out("metrics.csv"));
    EXPECT_EQ(metrics.rows[1][0], "voice");
    EXPECT_EQ(metrics.rows[1][4], "60");
    EXPECT_EQ(metrics.rows[1][8], "3");
}

TEST_F(ModelCommands, EvaluateFailsWithoutUsableLabels) {
    CliRun run = cli({"evaluate", "-q", "--model", model(), "--labels", "iscx-traffic", "-o",
                      dir_->path("nolabels"), dir_->path("captures")});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("no packet has a label the model knows"), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir_->path("nolabels/metrics.csv")));
    EXPECT_FALSE(std::filesystem::exists(dir_->path("nolabels/packets.csv")));
    CliRun bad = cli({"evaluate", "--model", model(), "--labels", "colour", "-o",
                      dir_->path("nolabels"), dir_->path("captures")});
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.err.find("unknown label scheme 'colour'"), std::string::npos) << bad.err;
    EXPECT_EQ(
        cli({"evaluate", "--model", model(), "-o", dir_->path("x"), dir_->path("captures")}).code,
        2);  // no --labels
}

TEST_F(ModelCommands, Info) {
    CliRun text = cli({"info", model()});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("Network        SAE 1500-400-300-200-100-50-3"), std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("Classes        3: shell, voice, web"), std::string::npos);
    EXPECT_NE(text.out.find("Parameters     806203"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("trained by the CLI test"), std::string::npos);
    CliRun json = cli({"info", "--json", model()});
    ASSERT_EQ(json.code, 0);
    EXPECT_NE(json.out.find("\"format\": \"deeppacket-model\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"parameters\": 806203"), std::string::npos);
}

TEST_F(ModelCommands, BadModelsAndDevices) {
    test::writeFile(dir_->path("broken.dpm"), test::Bytes{'D', 'P', 'M', 'O', 'D', 'E', 'L', 0, 1});
    CliRun broken = cli({"classify", "--model", dir_->path("broken.dpm"), "-o", dir_->path("out"),
                         dir_->path("captures")});
    EXPECT_EQ(broken.code, 1);
    EXPECT_NE(broken.err.find("broken.dpm: the model file is truncated"), std::string::npos)
        << broken.err;
    CliRun info = cli({"info", dir_->path("broken.dpm")});
    EXPECT_EQ(info.code, 1);
    if (!cudaAvailable()) {
        CliRun cuda = cli({"classify", "--device", "cuda", "--model", model(), "-o",
                           dir_->path("out"), dir_->path("captures")});
        EXPECT_EQ(cuda.code, 1);
        EXPECT_NE(cuda.err.find("CUDA was requested"), std::string::npos) << cuda.err;
    }
    EXPECT_EQ(cli({"classify", "--device", "tpu", "--model", model(), "-o", dir_->path("out"),
                   dir_->path("captures")})
                  .code,
              2);
}

}  // namespace
}  // namespace deeppacket

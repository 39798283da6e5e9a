// The shipped pretrained models (models/pretrained): each loads, has the classes its card
// documents, and scores the bundled lab sample at least as well as its card states.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "models/model.h"
#include "tests/support/cli_runner.h"

namespace deeppacket {
namespace {

TEST(PretrainedModels, LoadAndScoreTheBundledSampleAsDocumented) {
    const std::string folder = DEEPPACKET_PRETRAINED;
    const std::string sample = DEEPPACKET_LAB_SAMPLE;
    std::ifstream in(folder + "/expected.json");
    ASSERT_TRUE(in) << "models/pretrained/expected.json is missing";
    const auto expected = nlohmann::json::parse(in);
    // The paper's SAE and CNN for both tasks (and flow models beside them, where shipped).
    ASSERT_GE(expected.size(), 4u);
    test::TempDir dir;
    for (const auto& [name, want] : expected.items()) {
        SCOPED_TRACE(name);
        const std::string path = folder + "/" + name;
        const Model model = Model::load(path);
        EXPECT_EQ(model.card().classes, want["classes"].get<std::vector<std::string>>());
        EXPECT_EQ(model.card().task, want["task"].get<std::string>());
        EXPECT_EQ(model.card().provenance.split, want["split"].get<std::string>());
        EXPECT_LT(std::filesystem::file_size(path), 20u << 20) << "each model under 20 MB";
        const std::string task = want["task"];
        // A flow model is scored beside the packet model its entry names.
        std::vector<std::string> models = {"-m", path};
        if (want.contains("packet_model")) {
            EXPECT_TRUE(model.classifiesFlows());
            models = {"-m", folder + "/" + want["packet_model"].get<std::string>(), "--flow-model",
                      path};
        }
        std::vector<std::string> args = {"evaluate", "-q", "--json"};
        args.insert(args.end(), models.begin(), models.end());
        for (const std::string& a :
             {std::string("--labels"), "files:" + sample + "/labels-" + task + ".csv", sample,
              std::string("-o"), dir.path(name)}) {
            args.push_back(a);
        }
        test::CliRun run = test::runCli(args, dir);
        ASSERT_EQ(run.code, 0) << run.err;
        const auto scores = nlohmann::json::parse(run.out)["evaluation"];
        // A hair of slack: thread counts change the order of float sums.
        EXPECT_GE(scores["packets"]["accuracy"].get<double>(),
                  want["sample_packet_accuracy"].get<double>() - 0.005);
        EXPECT_GE(scores["flows"]["accuracy"].get<double>(),
                  want["sample_flow_accuracy"].get<double>() - 0.005);
    }
}

}  // namespace
}  // namespace deeppacket

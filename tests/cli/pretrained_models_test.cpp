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
    ASSERT_EQ(expected.size(), 4u);
    test::TempDir dir;
    for (const auto& [name, want] : expected.items()) {
        SCOPED_TRACE(name);
        const std::string path = folder + "/" + name;
        const Model model = Model::load(path);
        EXPECT_EQ(model.card().classes, want["classes"].get<std::vector<std::string>>());
        EXPECT_EQ(model.card().task, want["task"].get<std::string>());
        EXPECT_EQ(model.card().provenance.split, "flow");
        EXPECT_LT(std::filesystem::file_size(path), 20u << 20) << "each model under 20 MB";
        const std::string task = want["task"];
        test::CliRun run = test::runCli(
            {"evaluate", "-q", "--json", "-m", path, "--labels",
             "files:" + sample + "/labels-" + task + ".csv", sample, "-o", dir.path(name)},
            dir);
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

#include "models/model.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/packet_stream.h"
#include "models/compute_device.h"
#include "models/model_conversion.h"
#include "models/model_file.h"
#include "models/network.h"
#include "tests/support/packet_builder.h"
#include "tests/support/shell_command.h"

namespace deeppacket {
namespace {

ModelCard cardFor(const NetworkSpec& spec) {
    ModelCard card;
    card.network = spec;
    card.task = "traffic";
    for (int i = 0; i < spec.classes; ++i) {
        card.classes.push_back("class " + std::to_string(i));
    }
    card.preprocessing.vectorLength = static_cast<std::size_t>(spec.inputLength);
    card.preprocessing.maskTcpSequence = true;
    card.provenance.dataset = "unit test";
    card.provenance.split = "flow";
    card.provenance.seed = 42;
    card.provenance.created = "2026-11-29T12:00:00Z";
    card.provenance.programVersion = "0.1.0";
    card.metricsJson = R"({"packets":{"accuracy":0.5}})";
    return card;
}

// Real packet vectors: the bundled sample capture.
std::vector<std::uint8_t> sampleVectors(std::size_t length, std::size_t& count) {
    PreprocessOptions options;
    options.vectorLength = length;
    PacketStream stream({DEEPPACKET_SAMPLE_CAPTURE}, options);
    PacketBatch batch(length, 64);
    stream.next(batch);
    count = batch.size();
    return {batch.vectors(), batch.vectors() + count * length};
}

std::vector<float> outputsOf(Model& model, const std::vector<std::uint8_t>& vectors,
                             std::size_t count) {
    std::vector<float> out(count * model.classCount());
    model.logProbabilities(vectors.data(), count, out.data());
    return out;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, const std::string& bytes) {
    test::writeFile(path, test::Bytes(bytes.begin(), bytes.end()));
}

std::string loadError(const std::string& path, ModelTrust trust = ModelTrust::DataOnly) {
    try {
        Model::load(path, trust);
    } catch (const ModelError& e) {
        return e.what();
    }
    return "loaded without error";
}

TEST(ModelCard, EveryPreprocessingFieldRoundTrips) {
    for (const auto& f : kPreprocessFlags) {
        ModelCard card;
        card.network = NetworkSpec::paperSae(2);
        card.classes = {"a", "b"};
        card.preprocessing.*f.member = !(card.preprocessing.*f.member);
        const ModelCard again = ModelCard::fromJson(card.toJson(), "test");
        EXPECT_EQ(again.preprocessing, card.preprocessing) << f.key;
        EXPECT_NE(card.toJson().find(std::string("\"") + f.key + "\""), std::string::npos);
    }
}

TEST(Networks, TheInputOfAByteIsItOver255) {
    // One transform for inference (Model) and training (the batches): the same bytes must
    // reach the network as the same floats.
    const torch::Tensor bytes =
        torch::tensor({0, 1, 128, 255}, torch::kInt32).to(torch::kUInt8).view({1, 4});
    const torch::Tensor input = networkInput(bytes, torch::kCPU);
    ASSERT_EQ(input.scalar_type(), torch::kFloat32);
    ASSERT_EQ(input.sizes(), bytes.sizes());
    const float expected[] = {0.0f, 1.0f / 255.0f, 128.0f / 255.0f, 1.0f};
    for (int i = 0; i < 4; ++i) {
        EXPECT_FLOAT_EQ(input[0][i].item<float>(), expected[i]);
    }
}

TEST(Networks, ParameterCountsOfThePaperNetworks) {
    EXPECT_EQ(Model::create(cardFor(NetworkSpec::paperSae(17)), 1).parameterCount(), 806917u);
    // Stride 3 in both convolutions: 4.76 M parameters (the literal reading has 36.6 M).
    EXPECT_EQ(Model::create(cardFor(NetworkSpec::paperCnn(17)), 1).parameterCount(), 4757297u);
    EXPECT_EQ(NetworkSpec::paperCnn(12).convOutputLength(), 83);
    EXPECT_EQ(NetworkSpec::paperSae(17).summary(), "SAE 1500-400-300-200-100-50-17");
    EXPECT_EQ(NetworkSpec::paperCnn(12).summary(),
              "CNN 1500 conv 200x5/3, 80x4/3, avg-pool 2, dense 600-500-400-300-200-100-50-12");
}

TEST(Networks, OutputsAreLogProbabilities) {
    Model model = Model::create(cardFor(NetworkSpec::paperCnn(4)), 3);
    std::size_t count = 0;
    const auto vectors = sampleVectors(1500, count);
    ASSERT_GT(count, 10u);
    const auto out = outputsOf(model, vectors, count);
    for (std::size_t i = 0; i < count; ++i) {
        double total = 0;
        for (std::size_t c = 0; c < 4; ++c) {
            EXPECT_LE(out[i * 4 + c], 0.0f);
            total += std::exp(static_cast<double>(out[i * 4 + c]));
        }
        EXPECT_NEAR(total, 1.0, 1e-5);
    }
}

TEST(Networks, SeedsDecideTheInitialWeights) {
    std::size_t count = 0;
    const auto vectors = sampleVectors(1500, count);
    Model a = Model::create(cardFor(NetworkSpec::paperSae(3)), 5);
    Model b = Model::create(cardFor(NetworkSpec::paperSae(3)), 5);
    Model c = Model::create(cardFor(NetworkSpec::paperSae(3)), 6);
    EXPECT_EQ(outputsOf(a, vectors, count), outputsOf(b, vectors, count));
    EXPECT_NE(outputsOf(a, vectors, count), outputsOf(c, vectors, count));
}

TEST(ModelFile, SaveLoadGivesIdenticalOutputs) {
    test::TempDir dir;
    std::size_t count = 0;
    const auto vectors = sampleVectors(1500, count);
    for (const auto& spec : {NetworkSpec::paperSae(5), NetworkSpec::paperCnn(5)}) {
        SCOPED_TRACE(spec.summary());
        Model model = Model::create(cardFor(spec), 11);
        const auto before = outputsOf(model, vectors, count);
        const std::string path = dir.path(networkKindName(spec.kind) + ".dpm");
        model.save(path);
        Model loaded = Model::load(path);
        EXPECT_EQ(outputsOf(loaded, vectors, count), before);  // bit for bit
        const ModelCard& card = loaded.card();
        EXPECT_EQ(card.network.summary(), spec.summary());
        EXPECT_EQ(card.task, "traffic");
        EXPECT_EQ(card.classes, model.card().classes);
        EXPECT_EQ(card.preprocessing, model.card().preprocessing);
        EXPECT_TRUE(card.preprocessing.maskTcpSequence);
        EXPECT_EQ(card.provenance.split, "flow");
        EXPECT_EQ(card.provenance.seed, 42u);
        EXPECT_EQ(nlohmann::json::parse(card.metricsJson)["packets"]["accuracy"], 0.5);
        EXPECT_EQ(loaded.parameterCount(), model.parameterCount());
    }
}

class ModelFileErrors : public ::testing::Test {
  protected:
    void SetUp() override {
        path_ = dir_.path("good.dpm");
        Model::create(cardFor(NetworkSpec::paperSae(3, 64)), 1).save(path_);
        bytes_ = readBytes(path_);
        contents_ = readModelFile(path_);
    }
    // Writes contents with a changed card, through the real writer (valid checksum).
    std::string withCard(const std::function<void(nlohmann::json&)>& change) {
        ModelFileContents c = contents_;
        auto card = nlohmann::json::parse(c.cardJson);
        change(card);
        c.cardJson = card.dump();
        const std::string path = dir_.path("changed.dpm");
        writeModelFile(path, c);
        return path;
    }

    test::TempDir dir_;
    std::string path_;
    std::string bytes_;
    ModelFileContents contents_;
};

TEST_F(ModelFileErrors, TruncatedAtAnyOffset) {
    for (std::size_t size :
         {std::size_t{0}, std::size_t{5}, std::size_t{8}, std::size_t{13}, std::size_t{30},
          bytes_.size() / 3, bytes_.size() / 2, bytes_.size() - 5, bytes_.size() - 1}) {
        writeBytes(dir_.path("cut.dpm"), bytes_.substr(0, size));
        const std::string error = loadError(dir_.path("cut.dpm"));
        EXPECT_NE(error.find("cut.dpm"), std::string::npos) << size << ": " << error;
        EXPECT_TRUE(error.find("truncated") != std::string::npos ||
                    error.find("not a Deep Packet") != std::string::npos ||
                    error.find("neither") != std::string::npos ||
                    error.find("checksum") != std::string::npos)
            << size << ": " << error;
    }
}

TEST_F(ModelFileErrors, FlippedBytes) {
    for (std::size_t offset :
         {std::size_t{30}, bytes_.size() / 2, bytes_.size() - 100, bytes_.size() - 2}) {
        std::string flipped = bytes_;
        flipped[offset] = static_cast<char>(flipped[offset] ^ 0x10);
        writeBytes(dir_.path("flipped.dpm"), flipped);
        const std::string error = loadError(dir_.path("flipped.dpm"));
        EXPECT_NE(error, "loaded without error") << offset;
        EXPECT_NE(error.find("flipped.dpm"), std::string::npos) << error;
    }
    std::string flipped = bytes_;
    flipped[bytes_.size() / 2] = static_cast<char>(flipped[bytes_.size() / 2] ^ 0x01);
    writeBytes(dir_.path("flipped.dpm"), flipped);
    EXPECT_NE(loadError(dir_.path("flipped.dpm")).find("checksum mismatch"), std::string::npos);
}

TEST_F(ModelFileErrors, UnknownVersion) {
    std::string future = bytes_;
    future[8] = 2;
    writeBytes(dir_.path("future.dpm"), future);
    EXPECT_NE(loadError(dir_.path("future.dpm")).find("model format version 2 is not supported"),
              std::string::npos);
}

TEST_F(ModelFileErrors, ClassCountMismatch) {
    const std::string path = withCard([](nlohmann::json& card) { card["classes"].push_back("x"); });
    EXPECT_NE(loadError(path).find("names 4 classes but the network has 3 outputs"),
              std::string::npos)
        << loadError(path);
    // A card whose network has 4 outputs does not fit weights made for 3.
    const std::string wider = withCard([](nlohmann::json& card) {
        card["classes"].push_back("x");
        card["network"]["classes"] = 4;
    });
    EXPECT_NE(loadError(wider).find("'head.weight' have shape [3, 50]"), std::string::npos)
        << loadError(wider);
}

TEST_F(ModelFileErrors, ShapeMismatchAndMissingFields) {
    const std::string shape =
        withCard([](nlohmann::json& card) { card["network"]["hidden"][0] = 300; });
    EXPECT_NE(loadError(shape).find("have shape [400, 64]"), std::string::npos) << loadError(shape);
    const std::string noClasses = withCard([](nlohmann::json& card) { card.erase("classes"); });
    EXPECT_NE(loadError(noClasses).find("has no 'classes'"), std::string::npos);
    const std::string noNetwork = withCard([](nlohmann::json& card) { card.erase("network"); });
    EXPECT_NE(loadError(noNetwork).find("has no 'network'"), std::string::npos);
    const std::string badKind =
        withCard([](nlohmann::json& card) { card["network"]["kind"] = "rnn"; });
    EXPECT_NE(loadError(badKind).find("unknown network kind 'rnn'"), std::string::npos);
    const std::string length =
        withCard([](nlohmann::json& card) { card["preprocessing"]["vector_length"] = 1500; });
    EXPECT_NE(loadError(length).find("makes vectors of 1500 bytes"), std::string::npos);

    ModelFileContents missing = contents_;
    missing.tensors.pop_back();
    writeModelFile(dir_.path("missing.dpm"), missing);
    EXPECT_NE(loadError(dir_.path("missing.dpm")).find("has no weights for 'head.bias'"),
              std::string::npos);
    ModelFileContents extra = contents_;
    extra.tensors.push_back({"decoder.weight", {2}, {1.0f, 2.0f}});
    writeModelFile(dir_.path("extra.dpm"), extra);
    EXPECT_NE(loadError(dir_.path("extra.dpm")).find("'decoder.weight'"), std::string::npos);
}

// Peak resident memory of this process, in MiB.
long peakMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

TEST_F(ModelFileErrors, CardsAreCheckedAgainstTheTensorsBeforeAnythingIsBuilt) {
    // A small file whose card claims a network of gigabytes: refused from the stored shapes,
    // without building the network (which would take 1.8 GB and 20 s).
    const long before = peakMegabytes();
    const std::string huge = withCard([](nlohmann::json& card) {
        card["network"]["hidden"] = {20000, 20000, 200, 100, 50};
    });
    const std::string error = loadError(huge);
    EXPECT_NE(error.find("changed.dpm: weights 'encoders.0.weight' have shape [400, 64] but the "
                         "network described by the card needs [20000, 64]"),
              std::string::npos)
        << error;
    EXPECT_THROW(describeModel(huge), ModelError);
    EXPECT_LT(peakMegabytes() - before, 200);

    // Integers are range-checked, not truncated: 2^32 + 12 classes is not 12.
    const std::string wrapped = withCard(
        [](nlohmann::json& card) { card["network"]["classes"] = (std::uint64_t{1} << 32) + 12; });
    EXPECT_NE(loadError(wrapped).find("'classes' is 4294967308, outside 2..65536"),
              std::string::npos)
        << loadError(wrapped);
    for (const nlohmann::json& size : {nlohmann::json(2000000000), nlohmann::json(-5),
                                       nlohmann::json(1.5), nlohmann::json("400")}) {
        const std::string bad =
            withCard([&](nlohmann::json& card) { card["network"]["hidden"][0] = size; });
        const std::string message = loadError(bad);
        EXPECT_NE(message.find("changed.dpm: the model card's hidden layer size"),
                  std::string::npos)
            << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    }
}

TEST(Networks, ParameterShapesAreThoseOfTheBuiltNetworks) {
    for (const NetworkSpec& spec :
         {NetworkSpec::paperSae(5), NetworkSpec::paperCnn(7), NetworkSpec::paperSae(3, 64)}) {
        std::size_t count = 0;
        for (const ParameterShape& p : spec.parameterShapes()) {
            std::size_t elements = 1;
            for (const auto d : p.shape) {
                elements *= static_cast<std::size_t>(d);
            }
            count += elements;
        }
        EXPECT_EQ(count, Model::create(cardFor(spec), 1).parameterCount()) << spec.summary();
    }
    // Names and shapes match exactly: loading checks them before copying by name.
    test::TempDir dir;
    Model::create(cardFor(NetworkSpec::paperCnn(4)), 2).save(dir.path("cnn.dpm"));
    EXPECT_NO_THROW(Model::load(dir.path("cnn.dpm")));
}

TEST_F(ModelFileErrors, NotAModel) {
    writeBytes(dir_.path("notes.txt"), "hello, this is not a model");
    EXPECT_NE(loadError(dir_.path("notes.txt")).find("neither a Deep Packet model file"),
              std::string::npos);
    EXPECT_NE(loadError(dir_.path("absent.dpm")).find("no such model file"), std::string::npos);
}

TEST(ModelFile, SavingIsAtomic) {
    test::TempDir dir;
    const std::string path = dir.path("m.dpm");
    writeBytes(path, "previous model");
    Model::create(cardFor(NetworkSpec::paperSae(3, 64)), 1).save(path);
    EXPECT_NO_THROW(Model::load(path));
    for (const auto& entry : std::filesystem::directory_iterator(dir.root())) {
        EXPECT_EQ(entry.path().filename(), "m.dpm");
    }
    EXPECT_THROW(Model::create(cardFor(NetworkSpec::paperSae(3, 64)), 1)
                     .save(dir.path("no/such/folder/m.dpm")),
                 ModelError);
}

TEST(Devices, CudaIsAClearErrorWithoutIt) {
    Model model = Model::create(cardFor(NetworkSpec::paperSae(3, 64)), 1);
    if (cudaAvailable()) {
        model.setDevice(DeviceChoice::Auto);
        EXPECT_EQ(model.device(), DeviceChoice::Cuda);
        return;
    }
    try {
        model.setDevice(DeviceChoice::Cuda);
        FAIL() << "asked for CUDA where there is none";
    } catch (const DeviceError& e) {
        EXPECT_NE(std::string(e.what()).find("CUDA was requested"), std::string::npos);
    }
    model.setDevice(DeviceChoice::Auto);
    EXPECT_EQ(model.device(), DeviceChoice::Cpu);
    EXPECT_FALSE(cudaUnavailableReason().empty());
}

TEST(TorchScript, ModuleSavedFromPythonLoadsAndClassifies) {
    test::TempDir dir;
    const std::string module = dir.path("net.pt");
    const std::string expectedPath = dir.path("expected.txt");
    if (!test::runPythonFixture(DEEPPACKET_FIXTURES "/make_torchscript.py",
                                {module, expectedPath})) {
        GTEST_SKIP() << "python3 with torch (Debian python3-torch) is not available";
    }
    writeBytes(module + ".json",
               R"({"classes": ["Chat", "Email", "VoIP"], "task": "traffic", "output": "logits",
                   "preprocessing": {"mask_checksums": true}})");
    // A TorchScript archive is a program: it opens only with the user's trust.
    EXPECT_THROW(Model::load(module), ModelCodeError);
    EXPECT_TRUE(modelHoldsCode(module));
    const ModelDescription described = describeModel(module);
    EXPECT_TRUE(described.program);
    EXPECT_FALSE(described.parameters.has_value());
    EXPECT_EQ(described.card.classes.size(), 3u);

    Model model = Model::load(module, ModelTrust::TrustCode);
    EXPECT_EQ(model.card().network.kind, NetworkKind::TorchScript);
    EXPECT_EQ(model.card().classes, (std::vector<std::string>{"Chat", "Email", "VoIP"}));
    EXPECT_TRUE(model.card().preprocessing.maskChecksums);
    EXPECT_EQ(model.parameterCount(), 1500u * 16 + 16 + 16 * 3 + 3);

    std::vector<std::uint8_t> input(2 * 1500);
    for (std::size_t row = 0; row < 2; ++row) {
        for (std::size_t column = 0; column < 1500; ++column) {
            input[row * 1500 + column] = static_cast<std::uint8_t>((row * 7 + column) % 256);
        }
    }
    std::vector<float> out(6);
    model.logProbabilities(input.data(), 2, out.data());
    std::ifstream expectedFile(expectedPath);
    for (std::size_t i = 0; i < 6; ++i) {
        float expected = 0;
        expectedFile >> expected;
        EXPECT_NEAR(out[i], expected, 1e-5) << i;
    }
    EXPECT_THROW(model.save(dir.path("x.dpm")), ModelError);

    // Its layers are an SAE's: it converts to a data-only model with the same outputs.
    const Model converted = convertToDataModel(model, module);
    EXPECT_EQ(converted.card().network.summary(), "SAE 1500-16-3");
    converted.save(dir.path("converted.dpm"));
    Model reloaded = Model::load(dir.path("converted.dpm"));
    std::vector<float> again(6);
    reloaded.logProbabilities(input.data(), 2, again.data());
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_NEAR(again[i], out[i], 1e-5) << i;
    }

    // A sidecar naming more classes than the module has outputs is refused.
    writeBytes(module + ".json", R"({"classes": ["a", "b", "c", "d"]})");
    EXPECT_NE(loadError(module, ModelTrust::TrustCode).find("outputs shape [2, 3]"),
              std::string::npos)
        << loadError(module, ModelTrust::TrustCode);
    std::filesystem::remove(module + ".json");
    EXPECT_NE(loadError(module, ModelTrust::TrustCode).find("needs a JSON sidecar"),
              std::string::npos);
}

TEST(TorchScript, ACodeModelRunsNothingWithoutTrust) {
    test::TempDir dir;
    const std::string module = dir.path("model.pt");
    const std::string witness = dir.path("written-by-the-model");
    if (!test::runPythonFixture(DEEPPACKET_FIXTURES "/make_code_model.py", {module, witness})) {
        GTEST_SKIP() << "python3 with torch (Debian python3-torch) is not available";
    }
    EXPECT_THROW(Model::load(module), ModelCodeError);
    EXPECT_EQ(describeModel(module).card.classes.size(), 3u);
    // Renamed .dpm, the same archive is read as data only: refused, not run.
    std::filesystem::copy_file(module, dir.path("innocent.dpm"));
    std::filesystem::copy_file(module + ".json", dir.path("innocent.dpm.json"));
    EXPECT_FALSE(modelHoldsCode(dir.path("innocent.dpm")));
    EXPECT_NE(loadError(dir.path("innocent.dpm"), ModelTrust::TrustCode).find("zip archive"),
              std::string::npos);
    EXPECT_THROW(describeModel(dir.path("innocent.dpm")), ModelError);
    EXPECT_FALSE(std::filesystem::exists(witness));
    // With trust it runs: the witness shows that the test can tell.
    Model::load(module, ModelTrust::TrustCode);
    EXPECT_TRUE(std::filesystem::exists(witness));
}

}  // namespace
}  // namespace deeppacket

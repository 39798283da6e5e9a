#include "models/model.h"

#include <c10/core/InferenceMode.h>
#include <torch/types.h>
#include <torch/utils.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>

#include "core/atomic_file.h"
#include "core/version.h"
#include "models/compute_device.h"
#include "models/model_description.h"
#include "models/model_file.h"
#include "models/network.h"

namespace deeppacket {

struct Model::Impl {
    ModelCard card;
    std::unique_ptr<Network> network;
    torch::Device device{torch::kCPU};
    DeviceChoice deviceChoice = DeviceChoice::Cpu;
};

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::~Model() = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

Model Model::create(ModelCard card, std::uint64_t seed) {
    if (const std::string problem = card.network.problem(); !problem.empty()) {
        throw ModelError("cannot build the network: " + problem);
    }
    if (card.network.kind == NetworkKind::TorchScript) {
        throw ModelError("TorchScript models are loaded, not created");
    }
    if (static_cast<int>(card.classes.size()) != card.network.classes) {
        throw ModelError("the card names " + std::to_string(card.classes.size()) +
                         " classes but the network has " + std::to_string(card.network.classes) +
                         " outputs");
    }
    if (!card.network.classifiesFlows()) {
        card.preprocessing.vectorLength = static_cast<std::size_t>(card.network.inputLength);
    }
    if (card.provenance.created.empty()) {
        const std::time_t now = std::time(nullptr);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
        card.provenance.created = stamp;
    }
    if (card.provenance.programVersion.empty()) {
        card.provenance.programVersion = version();
    }
    torch::manual_seed(seed);
    auto impl = std::make_unique<Impl>();
    impl->network = makeNativeNetwork(card.network);
    impl->network->setTraining(false);
    impl->card = std::move(card);
    return Model(std::move(impl));
}

Model Model::load(const std::string& path, ModelTrust trust) {
    if (!std::filesystem::is_regular_file(path)) {
        throw ModelError(path + ": no such model file");
    }
    auto impl = std::make_unique<Impl>();
    if (modelHoldsCode(path)) {
        if (trust != ModelTrust::TrustCode) {
            throw ModelCodeError(path +
                                 ": a TorchScript model is a program that runs as soon as it "
                                 "is opened; it is opened only when you trust where it came "
                                 "from");
        }
        impl->card = torchScriptCard(path);
        impl->network = loadTorchScriptNetwork(path, impl->card.outputKind);
        // A probe batch checks that the module takes the inputs and gives the classes it says.
        torch::Tensor out;
        try {
            c10::InferenceMode guard;
            out =
                impl->network->logProbabilities(torch::zeros({2, impl->card.network.inputLength}));
        } catch (const c10::Error& e) {
            throw ModelError(path + ": the TorchScript module fails on a [2, " +
                             std::to_string(impl->card.network.inputLength) +
                             "] input: " + e.what_without_backtrace());
        }
        if (out.dim() != 2 || out.size(0) != 2 || out.size(1) != impl->card.network.classes) {
            throw ModelError(path + ": the TorchScript module outputs shape " +
                             shapeText(out.sizes().vec()) +
                             " for 2 inputs, but its sidecar names " +
                             std::to_string(impl->card.network.classes) + " classes");
        }
        return Model(std::move(impl));
    }
    if (!looksLikeModelFile(path)) {
        throw ModelError(path + (looksLikeZipArchive(path)
                                     ? ": not a Deep Packet model file but a zip archive, as "
                                       "TorchScript programs are; a .dpm file is only ever read "
                                       "as data"
                                     : ": neither a Deep Packet model file (.dpm) nor a "
                                       "TorchScript archive"));
    }
    const ModelFileContents contents = readModelFile(path);
    impl->card = ModelCard::fromJson(contents.cardJson, path);
    std::map<std::string, const StoredTensor*> stored = checkedTensors(contents, impl->card, path);
    try {
        impl->network = makeNativeNetwork(impl->card.network);
    } catch (const c10::Error& e) {
        throw ModelError(path + ": cannot build the network: " + e.what_without_backtrace());
    }
    impl->network->setTraining(false);
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : impl->network->namedParameters()) {
        const StoredTensor& t = *stored.at(name);
        tensor.copy_(
            torch::from_blob(const_cast<float*>(t.values.data()), tensor.sizes(), torch::kFloat32));
    }
    return Model(std::move(impl));
}

void Model::save(const std::string& path) const {
    if (impl_->card.network.kind == NetworkKind::TorchScript) {
        throw ModelError(path + ": TorchScript models are kept in their own format");
    }
    ModelFileContents contents;
    contents.cardJson = impl_->card.toJson();
    for (const auto& [name, tensor] : impl_->network->namedParameters()) {
        const torch::Tensor cpu = tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous();
        StoredTensor t;
        t.name = name;
        t.shape = cpu.sizes().vec();
        t.values.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
        contents.tensors.push_back(std::move(t));
    }
    try {
        writeModelFile(path, contents);
    } catch (const FileWriteError& e) {
        throw ModelError(e.what());
    }
}

const ModelCard& Model::card() const {
    return impl_->card;
}
ModelCard& Model::card() {
    return impl_->card;
}

std::size_t Model::parameterCount() const {
    std::size_t count = 0;
    for (const auto& [name, tensor] : impl_->network->namedParameters()) {
        count += static_cast<std::size_t>(tensor.numel());
    }
    return count;
}

void Model::setDevice(DeviceChoice choice) {
    const DeviceChoice resolved = resolveDevice(choice);
    impl_->device =
        resolved == DeviceChoice::Cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    impl_->network->to(impl_->device);
    impl_->deviceChoice = resolved;
}

DeviceChoice Model::device() const {
    return impl_->deviceChoice;
}

std::size_t Model::classCount() const {
    return impl_->card.classes.size();
}

std::size_t Model::inputLength() const {
    return static_cast<std::size_t>(impl_->card.network.inputLength);
}

bool Model::classifiesFlows() const {
    return impl_->card.network.classifiesFlows();
}

std::size_t Model::flowClassCount() const {
    return classCount();
}

void Model::flowLogProbabilities(const float* features, std::size_t count, float* out) {
    if (!classifiesFlows()) {
        throw ModelError("a packet model cannot classify flow features");
    }
    c10::InferenceMode guard;
    const std::size_t columns = inputLength();
    const std::size_t classes = classCount();
    const torch::Tensor input =
        torch::from_blob(const_cast<float*>(features),
                         {static_cast<std::int64_t>(count), static_cast<std::int64_t>(columns)},
                         torch::kFloat32)
            .to(impl_->device);
    const torch::Tensor result =
        impl_->network->logProbabilities(input).to(torch::kCPU, torch::kFloat32).contiguous();
    std::memcpy(out, result.data_ptr<float>(), count * classes * sizeof(float));
}

void Model::logProbabilities(const std::uint8_t* vectors, std::size_t count, float* out) {
    if (classifiesFlows()) {
        throw ModelError("a flow model classifies flows, not packet vectors");
    }
    // The guard is thread-local: it belongs on the thread that runs the batch.
    c10::InferenceMode guard;
    const std::size_t columns = inputLength();
    const std::size_t classes = classCount();
    // On the CPU, a forward pass whose activations outgrow glibc's largest reusable heap block
    // (32 MiB) gets fresh pages from the kernel for every batch, and the page faults dominate:
    // measured here, the paper's CNN fell from 2.9 k to 0.27 k packets/s going from batch 64 to
    // 256, in Python PyTorch alike. Passes of at most ~24 MiB of activations avoid that.
    std::size_t rowsPerPass = count;
    if (impl_->device.is_cpu()) {
        const std::size_t bytesPerRow = impl_->card.network.largestActivation() * sizeof(float);
        rowsPerPass = std::max<std::size_t>(1, (std::size_t{24} << 20) / bytesPerRow);
    }
    for (std::size_t start = 0; start < count; start += rowsPerPass) {
        const std::size_t rows = std::min(rowsPerPass, count - start);
        const torch::Tensor bytes = torch::from_blob(
            const_cast<std::uint8_t*>(vectors + start * columns),
            {static_cast<std::int64_t>(rows), static_cast<std::int64_t>(columns)}, torch::kUInt8);
        const torch::Tensor input = networkInput(bytes, impl_->device);
        const torch::Tensor result =
            impl_->network->logProbabilities(input).to(torch::kCPU, torch::kFloat32).contiguous();
        std::memcpy(out + start * classes, result.data_ptr<float>(),
                    rows * classes * sizeof(float));
    }
}

Network& Model::network() {
    return *impl_->network;
}

}  // namespace deeppacket

#include "models/model_description.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace deeppacket {
namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The JSON beside a TorchScript archive: FILE.json, or FILE with its extension replaced.
std::string sidecarOf(const std::string& path) {
    for (const std::string& candidate :
         {path + ".json", std::filesystem::path(path).replace_extension(".json").string()}) {
        if (std::filesystem::is_regular_file(candidate)) {
            return candidate;
        }
    }
    throw ModelError(path + ": a TorchScript model needs a JSON sidecar (" + path +
                     ".json) naming its classes");
}

// Turns the sidecar of a TorchScript model into a model card.
ModelCard cardFromSidecar(const std::string& sidecar) {
    using Json = nlohmann::json;
    Json side;
    try {
        side = Json::parse(readText(sidecar));
    } catch (const Json::parse_error& e) {
        throw ModelError(sidecar + ": not valid JSON (" + e.what() + ")");
    }
    if (!side.is_object() || !side.contains("classes") || !side["classes"].is_array()) {
        throw ModelError(sidecar + ": the sidecar must be a JSON object with a 'classes' list");
    }
    Json preprocessing = side.value("preprocessing", Json::object());
    const int inputLength = side.value("input_length", preprocessing.value("vector_length", 1500));
    preprocessing["vector_length"] = inputLength;
    Json card = {
        {"network",
         {{"kind", "torchscript"},
          {"input_length", inputLength},
          {"classes", side["classes"].size()},
          {"output", side.value("output", std::string("logits"))}}},
        {"task", side.value("task", std::string())},
        {"classes", side["classes"]},
        {"preprocessing", preprocessing},
        {"provenance", side.value("provenance", Json::object())},
        {"metrics", side.value("metrics", Json())},
    };
    return ModelCard::fromJson(card.dump(), sidecar);
}

bool namedDataFile(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".dpm";
}

}  // namespace

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::string out = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        out += (i ? ", " : "") + std::to_string(shape[i]);
    }
    return out + "]";
}

bool looksLikeZipArchive(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0;
}

bool modelHoldsCode(const std::string& path) {
    return !namedDataFile(path) && !looksLikeModelFile(path) && looksLikeZipArchive(path);
}

ModelCard torchScriptCard(const std::string& path) {
    return cardFromSidecar(sidecarOf(path));
}

std::map<std::string, const StoredTensor*> checkedTensors(const ModelFileContents& contents,
                                                          const ModelCard& card,
                                                          const std::string& path) {
    if (card.network.kind == NetworkKind::TorchScript) {
        throw ModelError(path + ": a Deep Packet model file cannot hold a TorchScript network");
    }
    std::map<std::string, const StoredTensor*> stored;
    for (const auto& t : contents.tensors) {
        if (!stored.emplace(t.name, &t).second) {
            throw ModelError(path + ": tensor '" + t.name + "' appears twice");
        }
    }
    const std::vector<ParameterShape> needed = card.network.parameterShapes();
    for (const ParameterShape& p : needed) {
        auto it = stored.find(p.name);
        if (it == stored.end()) {
            throw ModelError(path + ": the file has no weights for '" + p.name + "'");
        }
        if (it->second->shape != p.shape) {
            throw ModelError(path + ": weights '" + p.name + "' have shape " +
                             shapeText(it->second->shape) +
                             " but the network described by the card needs " + shapeText(p.shape));
        }
    }
    if (stored.size() != needed.size()) {
        for (const auto& entry : stored) {
            // A lambda cannot capture a structured binding in C++17.
            const std::string& name = entry.first;
            if (std::none_of(needed.begin(), needed.end(),
                             [&](const ParameterShape& p) { return p.name == name; })) {
                throw ModelError(path + ": the file has weights '" + name +
                                 "' that the network described by the card does not have");
            }
        }
    }
    return stored;
}

ModelDescription describeModel(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) {
        throw ModelError(path + ": no such model file");
    }
    ModelDescription out;
    if (modelHoldsCode(path)) {
        out.card = torchScriptCard(path);
        out.program = true;
        return out;
    }
    const ModelFileContents contents = readModelFile(path);
    out.card = ModelCard::fromJson(contents.cardJson, path);
    std::size_t parameters = 0;
    for (const auto& [name, tensor] : checkedTensors(contents, out.card, path)) {
        parameters += tensor->values.size();
    }
    out.parameters = parameters;
    return out;
}

}  // namespace deeppacket

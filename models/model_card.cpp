#include "models/model_card.h"

#include <nlohmann/json.hpp>

namespace deeppacket {
namespace {

using Json = nlohmann::json;

// Reads a required field of a given JSON type, with a clear error when it is missing or wrong.
const Json& field(const Json& object, const char* name, Json::value_t type,
                  const std::string& where) {
    auto it = object.find(name);
    if (it == object.end()) {
        throw ModelError(where + ": the model card has no '" + name + "'");
    }
    const bool numberWanted = type == Json::value_t::number_integer ||
                              type == Json::value_t::number_unsigned ||
                              type == Json::value_t::number_float;
    const bool ok = numberWanted ? it->is_number() : it->type() == type;
    if (!ok) {
        throw ModelError(where + ": the model card's '" + name + "' has the wrong type");
    }
    return *it;
}

// Limits of what a card may declare. A card is untrusted input: every integer is range-checked
// before anything is sized by it, so that 2^32 + 12 cannot wrap to 12. The shapes of the stored
// weights are checked against the card before any network is built (see Model::load).
constexpr int kMaxInputLength = 65535;  // an IP packet is at most this long
constexpr int kMaxClasses = 65536;
constexpr int kMaxLayerWidth = 1 << 20;
constexpr int kMaxWindow = 65535;  // convolution kernels and strides, the pooling window

int checkedInteger(const Json& value, const std::string& what, const std::string& where, int low,
                   int high) {
    bool inRange = false;
    if (value.is_number_unsigned()) {
        inRange = value.get<std::uint64_t>() <= static_cast<std::uint64_t>(high) &&
                  (low <= 0 || value.get<std::uint64_t>() >= static_cast<std::uint64_t>(low));
    } else if (value.is_number_integer()) {
        inRange = value.get<std::int64_t>() >= low && value.get<std::int64_t>() <= high;
    } else {
        throw ModelError(where + ": the model card's " + what + " is not an integer");
    }
    if (!inRange) {
        throw ModelError(where + ": the model card's " + what + " is " + value.dump() +
                         ", outside " + std::to_string(low) + ".." + std::to_string(high));
    }
    return static_cast<int>(value.get<std::int64_t>());
}

int integerField(const Json& object, const char* name, const std::string& where, int low,
                 int high) {
    return checkedInteger(field(object, name, Json::value_t::number_integer, where),
                          "'" + std::string(name) + "'", where, low, high);
}

bool flag(const Json& object, const char* name, bool fallback) {
    auto it = object.find(name);
    return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::string text(const Json& object, const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Json preprocessingJson(const PreprocessOptions& p) {
    Json out = {{"vector_length", p.vectorLength}};
    for (const auto& f : kPreprocessFlags) {
        out[f.key] = p.*f.member;
    }
    return out;
}

}  // namespace

std::string ModelCard::toJson() const {
    Json net = {{"kind", networkKindName(network.kind)},
                {"input_length", network.inputLength},
                {"classes", network.classes}};
    if (network.kind != NetworkKind::TorchScript) {
        net["hidden"] = network.hidden;
        net["dropout"] = network.dropout;
    }
    if (network.kind == NetworkKind::Cnn || network.kind == NetworkKind::Flow) {
        Json conv = Json::array();
        for (const auto& c : network.conv) {
            conv.push_back({{"filters", c.filters}, {"kernel", c.kernel}, {"stride", c.stride}});
        }
        net["conv"] = conv;
    }
    if (network.kind == NetworkKind::Cnn) {
        net["pool"] = network.pool;
    }
    if (network.kind == NetworkKind::Flow && network.sizeEmbedding > 0) {
        net["size_embedding"] = network.sizeEmbedding;
    }
    if (network.kind == NetworkKind::TorchScript) {
        net["output"] = outputKind;
    }
    Json card = {
        {"format", "deeppacket-model"},
        {"format_version", kFormatVersion},
        {"network", net},
        {"task", task},
        {"classes", classes},
        {"preprocessing", preprocessingJson(preprocessing)},
        {"provenance",
         {{"dataset", provenance.dataset},
          {"split", provenance.split},
          {"seed", provenance.seed},
          {"created", provenance.created},
          {"program_version", provenance.programVersion},
          {"notes", provenance.notes}}},
        {"metrics", Json::parse(metricsJson.empty() ? "null" : metricsJson)},
    };
    return card.dump(2);
}

ModelCard ModelCard::fromJson(const std::string& json, const std::string& source) {
    Json card;
    try {
        card = Json::parse(json);
    } catch (const Json::parse_error& e) {
        throw ModelError(source + ": the model card is not valid JSON (" + e.what() + ")");
    }
    if (!card.is_object()) {
        throw ModelError(source + ": the model card is not a JSON object");
    }
    ModelCard out;
    const Json& net = field(card, "network", Json::value_t::object, source);
    const std::string kindText = field(net, "kind", Json::value_t::string, source);
    const auto kind = parseNetworkKind(kindText);
    if (!kind) {
        throw ModelError(source + ": unknown network kind '" + kindText + "'");
    }
    out.network.kind = *kind;
    out.network.inputLength = integerField(net, "input_length", source, 1, kMaxInputLength);
    out.network.classes = integerField(net, "classes", source, 2, kMaxClasses);
    if (*kind != NetworkKind::TorchScript) {
        for (const auto& h : field(net, "hidden", Json::value_t::array, source)) {
            out.network.hidden.push_back(
                checkedInteger(h, "hidden layer size", source, 1, kMaxLayerWidth));
        }
        out.network.dropout = field(net, "dropout", Json::value_t::number_float, source);
    }
    if (*kind == NetworkKind::Cnn || *kind == NetworkKind::Flow) {
        for (const auto& c : field(net, "conv", Json::value_t::array, source)) {
            if (!c.is_object()) {
                throw ModelError(source + ": the model card's convolutions are not objects");
            }
            out.network.conv.push_back({integerField(c, "filters", source, 1, kMaxLayerWidth),
                                        integerField(c, "kernel", source, 1, kMaxWindow),
                                        integerField(c, "stride", source, 1, kMaxWindow)});
        }
    }
    if (*kind == NetworkKind::Cnn) {
        out.network.pool = integerField(net, "pool", source, 1, kMaxWindow);
    }
    // Absent in flow models made before it existed: they have no size embedding.
    if (*kind == NetworkKind::Flow && net.contains("size_embedding")) {
        out.network.sizeEmbedding = integerField(net, "size_embedding", source, 0, kMaxLayerWidth);
    }
    if (*kind == NetworkKind::TorchScript) {
        out.outputKind = text(net, "output").empty() ? "logits" : text(net, "output");
        if (out.outputKind != "logits" && out.outputKind != "log_probabilities" &&
            out.outputKind != "probabilities") {
            throw ModelError(source +
                             ": 'output' must be logits, log_probabilities or "
                             "probabilities, not '" +
                             out.outputKind + "'");
        }
    }
    if (const std::string problem = out.network.problem(); !problem.empty()) {
        throw ModelError(source + ": " + problem);
    }

    out.task = text(card, "task");
    for (const auto& c : field(card, "classes", Json::value_t::array, source)) {
        if (!c.is_string() || c.get<std::string>().empty()) {
            throw ModelError(source + ": class names must be non-empty strings");
        }
        out.classes.push_back(c.get<std::string>());
    }
    if (static_cast<int>(out.classes.size()) != out.network.classes) {
        throw ModelError(source + ": the card names " + std::to_string(out.classes.size()) +
                         " classes but the network has " + std::to_string(out.network.classes) +
                         " outputs");
    }

    PreprocessOptions& p = out.preprocessing;
    if (auto it = card.find("preprocessing"); it != card.end() && it->is_object()) {
        const Json& pre = *it;
        if (auto length = pre.find("vector_length"); length != pre.end()) {
            p.vectorLength = static_cast<std::size_t>(
                checkedInteger(*length, "vector_length", source, 1, kMaxInputLength));
        }
        for (const auto& f : kPreprocessFlags) {
            p.*f.member = flag(pre, f.key, p.*f.member);
        }
    } else if (!out.network.classifiesFlows()) {
        p.vectorLength = static_cast<std::size_t>(out.network.inputLength);
    }
    // A flow network's input is flow features, not packet vectors: the preprocessing only says
    // which packets are kept.
    if (!out.network.classifiesFlows() &&
        p.vectorLength != static_cast<std::size_t>(out.network.inputLength)) {
        throw ModelError(source + ": the network takes " + std::to_string(out.network.inputLength) +
                         " inputs but the preprocessing makes vectors of " +
                         std::to_string(p.vectorLength) + " bytes");
    }

    if (auto it = card.find("provenance"); it != card.end() && it->is_object()) {
        const Json& prov = *it;
        out.provenance.dataset = text(prov, "dataset");
        out.provenance.split = text(prov, "split");
        if (auto seed = prov.find("seed"); seed != prov.end() && seed->is_number_unsigned()) {
            out.provenance.seed = seed->get<std::uint64_t>();
        }
        out.provenance.created = text(prov, "created");
        out.provenance.programVersion = text(prov, "program_version");
        out.provenance.notes = text(prov, "notes");
    }
    if (auto it = card.find("metrics"); it != card.end()) {
        out.metricsJson = it->dump();
    }
    return out;
}

std::string taskTitle(const std::string& task) {
    if (task == "application") {
        return "application identification";
    }
    if (task == "traffic") {
        return "traffic categorization";
    }
    return task;
}

}  // namespace deeppacket

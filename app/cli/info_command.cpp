#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "core/terminal_text.h"
#include "models/model_description.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli info [--json] MODEL\n"
    "\n"
    "Prints the model card: the network, its task and classes, the preprocessing it was\n"
    "trained with, where it came from, and its test metrics. Nothing in the file runs: a\n"
    "TorchScript model (a program) is described from its JSON sidecar without being opened.\n"
    "\n"
    "Options:\n";

std::string onOff(bool value) {
    return value ? "yes" : "no";
}

// The scores a card carries, in a line or three: the test split's, the mean ± sd over the
// folds of a --repeat, and a flow model's after the first packets of each flow. The whole
// record stays available with --json.
std::string metricsSummary(const std::string& metricsJson) {
    nlohmann::json m;
    try {
        m = nlohmann::json::parse(metricsJson);
    } catch (const nlohmann::json::exception&) {
        return "unreadable";
    }
    if (!m.is_object() || !m.contains("test")) {
        return m.is_null() ? "none" : printable(metricsJson);
    }
    // The card is untrusted: a field of the wrong type reads as missing (0), never throws.
    auto number = [&m](const char* path) {
        const nlohmann::json::json_pointer at(path);
        return m.contains(at) && m[at].is_number() ? m[at].get<double>() : 0.0;
    };
    char line[400];
    const auto& split = m["split"];
    std::snprintf(line, sizeof line,
                  "%s split: packet macro-F1 %.3f (accuracy %.3f), flow macro-F1 %.3f "
                  "(accuracy %.3f)",
                  printable(split.is_string() ? split.get<std::string>() : "?").c_str(),
                  number("/test/packets/macro/f1"), number("/test/packets/accuracy"),
                  number("/test/flows/macro/f1"), number("/test/flows/accuracy"));
    std::string out = line;
    if (m.contains(nlohmann::json::json_pointer("/early/test"))) {
        std::snprintf(line, sizeof line,
                      "\n               after the first %.0f packets: flow macro-F1 %.3f",
                      number("/early/packets"), number("/early/test/flows/macro/f1"));
        out += line;
    }
    if (m.contains(nlohmann::json::json_pointer("/repeat/runs"))) {
        std::snprintf(line, sizeof line,
                      "\n               over %.0f folds:", number("/repeat/runs"));
        out += line;
        for (const std::string name : {"packet_macro_f1", "flow_macro_f1", "early_flow_macro_f1"}) {
            if (m.contains(nlohmann::json::json_pointer("/repeat/" + name + "/mean"))) {
                std::snprintf(line, sizeof line, " %s %.3f ± %.3f", name.c_str(),
                              number(("/repeat/" + name + "/mean").c_str()),
                              number(("/repeat/" + name + "/std").c_str()));
                out += line;
            }
        }
    }
    return out;
}

}  // namespace

int runInfo(const std::vector<std::string>& args, Console console) {
    const std::vector<OptionSpec> specs = {
        {"help", 'h', "", "show this help"},
        {"json", 0, "", "print the card as JSON"},
    };
    const Arguments arguments = Arguments::parse(args, specs);
    if (arguments.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    if (arguments.operands().size() != 1) {
        throw UsageError("info takes one model file");
    }
    const std::string path = arguments.operands().front();
    const ModelDescription model = describeModel(path);
    const ModelCard& card = model.card;
    const std::string parameters =
        model.parameters ? std::to_string(*model.parameters) : std::string("unknown");
    if (arguments.has("json")) {
        const nlohmann::json out = {
            {"file", path},
            {"parameters", model.parameters ? nlohmann::json(*model.parameters) : nullptr},
            {"program", model.program},
            {"card", nlohmann::json::parse(card.toJson())},
        };
        console.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return kExitOk;
    }
    const PreprocessOptions& p = card.preprocessing;
    // Everything but the numbers comes from the file: printed so that no byte can drive the
    // terminal.
    console.out << "Model file     " << printable(path) << "\n"
                << "Network        " << card.network.summary() << "\n"
                << "Parameters     " << parameters << "\n";
    if (model.program) {
        console.out << "Code           a TorchScript program: it runs when opened, so it was not "
                       "opened (classify and evaluate need --trust-model-code)\n";
    }
    console.out << "Task           " << (card.task.empty() ? "-" : printable(taskTitle(card.task)))
                << "\n"
                << "Classes        " << card.classes.size() << ":";
    for (std::size_t i = 0; i < card.classes.size(); ++i) {
        console.out << (i ? ", " : " ") << printable(card.classes[i]);
    }
    console.out << "\nPreprocessing  vectors of " << p.vectorLength << " bytes";
    for (const auto& f : kPreprocessFlags) {
        console.out << "; " << f.title << " " << onOff(p.*f.member);
    }
    console.out << "\n";
    const Provenance& v = card.provenance;
    auto text = [](const std::string& value) { return value.empty() ? "-" : printable(value); };
    console.out << "Data set       " << text(v.dataset) << "\n"
                << "Split          " << text(v.split) << ", seed " << v.seed << "\n"
                << "Created        " << text(v.created) << " by version " << text(v.programVersion)
                << "\n";
    if (!v.notes.empty()) {
        console.out << "Notes          " << printable(v.notes) << "\n";
    }
    console.out << "Test metrics   " << metricsSummary(card.metricsJson) << "\n";
    return kExitOk;
}

}  // namespace deeppacket::cli

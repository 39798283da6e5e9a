#include <ostream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "core/json_text.h"
#include "models/model.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli info [--json] MODEL\n"
    "\n"
    "Prints the model card: the network, its task and classes, the preprocessing it was\n"
    "trained with, where it came from, and its test metrics.\n"
    "\n"
    "Options:\n";

std::string onOff(bool value) {
    return value ? "yes" : "no";
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
    const Model model = Model::load(path);
    const ModelCard& card = model.card();
    if (arguments.has("json")) {
        console.out << "{\"file\": " << jsonString(path)
                    << ", \"parameters\": " << model.parameterCount()
                    << ", \"card\": " << card.toJson() << "}\n";
        return kExitOk;
    }
    const PreprocessOptions& p = card.preprocessing;
    console.out << "Model file     " << path << "\n"
                << "Network        " << card.network.summary() << "\n"
                << "Parameters     " << model.parameterCount() << "\n"
                << "Task           " << (card.task.empty() ? "-" : taskTitle(card.task)) << "\n"
                << "Classes        " << card.classes.size() << ":";
    for (std::size_t i = 0; i < card.classes.size(); ++i) {
        console.out << (i ? ", " : " ") << card.classes[i];
    }
    console.out << "\nPreprocessing  vectors of " << p.vectorLength << " bytes"
                << "; addresses zeroed " << onOff(p.zeroAddresses) << "; masked: IP id "
                << onOff(p.maskIpId) << ", checksums " << onOff(p.maskChecksums) << ", TCP seq/ack "
                << onOff(p.maskTcpSequence) << ", TCP timestamps " << onOff(p.maskTcpTimestamps)
                << ", IPv6 flow label " << onOff(p.maskFlowLabel) << "; TCP/UDP only "
                << onOff(p.tcpUdpOnly) << "\n";
    const Provenance& v = card.provenance;
    console.out << "Data set       " << (v.dataset.empty() ? "-" : v.dataset) << "\n"
                << "Split          " << (v.split.empty() ? "-" : v.split) << ", seed " << v.seed
                << "\n"
                << "Created        " << (v.created.empty() ? "-" : v.created) << " by version "
                << (v.programVersion.empty() ? "-" : v.programVersion) << "\n";
    if (!v.notes.empty()) {
        console.out << "Notes          " << v.notes << "\n";
    }
    console.out << "Test metrics   " << (card.metricsJson == "null" ? "none" : card.metricsJson)
                << "\n";
    return kExitOk;
}

}  // namespace deeppacket::cli

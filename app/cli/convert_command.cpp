#include <ostream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/model_run.h"
#include "core/output_lock.h"
#include "models/model_conversion.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli convert --trust-model-code MODEL.pt -o MODEL.dpm\n"
    "\n"
    "Turns a TorchScript model you trust into a Deep Packet model file (.dpm), which holds only\n"
    "data and runs no code wherever it is opened. The module must be an SAE (linear layers\n"
    "with ReLU) or a CNN of the paper's form (1D convolutions, average pooling, linear layers);\n"
    "the converted network is checked to give the module's outputs, or nothing is written and\n"
    "the reason is printed. The card comes from the module's JSON sidecar.\n"
    "\n"
    "Options:\n";

}  // namespace

int runConvert(const std::vector<std::string>& args, Console console) {
    const std::vector<OptionSpec> specs = {
        {"help", 'h', "", "show this help"},
        {"trust-model-code", 0, "", "open the TorchScript model (its code runs)"},
        {"output", 'o', "FILE", "the Deep Packet model file to write"},
    };
    const Arguments arguments = Arguments::parse(args, specs);
    if (arguments.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    if (arguments.operands().size() != 1) {
        throw UsageError("convert takes one TorchScript model");
    }
    if (arguments.value("output").empty()) {
        throw UsageError("the model file to write is needed (-o FILE)");
    }
    const std::string source = arguments.operands().front();
    checkWritable(arguments.value("output"));
    const OutputLock lock(arguments.value("output"));
    Model program = Model::load(source, trustOf(arguments));
    const Model converted = convertToDataModel(program, source);
    converted.save(arguments.value("output"));
    console.out << "Wrote " << arguments.value("output") << ": "
                << converted.card().network.summary() << "\n";
    return kExitOk;
}

}  // namespace deeppacket::cli

#include <ostream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/model_run.h"
#include "core/json_text.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli classify [--model FILE | --task TASK --arch ARCH] [OPTIONS] "
    "CAPTURE... -o DIR\n"
    "\n"
    "Classifies every packet of the captures with the model, and every bidirectional flow by\n"
    "the mean log-probability of its packets. Writes DIR/packets.csv (one row per packet: file,\n"
    "number, time, addresses, ports, protocol, length, flow, label, confidence) and\n"
    "DIR/flows.csv (one row per flow), and prints the packets and flows per class.\n"
    "The captures are preprocessed as the model was trained (its card says how).\n"
    "Without --model the pretrained model of --task and --arch is used (traffic, sae).\n"
    "\n"
    "Options:\n";

}  // namespace

int runClassify(const std::vector<std::string>& args, Console console) {
    auto specs = modelRunOptionSpecs();
    specs.insert(specs.begin(), {"help", 'h', "", "show this help"});
    const Arguments arguments = Arguments::parse(args, specs);
    if (arguments.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    // Before any output (the lock, the temporary files) exists: a SIGINT or SIGTERM from here
    // on stops the run cleanly instead of killing it with its files half-made.
    const std::atomic<bool>* interrupted = interruptFlag();
    bool inputsOk = true;
    ModelRun run = prepareModelRun(arguments, {}, console, inputsOk);
    if (!inputsOk) {
        return kExitFailure;
    }
    AnalysisOutcome outcome = runModel(run, interrupted);
    if (const auto code = unfinishedRun(outcome, console)) {
        return *code;
    }
    outcome.commit();
    if (run.json) {
        console.out << jsonText(classSummaryJson(run, outcome.summary)) << "\n";
    } else {
        console.out << classSummaryText(run, outcome.summary) << "\nWrote "
                    << printable(run.plan().packetsCsv) << " and " << printable(run.plan().flowsCsv)
                    << "\n";
    }
    return kExitOk;
}

}  // namespace deeppacket::cli

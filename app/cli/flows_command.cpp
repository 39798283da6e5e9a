#include <ostream>
#include <string>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/preprocess_flags.h"
#include "core/atomic_file.h"
#include "core/dataset.h"
#include "core/flow_dataset.h"
#include "core/ground_truth.h"
#include "core/npy_writer.h"
#include "core/output_lock.h"
#include "core/packet_csv.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli flows --task NAME --labels SCHEME [OPTIONS] CAPTURE... -o PREFIX\n"
    "\n"
    "Writes the labelled flows of captures as a flow model sees them: PREFIX.npy (NumPy\n"
    "float32 array [rows, 272]: the sizes, directions, gaps and flags of a flow's first 32\n"
    "packets and 16 statistics, see docs/models.md) and PREFIX.csv (one row each: file,\n"
    "flow_id, label, prefix, packets). A row with prefix 0 is a whole flow; prefix 3, 5, 10\n"
    "or 20 is the same flow after its first packets. A few MB for hundreds of sessions:\n"
    "what a yardstick (scripts/flow-baseline) or a later training needs of a corpus.\n"
    "\n"
    "Options:\n";

std::vector<OptionSpec> optionSpecs() {
    std::vector<OptionSpec> specs = {
        {"help", 'h', "", "show this help"},
        {"task", 0, "NAME", "application, traffic, or a name of your own"},
        {"labels", 'l', "SCHEME", "where the true labels come from (as for train)"},
        {"max-flows-per-file", 0, "N", "at most N flows of a capture (default 2000)"},
        {"seed", 0, "N", "seed of the per-file flow sample (default 1)"},
        {"output", 'o', "PREFIX", "write PREFIX.npy and PREFIX.csv"},
        {"quiet", 'q', "", "no summary on stderr"},
        skipUnreadableOption(),
    };
    for (auto& spec : preprocessOptionSpecs()) {
        specs.push_back(spec);
    }
    return specs;
}

}  // namespace

int runFlows(const std::vector<std::string>& args, Console console) {
    const auto specs = optionSpecs();
    const Arguments a = Arguments::parse(args, specs);
    if (a.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    for (const char* required : {"task", "labels", "output"}) {
        if (!a.has(required) || a.value(required).empty()) {
            throw UsageError(std::string("--") + required + " is needed");
        }
    }
    if (a.operands().empty()) {
        throw UsageError("at least one capture file or directory is needed");
    }
    const GroundTruth truth = GroundTruth::parse(a.value("labels"), a.value("task"));
    FlowDatasetOptions options;
    options.seed = a.positiveInteger("seed", 1, 1u << 30);
    if (a.has("max-flows-per-file")) {
        options.maxFlowsPerFile = a.positiveInteger("max-flows-per-file", 1, 1u << 30);
    }
    const PreprocessOptions preprocessing = preprocessOptionsFrom(a);
    bool inputsOk = true;
    const auto files = captureFilesFrom(a, console, inputsOk);
    if (!inputsOk) {
        return kExitFailure;
    }
    const std::string prefix = a.value("output");
    try {
        checkWritable(prefix + ".npy");
        const OutputLock lock(prefix + ".npy");
        const FlowDataset d = buildFlowDataset(files, truth, preprocessing, options);
        NpyWriter features(prefix + ".npy", kFlowFeatureLength, NpyWriter::Type::Float32);
        features.append(d.features.data(), d.size());
        AtomicFile csv(prefix + ".csv");
        std::string text = "file,flow_id,label,prefix,packets\n";
        for (std::size_t r = 0; r < d.size(); ++r) {
            text += csvField(d.files[d.fileIndex[r]]) + "," + std::to_string(d.flows[r]) + "," +
                    csvField(d.classes[static_cast<std::size_t>(d.labels[r])]) + "," +
                    std::to_string(d.prefix[r]) + "," + std::to_string(d.packets[r]) + "\n";
        }
        csv.write(text);
        features.commit();
        csv.commit();
        if (!a.has("quiet")) {
            std::size_t whole = 0;
            for (auto p : d.prefix) {
                whole += p == 0 ? 1 : 0;
            }
            console.err << "wrote " << d.size() << " rows (" << whole << " whole flows of "
                        << d.classes.size() << " classes) to " << printable(prefix)
                        << ".npy and .csv\n";
        }
    } catch (const DatasetError& e) {
        console.err << "deeppacket-cli: error: " << printable(e.what()) << "\n";
        return kExitFailure;
    } catch (const FileWriteError& e) {
        console.err << "deeppacket-cli: error: " << printable(e.what()) << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace deeppacket::cli

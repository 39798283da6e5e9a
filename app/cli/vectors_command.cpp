#include <cstdio>
#include <ostream>
#include <string>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "app/cli/preprocess_flags.h"
#include "app/cli/progress_meter.h"
#include "core/atomic_file.h"
#include "core/npy_writer.h"
#include "core/output_lock.h"
#include "core/packet_csv.h"
#include "core/packet_stream.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli vectors [OPTIONS] CAPTURE... -o PREFIX\n"
    "\n"
    "Turns the packets of captures into the paper's byte vectors and writes them as\n"
    "PREFIX.npy (NumPy uint8 array of shape [packets, length]; divide by 255 for the network\n"
    "input) and PREFIX.csv (one row of metadata per vector, in the same order: file, number,\n"
    "timestamp, wire length, IP version, protocol, addresses, ports, flow id).\n"
    "Both files are written completely or not at all.\n"
    "\n"
    "Options:\n";

std::vector<OptionSpec> optionSpecs() {
    std::vector<OptionSpec> specs = {
        {"help", 'h', "", "show this help"},
        {"output", 'o', "PREFIX", "write PREFIX.npy and PREFIX.csv"},
        {"quiet", 'q', "", "no progress or summary on stderr"},
        skipUnreadableOption(),
    };
    for (auto& spec : preprocessOptionSpecs()) {
        specs.push_back(spec);
    }
    return specs;
}

// "0.421 s"
std::string secondsText(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f s", seconds);
    return text;
}

}  // namespace

int runVectors(const std::vector<std::string>& args, Console console) {
    const auto specs = optionSpecs();
    const Arguments arguments = Arguments::parse(args, specs);
    if (arguments.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    if (!arguments.has("output") || arguments.value("output").empty()) {
        throw UsageError("vectors needs an output prefix (-o PREFIX)");
    }
    if (arguments.operands().empty()) {
        throw UsageError("vectors needs at least one capture file or directory");
    }
    const PreprocessOptions options = preprocessOptionsFrom(arguments);
    bool inputsOk = true;
    auto files = captureFilesFrom(arguments, console, inputsOk);
    if (!inputsOk) {
        return kExitFailure;
    }
    const std::string prefix = arguments.value("output");
    const bool quiet = arguments.has("quiet");
    const std::atomic<bool>* interrupted = interruptFlag();

    try {
        checkWritable(prefix + ".npy");
        const OutputLock lock(prefix + ".npy");
        NpyWriter vectors(prefix + ".npy", options.vectorLength);
        PacketCsvWriter metadata(prefix + ".csv", files);
        PacketStream stream(std::move(files), options);
        PacketBatch batch(options.vectorLength, 1024);
        ProgressMeter meter(!quiet);
        while (stream.next(batch)) {
            if (interrupted->load()) {
                meter.finish();
                console.err << "deeppacket-cli: interrupted: nothing written\n";
                return kExitInterrupted;  // the writers remove their temporary files
            }
            vectors.append(batch.vectors(), batch.size());
            for (const auto& record : batch.records()) {
                metadata.append(record);
            }
            meter.update(stream.progress());
        }
        meter.finish();

        if (!reportCaptureProblems(stream.reports(), console)) {
            console.err << "deeppacket-cli: nothing written: fix or leave out the unreadable "
                           "captures\n";
            return kExitFailure;
        }
        vectors.commit();
        metadata.commit();

        const RunSummary total = summarize(stream.reports());
        if (!quiet) {
            console.err << "wrote " << vectors.rows() << " vectors of " << options.vectorLength
                        << " bytes to " << printable(prefix) << ".npy and their metadata to "
                        << printable(prefix) << ".csv (" << total.counts.read() << " packets read, "
                        << total.counts.dropped() << " dropped, " << total.flows << " flows) in "
                        << secondsText(meter.elapsedSeconds()) << "\n";
        }
    } catch (const FileWriteError& e) {
        console.err << "deeppacket-cli: error: " << printable(e.what()) << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace deeppacket::cli

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <vector>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/model_run.h"
#include "app/cli/score_files.h"
#include "core/atomic_file.h"
#include "core/evaluation_report.h"
#include "core/file_shards.h"
#include "core/ground_truth.h"
#include "core/json_text.h"
#include "core/metrics.h"
#include "core/output_parts.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli evaluate --model FILE --labels SCHEME [OPTIONS] CAPTURE... -o DIR\n"
    "\n"
    "Classifies the captures like 'classify' and scores the result against their true labels,\n"
    "per packet and per flow, as the paper does (Tables 2-3, Figs. 6-10). Writes in DIR:\n"
    "  metrics.csv       recall, precision, F1 and support per class; averages; accuracy\n"
    "  confusion.csv     confusion matrices, counts and row-normalised\n"
    "  dendrogram.json   Ward.D clustering of the normalised confusion rows (as R's hclust)\n"
    "  dendrogram.nwk    the same tree in Newick format\n"
    "  packets.csv, flows.csv   as 'classify', with a truth column\n"
    "\n"
    "Label schemes:\n"
    "  folder            the name of the folder holding each capture\n"
    "  iscx              ISCX VPN-nonVPN file names, for the model's task\n"
    "  iscx-application  ISCX file names, 17 application classes\n"
    "  iscx-traffic      ISCX file names, 12 traffic classes\n"
    "  files:CSV         a CSV with columns file,label\n"
    "  flows:CSV         a CSV with columns src,src_port,dst,dst_port,protocol,label[,file]\n"
    "\n"
    "Options:\n";

// The scores of the whole group: every worker's confusion counts added up (exactly, as whole
// numbers), so that the metrics, confusion and dendrogram are those of one run over all the
// captures. Nothing when no packet anywhere had a label the model knows.
std::optional<Evaluation> evaluateAcross(WorkerGroup& group, const PredictionScorer& scores) {
    const ConfusionMatrix packets = allReduceSum(group, scores.packetConfusion());
    const ConfusionMatrix flows = allReduceSum(group, scores.flowConfusion());
    if (packets.total() == 0) {
        return std::nullopt;
    }
    return evaluate(packets, flows);
}

}  // namespace

int runEvaluate(const std::vector<std::string>& args, Console console) {
    auto specs = modelRunOptionSpecs();
    specs.insert(specs.begin(), {"help", 'h', "", "show this help"});
    specs.insert(specs.begin() + 2, {"labels", 'l', "SCHEME", "where the true labels come from"});
    const Arguments arguments = Arguments::parse(args, specs);
    if (arguments.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    if (!arguments.has("labels")) {
        throw UsageError("a label scheme is needed (--labels SCHEME)");
    }
    // Before any output (the lock, the temporary files) exists: a SIGINT or SIGTERM from here
    // on stops the run cleanly instead of killing it with its files half-made.
    const std::atomic<bool>* interrupted = interruptFlag();
    bool inputsOk = true;
    ModelRun run = prepareModelRun(arguments, arguments.value("labels"), console, inputsOk);
    if (!inputsOk) {
        return kExitFailure;
    }
    const GroundTruth& truth = *run.analysis->truth();
    AnalysisOutcome outcome = runModel(run, interrupted);
    if (const auto code = unfinishedRun(outcome, console)) {
        return *code;
    }
    const PredictionScorer& scores = *outcome.scores;
    for (const auto& [label, packets] : scores.unknownLabels()) {
        console.err << "deeppacket-cli: warning: " << packets << " packets are labelled '"
                    << printable(label, kQuotedValueLimit)
                    << "', which is not a class of the model: not scored\n";
    }
    if (scores.unlabeledPackets() > 0) {
        console.err << "deeppacket-cli: warning: " << scores.unlabeledPackets()
                    << " packets have no label under " << printable(truth.description())
                    << ": not scored\n";
    }
    if (run.part) {
        // One job of several: its counts (none is no error: another part may have them), for
        // merge to add up with the others'.
        const auto [rank, parts] = *run.part;
        ScoresPart counts;
        counts.part = rank;
        counts.parts = parts;
        counts.model =
            run.model().card().task + " " + networkKindName(run.model().card().network.kind);
        counts.labels = arguments.value("labels");
        counts.packets = scores.packetConfusion();
        counts.flows = scores.flowConfusion();
        const std::string name = partFileName("scores.json", rank, parts);
        outcome.commit();
        writeText(outputPath(run, name), scoresPartJson(counts));
        if (run.json) {
            const nlohmann::json out = {{"part", rank},
                                        {"parts", parts},
                                        {"summary", classSummaryJson(run, outcome.summary)},
                                        {"scores", name}};
            console.out << jsonText(out) << "\n";
            return kExitOk;
        }
        console.out << "Part " << rank << " of " << parts << ": wrote " << name << " and its part "
                    << "of packets.csv and flows.csv in " << printable(run.outputDir)
                    << "; when every part is done, 'deeppacket-cli merge "
                    << printable(run.outputDir) << "' writes the scores of them all\n";
        return kExitOk;
    }
    // In a group the scores are the whole group's, and every worker decides the same.
    const std::optional<Evaluation> scored =
        run.group ? evaluateAcross(*run.group, scores) : std::move(outcome.evaluation);
    if (!scored) {
        console.err << "deeppacket-cli: error: no packet has a label the model knows (labels: "
                    << printable(truth.description()) << "); nothing written\n";
        return kExitFailure;
    }
    const Evaluation& evaluation = *scored;
    outcome.commit();
    if (run.group) {
        run.group->barrier();  // every part is written before worker 0 writes the scores
        if (run.group->rank() != 0) {
            console.err << "Worker " << run.group->rank() << " of " << run.group->worldSize()
                        << ": wrote " << printable(run.plan().packetsCsv) << " and "
                        << printable(run.plan().flowsCsv) << "\n";
            return kExitOk;
        }
    }
    writeScoreFiles(run.outputDir, evaluation);

    if (run.group) {
        // Worker 0 speaks for the group; its own summary covers its block of captures only.
        const int workers = run.group->worldSize();
        if (run.json) {
            const nlohmann::json out = {{"workers", workers},
                                        {"labels", arguments.value("labels")},
                                        {"evaluation", metricsJson(evaluation)}};
            console.out << jsonText(out) << "\n";
        } else {
            console.out << "Labels: " << printable(truth.description()) << "\n\n"
                        << metricsTable(evaluation) << "\nWrote metrics.csv, confusion.csv, "
                        << "dendrogram.json and dendrogram.nwk for the " << workers
                        << " workers, and each worker its part of packets.csv and flows.csv, in "
                        << printable(run.outputDir) << "\n";
        }
        return kExitOk;
    }
    if (run.json) {
        const nlohmann::json out = {
            {"summary", classSummaryJson(run, outcome.summary)},
            {"labels", arguments.value("labels")},
            {"evaluation", metricsJson(evaluation)},
        };
        console.out << jsonText(out) << "\n";
    } else {
        console.out << classSummaryText(run, outcome.summary)
                    << "\nLabels: " << printable(truth.description()) << "\n\n"
                    << metricsTable(evaluation) << "\nWrote metrics.csv, confusion.csv, "
                    << "dendrogram.json, dendrogram.nwk, packets.csv and flows.csv in "
                    << printable(run.outputDir) << "\n";
    }
    return kExitOk;
}

}  // namespace deeppacket::cli

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <sstream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/score_files.h"
#include "core/atomic_file.h"
#include "core/json_text.h"
#include "core/output_lock.h"
#include "core/output_parts.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli merge [-o DIR] FOLDER\n"
    "\n"
    "Joins the parts that separate jobs wrote into FOLDER: classify or evaluate run with\n"
    "--part R/N (a Slurm job array, jobs with no shared runtime), or the workers of a group.\n"
    "  packets.part-R-of-N.csv, flows.part-R-of-N.csv  become packets.csv and flows.csv, the\n"
    "      rows in part order, each part's flow ids moved past the ids before it\n"
    "  scores.part-R-of-N.json (evaluate)  the confusion counts, added up into metrics.csv,\n"
    "      confusion.csv, dendrogram.json and dendrogram.nwk\n"
    "The result is what one run over all the captures writes. Every part must be there; parts\n"
    "scored by other models or labels are refused.\n"
    "\n"
    "Options:\n";

std::vector<OptionSpec> optionSpecs() {
    return {
        {"help", 'h', "", "show this help"},
        {"output", 'o', "DIR", "where the joined files go (default: FOLDER)"},
        {"json", 0, "", "print the summary as JSON"},
    };
}

}  // namespace

int runMerge(const std::vector<std::string>& args, Console console) {
    const auto specs = optionSpecs();
    const Arguments a = Arguments::parse(args, specs);
    if (a.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    if (a.operands().size() != 1) {
        throw UsageError("one folder of parts is needed");
    }
    const std::string folder = a.operands().front();
    if (!std::filesystem::is_directory(folder)) {
        throw UsageError(folder + " is not a folder");
    }
    const std::string output = a.value("output", folder);
    std::error_code ec;
    std::filesystem::create_directories(output, ec);
    if (ec || !std::filesystem::is_directory(output)) {
        throw FileWriteError(output + ": cannot create the output folder" +
                             (ec ? ": " + ec.message() : std::string()));
    }
    const OutputLock lock(output);
    const auto into = [&](const std::string& name) {
        return (std::filesystem::path(output) / name).string();
    };
    const std::vector<PartSet> sets = findParts(folder);
    const PartSet* packets = nullptr;
    const PartSet* flows = nullptr;
    const PartSet* scores = nullptr;
    for (const auto& set : sets) {
        packets = set.name == "packets.csv" ? &set : packets;
        flows = set.name == "flows.csv" ? &set : flows;
        scores = set.name == "scores.json" ? &set : scores;
    }
    if (packets == nullptr && flows == nullptr && scores == nullptr) {
        console.err << "deeppacket-cli: error: " << printable(folder)
                    << " holds no parts (packets.part-R-of-N.csv, flows.part-R-of-N.csv, "
                       "scores.part-R-of-N.json)\n";
        return kExitFailure;
    }
    if (packets != nullptr && flows != nullptr && packets->paths.size() != flows->paths.size()) {
        throw PartError(folder + ": packets.csv is in " + std::to_string(packets->paths.size()) +
                        " parts, flows.csv in " + std::to_string(flows->paths.size()));
    }
    // The scores first: parts that disagree are found before any file is written.
    std::optional<Evaluation> evaluation;
    if (scores != nullptr) {
        std::vector<ScoresPart> parts;
        for (const auto& path : scores->paths) {
            parts.push_back(readScoresPart(path));
        }
        evaluation = mergeScores(parts);
    }
    // flows.csv first: its parts' id offsets are the ones packets.csv must use.
    std::vector<std::uint64_t> offsets;
    nlohmann::json summary = {{"folder", folder}};
    std::ostringstream wrote;
    for (const PartSet* set : {flows, packets}) {
        if (set != nullptr) {
            const std::uint64_t rows = joinCsvParts(set->paths, into(set->name), offsets);
            summary[set->name] = {{"parts", set->paths.size()}, {"rows", rows}};
            wrote << set->name << " (" << rows << " rows from " << set->paths.size() << " parts), ";
        }
    }
    if (evaluation) {
        if (evaluation->packets.total() == 0) {
            console.err << "deeppacket-cli: error: no part scored a packet; no scores written\n";
            return kExitFailure;
        }
        writeScoreFiles(output, *evaluation);
        summary["evaluation"] = metricsJson(*evaluation);
        wrote << "metrics.csv, confusion.csv, dendrogram.json and dendrogram.nwk (from "
              << scores->paths.size() << " parts), ";
    }
    if (a.has("json")) {
        console.out << jsonText(summary) << "\n";
        return kExitOk;
    }
    if (evaluation) {
        console.out << metricsTable(*evaluation) << "\n";
    }
    std::string text = wrote.str();
    text.resize(text.size() - 2);
    console.out << "Wrote " << printable(text) << " in " << printable(output) << "\n";
    return kExitOk;
}

}  // namespace deeppacket::cli

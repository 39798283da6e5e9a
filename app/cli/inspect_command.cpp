#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/preprocess_flags.h"
#include "app/cli/progress_meter.h"
#include "core/capture_reader.h"
#include "core/flow_table.h"
#include "core/json_text.h"
#include "core/packet_csv.h"
#include "core/packet_stream.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli inspect [OPTIONS] CAPTURE...\n"
    "\n"
    "Reads captures (files, directories searched for .pcap/.pcapng/.cap, or patterns) and\n"
    "reports, per file and in total, the packets read, kept and dropped with the reason of each\n"
    "drop, the link types and the number of bidirectional flows.\n"
    "\n"
    "Options:\n";

std::vector<OptionSpec> optionSpecs() {
    std::vector<OptionSpec> specs = {
        {"help", 'h', "", "show this help"},
        {"json", 0, "", "print the report as JSON"},
        {"totals", 0, "", "print the totals only, not each file"},
        {"quiet", 'q', "", "no progress on stderr"},
        skipUnreadableOption(),
    };
    for (auto& spec : preprocessOptionSpecs()) {
        if (spec.name == "tcp-udp-only") {  // the only preprocessing choice that changes counts
            specs.push_back(spec);
        }
    }
    return specs;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(1)
         << (whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole))
         << "%";
    return text.str();
}

void printCounts(std::ostream& out, const PacketCounts& counts, std::uint64_t flows,
                 std::uint64_t closedEarly) {
    out << "  packets read   " << counts.read() << "\n";
    out << "  kept           " << counts.kept() << "  (" << percent(counts.kept(), counts.read())
        << ")\n";
    out << "  dropped        " << counts.dropped() << "\n";
    for (std::size_t i = 1; i < kDispositionCount; ++i) {
        const auto reason = static_cast<Disposition>(i);
        if (counts[reason] != 0) {
            out << "    " << std::left << std::setw(28) << dispositionName(reason) << std::right
                << std::setw(10) << counts[reason] << "  " << dispositionDescription(reason)
                << "\n";
        }
    }
    out << "  flows          " << flows << "\n";
    if (closedEarly > 0) {
        out << "  closed early   " << closedEarly << "  (more than " << kMaxOpenFlows
            << " flows open at once: the least recently seen were closed)\n";
    }
}

void printText(std::ostream& out, const std::vector<FileReport>& reports, bool totalsOnly) {
    if (!totalsOnly) {
        for (const auto& report : reports) {
            out << printable(report.path) << "\n";
            if (!report.opened()) {
                out << "  error: " << printable(report.error) << "\n\n";
                continue;
            }
            out << "  format         " << report.format << ", link type "
                << linkTypeName(report.linkType);
            const std::string description = linkTypeDescription(report.linkType);
            if (!description.empty()) {
                out << " (" << description << ")";
            }
            out << "\n";
            printCounts(out, report.counts, report.flows, report.flowsClosedEarly);
            if (report.counts.read() > 0) {
                const double span =
                    static_cast<double>(report.lastTimestampNs - report.firstTimestampNs) / 1e9;
                out << "  time span      " << std::fixed << std::setprecision(3) << span << " s\n";
                out.unsetf(std::ios::floatfield);
            }
            for (const auto& warning : report.warnings) {
                out << "  warning: " << printable(warning) << "\n";
            }
            out << "\n";
        }
    }
    if (reports.size() == 1 && !totalsOnly) {
        return;  // the file's own block says it all
    }
    const RunSummary total = summarize(reports);
    out << "Total: " << total.files << (total.files == 1 ? " file" : " files");
    if (total.unreadableFiles > 0) {
        out << ", " << total.unreadableFiles << " unreadable";
    }
    if (total.filesWithWarnings > 0) {
        out << ", " << total.filesWithWarnings << " with warnings";
    }
    out << "\n  link types     ";
    bool first = true;
    for (const auto& [name, usage] : total.linkTypes) {
        out << (first ? "" : ", ") << name << " (" << usage.first
            << (usage.first == 1 ? " file, " : " files, ") << usage.second << " packets)";
        first = false;
    }
    out << "\n";
    printCounts(out, total.counts, total.flows, total.flowsClosedEarly);
}

nlohmann::json countsJson(const PacketCounts& counts, std::uint64_t flows,
                          std::uint64_t closedEarly) {
    nlohmann::json byReason = nlohmann::json::object();
    for (std::size_t i = 1; i < kDispositionCount; ++i) {
        const auto reason = static_cast<Disposition>(i);
        byReason[std::string(dispositionName(reason))] = counts[reason];
    }
    return {{"read", counts.read()},
            {"kept", counts.kept()},
            {"dropped", counts.dropped()},
            {"dropped_by_reason", byReason},
            {"flows", flows},
            {"flows_closed_early", closedEarly}};
}

void printJson(std::ostream& out, const std::vector<FileReport>& reports, bool totalsOnly) {
    nlohmann::json document = nlohmann::json::object();
    if (!totalsOnly) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& r : reports) {
            nlohmann::json file = {{"path", r.path}};
            if (r.opened()) {
                file.update(countsJson(r.counts, r.flows, r.flowsClosedEarly));
                file["format"] = r.format;
                file["link_type"] = linkTypeName(r.linkType);
                file["link_type_value"] = r.linkType;
                file["first_timestamp"] = formatTimestamp(r.firstTimestampNs);
                file["last_timestamp"] = formatTimestamp(r.lastTimestampNs);
            } else {
                file["error"] = r.error;
            }
            file["warnings"] = r.warnings;
            files.push_back(std::move(file));
        }
        document["files"] = std::move(files);
    }
    const RunSummary total = summarize(reports);
    nlohmann::json linkTypes = nlohmann::json::object();
    for (const auto& [name, usage] : total.linkTypes) {
        linkTypes[name] = {{"files", usage.first}, {"packets", usage.second}};
    }
    nlohmann::json totals = countsJson(total.counts, total.flows, total.flowsClosedEarly);
    totals["files"] = total.files;
    totals["unreadable_files"] = total.unreadableFiles;
    totals["files_with_warnings"] = total.filesWithWarnings;
    totals["link_types"] = std::move(linkTypes);
    document["total"] = std::move(totals);
    out << jsonText(document) << "\n";
}

}  // namespace

int runInspect(const std::vector<std::string>& args, Console console) {
    const auto specs = optionSpecs();
    const Arguments arguments = Arguments::parse(args, specs);
    if (arguments.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    if (arguments.operands().empty()) {
        throw UsageError("inspect needs at least one capture file or directory");
    }
    bool inputsOk = true;
    auto files = captureFilesFrom(arguments, console, inputsOk);

    PreprocessOptions options;
    options.tcpUdpOnly = arguments.has("tcp-udp-only");
    PacketStream stream(std::move(files), options);
    PacketBatch batch(options.vectorLength, 1024);
    ProgressMeter meter(!arguments.has("quiet"));
    while (stream.next(batch)) {
        meter.update(stream.progress());
    }
    meter.finish();

    const auto& reports = stream.reports();
    if (arguments.has("json")) {
        printJson(console.out, reports, arguments.has("totals"));
    } else {
        printText(console.out, reports, arguments.has("totals"));
    }
    const bool filesOk = reportCaptureProblems(reports, console);
    return inputsOk && filesOk && !reports.empty() ? kExitOk : kExitFailure;
}

}  // namespace deeppacket::cli

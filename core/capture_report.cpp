#include "core/capture_report.h"

#include "core/capture_reader.h"

namespace deeppacket {

RunSummary summarize(const std::vector<FileReport>& reports) {
    RunSummary summary;
    summary.files = reports.size();
    for (const auto& report : reports) {
        if (!report.opened()) {
            ++summary.unreadableFiles;
            continue;
        }
        if (!report.warnings.empty()) {
            ++summary.filesWithWarnings;
        }
        summary.counts += report.counts;
        summary.flows += report.flows;
        summary.flowsClosedEarly += report.flowsClosedEarly;
        auto& entry = summary.linkTypes[linkTypeName(report.linkType)];
        ++entry.first;
        entry.second += report.counts.read();
    }
    return summary;
}

}  // namespace deeppacket

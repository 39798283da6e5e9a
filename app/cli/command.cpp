#include "app/cli/command.h"

#include <ostream>

#include "core/input_files.h"

namespace deeppacket::cli {

std::vector<std::string> captureFilesFrom(const std::vector<std::string>& operands, Console console,
                                          bool& ok) {
    InputFiles inputs = expandInputs(operands);
    for (const auto& error : inputs.errors) {
        console.err << "deeppacket-cli: error: " << error << "\n";
    }
    ok = inputs.errors.empty();
    return std::move(inputs.files);
}

bool reportCaptureProblems(const std::vector<FileReport>& files, Console console) {
    bool ok = true;
    for (const auto& report : files) {
        if (!report.opened()) {
            console.err << "deeppacket-cli: error: " << report.error << "\n";
            ok = false;
        }
        for (const auto& warning : report.warnings) {
            console.err << "deeppacket-cli: warning: " << warning << "\n";
        }
    }
    return ok;
}

}  // namespace deeppacket::cli

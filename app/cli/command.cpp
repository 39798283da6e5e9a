#include "app/cli/command.h"

#include <ostream>

#include "core/input_files.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {

int runCommand(const Command& command, const std::vector<std::string>& args, Console console,
               std::string (*hint)(const std::exception& error)) {
    try {
        const int code = command.run(args, console);
        console.out.flush();
        return code;
    } catch (const UsageError& e) {
        console.err << "deeppacket-cli " << command.name << ": " << printable(e.what()) << "\n"
                    << "Try 'deeppacket-cli " << command.name << " --help'.\n";
        return kExitUsage;
    } catch (const std::exception& e) {
        // Messages quote file names, labels and model cards: anyone's bytes.
        console.err << "deeppacket-cli: error: " << printable(e.what()) << (hint ? hint(e) : "")
                    << "\n";
        return kExitFailure;
    }
}

OptionSpec skipUnreadableOption() {
    return {"skip-unreadable", 0, "",
            "leave out folders that cannot be read, with a warning (default: an error)"};
}

std::vector<std::string> captureFilesFrom(const Arguments& arguments, Console console, bool& ok) {
    InputFiles inputs = expandInputs(arguments.operands());
    for (const auto& error : inputs.errors) {
        console.err << "deeppacket-cli: error: " << printable(error) << "\n";
    }
    const bool skip = arguments.has("skip-unreadable");
    for (const auto& folder : inputs.unreadable) {
        console.err << "deeppacket-cli: " << (skip ? "warning: " : "error: ") << printable(folder)
                    << "\n";
    }
    if (skip && !inputs.unreadable.empty()) {
        console.err << "deeppacket-cli: warning: left out " << inputs.unreadable.size()
                    << (inputs.unreadable.size() == 1 ? " unreadable folder\n"
                                                      : " unreadable folders\n");
    }
    ok = inputs.errors.empty() && (skip || inputs.unreadable.empty());
    return std::move(inputs.files);
}

bool reportCaptureProblems(const std::vector<FileReport>& files, Console console) {
    bool ok = true;
    for (const auto& report : files) {
        if (!report.opened()) {
            console.err << "deeppacket-cli: error: " << printable(report.error) << "\n";
            ok = false;
        }
        for (const auto& warning : report.warnings) {
            console.err << "deeppacket-cli: warning: " << printable(warning) << "\n";
        }
    }
    return ok;
}

}  // namespace deeppacket::cli

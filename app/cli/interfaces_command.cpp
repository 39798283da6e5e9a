#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "core/json_text.h"
#include "core/live_capture.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli interfaces [--json]\n"
    "\n"
    "Lists the network interfaces that 'deeppacket-cli live' can capture on, with their\n"
    "addresses and state. Capturing needs privileges (see docs/live-capture.md); listing does "
    "not.\n"
    "\n"
    "Options:\n";

}  // namespace

int runInterfaces(const std::vector<std::string>& args, Console console) {
    const std::vector<OptionSpec> specs = {{"help", 'h', "", "show this help"},
                                           {"json", 0, "", "print the list as JSON"}};
    const Arguments arguments = Arguments::parse(args, specs);
    if (arguments.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    if (!arguments.operands().empty()) {
        throw UsageError("interfaces takes no arguments");
    }
    const std::vector<CaptureInterface> interfaces = captureInterfaces();
    if (arguments.has("json")) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& i : interfaces) {
            list.push_back({{"name", i.name},
                            {"description", i.description},
                            {"addresses", i.addresses},
                            {"up", i.up},
                            {"running", i.running},
                            {"loopback", i.loopback}});
        }
        console.out << jsonText(list) << "\n";
        return kExitOk;
    }
    for (const auto& i : interfaces) {
        std::string state = i.up ? "up" : "down";
        state += i.running ? ", running" : "";
        state += i.loopback ? ", loopback" : "";
        console.out << printable(i.name) << "  (" << state << ")";
        for (const auto& address : i.addresses) {
            console.out << "  " << printable(address);
        }
        if (!i.description.empty()) {
            console.out << "  " << printable(i.description);
        }
        console.out << "\n";
    }
    return kExitOk;
}

}  // namespace deeppacket::cli

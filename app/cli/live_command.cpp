#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "app/cli/arguments.h"
#include "app/cli/command.h"
#include "app/cli/model_run.h"
#include "core/capture_reader.h"
#include "core/json_text.h"
#include "core/live_capture.h"
#include "core/packet_csv.h"
#include "core/pcapng_writer.h"
#include "core/terminal_text.h"

namespace deeppacket::cli {
namespace {

const char* const kUsage =
    "Usage: deeppacket-cli live -i IFACE [--model FILE | --task TASK --arch ARCH] [OPTIONS]\n"
    "\n"
    "Captures from a network interface and classifies its traffic as it arrives: packets in\n"
    "batches that close when full or after at most 200 ms, flows as they end. Each flow's verdict\n"
    "is printed when the flow ends, and whenever an open flow's verdict so far changes,\n"
    "one JSON object per line with --json. A running summary goes to stderr: packets per second,\n"
    "kept, dropped by the kernel and by the interface. The capture ends with Ctrl-C, SIGTERM,\n"
    "--duration or --count; then -o DIR gets packets.csv and flows.csv as 'classify' writes them,\n"
    "and -w FILE the captured packets (pcapng). Without the capture privileges it captures\n"
    "through deeppacket-capture (docs/live-capture.md). 'deeppacket-cli interfaces' lists the\n"
    "interfaces.\n"
    "\n"
    "Options:\n";

std::string endpoint(const IpAddress& address, std::uint16_t port) {
    const std::string text = address.toString();
    return address.version == 6 ? "[" + text + "]:" + std::to_string(port)
                                : text + ":" + std::to_string(port);
}

// A flow's identity as the printed lines give it: its id, endpoints and protocol.
struct FlowIdentity {
    std::uint32_t flow;
    const IpAddress& src;
    std::uint16_t srcPort;
    const IpAddress& dst;
    std::uint16_t dstPort;
    std::uint8_t protocol;

    nlohmann::json json(const char* event) const {
        return {{"event", event},
                {"flow", flow},
                {"src", src.toString()},
                {"src_port", srcPort},
                {"dst", dst.toString()},
                {"dst_port", dstPort},
                {"protocol", protocolName(protocol)}};
    }
    std::string text() const {
        return "flow " + std::to_string(flow) + "  " + endpoint(src, srcPort) + " > " +
               endpoint(dst, dstPort) + "  " + protocolName(protocol);
    }
};

std::string verdictText(const std::string& label, float confidence) {
    char number[16];
    std::snprintf(number, sizeof number, "%.2f", static_cast<double>(confidence));
    return printable(label, kQuotedValueLimit) + " (" + number + ")";
}

// Prints flow verdicts as the engine hands them out: every flow that ends, and every change of
// an open flow's verdict so far (the flow model's running verdict, or the vote of its packets).
// Keeps one entry per open flow, no more.
class VerdictPrinter final : public PredictionSink {
  public:
    VerdictPrinter(std::ostream& out, std::vector<std::string> classes, bool json)
        : out_(out), classes_(std::move(classes)), json_(json) {}

    void flowUpdates(const std::vector<FlowVerdict>& flows) override {
        for (const FlowVerdict& f : flows) {
            const auto known = running_.find(f.flowId);
            if (known != running_.end() && known->second == f.classIndex) {
                continue;
            }
            running_[f.flowId] = f.classIndex;
            const FlowIdentity id{f.flowId, f.src, f.srcPort, f.dst, f.dstPort, f.protocol};
            if (json_) {
                nlohmann::json line = id.json("update");
                line["packets"] = f.packets;
                line["label"] = classes_[f.classIndex];
                line["confidence"] = f.confidence;
                line["by_flow_model"] = f.byFlowModel;
                out_ << jsonText(line) << "\n";
            } else {
                out_ << id.text() << "  now " << verdictText(classes_[f.classIndex], f.confidence)
                     << " after " << f.packets << (f.packets == 1 ? " packet" : " packets") << "\n";
            }
        }
        out_.flush();
    }

    void flows(const std::vector<FlowVerdict>& flows) override {
        for (const FlowVerdict& f : flows) {
            running_.erase(f.flowId);
            const FlowIdentity id{f.flowId, f.src, f.srcPort, f.dst, f.dstPort, f.protocol};
            if (json_) {
                nlohmann::json line = id.json("flow");
                line["packets"] = f.packets;
                line["bytes"] = f.bytes;
                line["first"] = formatTimestamp(f.firstTimestampNs);
                line["last"] = formatTimestamp(f.lastTimestampNs);
                line["label"] = classes_[f.classIndex];
                line["confidence"] = f.confidence;
                line["by_flow_model"] = f.byFlowModel;
                out_ << jsonText(line) << "\n";
            } else {
                out_ << id.text() << "  " << f.packets << " packets  " << f.bytes << " bytes  "
                     << verdictText(classes_[f.classIndex], f.confidence) << "\n";
            }
        }
        out_.flush();
    }

  private:
    std::ostream& out_;
    std::vector<std::string> classes_;
    bool json_;
    std::map<std::uint32_t, std::uint32_t> running_;
};

}  // namespace

int runLive(const std::vector<std::string>& args, Console console) {
    std::vector<OptionSpec> specs = {
        {"help", 'h', "", "show this help"},
        {"interface", 'i', "IFACE", "the interface to capture on ('interfaces' lists them)"},
        {"filter", 'f', "BPF", "a capture filter, as tcpdump's, e.g. 'tcp port 443'"},
        {"duration", 0, "SECONDS", "stop after this long"},
        {"count", 'c', "N", "stop after N packets captured"},
        {"write", 'w', "FILE", "also write the captured packets to FILE (pcapng)"},
        {"promiscuous", 0, "", "capture what the interface sees, not only this host's traffic"},
    };
    for (auto& spec : modelRunOptionSpecs()) {
        if (std::string(spec.name) != "skip-unreadable") {
            specs.push_back(spec);
        }
    }
    const Arguments arguments = Arguments::parse(args, specs);
    if (arguments.has("help")) {
        console.out << kUsage << formatOptions(specs);
        return kExitOk;
    }
    if (!arguments.has("interface") || arguments.value("interface").empty()) {
        throw UsageError(
            "an interface is needed (-i IFACE; 'deeppacket-cli interfaces' lists them)");
    }
    double seconds = 0;
    if (arguments.has("duration")) {
        char* end = nullptr;
        const std::string text = arguments.value("duration");
        seconds = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !(seconds > 0) || seconds > 1e7) {
            throw UsageError("--duration must be a number of seconds above 0");
        }
    }
    const std::uint64_t count =
        arguments.has("count") ? arguments.positiveInteger("count", 1, 1'000'000'000'000) : 0;
    // Before anything is written: SIGINT and SIGTERM end the capture and the outputs are made.
    const std::atomic<bool>* interrupted = interruptFlag();
    bool inputsOk = true;
    ModelRun run = prepareModelRun(arguments, {}, console, inputsOk, RunInputs::Live);

    LiveCaptureOptions options;
    options.interface = arguments.value("interface");
    options.filter = arguments.value("filter");
    options.promiscuous = arguments.has("promiscuous");
    // Without the privilege here, the capture helper that holds it captures instead.
    options.helper = captureHelperPath();
    LiveCapture capture(options);
    std::optional<PcapngWriter> writer;
    if (arguments.has("write")) {
        writer.emplace(arguments.value("write"), capture.linkType(),
                       static_cast<std::uint32_t>(options.snapshotLength), options.interface);
    }

    if (!run.quiet) {
        console.err << "live: capturing on " << printable(options.interface) << " ("
                    << linkTypeName(capture.linkType()) << ")"
                    << (options.filter.empty() ? "" : ", filter " + printable(options.filter))
                    << (capture.throughHelper() ? ", through " + std::string(kCaptureHelperName)
                                                : std::string())
                    << "; Ctrl-C ends\n";
        console.err.flush();
    }
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    LiveStreamOptions stream;
    stream.stop = [&] {
        return interrupted->load() ||
               (seconds > 0 &&
                std::chrono::duration<double>(Clock::now() - start).count() >= seconds) ||
               (count > 0 && capture.frames() >= count);
    };
    if (writer) {
        stream.onFrame = [&](const Frame& frame) { writer->write(frame); };
    }
    VerdictPrinter printer(console.out, run.model().card().classes, run.json);
    auto lastReport = start;
    std::uint64_t lastFrames = 0;
    InferenceControl control;
    control.progress = [&](const StreamProgress& p) {
        const auto now = Clock::now();
        if (run.quiet || now - lastReport < std::chrono::seconds(1)) {
            return;
        }
        const double elapsed = std::chrono::duration<double>(now - lastReport).count();
        const LiveCaptureStats s = capture.stats();
        char line[200];
        std::snprintf(line, sizeof line,
                      "live: %llu packets (%.0f/s), %llu kept; dropped %llu by the kernel, "
                      "%llu by the interface\n",
                      static_cast<unsigned long long>(capture.frames()),
                      static_cast<double>(capture.frames() - lastFrames) / elapsed,
                      static_cast<unsigned long long>(p.packetsKept),
                      static_cast<unsigned long long>(s.droppedByKernel),
                      static_cast<unsigned long long>(s.droppedByInterface));
        console.err << line;
        console.err.flush();
        lastReport = now;
        lastFrames = capture.frames();
    };
    AnalysisOutcome outcome = run.analysis->runLive(capture, stream, control, &printer);
    outcome.commit();
    if (writer) {
        writer->commit();
    }
    const LiveCaptureStats s = capture.stats();
    if (!run.quiet) {
        console.err << classSummaryText(run, outcome.summary) << "Captured " << capture.frames()
                    << " packets on " << printable(options.interface) << "; dropped "
                    << s.droppedByKernel << " by the kernel, " << s.droppedByInterface
                    << " by the interface\n";
        if (!run.outputDir.empty()) {
            console.err << "Wrote packets.csv and flows.csv in " << printable(run.outputDir)
                        << "\n";
        }
    }
    return kExitOk;
}

}  // namespace deeppacket::cli

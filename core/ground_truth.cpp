#include "core/ground_truth.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "core/csv_reader.h"
#include "core/packet_csv.h"
#include "core/terminal_text.h"

namespace deeppacket {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string fileName(const std::string& path) {
    return fs::path(path).filename().string();
}

struct IscxRule {
    std::string prefix;
    std::string application;
    std::string traffic;
};

const std::vector<IscxRule>& iscxRules() {
    static const std::vector<IscxRule> rules = [] {
        const CsvTable table = parseCsv(iscxRulesCsv(), "iscx-vpn-nonvpn-labels.csv");
        const std::size_t prefix = table.column("prefix");
        const std::size_t application = table.column("application");
        const std::size_t traffic = table.column("traffic");
        std::vector<IscxRule> out;
        for (const auto& row : table.rows) {
            out.push_back({lower(row[prefix]), row[application], row[traffic]});
        }
        // Longest prefix first, so the first match is the longest.
        std::stable_sort(out.begin(), out.end(), [](const IscxRule& a, const IscxRule& b) {
            return a.prefix.size() > b.prefix.size();
        });
        return out;
    }();
    return rules;
}

// A value of the user's file inside a message: cut, so that a 10 MB cell is not echoed whole.
std::string quoted(const std::string& value) {
    return printable(value, kQuotedValueLimit);
}

// Two rows that give one file or flow different labels: which one is right is the user's call.
LabelError conflict(const std::string& path, std::size_t firstLine, std::size_t line,
                    const std::string& what) {
    return LabelError(path + ":" + std::to_string(line) + ": " + what +
                      " has another label than on line " + std::to_string(firstLine) +
                      "; keep one of the two rows");
}

std::size_t requireColumn(const CsvTable& table, const std::string& name, const std::string& path) {
    const std::size_t column = table.column(name);
    if (column == std::string::npos) {
        throw LabelError(path + ": no '" + name + "' column");
    }
    return column;
}

}  // namespace

std::optional<std::string> iscxLabel(const std::string& path, const std::string& task) {
    std::string name = lower(fs::path(path).stem().string());
    // "capture.pcap.gz"-style double extensions are not ISCX names; one stem is enough.
    for (const auto& rule : iscxRules()) {
        if (name.compare(0, rule.prefix.size(), rule.prefix) == 0) {
            const std::string& label = task == "traffic" ? rule.traffic : rule.application;
            if (label.empty()) {
                return std::nullopt;
            }
            return label;
        }
    }
    return std::nullopt;
}

struct GroundTruth::Impl {
    enum class Kind { Folder, Iscx, Files, Flows } kind = Kind::Folder;
    std::string description;
    std::string task;                           // Iscx
    std::map<std::string, std::string> byPath;  // Files: path as written -> label
    std::map<std::string, std::string> byName;  // Files: file name -> label
    // Flows: file name ("" = any file) -> flow -> label
    std::map<std::string, std::unordered_map<FlowKey, std::string, FlowKeyHash>> flows;
    std::set<std::string> labels;
};

GroundTruth::GroundTruth(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GroundTruth::~GroundTruth() = default;
GroundTruth::GroundTruth(GroundTruth&&) noexcept = default;
GroundTruth& GroundTruth::operator=(GroundTruth&&) noexcept = default;

GroundTruth GroundTruth::parse(const std::string& scheme, const std::string& task) {
    auto impl = std::make_unique<Impl>();
    if (scheme == "folder") {
        impl->kind = Impl::Kind::Folder;
        impl->description = "folder names";
        return GroundTruth(std::move(impl));
    }
    if (scheme == "iscx" || scheme == "iscx-application" || scheme == "iscx-traffic") {
        const std::string iscxTask =
            scheme == "iscx" ? task : scheme.substr(std::string("iscx-").size());
        if (iscxTask != "application" && iscxTask != "traffic") {
            throw LabelError(
                "ISCX file-name rules exist for the tasks 'application' and "
                "'traffic', not '" +
                iscxTask + "'; use iscx-application or iscx-traffic");
        }
        impl->kind = Impl::Kind::Iscx;
        impl->task = iscxTask;
        impl->description = "ISCX VPN-nonVPN file names (" + iscxTask + ")";
        for (const auto& rule : iscxRules()) {
            const std::string& label = iscxTask == "traffic" ? rule.traffic : rule.application;
            if (!label.empty()) {
                impl->labels.insert(label);
            }
        }
        return GroundTruth(std::move(impl));
    }
    const auto colon = scheme.find(':');
    const std::string kind = colon == std::string::npos ? scheme : scheme.substr(0, colon);
    const std::string path = colon == std::string::npos ? "" : scheme.substr(colon + 1);
    if ((kind != "files" && kind != "flows") || path.empty()) {
        throw LabelError("unknown label scheme '" + scheme +
                         "': use folder, iscx, iscx-application, iscx-traffic, files:CSV or "
                         "flows:CSV");
    }
    CsvTable table;
    try {
        table = readCsvFile(path);
    } catch (const CsvError& e) {
        throw LabelError(e.what());
    }
    const std::size_t label = requireColumn(table, "label", path);
    if (kind == "files") {
        impl->kind = Impl::Kind::Files;
        impl->description = "file labels from " + path;
        const std::size_t file = requireColumn(table, "file", path);
        std::map<std::string, std::size_t> lineOf;  // of each file's first row
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const auto& row = table.rows[r];
            if (row[file].empty() || row[label].empty()) {
                throw LabelError(path + ":" + std::to_string(table.lineNumbers[r]) +
                                 ": empty file or label");
            }
            const auto [first, isNew] = lineOf.emplace(row[file], table.lineNumbers[r]);
            if (!isNew && impl->byPath[row[file]] != row[label]) {
                throw conflict(path, first->second, table.lineNumbers[r],
                               "'" + quoted(row[file]) + "'");
            }
            impl->byPath[row[file]] = row[label];
            impl->byName[fileName(row[file])] = row[label];
            impl->labels.insert(row[label]);
        }
        return GroundTruth(std::move(impl));
    }
    impl->kind = Impl::Kind::Flows;
    impl->description = "flow labels from " + path;
    const std::size_t src = requireColumn(table, "src", path);
    const std::size_t srcPort = requireColumn(table, "src_port", path);
    const std::size_t dst = requireColumn(table, "dst", path);
    const std::size_t dstPort = requireColumn(table, "dst_port", path);
    const std::size_t protocol = requireColumn(table, "protocol", path);
    const std::size_t file = table.column("file");
    // The line of each flow's first row, per file.
    std::map<std::string, std::unordered_map<FlowKey, std::size_t, FlowKeyHash>> lineOf;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const std::string where = path + ":" + std::to_string(table.lineNumbers[r]) + ": ";
        const auto a = IpAddress::parse(row[src]);
        const auto b = IpAddress::parse(row[dst]);
        const auto proto = protocolFromName(row[protocol]);
        auto port = [&](const std::string& text) -> std::uint16_t {
            if (text.empty() || text.size() > 5 ||
                text.find_first_not_of("0123456789") != std::string::npos ||
                std::stoi(text) > 65535) {
                throw LabelError(where + "bad port '" + quoted(text) + "'");
            }
            return static_cast<std::uint16_t>(std::stoi(text));
        };
        if (!a || !b) {
            throw LabelError(where + "bad address");
        }
        if (!proto) {
            throw LabelError(where + "bad protocol '" + quoted(row[protocol]) + "'");
        }
        if (row[label].empty()) {
            throw LabelError(where + "empty label");
        }
        const std::string fileKey = file == std::string::npos ? "" : fileName(row[file]);
        const FlowKey key = FlowKey::of(*a, port(row[srcPort]), *b, port(row[dstPort]), *proto);
        const auto [first, isNew] = lineOf[fileKey].emplace(key, table.lineNumbers[r]);
        if (!isNew && impl->flows[fileKey][key] != row[label]) {
            throw conflict(path, first->second, table.lineNumbers[r],
                           "the flow " + quoted(row[src]) + ":" + row[srcPort] + " - " +
                               quoted(row[dst]) + ":" + row[dstPort]);
        }
        impl->flows[fileKey][key] = row[label];
        impl->labels.insert(row[label]);
    }
    return GroundTruth(std::move(impl));
}

const std::string& GroundTruth::description() const {
    return impl_->description;
}

bool GroundTruth::perFlow() const {
    return impl_->kind == Impl::Kind::Flows;
}

std::optional<std::string> GroundTruth::labelOfFile(const std::string& path) const {
    switch (impl_->kind) {
        case Impl::Kind::Folder: {
            const fs::path parent = fs::path(path).parent_path();
            std::string name = parent.filename().string();
            if (name.empty() || name == ".") {
                name = fs::absolute(parent.empty() ? fs::path(".") : parent)
                           .lexically_normal()
                           .filename()
                           .string();
            }
            if (name.empty() || name == "." || name == "..") {
                return std::nullopt;
            }
            return name;
        }
        case Impl::Kind::Iscx:
            return iscxLabel(path, impl_->task);
        case Impl::Kind::Files: {
            if (auto it = impl_->byPath.find(path); it != impl_->byPath.end()) {
                return it->second;
            }
            if (auto it = impl_->byName.find(fileName(path)); it != impl_->byName.end()) {
                return it->second;
            }
            return std::nullopt;
        }
        case Impl::Kind::Flows:
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> GroundTruth::labelOfFlow(const std::string& path,
                                                    const FlowKey& flow) const {
    if (impl_->kind != Impl::Kind::Flows) {
        return labelOfFile(path);
    }
    for (const std::string& fileKey : {fileName(path), std::string()}) {
        const auto table = impl_->flows.find(fileKey);
        if (table == impl_->flows.end()) {
            continue;
        }
        if (auto it = table->second.find(flow); it != table->second.end()) {
            return it->second;
        }
    }
    return std::nullopt;
}

std::vector<std::string> GroundTruth::knownLabels() const {
    return {impl_->labels.begin(), impl_->labels.end()};
}

LabelSchemeParts labelSchemeParts(const std::string& scheme) {
    const auto fileName = [](const std::string& path) {
        const auto slash = path.find_last_of("/\\");
        return slash == std::string::npos ? path : path.substr(slash + 1);
    };
    if (scheme == "folder") {
        return {LabelSchemeParts::Folder, {}};
    }
    if (scheme.rfind("iscx", 0) == 0) {
        return {LabelSchemeParts::Iscx, {}};
    }
    if (scheme.rfind("files:", 0) == 0) {
        return {LabelSchemeParts::FileLabels, fileName(scheme.substr(6))};
    }
    if (scheme.rfind("flows:", 0) == 0) {
        return {LabelSchemeParts::FlowLabels, fileName(scheme.substr(6))};
    }
    return {LabelSchemeParts::Other, {}};
}

}  // namespace deeppacket

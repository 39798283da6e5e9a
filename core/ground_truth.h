#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/flow_key.h"

namespace deeppacket {

class LabelError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The true class of packets, for evaluation and training. Schemes:
//   folder            the name of the folder that holds the capture
//   iscx              ISCX VPN-nonVPN file-name rules for the model's task (application|traffic)
//   iscx-application  the 17 application labels of the paper's Table 2
//   iscx-traffic      the 12 traffic labels of the paper's Table 3
//   files:PATH        a CSV with columns file,label (a path, or a file name matched anywhere)
//   flows:PATH        a CSV with columns src,src_port,dst,dst_port,protocol,label and optionally
//                     file: the label of a bidirectional 5-tuple flow (either direction)
class GroundTruth {
  public:
    // Throws LabelError for an unknown scheme, an unreadable or malformed label file, or
    // "iscx" with a task that has no ISCX rules.
    static GroundTruth parse(const std::string& scheme, const std::string& task = {});
    ~GroundTruth();
    GroundTruth(GroundTruth&&) noexcept;
    GroundTruth& operator=(GroundTruth&&) noexcept;

    const std::string& description() const;
    bool perFlow() const;  // labels depend on the flow, not only on the file

    // The label of a capture file, or nothing when the scheme has none for it.
    std::optional<std::string> labelOfFile(const std::string& path) const;
    // The label of a flow of a capture file (per-flow schemes), else the file's label.
    std::optional<std::string> labelOfFlow(const std::string& path, const FlowKey& flow) const;

    // Every label the scheme can give, when it knows them up front (ISCX, CSV files).
    std::vector<std::string> knownLabels() const;

  private:
    struct Impl;
    explicit GroundTruth(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The ISCX VPN-nonVPN file-name rules (resources/iscx-vpn-nonvpn-labels.csv, built in): the
// label of a capture file name for task "application" or "traffic", by the longest matching
// prefix of the lower-cased name without extension.
std::optional<std::string> iscxLabel(const std::string& path, const std::string& task);
const std::string& iscxRulesCsv();

// What a label scheme is, for saying it to people without the folders of its label file (which
// are those of the machine that used it): its kind, and the label file's name.
struct LabelSchemeParts {
    enum Kind { Folder, Iscx, FileLabels, FlowLabels, Other } kind = Other;
    std::string fileName;  // the label file's name, without folders (FileLabels, FlowLabels)
};
LabelSchemeParts labelSchemeParts(const std::string& scheme);

}  // namespace deeppacket

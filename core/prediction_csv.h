#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "core/inference_engine.h"
#include "core/truth_lookup.h"

namespace deeppacket {

// The CSV layouts of packets and flows, shared by the command line and the desktop app. With a
// flow model, packets get the flow model's running verdict on their flow (flow_label,
// flow_confidence) and flows the packet vote beside the flow model's verdict (packet_vote,
// packet_vote_confidence), after the confidence column.
//
// packets.csv: file,number,timestamp,src,src_port,dst,dst_port,protocol,length,flow_id,label,
//              confidence[,flow_label,flow_confidence][,truth][,p_<class>...]
// flows.csv:   flow_id,file,src,src_port,dst,dst_port,protocol,packets,bytes,first,last,label,
//              confidence[,packet_vote,packet_vote_confidence][,truth][,p_<class>...]
std::string packetCsvHeader(const std::vector<std::string>& classes, bool truth, bool probabilities,
                            bool flowModel = false);
std::string flowCsvHeader(const std::vector<std::string>& classes, bool truth, bool probabilities,
                          bool flowModel = false);
// Appends one row; `quotedFile` is already CSV-quoted; `truth` is the label text or empty;
// `probabilities` is null or points at one value per class; `flowLabel` is the flow model's
// verdict (null without a flow model).
void appendPacketCsvRow(std::string& out, const std::string& quotedFile, const PacketRecord& r,
                        const std::string& label, float confidence, const std::string* truth,
                        const float* probabilities, std::size_t classes,
                        const std::string* flowLabel = nullptr, float flowConfidence = 0);
// `voteLabel`: the packet vote's class name when the verdict is the flow model's, else null.
void appendFlowCsvRow(std::string& out, const std::string& quotedFile, const FlowVerdict& f,
                      const std::string& label, const std::string* truth,
                      const std::string* voteLabel = nullptr);

// Writes packets.csv and flows.csv as a run streams by (either path may be empty: not written),
// with a truth column when `truth` has a ground truth. The files appear only on commit(), whole.
class PredictionCsvWriter final : public PredictionSink {
  public:
    struct Paths {
        std::string packetsCsv;
        std::string flowsCsv;
    };
    PredictionCsvWriter(std::vector<std::string> classes, TruthLookup& truth, const Paths& paths,
                        bool probabilities, bool flowModel);
    ~PredictionCsvWriter() override;

    void begin(const std::vector<std::string>& files) override;
    void packets(const PacketBatch& batch, const BatchPredictions& predictions) override;
    void flows(const std::vector<FlowVerdict>& flows) override;
    void commit();

  private:
    const std::string* truthText(const std::string* label) const;

    std::vector<std::string> classes_;
    TruthLookup& truth_;
    bool probabilities_;
    bool flowModel_;
    std::vector<std::string> quotedFiles_;
    std::unique_ptr<AtomicFile> packetsFile_;
    std::unique_ptr<AtomicFile> flowsFile_;
    std::string buffer_;
};

}  // namespace deeppacket

#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "ui/classification_result.h"

namespace deeppacket::ui {

// One row per flow: its endpoints, packets, verdict and confidence (and truth when known).
class FlowTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        Flow,
        Source,
        Destination,
        Protocol,
        Packets,
        Bytes,
        Duration,
        Verdict,
        Confidence,
        Truth,
        File,
        PacketVote,  // with a flow model: the vote of the flow's packets beside its verdict
        ColumnCount
    };

    explicit FlowTableModel(QObject* parent = nullptr);
    void setResult(ResultPointer result);
    // A later moment of the same live capture: flows keep their rows (refined verdicts are
    // redrawn) and new flows join at the end. Another result is shown as setResult does.
    void advance(ResultPointer result);
    void setClassFilter(int classIndex);  // -1: all
    const std::vector<std::uint32_t>& rows() const { return rows_; }
    const FlowResult& flowAt(int row) const {
        return result_->flows[rows_[static_cast<std::size_t>(row)]];
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  private:
    void rebuildRows();

    ResultPointer result_;
    std::vector<std::uint32_t> rows_;
    int classFilter_ = -1;
};

}  // namespace deeppacket::ui

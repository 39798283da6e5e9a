#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "core/display_filter.h"
#include "ui/classification_result.h"

namespace deeppacket::ui {

// The packets of a result as a Wireshark-like table. Rows are indices into the result's
// column of packets, so a million rows cost 4 bytes each here and text is made only for the
// rows on screen. "No." is the packet's number in the analysis (its index + 1), unique across
// the captures; the frame's number in its own file is in the tooltip and the details.
// Filtering (by class, by display filter) and sorting compute a new index vector on a worker
// thread (a million rows take a quarter to one second) and swap it in when it is ready; a newer
// request supersedes an older one.
class PacketTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        Number,
        Time,
        Source,
        Destination,
        Protocol,
        Length,
        Label,
        Confidence,
        Truth,
        File,
        FlowVerdict,  // the flow model's verdict on the packet's flow so far
        ColumnCount
    };

    explicit PacketTableModel(QObject* parent = nullptr);

    void setResult(ResultPointer result);
    // A later moment of the same live capture (ClassificationResult::liveSession): packets that
    // fell out of it leave the table and new ones that pass the filters join at the end, so
    // that the view keeps its place and selection. With a sort, the rows are sorted again.
    // Another result is shown as setResult does.
    void advance(ResultPointer result);
    const ClassificationResult* result() const { return result_.get(); }
    // Shows only packets of class `classIndex` (-1: all) that pass `filter` (null: all).
    void setFilter(int classIndex, std::shared_ptr<const DisplayFilter> filter);
    // Whether a filter or sort is still being computed.
    bool busy() const { return pending_ > 0; }
    const PacketResult& packetAt(int row) const;
    // The packets shown, as indices into the result's, in the table's order.
    const std::vector<std::uint32_t>& rows() const { return rows_; }
    // The packet's index in the result (its number - 1).
    std::size_t packetIndex(int row) const { return rows_[static_cast<std::size_t>(row)]; }
    // The row that shows the packet of this index, or -1 when it is filtered out.
    int rowOfPacket(std::size_t index) const;
    int totalPackets() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

    // The filters and sort as they stand (for the worker that computes rows).
    struct Query;

    // The text of a cell; `index` is the packet's index in the result.
    static QString cellText(const ClassificationResult& result, const PacketResult& p,
                            std::size_t index, int column);

  signals:
    // A filter or sort finished and the rows changed.
    void rowsReady();

  private:
    void recompute();
    Query query() const;
    // Rows computed for the earlier moment `from` of the live capture now shown, made to index
    // the packets of result_ (unsorted rows only).
    std::vector<std::uint32_t> carriedOver(std::vector<std::uint32_t> rows,
                                           const ClassificationResult& from) const;

    ResultPointer result_;
    std::vector<std::uint32_t> rows_;
    int classFilter_ = -1;
    std::shared_ptr<const DisplayFilter> filter_;
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    quint64 generation_ = 0;
    int pending_ = 0;
};

}  // namespace deeppacket::ui

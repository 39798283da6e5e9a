#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "ui/classification_result.h"

namespace deeppacket::ui {

// The packets of a result as a Wireshark-like table. Rows are indices into the result's
// column of packets, so a million rows cost 4 bytes each here and text is made only for the
// rows on screen. Filtering (by class, by text) and sorting compute a new index vector on a
// worker thread (a million rows take a quarter to one second) and swap it in when it is ready;
// a newer request supersedes an older one.
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
    // Shows only packets of class `classIndex` (-1: all) whose text contains `text`.
    void setFilter(int classIndex, const QString& text);
    // Whether a filter or sort is still being computed.
    bool busy() const { return pending_ > 0; }
    const PacketResult& packetAt(int row) const;
    int totalPackets() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

    // The text of a cell (also what the text filter searches).
    static QString cellText(const ClassificationResult& result, const PacketResult& p, int column);

  signals:
    // A filter or sort finished and the rows changed.
    void rowsReady();

  private:
    void recompute();

    ResultPointer result_;
    std::vector<std::uint32_t> rows_;
    int classFilter_ = -1;
    QString textFilter_;
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    quint64 generation_ = 0;
    int pending_ = 0;
};

}  // namespace deeppacket::ui

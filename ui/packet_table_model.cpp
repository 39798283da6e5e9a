#include "ui/packet_table_model.h"

#include <QColor>
#include <QFileInfo>

#include <algorithm>

#include "core/packet_csv.h"
#include "ui/class_colors.h"

namespace deeppacket::ui {

PacketTableModel::PacketTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PacketTableModel::setResult(ResultPointer result) {
    beginResetModel();
    result_ = std::move(result);
    classFilter_ = -1;
    textFilter_.clear();
    sortColumn_ = -1;
    rebuildRows();
    endResetModel();
}

void PacketTableModel::setFilter(int classIndex, const QString& text) {
    beginResetModel();
    classFilter_ = classIndex;
    textFilter_ = text.trimmed();
    rebuildRows();
    endResetModel();
}

int PacketTableModel::totalPackets() const {
    return result_ ? static_cast<int>(result_->packets.size()) : 0;
}

const PacketResult& PacketTableModel::packetAt(int row) const {
    return result_->packets[rows_[static_cast<std::size_t>(row)]];
}

void PacketTableModel::rebuildRows() {
    rows_.clear();
    if (!result_) {
        return;
    }
    const auto& packets = result_->packets;
    rows_.reserve(packets.size());
    for (std::size_t i = 0; i < packets.size(); ++i) {
        const PacketResult& p = packets[i];
        if (classFilter_ >= 0 && p.classIndex != static_cast<std::uint32_t>(classFilter_)) {
            continue;
        }
        if (!textFilter_.isEmpty()) {
            bool found = false;
            for (int column : {Source, Destination, Protocol, Label, Truth, File}) {
                if (text(p, column).contains(textFilter_, Qt::CaseInsensitive)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                continue;
            }
        }
        rows_.push_back(static_cast<std::uint32_t>(i));
    }
    if (sortColumn_ >= 0) {
        orderRows(sortColumn_, sortOrder_);
    }
}

int PacketTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PacketTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString PacketTableModel::text(const PacketResult& p, int column) const {
    const PacketRecord& r = p.record;
    auto endpoint = [](const IpAddress& a, std::uint16_t port) {
        const QString address = QString::fromStdString(a.toString());
        if (port == 0) {
            return address;
        }
        return a.version == 6 ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                              : QStringLiteral("%1:%2").arg(address).arg(port);
    };
    switch (column) {
        case Number:
            return QString::number(r.number);
        case Time: {
            const std::int64_t start = result_->fileReports[r.fileIndex].firstTimestampNs;
            return QString::number(static_cast<double>(r.timestampNs - start) / 1e9, 'f', 6);
        }
        case Source:
            return endpoint(r.src, r.srcPort);
        case Destination:
            return endpoint(r.dst, r.dstPort);
        case Protocol:
            return QString::fromStdString(protocolName(r.protocol));
        case Length:
            return QString::number(r.wireLength);
        case Label:
            return QString::fromStdString(result_->classes[p.classIndex]);
        case Confidence:
            return QString::number(static_cast<double>(p.confidence), 'f', 3);
        case Truth:
            if (p.truth >= 0) {
                return QString::fromStdString(result_->classes[static_cast<std::size_t>(p.truth)]);
            }
            return p.truth == kUnknownLabel ? tr("(not a model class)") : QString();
        case File:
            return QFileInfo(QString::fromStdString(result_->files[r.fileIndex])).fileName();
        default:
            return {};
    }
}

QVariant PacketTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !result_) {
        return {};
    }
    const PacketResult& p = packetAt(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return text(p, index.column());
        case Qt::ToolTipRole:
            if (index.column() == File) {
                return QString::fromStdString(result_->files[p.record.fileIndex]);
            }
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == Number || index.column() == Length ||
                index.column() == Confidence || index.column() == Time) {
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            }
            return {};
        case Qt::BackgroundRole: {
            if (index.column() == Confidence) {
                // A shade that deepens with the confidence.
                QColor c(70, 130, 180);
                c.setAlphaF(0.1f + 0.6f * p.confidence);
                return c;
            }
            QColor c = classColor(p.classIndex);
            c.setAlpha(40);
            return c;
        }
        case Qt::ForegroundRole:
            if (index.column() == Truth && p.truth >= 0 &&
                static_cast<std::uint32_t>(p.truth) != p.classIndex) {
                return QColor(200, 0, 0);  // misclassified
            }
            return {};
        default:
            return {};
    }
}

QVariant PacketTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    static const char* const names[] = {QT_TR_NOOP("No."),      QT_TR_NOOP("Time"),
                                        QT_TR_NOOP("Source"),   QT_TR_NOOP("Destination"),
                                        QT_TR_NOOP("Protocol"), QT_TR_NOOP("Length"),
                                        QT_TR_NOOP("Label"),    QT_TR_NOOP("Confidence"),
                                        QT_TR_NOOP("Truth"),    QT_TR_NOOP("File")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

void PacketTableModel::sort(int column, Qt::SortOrder order) {
    if (!result_ || column < 0 || column >= ColumnCount) {
        return;
    }
    beginResetModel();
    orderRows(column, order);
    sortColumn_ = column;
    sortOrder_ = order;
    endResetModel();
}

void PacketTableModel::orderRows(int column, Qt::SortOrder order) {
    const auto& packets = result_->packets;
    auto key = [&](std::uint32_t i) -> std::pair<double, std::uint32_t> {
        const PacketResult& p = packets[i];
        switch (column) {
            case Time:
                return {static_cast<double>(p.record.timestampNs), i};
            case Length:
                return {p.record.wireLength, i};
            case Label:
                return {p.classIndex, i};
            case Confidence:
                return {static_cast<double>(p.confidence), i};
            case Truth:
                return {p.truth, i};
            case Protocol:
                return {p.record.protocol, i};
            case File:
                return {p.record.fileIndex, i};
            default:  // number, addresses: capture order
                return {static_cast<double>(i), i};
        }
    };
    if (column == Source || column == Destination) {
        const bool source = column == Source;
        std::stable_sort(rows_.begin(), rows_.end(), [&](std::uint32_t a, std::uint32_t b) {
            const PacketRecord& x = packets[a].record;
            const PacketRecord& y = packets[b].record;
            return source ? std::tie(x.src, x.srcPort) < std::tie(y.src, y.srcPort)
                          : std::tie(x.dst, x.dstPort) < std::tie(y.dst, y.dstPort);
        });
    } else {
        std::stable_sort(rows_.begin(), rows_.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    }
    if (order == Qt::DescendingOrder) {
        std::reverse(rows_.begin(), rows_.end());
    }
}

}  // namespace deeppacket::ui

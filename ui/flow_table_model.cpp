#include "ui/flow_table_model.h"

#include <QColor>
#include <QFileInfo>
#include <QFont>

#include "core/packet_csv.h"
#include "ui/class_colors.h"

namespace deeppacket::ui {

FlowTableModel::FlowTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void FlowTableModel::setResult(ResultPointer result) {
    beginResetModel();
    result_ = std::move(result);
    classFilter_ = -1;
    rebuildRows();
    endResetModel();
}

void FlowTableModel::advance(ResultPointer next) {
    if (!result_ || !next || next->liveSession == 0 || next->liveSession != result_->liveSession ||
        next->flows.size() < result_->flows.size()) {
        setResult(std::move(next));
        return;
    }
    if (classFilter_ >= 0) {
        // A refined verdict moves a flow in or out of the class shown.
        beginResetModel();
        result_ = std::move(next);
        rebuildRows();
        endResetModel();
        return;
    }
    // Every flow keeps its row (flows are kept by id and never dropped); new ones follow.
    const std::size_t known = rows_.size();
    result_ = std::move(next);
    if (known > 0) {
        emit dataChanged(index(0, 0), index(static_cast<int>(known) - 1, ColumnCount - 1));
    }
    if (result_->flows.size() > known) {
        beginInsertRows({}, static_cast<int>(known), static_cast<int>(result_->flows.size()) - 1);
        for (std::size_t i = known; i < result_->flows.size(); ++i) {
            rows_.push_back(static_cast<std::uint32_t>(i));
        }
        endInsertRows();
    }
}

void FlowTableModel::setClassFilter(int classIndex) {
    beginResetModel();
    classFilter_ = classIndex;
    rebuildRows();
    endResetModel();
}

void FlowTableModel::rebuildRows() {
    rows_.clear();
    if (!result_) {
        return;
    }
    for (std::size_t i = 0; i < result_->flows.size(); ++i) {
        if (classFilter_ < 0 ||
            result_->flows[i].verdict.classIndex == static_cast<std::uint32_t>(classFilter_)) {
            rows_.push_back(static_cast<std::uint32_t>(i));
        }
    }
}

int FlowTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FlowTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlowTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !result_) {
        return {};
    }
    const FlowResult& row = result_->flows[rows_[static_cast<std::size_t>(index.row())]];
    const FlowVerdict& f = row.verdict;
    if (role == Qt::BackgroundRole) {
        QColor c = classColor(f.classIndex);
        c.setAlpha(index.column() == Confidence ? static_cast<int>(40 + 160 * f.confidence) : 40);
        return c;
    }
    if (role == Qt::FontRole && row.open && index.column() == Verdict) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role == Qt::ToolTipRole && row.open) {
        return tr("Still open: the verdict so far, refined as packets arrive");
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    auto endpoint = [](const IpAddress& a, std::uint16_t port) {
        return QStringLiteral("%1 %2").arg(QString::fromStdString(a.toString())).arg(port);
    };
    switch (index.column()) {
        case Flow:
            return f.flowId;
        case Source:
            return endpoint(f.src, f.srcPort);
        case Destination:
            return endpoint(f.dst, f.dstPort);
        case Protocol:
            return QString::fromStdString(protocolName(f.protocol));
        case Packets:
            return QVariant::fromValue<qulonglong>(f.packets);
        case Bytes:
            return QVariant::fromValue<qulonglong>(f.bytes);
        case Duration:
            return QString::number(
                static_cast<double>(f.lastTimestampNs - f.firstTimestampNs) / 1e9, 'f', 3);
        case Verdict:
            return QString::fromStdString(result_->classes[f.classIndex]);
        case Confidence:
            return QString::number(static_cast<double>(f.confidence), 'f', 3);
        case Truth:
            return row.truth >= 0 ? QString::fromStdString(
                                        result_->classes[static_cast<std::size_t>(row.truth)])
                                  : QString();
        case File:
            // A live capture's flows come from its interface (their file is temporary).
            return result_->liveSession != 0
                       ? result_->liveInterface
                       : QFileInfo(QString::fromStdString(result_->files[f.fileIndex])).fileName();
        case PacketVote:
            return f.byFlowModel
                       ? QStringLiteral("%1 (%2)")
                             .arg(QString::fromStdString(result_->classes[f.voteClassIndex]))
                             .arg(static_cast<double>(f.voteConfidence), 0, 'f', 2)
                       : QString();
        default:
            return {};
    }
}

QVariant FlowTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    static const char* const names[] = {
        QT_TR_NOOP("Flow"),         QT_TR_NOOP("Source"),  QT_TR_NOOP("Destination"),
        QT_TR_NOOP("Protocol"),     QT_TR_NOOP("Packets"), QT_TR_NOOP("Bytes"),
        QT_TR_NOOP("Duration (s)"), QT_TR_NOOP("Verdict"), QT_TR_NOOP("Confidence"),
        QT_TR_NOOP("Truth"),        QT_TR_NOOP("File"),    QT_TR_NOOP("Packet vote")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

}  // namespace deeppacket::ui

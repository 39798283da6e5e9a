#include "ui/packet_table_model.h"

#include <QColor>
#include <QFileInfo>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <numeric>

#include "core/packet_csv.h"
#include "ui/class_colors.h"

namespace deeppacket::ui {

PacketTableModel::PacketTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PacketTableModel::setResult(ResultPointer result) {
    beginResetModel();
    ++generation_;  // results of earlier filters are for another result
    result_ = std::move(result);
    classFilter_ = -1;
    filter_.reset();
    sortColumn_ = -1;
    rows_.resize(result_ ? result_->packets.size() : 0);
    std::iota(rows_.begin(), rows_.end(), 0u);
    endResetModel();
}

void PacketTableModel::setFilter(int classIndex, std::shared_ptr<const DisplayFilter> filter) {
    classFilter_ = classIndex;
    filter_ = std::move(filter);
    recompute();
}

int PacketTableModel::rowOfPacket(std::size_t index) const {
    const auto it = std::find(rows_.begin(), rows_.end(), static_cast<std::uint32_t>(index));
    return it == rows_.end() ? -1 : static_cast<int>(it - rows_.begin());
}

int PacketTableModel::totalPackets() const {
    return result_ ? static_cast<int>(result_->packets.size()) : 0;
}

const PacketResult& PacketTableModel::packetAt(int row) const {
    return result_->packets[rows_[static_cast<std::size_t>(row)]];
}

int PacketTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PacketTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString PacketTableModel::cellText(const ClassificationResult& result, const PacketResult& p,
                                   std::size_t index, int column) {
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
            return QString::number(packetNumber(result, index));
        case Time: {
            const std::int64_t start = result.fileReports[r.fileIndex].firstTimestampNs;
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
            return QString::fromStdString(result.classes[p.classIndex]);
        case Confidence:
            return QString::number(static_cast<double>(p.confidence), 'f', 3);
        case Truth:
            if (p.truth >= 0) {
                return QString::fromStdString(result.classes[static_cast<std::size_t>(p.truth)]);
            }
            return p.truth == kUnknownLabel ? tr("(not a model class)") : QString();
        case File:
            // A live capture's packets come from its interface (their file is temporary).
            return result.liveSession != 0
                       ? result.liveInterface
                       : QFileInfo(QString::fromStdString(result.files[r.fileIndex])).fileName();
        case FlowVerdict:
            return p.flowClassIndex >= 0
                       ? QStringLiteral("%1 (%2)")
                             .arg(QString::fromStdString(
                                 result.classes[static_cast<std::size_t>(p.flowClassIndex)]))
                             .arg(static_cast<double>(p.flowConfidence), 0, 'f', 2)
                       : QString();
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
            return cellText(*result_, p, packetIndex(index.row()), index.column());
        case Qt::ToolTipRole:
            if (index.column() == File) {
                return QString::fromStdString(result_->files[p.record.fileIndex]);
            }
            if (index.column() == Number) {
                return tr("Frame %1 of %2")
                    .arg(p.record.number)
                    .arg(QFileInfo(QString::fromStdString(result_->files[p.record.fileIndex]))
                             .fileName());
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
    static const char* const names[] = {
        QT_TR_NOOP("No."),         QT_TR_NOOP("Time"),        QT_TR_NOOP("Source"),
        QT_TR_NOOP("Destination"), QT_TR_NOOP("Protocol"),    QT_TR_NOOP("Length"),
        QT_TR_NOOP("Label"),       QT_TR_NOOP("Confidence"),  QT_TR_NOOP("Truth"),
        QT_TR_NOOP("File"),        QT_TR_NOOP("Flow verdict")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

void PacketTableModel::sort(int column, Qt::SortOrder order) {
    if (!result_ || column < 0 || column >= ColumnCount) {
        return;
    }
    sortColumn_ = column;
    sortOrder_ = order;
    recompute();
}

struct PacketTableModel::Query {
    int classFilter;
    std::shared_ptr<const DisplayFilter> filter;
    int sortColumn;
    Qt::SortOrder order;
};

PacketTableModel::Query PacketTableModel::query() const {
    return Query{classFilter_, filter_, sortColumn_, sortOrder_};
}

namespace {

using RowQuery = PacketTableModel::Query;

// Whether packets[i] passes the query's filters.
bool passes(const ClassificationResult& result, std::size_t i, const RowQuery& q) {
    const PacketResult& p = result.packets[i];
    if (q.classFilter >= 0 && p.classIndex != static_cast<std::uint32_t>(q.classFilter)) {
        return false;
    }
    return !q.filter || q.filter->matches(p, result.firstPacket + i);
}

// The rows a query selects, in its order. Runs on a worker thread: it only reads the result,
// which never changes once made.
std::vector<std::uint32_t> computeRows(const ResultPointer& result, const RowQuery& q) {
    std::vector<std::uint32_t> rows;
    const auto& packets = result->packets;
    rows.reserve(packets.size());
    for (std::size_t i = 0; i < packets.size(); ++i) {
        if (passes(*result, i, q)) {
            rows.push_back(static_cast<std::uint32_t>(i));
        }
    }
    if (q.sortColumn < 0) {
        return rows;
    }
    auto key = [&](std::uint32_t i) -> double {
        const PacketResult& p = packets[i];
        switch (q.sortColumn) {
            case PacketTableModel::Time:
                return static_cast<double>(p.record.timestampNs);
            case PacketTableModel::Length:
                return p.record.wireLength;
            case PacketTableModel::Label:
                return p.classIndex;
            case PacketTableModel::Confidence:
                return static_cast<double>(p.confidence);
            case PacketTableModel::Truth:
                return p.truth;
            case PacketTableModel::Protocol:
                return p.record.protocol;
            case PacketTableModel::File:
                return p.record.fileIndex;
            default:  // the number: capture order
                return static_cast<double>(i);
        }
    };
    if (q.sortColumn == PacketTableModel::Source || q.sortColumn == PacketTableModel::Destination) {
        const bool source = q.sortColumn == PacketTableModel::Source;
        std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
            const PacketRecord& x = packets[a].record;
            const PacketRecord& y = packets[b].record;
            return source ? std::tie(x.src, x.srcPort) < std::tie(y.src, y.srcPort)
                          : std::tie(x.dst, x.dstPort) < std::tie(y.dst, y.dstPort);
        });
    } else {
        std::stable_sort(rows.begin(), rows.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    }
    if (q.order == Qt::DescendingOrder) {
        std::reverse(rows.begin(), rows.end());
    }
    return rows;
}

// The index in `to` of its first packet that the earlier moment `from` did not have.
std::uint64_t newPacketsFrom(const ClassificationResult& from, const ClassificationResult& to) {
    const std::uint64_t end = from.firstPacket + from.packets.size();
    return end > to.firstPacket ? end - to.firstPacket : 0;
}

}  // namespace

void PacketTableModel::recompute() {
    if (!result_) {
        return;
    }
    const quint64 generation = ++generation_;
    ++pending_;
    auto* watcher = new QFutureWatcher<std::vector<std::uint32_t>>(this);
    connect(watcher, &QFutureWatcher<std::vector<std::uint32_t>>::finished, this,
            [this, watcher, generation, from = result_] {
                watcher->deleteLater();
                --pending_;
                if (generation != generation_) {
                    return;  // superseded by a newer filter, sort or result
                }
                beginResetModel();
                // A live capture may have moved on meanwhile (advance() keeps the generation
                // for unsorted rows): the rows are carried over to the moment shown.
                rows_ = from == result_ ? watcher->result() : carriedOver(watcher->result(), *from);
                endResetModel();
                emit rowsReady();
            });
    watcher->setFuture(QtConcurrent::run(computeRows, result_, query()));
}

std::vector<std::uint32_t> PacketTableModel::carriedOver(std::vector<std::uint32_t> rows,
                                                         const ClassificationResult& from) const {
    // Packets [0, fell) of `from` are gone; its packet i is packet i - fell now; the packets
    // after its last one are new.
    const std::uint64_t fell = result_->firstPacket - from.firstPacket;
    const std::uint64_t end = newPacketsFrom(from, *result_);
    std::size_t gone = 0;
    while (gone < rows.size() && rows[gone] < fell) {
        ++gone;
    }
    rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(gone));
    for (std::uint32_t& row : rows) {
        row -= static_cast<std::uint32_t>(fell);
    }
    const RowQuery q = query();
    for (std::size_t i = end; i < result_->packets.size(); ++i) {
        if (passes(*result_, i, q)) {
            rows.push_back(static_cast<std::uint32_t>(i));
        }
    }
    return rows;
}

void PacketTableModel::advance(ResultPointer next) {
    if (!result_ || !next || next->liveSession == 0 || next->liveSession != result_->liveSession ||
        next->firstPacket < result_->firstPacket) {
        setResult(std::move(next));
        return;
    }
    if (sortColumn_ >= 0) {
        // Sorted: new packets belong anywhere. The ≤ keepPackets rows are sorted again here (a
        // hundred thousand take a few milliseconds), and the window puts the selection back.
        beginResetModel();
        ++generation_;
        result_ = std::move(next);
        rows_ = computeRows(result_, query());
        endResetModel();
        emit rowsReady();
        return;
    }
    // In capture order the rows of packets that fell out are the first ones.
    const std::uint64_t fell = next->firstPacket - result_->firstPacket;
    const std::uint64_t end = newPacketsFrom(*result_, *next);
    std::size_t gone = 0;
    while (gone < rows_.size() && rows_[gone] < fell) {
        ++gone;
    }
    // The rows left are renumbered for the new moment in the same step as they are removed, so
    // that the view never reads a row against the wrong packets.
    if (gone > 0) {
        beginRemoveRows({}, 0, static_cast<int>(gone) - 1);
    }
    rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(gone));
    for (std::uint32_t& row : rows_) {
        row -= static_cast<std::uint32_t>(fell);
    }
    result_ = std::move(next);
    if (gone > 0) {
        endRemoveRows();
    }
    std::vector<std::uint32_t> added;
    const RowQuery q = query();
    for (std::size_t i = end; i < result_->packets.size(); ++i) {
        if (passes(*result_, i, q)) {
            added.push_back(static_cast<std::uint32_t>(i));
        }
    }
    if (!added.empty()) {
        const int first = static_cast<int>(rows_.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        rows_.insert(rows_.end(), added.begin(), added.end());
        endInsertRows();
    }
}

}  // namespace deeppacket::ui

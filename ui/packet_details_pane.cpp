#include "ui/packet_details_pane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <exception>

#include "core/capture_reader.h"
#include "ui/bidi_text.h"

namespace deeppacket::ui {
namespace {

constexpr int kOffsetRole = Qt::UserRole;
constexpr int kLengthRole = Qt::UserRole + 1;
constexpr int kTopBytes = 10;

// What a frame byte is, for colouring the frame view: the link header the preprocessing removes,
// then the packet's parts.
enum class FramePart { Link, IpHeader, TransportHeader, Payload, Trailer };

QString partStyle(VectorPart part) {
    switch (part) {
        case VectorPart::IpHeader:
            return QStringLiteral("background:#dde8ff;");
        case VectorPart::TransportHeader:
            return QStringLiteral("background:#dff5df;");
        case VectorPart::Payload:
            return {};
        case VectorPart::UdpPadding:
            return QStringLiteral("background:#ffe08a;");
        case VectorPart::Address:
            return QStringLiteral("background:#e6ccff;");
        case VectorPart::Masked:
            return QStringLiteral("background:#ffc9a0;");
        case VectorPart::Padding:
            return QStringLiteral("color:#b0b0b0;");
    }
    return {};
}

QString frameStyle(FramePart part) {
    switch (part) {
        case FramePart::Link:
            return QStringLiteral("color:#999999;text-decoration:line-through;");
        case FramePart::IpHeader:
            return partStyle(VectorPart::IpHeader);
        case FramePart::TransportHeader:
            return partStyle(VectorPart::TransportHeader);
        case FramePart::Payload:
            return {};
        case FramePart::Trailer:
            return QStringLiteral("color:#b0b0b0;");
    }
    return {};
}

QString swatch(const QString& style, const QString& text) {
    return QStringLiteral("<span style='%1'>&nbsp;%2&nbsp;</span> ")
        .arg(style, text.toHtmlEscaped());
}

// A hex dump as Wireshark's bytes pane: offset, 16 bytes, their printable characters; each byte
// styled by `style(i)`.
QString hexDump(const std::vector<std::uint8_t>& bytes,
                const std::function<QString(std::size_t)>& style) {
    QString html = QStringLiteral("<pre style='font-family:monospace;margin:0'>");
    for (std::size_t line = 0; line < bytes.size(); line += 16) {
        html += QStringLiteral("%1  ").arg(line, 4, 16, QLatin1Char('0'));
        QString text;
        for (std::size_t i = line; i < line + 16; ++i) {
            if (i == line + 8) {
                html += QLatin1Char(' ');
            }
            if (i >= bytes.size()) {
                html += QStringLiteral("   ");
                continue;
            }
            const QString css = style(i);
            const QString hex = QStringLiteral("%1").arg(bytes[i], 2, 16, QLatin1Char('0'));
            html +=
                css.isEmpty() ? hex : QStringLiteral("<span style='%1'>%2</span>").arg(css, hex);
            html += QLatin1Char(' ');
            const QChar c = bytes[i] >= 0x20 && bytes[i] < 0x7F ? QChar(bytes[i]) : QChar('.');
            const QString shown = QString(c).toHtmlEscaped();
            text += css.isEmpty() ? shown
                                  : QStringLiteral("<span style='%1'>%2</span>").arg(css, shown);
        }
        html += QStringLiteral(" ") + text + QLatin1Char('\n');
    }
    return html + QStringLiteral("</pre>");
}

QTreeWidgetItem* addItem(QTreeWidgetItem* parent, QTreeWidget* tree, const QString& name,
                         const QString& value, long offset = -1, long length = 0) {
    auto* item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, name);
    item->setText(1, value);
    item->setData(0, kOffsetRole, static_cast<qlonglong>(offset));
    item->setData(0, kLengthRole, static_cast<qlonglong>(length));
    return item;
}

}  // namespace

std::shared_ptr<const PacketInspection> inspectPacket(const ResultPointer& result,
                                                      std::size_t packetIndex,
                                                      const PacketExplainer& explainer) {
    auto out = std::make_shared<PacketInspection>();
    out->result = result;
    out->packetIndex = packetIndex;
    const PacketResult& p = result->packets[packetIndex];
    try {
        out->frame = readFrame(result->files[p.record.fileIndex], p.record.number);
    } catch (const std::exception& e) {
        out->error = QString::fromStdString(e.what());
        return out;
    }
    out->dissection = dissectFrame(out->frame);
    if (out->dissection.packet.ip == nullptr) {
        return out;
    }
    const std::size_t length = result->preprocessing.vectorLength;
    out->vector.resize(length);
    out->parts.resize(length);
    buildVector(out->dissection.packet, result->preprocessing, out->vector.data(),
                out->parts.data());
    if (explainer) {
        try {
            out->attribution =
                std::make_shared<const ByteAttribution>(explainer(*result, out->vector));
        } catch (const std::exception& e) {
            out->attributionError = QString::fromStdString(e.what());
        }
    }
    return out;
}

PacketDetailsPane::PacketDetailsPane(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("packetDetails"));
    details_ = new QTreeWidget;
    details_->setObjectName(QStringLiteral("packetDetailsTree"));
    details_->setHeaderLabels({tr("Field"), tr("Value")});
    details_->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    details_->header()->resizeSection(0, 230);
    details_->header()->setStretchLastSection(true);
    probabilities_ = new QTreeWidget;
    probabilities_->setObjectName(QStringLiteral("packetProbabilities"));
    probabilities_->setHeaderLabels({tr("Class"), tr("Probability"), QString()});
    probabilities_->setRootIsDecorated(false);
    probabilities_->setMaximumHeight(160);

    mode_ = new QComboBox;
    mode_->addItem(tr("Frame bytes"), FrameBytes);
    mode_->addItem(tr("Network input (what the network saw)"), NetworkInput);
    attribution_ = new QCheckBox(tr("Show which bytes decided"));
    attribution_->setToolTip(
        tr("Integrated gradients of the predicted class's log-probability from the all-zero "
           "vector: red bytes pushed towards the class, blue away from it."));
    bytes_ = new QTextEdit;
    bytes_->setObjectName(QStringLiteral("packetBytes"));
    bytes_->setReadOnly(true);
    bytes_->setLineWrapMode(QTextEdit::NoWrap);
    // Bytes read left to right in every language.
    bytes_->setLayoutDirection(Qt::LeftToRight);
    legend_ = new QLabel;
    legend_->setObjectName(QStringLiteral("packetBytesLegend"));
    legend_->setWordWrap(true);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(details_, 1);
    leftLayout->addWidget(probabilities_);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    controls->addWidget(mode_);
    controls->addWidget(attribution_);
    controls->addStretch();
    rightLayout->addLayout(controls);
    rightLayout->addWidget(bytes_, 1);
    rightLayout->addWidget(legend_);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    // The details need room for their values; the bytes pane is 16 bytes wide.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({560, 640});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(mode_, &QComboBox::currentIndexChanged, this, [this] {
        attribution_->setEnabled(mode_->currentData().toInt() == NetworkInput);
        renderBytes();
    });
    attribution_->setEnabled(false);
    connect(attribution_, &QCheckBox::toggled, this, [this] { renderBytes(); });
    connect(details_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        highlightBegin_ = item != nullptr ? item->data(0, kOffsetRole).toLongLong() : -1;
        highlightEnd_ =
            highlightBegin_ + (item != nullptr ? item->data(0, kLengthRole).toLongLong() : 0);
        renderBytes();
    });
}

PacketDetailsPane::~PacketDetailsPane() = default;

void PacketDetailsPane::setResult(ResultPointer result) {
    result_ = std::move(result);
    clear();
}

void PacketDetailsPane::clear() {
    ++generation_;
    inspection_.reset();
    ready_ = false;
    details_->clear();
    probabilities_->clear();
    bytes_->clear();
    legend_->clear();
}

void PacketDetailsPane::setBytesMode(BytesMode mode) {
    mode_->setCurrentIndex(mode_->findData(mode));
}

void PacketDetailsPane::setShowAttribution(bool show) {
    attribution_->setChecked(show);
}

void PacketDetailsPane::showPacket(std::size_t packetIndex) {
    if (!result_ || packetIndex >= result_->packets.size()) {
        clear();
        return;
    }
    const quint64 generation = ++generation_;
    ready_ = false;
    legend_->setText(
        tr("Reading packet %1 from its capture…").arg(packetNumber(*result_, packetIndex)));
    auto* watcher = new QFutureWatcher<std::shared_ptr<const PacketInspection>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<const PacketInspection>>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                if (generation != generation_) {
                    return;  // another packet was selected meanwhile
                }
                inspection_ = watcher->result();
                ready_ = true;
                fill();
                emit inspected();
            });
    watcher->setFuture(QtConcurrent::run(inspectPacket, result_, packetIndex, explainer_));
}

void PacketDetailsPane::fill() {
    details_->clear();
    probabilities_->clear();
    const PacketInspection& in = *inspection_;
    if (!in.error.isEmpty()) {
        addItem(nullptr, details_, tr("Cannot read the packet"), isolatedLtr(in.error));
        renderBytes();
        return;
    }
    QTreeWidgetItem* layer = nullptr;
    for (const auto& f : in.dissection.fields) {
        // Addresses, times and numbers read left to right in a right-to-left layout too.
        QTreeWidgetItem* item =
            addItem(f.depth == 0 ? nullptr : layer, details_, QString::fromStdString(f.name),
                    isolatedLtr(QString::fromStdString(f.value)), f.offset, f.length);
        if (f.depth == 0) {
            layer = item;
        }
    }

    const ClassificationResult& result = *in.result;
    const PacketResult& p = result.packets[in.packetIndex];
    const auto className = [&result](std::int64_t c) {
        return c >= 0 && static_cast<std::size_t>(c) < result.classes.size()
                   ? QString::fromStdString(result.classes[static_cast<std::size_t>(c)])
                   : QString();
    };
    QTreeWidgetItem* verdict = addItem(nullptr, details_, tr("Deep Packet"),
                                       tr("%1 (%2)")
                                           .arg(className(p.classIndex))
                                           .arg(static_cast<double>(p.confidence), 0, 'f', 3));
    addItem(verdict, details_, tr("Number in the analysis"),
            QString::number(packetNumber(result, in.packetIndex)));
    // A live capture's packets come from its interface (their file is temporary).
    addItem(verdict, details_, tr("Capture"),
            result.liveSession != 0
                ? result.liveInterface
                : QFileInfo(QString::fromStdString(result.files[p.record.fileIndex])).fileName());
    addItem(verdict, details_, tr("Label"), className(p.classIndex));
    addItem(verdict, details_, tr("Truth"),
            p.truth >= 0 ? className(p.truth)
                         : (p.truth == kUnknownLabel ? tr("(not a model class)") : tr("none")));
    for (const FlowResult& f : result.flows) {
        if (f.verdict.flowId == p.record.flowId && f.verdict.fileIndex == p.record.fileIndex) {
            addItem(verdict, details_,
                    f.verdict.byFlowModel ? tr("Flow verdict (flow model)")
                                          : tr("Flow verdict (vote of its packets)"),
                    tr("%1 (%2), flow %3 of %4 packets")
                        .arg(className(f.verdict.classIndex))
                        .arg(static_cast<double>(f.verdict.confidence), 0, 'f', 3)
                        .arg(f.verdict.flowId)
                        .arg(f.verdict.packets));
            break;
        }
    }
    if (!in.vector.empty()) {
        std::size_t counts[7] = {};
        for (VectorPart part : in.parts) {
            ++counts[static_cast<int>(part)];
        }
        const std::size_t fromPacket = counts[static_cast<int>(VectorPart::IpHeader)] +
                                       counts[static_cast<int>(VectorPart::TransportHeader)] +
                                       counts[static_cast<int>(VectorPart::Payload)];
        addItem(verdict, details_, tr("Network input"),
                tr("%1 bytes: %2 from the packet, %3 zeroed or masked, %4 inserted, %5 padding")
                    .arg(in.vector.size())
                    .arg(fromPacket)
                    .arg(counts[static_cast<int>(VectorPart::Address)] +
                         counts[static_cast<int>(VectorPart::Masked)])
                    .arg(counts[static_cast<int>(VectorPart::UdpPadding)])
                    .arg(counts[static_cast<int>(VectorPart::Padding)]));
    }
    if (in.attribution) {
        const ByteAttribution& a = *in.attribution;
        QTreeWidgetItem* decided =
            addItem(nullptr, details_, tr("Which bytes decided"),
                    tr("%1: log-probability %2 against %3 for the zero vector")
                        .arg(className(a.classIndex))
                        .arg(a.logProbability, 0, 'f', 3)
                        .arg(a.baselineLogProbability, 0, 'f', 3));
        const std::vector<std::size_t> ranked = rankBytes(a.perByte);
        for (int r = 0; r < kTopBytes && r < static_cast<int>(ranked.size()); ++r) {
            const std::size_t i = ranked[static_cast<std::size_t>(r)];
            if (a.perByte[i] == 0.0f) {
                break;
            }
            const long packetOffset =
                packetOffsetOfVectorByte(in.dissection.packet, i, in.vector.size());
            QString where = QString::fromUtf8(vectorPartName(in.parts[i]));
            long frameOffset = -1;
            if (packetOffset >= 0) {
                frameOffset = static_cast<long>(in.dissection.ipOffset) + packetOffset;
                if (const DissectedField* field =
                        fieldAt(in.dissection, static_cast<std::uint32_t>(frameOffset))) {
                    where += QStringLiteral(" · ") + QString::fromStdString(field->name);
                }
            }
            addItem(decided, details_, tr("byte %1 (%2)").arg(i).arg(where),
                    QString::asprintf("%+.4f", static_cast<double>(a.perByte[i])), frameOffset,
                    frameOffset >= 0 ? 1 : 0);
        }
        decided->setExpanded(true);
        for (std::size_t c = 0; c < a.probabilities.size() && c < result_->classes.size(); ++c) {
            auto* item = new QTreeWidgetItem(probabilities_);
            item->setText(0, className(static_cast<std::int64_t>(c)));
            item->setText(1, QString::number(static_cast<double>(a.probabilities[c]), 'f', 3));
            auto* bar = new QProgressBar;
            bar->setRange(0, 1000);
            bar->setValue(static_cast<int>(std::lround(a.probabilities[c] * 1000.0f)));
            bar->setTextVisible(false);
            bar->setMaximumHeight(12);
            probabilities_->setItemWidget(item, 2, bar);
        }
    } else if (!in.attributionError.isEmpty()) {
        addItem(nullptr, details_, tr("Which bytes decided"), in.attributionError);
    }
    verdict->setExpanded(true);
    renderBytes();
}

void PacketDetailsPane::renderBytes() {
    if (!inspection_ || !inspection_->error.isEmpty()) {
        bytes_->clear();
        legend_->setText(inspection_ ? inspection_->error : QString());
        return;
    }
    const PacketInspection& in = *inspection_;
    const DecodedPacket& packet = in.dissection.packet;
    const std::uint32_t ipOffset = in.dissection.ipOffset;
    auto highlighted = [this](long frameOffset) {
        return frameOffset >= highlightBegin_ && frameOffset < highlightEnd_;
    };
    const QString mark = QStringLiteral("font-weight:bold;text-decoration:underline;");
    if (mode_->currentData().toInt() == FrameBytes || in.vector.empty()) {
        bytes_->setHtml(hexDump(in.frame.bytes, [&](std::size_t i) {
            FramePart part = FramePart::Trailer;
            const bool decoded = packet.ip != nullptr;
            if (!decoded || i < ipOffset) {
                part = decoded ? FramePart::Link : FramePart::Payload;
            } else if (i - ipOffset < packet.ipHeaderLength) {
                part = FramePart::IpHeader;
            } else if (i - ipOffset < packet.payloadOffset()) {
                part = FramePart::TransportHeader;
            } else if (i - ipOffset < packet.capturedLength) {
                part = FramePart::Payload;
            }
            return frameStyle(part) + (highlighted(static_cast<long>(i)) ? mark : QString());
        }));
        legend_->setText(swatch(frameStyle(FramePart::Link), tr("link header, removed")) +
                         swatch(frameStyle(FramePart::IpHeader), tr("IP header")) +
                         swatch(frameStyle(FramePart::TransportHeader), tr("transport header")) +
                         swatch(frameStyle(FramePart::Payload), tr("payload")));
        return;
    }
    const bool attribution = attribution_->isChecked() && in.attribution;
    float scale = 0;
    if (attribution) {
        for (float v : in.attribution->perByte) {
            scale = std::max(scale, std::abs(v));
        }
    }
    bytes_->setHtml(hexDump(in.vector, [&](std::size_t i) {
        const long offset = packetOffsetOfVectorByte(packet, i, in.vector.size());
        QString css = partStyle(in.parts[i]);
        if (attribution && scale > 0 && in.attribution->perByte[i] != 0.0f) {
            const float v = in.attribution->perByte[i];
            const double alpha = 0.1 + 0.85 * static_cast<double>(std::abs(v) / scale);
            css = v > 0 ? QStringLiteral("background:rgba(220,40,40,%1);").arg(alpha, 0, 'f', 2)
                        : QStringLiteral("background:rgba(40,90,220,%1);").arg(alpha, 0, 'f', 2);
        }
        if (offset >= 0 && highlighted(static_cast<long>(ipOffset) + offset)) {
            css += mark;
        }
        return css;
    }));
    QString legend = swatch(partStyle(VectorPart::IpHeader), tr("IP header")) +
                     swatch(partStyle(VectorPart::TransportHeader), tr("transport header")) +
                     swatch(partStyle(VectorPart::Payload), tr("payload")) +
                     swatch(partStyle(VectorPart::Address), tr("zeroed address")) +
                     swatch(partStyle(VectorPart::Masked), tr("masked field")) +
                     swatch(partStyle(VectorPart::UdpPadding), tr("12 bytes inserted after UDP")) +
                     swatch(partStyle(VectorPart::Padding), tr("zero padding"));
    if (attribution) {
        legend +=
            QStringLiteral("<br>") +
            swatch(QStringLiteral("background:rgba(220,40,40,0.8);"),
                   tr("towards %1")
                       .arg(QString::fromStdString(result_->classes[in.attribution->classIndex]))) +
            swatch(QStringLiteral("background:rgba(40,90,220,0.8);"), tr("away from it")) +
            tr("(attributions add up to %1; the change from the zero vector is %2)")
                .arg(std::accumulate(in.attribution->perByte.begin(), in.attribution->perByte.end(),
                                     0.0),
                     0, 'f', 3)
                .arg(in.attribution->logProbability - in.attribution->baselineLogProbability, 0,
                     'f', 3);
    } else if (attribution_->isChecked() && !in.attributionError.isEmpty()) {
        legend += QStringLiteral("<br>") + in.attributionError.toHtmlEscaped();
    }
    legend_->setText(legend);
}

}  // namespace deeppacket::ui

#include "ui/live_capture_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <pcap/dlt.h>

#include "ui/bidi_text.h"
#include "ui/device_combo.h"
#include "ui/model_folders.h"

namespace deeppacket::ui {
namespace {

constexpr int kNameRole = Qt::UserRole;

}  // namespace

LiveCaptureDialog::LiveCaptureDialog(QStringList modelFolders, QWidget* parent,
                                     std::function<std::vector<CaptureInterface>()> interfaces)
    : QDialog(parent),
      listInterfaces_(std::move(interfaces)),
      modelFolders_(std::move(modelFolders)) {
    setWindowTitle(tr("Capture live"));
    setObjectName(QStringLiteral("liveCaptureDialog"));
    resize(760, 560);

    interfaces_ = new QTreeWidget;
    interfaces_->setObjectName(QStringLiteral("interfaces"));
    interfaces_->setHeaderLabels({tr("Interface"), tr("Addresses"), tr("Description")});
    interfaces_->setRootIsDecorated(false);
    interfaces_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    interfaceError_ = new QLabel;
    interfaceError_->setWordWrap(true);
    interfaceError_->setStyleSheet(QStringLiteral("QLabel { color: #a00; }"));
    interfaceError_->hide();
    auto* refresh = new QPushButton(tr("&Refresh interfaces"));
    connect(refresh, &QPushButton::clicked, this, &LiveCaptureDialog::refreshInterfaces);
    connect(interfaces_, &QTreeWidget::currentItemChanged, this, &LiveCaptureDialog::updateStart);
    connect(interfaces_, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (canStart()) {
            accept();
        }
    });

    filter_ = new QLineEdit;
    filter_->setObjectName(QStringLiteral("captureFilter"));
    filter_->setPlaceholderText(tr("A capture filter, such as: tcp port 443 or udp"));
    filter_->setToolTip(
        tr("libpcap's capture filter (as in tcpdump and Wireshark's capture options): only "
           "packets it passes are captured. Empty: every packet."));
    filterMessage_ = new QLabel;
    filterMessage_->setObjectName(QStringLiteral("captureFilterMessage"));
    filterMessage_->setStyleSheet(QStringLiteral("QLabel { color: #a00; }"));
    connect(filter_, &QLineEdit::textChanged, this, &LiveCaptureDialog::checkFilter);

    model_ = new QComboBox;
    model_->setObjectName(QStringLiteral("liveModel"));
    flowModel_ = new QComboBox;
    flowModel_->setObjectName(QStringLiteral("liveFlowModel"));
    auto* browse = new QPushButton(tr("Bro&wse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a model"), QSettings().value("wizard/modelFolder").toString(),
            tr("Deep Packet models (*.dpm);;All files (*)"));
        if (!path.isEmpty()) {
            chooseModel(path);
        }
    });
    connect(model_, &QComboBox::currentIndexChanged, this, &LiveCaptureDialog::refreshFlowModels);
    device_ = makeDeviceCombo();
    keep_ = new QSpinBox;
    keep_->setObjectName(QStringLiteral("keepPackets"));
    keep_->setRange(1000, 5'000'000);
    keep_->setSingleStep(10'000);
    keep_->setGroupSeparatorShown(true);
    keep_->setSuffix(tr(" packets"));
    keep_->setToolTip(
        tr("The packet table keeps the newest packets only, so that a capture of hours stays "
           "within memory (about 100 bytes a packet); every flow's summary is kept."));
    promiscuous_ = new QCheckBox(tr("&Promiscuous mode"));
    promiscuous_->setToolTip(tr("Capture packets addressed to other hosts too"));

    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(model_, 1);
    modelRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Capture &filter:"), filter_);
    form->addRow(QString(), filterMessage_);
    modelMessage_ = new QLabel;
    modelMessage_->setWordWrap(true);
    modelMessage_->setStyleSheet(QStringLiteral("QLabel { color: #a00; }"));
    modelMessage_->hide();
    form->addRow(tr("&Model:"), modelRow);
    form->addRow(QString(), modelMessage_);
    form->addRow(tr("F&low model:"), flowModel_);
    form->addRow(tr("&Device:"), device_);
    form->addRow(tr("&Keep the newest:"), keep_);
    form->addRow(QString(), promiscuous_);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto* start = buttons_->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    start->setObjectName(QStringLiteral("startCapture"));
    start->setDefault(true);
    connect(buttons_, &QDialogButtonBox::accepted, this, &LiveCaptureDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &LiveCaptureDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("&Interfaces:")));
    layout->addWidget(interfaces_, 1);
    layout->addWidget(interfaceError_);
    layout->addWidget(refresh, 0, Qt::AlignLeft);
    layout->addLayout(form);
    layout->addWidget(buttons_);
    static_cast<QLabel*>(layout->itemAt(0)->widget())->setBuddy(interfaces_);

    // The models of the model folders: packet models to choose, flow models to go beside them.
    for (const auto& [path, model] : modelsInFolders(modelFolders_)) {
        const QString summary = QStringLiteral("%1 — %2").arg(
            QFileInfo(path).fileName(), QString::fromStdString(model.card.network.summary()));
        if (model.program) {
            continue;  // a TorchScript program needs the analysis wizard's trust question
        }
        if (model.card.network.classifiesFlows()) {
            flowModels_.push_back({path, summary, model.card.classes});
            continue;
        }
        model_->addItem(summary, path);
        model_->setItemData(model_->count() - 1, path, Qt::ToolTipRole);
        modelClasses_.push_back(model.card.classes);
    }

    QSettings settings;
    filter_->setText(settings.value("live/filter").toString());
    keep_->setValue(settings.value("live/keepPackets", 100'000).toInt());
    promiscuous_->setChecked(settings.value("live/promiscuous", false).toBool());
    const int device = device_->findData(settings.value("wizard/device", 0).toInt());
    device_->setCurrentIndex(deviceSelectable(device_, device) ? device : 0);
    const int model = model_->findData(settings.value("live/model").toString());
    if (model >= 0) {
        model_->setCurrentIndex(model);
    }
    refreshFlowModels();
    refreshInterfaces();
    checkFilter();
}

void LiveCaptureDialog::refreshInterfaces() {
    const QString current = interfaces_->currentItem() != nullptr
                                ? interfaces_->currentItem()->data(0, kNameRole).toString()
                                : QSettings().value("live/interface").toString();
    interfaces_->clear();
    interfaceError_->hide();
    std::vector<CaptureInterface> list;
    try {
        list = listInterfaces_();
    } catch (const std::exception& e) {
        interfaceError_->setText(tr("The interfaces cannot be listed: %1")
                                     .arg(isolatedLtr(QString::fromStdString(e.what()))));
        interfaceError_->show();
    }
    QTreeWidgetItem* chosen = nullptr;
    QTreeWidgetItem* firstUp = nullptr;
    for (const CaptureInterface& i : list) {
        const QString name = QString::fromStdString(i.name);
        QStringList addresses;
        for (const auto& a : i.addresses) {
            addresses << QString::fromStdString(a);
        }
        auto* item = new QTreeWidgetItem(interfaces_);
        item->setText(0, isolatedLtr(name));
        item->setText(1, isolatedLtr(addresses.join(QStringLiteral(", "))));
        QString description = QString::fromStdString(i.description);
        if (i.loopback) {
            description = description.isEmpty() ? tr("loopback") : description;
        }
        if (!i.up) {
            description = tr("down") + (description.isEmpty() ? QString() : "; " + description);
            item->setForeground(0, palette().color(QPalette::Disabled, QPalette::Text));
        }
        item->setText(2, description);
        item->setData(0, kNameRole, name);
        item->setToolTip(1, addresses.join('\n'));
        if (name == current) {
            chosen = item;
        }
        if (firstUp == nullptr && i.up && i.running && !i.loopback) {
            firstUp = item;
        }
    }
    if (chosen == nullptr) {
        chosen = firstUp != nullptr ? firstUp : interfaces_->topLevelItem(0);
    }
    interfaces_->setCurrentItem(chosen);
    updateStart();
}

void LiveCaptureDialog::checkFilter() {
    const QString text = filter_->text().trimmed();
    // Checked for Ethernet, the link type of nearly every interface; the capture checks the
    // filter again for the interface's own link type when it starts.
    filterError_ = text.isEmpty()
                       ? QString()
                       : QString::fromStdString(captureFilterError(text.toStdString(), DLT_EN10MB));
    filterMessage_->setText(filterError_);
    filterMessage_->setVisible(!filterError_.isEmpty());
    filter_->setStyleSheet(text.isEmpty() ? QString()
                           : filterError_.isEmpty()
                               ? QStringLiteral("QLineEdit { background: #e6f4ea; }")
                               : QStringLiteral("QLineEdit { background: #fdecea; }"));
    updateStart();
}

void LiveCaptureDialog::refreshFlowModels() {
    const QString current = flowModel_->currentData().toString();
    flowModel_->clear();
    flowModel_->addItem(tr("None: flows by the vote of their packets"), QString());
    const int model = model_->currentIndex();
    if (model >= 0 && static_cast<std::size_t>(model) < modelClasses_.size()) {
        for (const FlowModelFile& f : flowModels_) {
            if (f.classes == modelClasses_[static_cast<std::size_t>(model)]) {
                flowModel_->addItem(f.summary, f.path);
            }
        }
    }
    const int kept = current.isEmpty() ? -1 : flowModel_->findData(current);
    flowModel_->setCurrentIndex(kept >= 0 ? kept : flowModel_->count() > 1 ? 1 : 0);
    updateStart();
}

void LiveCaptureDialog::updateStart() {
    if (buttons_ == nullptr) {
        return;
    }
    for (QAbstractButton* button : buttons_->buttons()) {
        if (buttons_->buttonRole(button) == QDialogButtonBox::AcceptRole) {
            button->setEnabled(canStart());
        }
    }
}

bool LiveCaptureDialog::canStart() const {
    return interfaces_->currentItem() != nullptr && filterError_.isEmpty() &&
           model_->currentIndex() >= 0;
}

void LiveCaptureDialog::chooseInterface(const QString& name) {
    for (int i = 0; i < interfaces_->topLevelItemCount(); ++i) {
        if (interfaces_->topLevelItem(i)->data(0, kNameRole).toString() == name) {
            interfaces_->setCurrentItem(interfaces_->topLevelItem(i));
        }
    }
}

void LiveCaptureDialog::setFilter(const QString& filter) {
    filter_->setText(filter);
}

QString LiveCaptureDialog::filterError() const {
    return filterError_;
}

void LiveCaptureDialog::chooseModel(const QString& path) {
    int item = model_->findData(path);
    if (item < 0) {
        try {
            const ModelDescription model = describeModel(path.toStdString());
            if (model.program || model.card.network.classifiesFlows()) {
                throw ModelError(
                    model.program
                        ? tr("%1 is a TorchScript program: live capture takes Deep Packet "
                             "models (.dpm). Convert it with deeppacket-cli convert.")
                              .arg(QFileInfo(path).fileName())
                              .toStdString()
                        : tr("%1 is a flow model: choose a packet model, and this one as the "
                             "flow model")
                              .arg(QFileInfo(path).fileName())
                              .toStdString());
            }
            model_->addItem(QFileInfo(path).fileName(), path);
            modelClasses_.push_back(model.card.classes);
            item = model_->count() - 1;
        } catch (const std::exception& e) {
            modelMessage_->setText(QString::fromStdString(e.what()));
            modelMessage_->show();
            return;
        }
    }
    modelMessage_->hide();
    model_->setCurrentIndex(item);
}

void LiveCaptureDialog::setKeepPackets(int packets) {
    keep_->setValue(packets);
}

LiveRequest LiveCaptureDialog::request() const {
    LiveRequest r;
    r.plan.modelPath = model_->currentData().toString().toStdString();
    r.plan.flowModelPath = flowModel_->currentData().toString().toStdString();
    r.plan.device = static_cast<DeviceChoice>(device_->currentData().toInt());
    r.plan.batchSize = 1024;  // as the command line's live: batches also close after 200 ms
    if (const QTreeWidgetItem* item = interfaces_->currentItem()) {
        r.capture.interface = item->data(0, kNameRole).toString().toStdString();
    }
    r.capture.filter = filter_->text().trimmed().toStdString();
    r.capture.promiscuous = promiscuous_->isChecked();
    // Without the privilege, the capture helper beside the app captures (capture_helper.h).
    r.capture.helper = captureHelperPath();
    r.keepPackets = static_cast<std::size_t>(keep_->value());
    return r;
}

void LiveCaptureDialog::accept() {
    if (!canStart()) {
        return;
    }
    QSettings settings;
    if (const QTreeWidgetItem* item = interfaces_->currentItem()) {
        settings.setValue("live/interface", item->data(0, kNameRole).toString());
    }
    settings.setValue("live/filter", filter_->text().trimmed());
    settings.setValue("live/keepPackets", keep_->value());
    settings.setValue("live/promiscuous", promiscuous_->isChecked());
    settings.setValue("live/model", model_->currentData().toString());
    QDialog::accept();
}

}  // namespace deeppacket::ui

#include "ui/device_combo.h"

#include <QComboBox>
#include <QStandardItemModel>

#include "models/compute_device.h"

namespace deeppacket::ui {

QComboBox* makeDeviceCombo() {
    auto* combo = new QComboBox;
    combo->addItem(QComboBox::tr("Auto"), static_cast<int>(DeviceChoice::Auto));
    combo->addItem(QComboBox::tr("CPU"), static_cast<int>(DeviceChoice::Cpu));
    combo->addItem(QComboBox::tr("CUDA"), static_cast<int>(DeviceChoice::Cuda));
    if (!cudaAvailable()) {
        const QString reason = QString::fromStdString(cudaUnavailableReason());
        auto* items = qobject_cast<QStandardItemModel*>(combo->model());
        items->item(2)->setEnabled(false);
        items->item(2)->setToolTip(reason);
        combo->setItemText(2, QComboBox::tr("CUDA (%1)").arg(reason));
    }
    return combo;
}

}  // namespace deeppacket::ui

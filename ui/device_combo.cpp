#include "ui/device_combo.h"

#include <QComboBox>
#include <QStandardItemModel>

#include "models/device_choice.h"

namespace deeppacket::ui {

QComboBox* makeDeviceCombo() {
    auto* combo = new QComboBox;
    combo->addItem(QComboBox::tr("Auto"), static_cast<int>(DeviceChoice::Auto));
    combo->addItem(QComboBox::tr("CPU"), static_cast<int>(DeviceChoice::Cpu));
    combo->addItem(QComboBox::tr("CUDA"), static_cast<int>(DeviceChoice::Cuda));
    // Whether LibTorch has CUDA is known when the program is built, so the wizard need not load
    // the networks to say it; whether this machine has a GPU is checked when a run starts
    // (choosing CUDA without one is an error that says why).
    if (!DEEPPACKET_TORCH_HAS_CUDA) {
        const QString reason = QComboBox::tr("this build's LibTorch has no CUDA");
        auto* items = qobject_cast<QStandardItemModel*>(combo->model());
        items->item(2)->setEnabled(false);
        items->item(2)->setToolTip(reason);
        combo->setItemText(2, QComboBox::tr("CUDA (%1)").arg(reason));
    }
    return combo;
}

bool deviceSelectable(const QComboBox* combo, int index) {
    const auto* items = qobject_cast<const QStandardItemModel*>(combo->model());
    return index >= 0 && index < combo->count() && items->item(index)->isEnabled();
}

QString networksBuildSummary() {
    return DEEPPACKET_TORCH_HAS_CUDA ? QComboBox::tr("LibTorch %1, with CUDA")
                                           .arg(QStringLiteral(DEEPPACKET_LIBTORCH_VERSION))
                                     : QComboBox::tr("LibTorch %1, CPU only")
                                           .arg(QStringLiteral(DEEPPACKET_LIBTORCH_VERSION));
}

}  // namespace deeppacket::ui

#pragma once

class QComboBox;
class QString;

namespace deeppacket::ui {

// A combo box of compute devices (Auto, CPU, CUDA), each item's data the DeviceChoice as int.
// CUDA is greyed out, with the reason, when this LibTorch cannot use it: better than an error
// after the user chose it.
QComboBox* makeDeviceCombo();

// Whether the item at `index` of such a combo can be chosen here.
bool deviceSelectable(const QComboBox* combo, int index);

// What the networks are built with, known without loading them: "LibTorch 1.13.0, CPU only".
QString networksBuildSummary();

}  // namespace deeppacket::ui

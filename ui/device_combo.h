#pragma once

class QComboBox;

namespace deeppacket::ui {

// A combo box of compute devices (Auto, CPU, CUDA), each item's data the DeviceChoice as int.
// CUDA is greyed out, with the reason, when this LibTorch cannot use it: better than an error
// after the user chose it.
QComboBox* makeDeviceCombo();

}  // namespace deeppacket::ui

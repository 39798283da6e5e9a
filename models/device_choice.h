#pragma once

#include <optional>
#include <stdexcept>
#include <string>

// The user's choice of device, named and parsed without LibTorch (the app's wizards and the
// command line's options show it before any network is loaded); models/compute_device.h
// resolves it.

namespace deeppacket {

// Where the networks run. Auto picks CUDA when the LibTorch build has it and a GPU is present.
enum class DeviceChoice { Auto, Cpu, Cuda };

class DeviceError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::optional<DeviceChoice> parseDeviceChoice(const std::string& text);  // "auto", "cpu", "cuda"
std::string deviceChoiceName(DeviceChoice choice);

}  // namespace deeppacket

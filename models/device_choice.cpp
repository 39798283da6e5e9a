#include "models/device_choice.h"

namespace deeppacket {

std::optional<DeviceChoice> parseDeviceChoice(const std::string& text) {
    if (text == "auto") {
        return DeviceChoice::Auto;
    }
    if (text == "cpu") {
        return DeviceChoice::Cpu;
    }
    if (text == "cuda" || text == "gpu") {
        return DeviceChoice::Cuda;
    }
    return std::nullopt;
}

std::string deviceChoiceName(DeviceChoice choice) {
    switch (choice) {
        case DeviceChoice::Auto:
            return "auto";
        case DeviceChoice::Cpu:
            return "cpu";
        case DeviceChoice::Cuda:
            return "cuda";
    }
    return "auto";
}

}  // namespace deeppacket

#include "models/compute_device.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

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

bool cudaAvailable() {
    return torch::cuda::is_available();
}

std::string cudaUnavailableReason() {
    if (torch::cuda::is_available()) {
        return {};
    }
    if (!at::hasCUDA()) {
        return std::string("this LibTorch ") + TORCH_VERSION + " was built without CUDA";
    }
    return "no CUDA GPU was found (check the driver)";
}

DeviceChoice resolveDevice(DeviceChoice choice) {
    switch (choice) {
        case DeviceChoice::Cpu:
            return DeviceChoice::Cpu;
        case DeviceChoice::Cuda:
            if (!cudaAvailable()) {
                throw DeviceError("CUDA was requested, but " + cudaUnavailableReason() +
                                  "; use --device cpu or auto");
            }
            return DeviceChoice::Cuda;
        case DeviceChoice::Auto:
            break;
    }
    return cudaAvailable() ? DeviceChoice::Cuda : DeviceChoice::Cpu;
}

void setComputeThreads(int threads) {
    if (threads > 0) {
        at::set_num_threads(threads);
    }
}

int computeThreads() {
    return at::get_num_threads();
}

void tuneAllocatorForInference() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // the largest glibc accepts; passes stay below it
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

std::string libtorchVersion() {
    return TORCH_VERSION;
}

std::string computeBackendSummary() {
    return at::get_parallel_info();
}

}  // namespace deeppacket

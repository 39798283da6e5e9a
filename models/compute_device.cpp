#include "models/compute_device.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

namespace deeppacket {

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

std::string libtorchVersion() {
    return TORCH_VERSION;
}

std::string computeBackendSummary() {
    return at::get_parallel_info();
}

}  // namespace deeppacket

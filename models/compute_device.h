#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace deeppacket {

// Where the networks run. Auto picks CUDA when the LibTorch build has it and a GPU is present.
enum class DeviceChoice { Auto, Cpu, Cuda };

class DeviceError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::optional<DeviceChoice> parseDeviceChoice(const std::string& text);  // "auto", "cpu", "cuda"
std::string deviceChoiceName(DeviceChoice choice);

// Whether LibTorch can run on a CUDA GPU here; when not, why (for a greyed-out GUI choice).
bool cudaAvailable();
std::string cudaUnavailableReason();

// The concrete device for a choice: Cpu or Cuda. Asking for CUDA where there is none throws a
// DeviceError that says why.
DeviceChoice resolveDevice(DeviceChoice choice);

// Threads LibTorch uses for one operation on the CPU (process-wide). 0 keeps LibTorch's default.
void setComputeThreads(int threads);
int computeThreads();

// Makes the C library keep the large, short-lived activation buffers of forward passes in the
// process heap, instead of mapping fresh pages from the kernel for each batch and faulting them
// in (glibc maps blocks above a moving threshold). Measured here: without it the CNN's speed
// depended on what the process had allocated before, between 0.45 k and 3 k packets/s. Called
// once by programs that run networks; a no-op elsewhere. Memory stays bounded by the peak use.
void tuneAllocatorForInference();

// The LibTorch version this program runs with, e.g. "1.13.1".
std::string libtorchVersion();

// The BLAS and parallel backends LibTorch was built with, for benchmark reports.
std::string computeBackendSummary();

}  // namespace deeppacket

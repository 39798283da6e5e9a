#pragma once

#include <string>

#include "models/device_choice.h"

namespace deeppacket {

// Whether LibTorch can run on a CUDA GPU here; when not, why (for a greyed-out GUI choice).
bool cudaAvailable();
std::string cudaUnavailableReason();

// The concrete device for a choice: Cpu or Cuda. Asking for CUDA where there is none throws a
// DeviceError that says why.
DeviceChoice resolveDevice(DeviceChoice choice);

// Threads LibTorch uses for one operation on the CPU (process-wide). 0 keeps LibTorch's default.
void setComputeThreads(int threads);
int computeThreads();

// The LibTorch version this program runs with, e.g. "1.13.1".
std::string libtorchVersion();

// The BLAS and parallel backends LibTorch was built with, for benchmark reports.
std::string computeBackendSummary();

}  // namespace deeppacket

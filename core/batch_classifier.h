#pragma once

#include <cstddef>
#include <cstdint>

namespace deeppacket {

// Anything that turns a batch of byte vectors into class log-probabilities: the networks of
// models/ (LibTorch) implement it, the inference engine and the evaluation only use it.
class BatchClassifier {
  public:
    virtual ~BatchClassifier() = default;

    virtual std::size_t classCount() const = 0;
    virtual std::size_t inputLength() const = 0;

    // `vectors` holds `count` rows of inputLength() bytes (unscaled; the classifier divides by
    // 255). Writes count x classCount() natural-log probabilities to `out`, row by row.
    virtual void logProbabilities(const std::uint8_t* vectors, std::size_t count, float* out) = 0;
};

}  // namespace deeppacket

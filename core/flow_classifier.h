#pragma once

#include <cstddef>

namespace deeppacket {

// Anything that turns flow feature vectors (core/flow_features.h) into class log-probabilities:
// the flow networks of models/ implement it; the inference engine only uses it.
class FlowClassifier {
  public:
    virtual ~FlowClassifier() = default;

    virtual std::size_t flowClassCount() const = 0;
    // `features` holds `count` rows of kFlowFeatureLength floats. Writes count x
    // flowClassCount() natural-log probabilities to `out`, row by row.
    virtual void flowLogProbabilities(const float* features, std::size_t count, float* out) = 0;
};

}  // namespace deeppacket

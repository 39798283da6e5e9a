#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "models/device_choice.h"
#include "models/model.h"

namespace deeppacket {

// What to analyse and how; built by the command line's options and
// the app's wizard, and run by Analysis (analysis.h). A plain value: it crosses threads.
struct AnalysisPlan {
    std::string modelPath;
    ModelTrust trust = ModelTrust::DataOnly;
    // A flow model beside the packet model (same classes), or empty: flows by packet vote.
    std::string flowModelPath;
    DeviceChoice device = DeviceChoice::Auto;
    std::vector<std::string> files;
    // A label scheme (GroundTruth::parse) to score against, or empty.
    std::string labelScheme;
    std::size_t batchSize = 256;
    bool probabilities = false;  // every class probability in the CSV files
    // Where rows go: CSV files (either may be empty), written whole by commit(), and/or kept in
    // memory for the app.
    std::string packetsCsv;
    std::string flowsCsv;
    bool keepRows = false;
    // The verdicts so far of open flows, to extra sinks (InferenceOptions::flowUpdates): a live
    // view's.
    bool flowUpdates = false;
};

}  // namespace deeppacket

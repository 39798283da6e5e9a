#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/capture_report.h"
#include "core/ground_truth.h"
#include "core/packet_stream.h"
#include "core/preprocess_options.h"

namespace deeppacket {

// Labelled packets for training: byte vectors (not floats: 1500 bytes a packet instead of 6000)
// with their class, flow and file.
struct Dataset {
    std::size_t vectorLength = 1500;
    std::vector<std::string> classes;  // sorted label names
    std::vector<std::string> files;
    std::vector<std::uint8_t> vectors;  // size() x vectorLength
    std::vector<std::int32_t> labels;   // class index per packet
    std::vector<std::uint32_t> flows;   // flow id per packet (unique over the run)
    std::vector<std::uint32_t> fileIndex;
    std::vector<std::uint64_t> numbers;       // frame number in its file, as PacketRecord::number
    std::vector<std::uint64_t> seenPerClass;  // labelled packets read, before the cap
    std::vector<FileReport> reports;

    std::size_t size() const { return labels.size(); }
    const std::uint8_t* vector(std::size_t i) const { return vectors.data() + i * vectorLength; }
    std::vector<std::uint64_t> countsPerClass() const;
};

struct DatasetOptions {
    // At most this many packets of each class are kept, chosen uniformly at random from all of
    // that class's packets while streaming (reservoir sampling): a 20 GB capture set needs only
    // classes x cap x vector length bytes. 0: no cap.
    std::size_t maxPerClass = 0;
    // At most this many packets of each class from one capture file (a session), sampled the
    // same way, before the class cap: a few huge sessions then cannot make up a class on their
    // own. 0: no cap.
    std::size_t maxPerFile = 0;
    std::uint64_t seed = 1;
    // A folder for the cache: a second build from the same captures, labels and options loads
    // the vectors from there instead of parsing the captures again. Empty: no cache.
    std::string cacheFolder;
    // No labelled packet gives an empty data set instead of an error: one worker's block of a
    // group's captures may hold none while the others' do.
    bool allowEmpty = false;
};

class DatasetError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Reads the captures, labels every kept packet with the ground truth and keeps the labelled
// ones. Throws DatasetError when a capture cannot be read or when no packet gets a label.
Dataset buildDataset(const std::vector<std::string>& files, const GroundTruth& truth,
                     const std::string& labelScheme, const PreprocessOptions& preprocessing,
                     const DatasetOptions& options,
                     const std::function<void(const StreamProgress&)>& progress = {},
                     const std::atomic<bool>* cancel = nullptr);

// The cache file a build would use (empty without a cache folder).
std::string datasetCachePath(const std::vector<std::string>& files, const std::string& labelScheme,
                             const PreprocessOptions& preprocessing, const DatasetOptions& options);

}  // namespace deeppacket

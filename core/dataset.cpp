#include "core/dataset.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>

#include "core/atomic_file.h"
#include "core/crc32.h"

namespace deeppacket {
namespace {

constexpr char kCacheMagic[8] = {'D', 'P', 'D', 'A', 'T', 'A', '\0', '\0'};
constexpr std::uint32_t kCacheVersion = 2;  // 2: frame numbers

// One class's kept packets while streaming (reservoir of at most `cap`).
struct ClassStore {
    std::vector<std::uint8_t> vectors;
    std::vector<std::uint32_t> flows;
    std::vector<std::uint32_t> files;
    std::vector<std::uint64_t> numbers;
    std::uint64_t seen = 0;
};

template <typename T>
void put(std::string& out, const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
void putVector(std::string& out, const std::vector<T>& values) {
    put<std::uint64_t>(out, values.size());
    out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

void putString(std::string& out, const std::string& text) {
    put<std::uint64_t>(out, text.size());
    out += text;
}

// Reads what the writer above wrote; any inconsistency makes the cache unusable (not an error:
// the captures are read again).
class CacheReader {
  public:
    explicit CacheReader(const std::string& bytes) : bytes_(bytes) {}
    template <typename T>
    bool get(T& value) {
        if (sizeof(T) > bytes_.size() - offset_) {
            return false;
        }
        std::memcpy(&value, bytes_.data() + offset_, sizeof(T));
        offset_ += sizeof(T);
        return true;
    }
    template <typename T>
    bool getVector(std::vector<T>& values) {
        std::uint64_t count = 0;
        if (!get(count) || count > (bytes_.size() - offset_) / sizeof(T)) {
            return false;
        }
        values.resize(static_cast<std::size_t>(count));
        std::memcpy(values.data(), bytes_.data() + offset_, values.size() * sizeof(T));
        offset_ += values.size() * sizeof(T);
        return true;
    }
    bool getString(std::string& text) {
        std::uint64_t size = 0;
        if (!get(size) || size > bytes_.size() - offset_) {
            return false;
        }
        text = bytes_.substr(offset_, static_cast<std::size_t>(size));
        offset_ += text.size();
        return true;
    }
    std::size_t offset() const { return offset_; }

  private:
    const std::string& bytes_;
    std::size_t offset_ = 0;
};

std::string cacheKey(const std::vector<std::string>& files, const std::string& labelScheme,
                     const PreprocessOptions& p, const DatasetOptions& options) {
    std::string key = "v1|" + labelScheme;
    for (const auto& file : files) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        const auto time = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
        key += "|" + file + ":" + std::to_string(size) + ":" + std::to_string(time);
    }
    key += "|" + std::to_string(p.vectorLength);
    for (const auto& f : kPreprocessFlags) {
        key += std::to_string(p.*f.member);
    }
    key += "|" + std::to_string(options.maxPerClass) + "|" + std::to_string(options.maxPerFile) +
           "|" + std::to_string(options.seed);
    return key;
}

bool loadCache(const std::string& path, const std::string& key, Dataset& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < sizeof kCacheMagic + 8 ||
        std::memcmp(bytes.data(), kCacheMagic, sizeof kCacheMagic) != 0) {
        return false;
    }
    std::uint32_t stored = 0;
    std::memcpy(&stored, bytes.data() + bytes.size() - 4, 4);
    if (stored != crc32(bytes.data(), bytes.size() - 4)) {
        return false;
    }
    CacheReader reader(bytes);
    char magic[8];
    std::uint32_t version = 0;
    std::string storedKey;
    std::uint64_t length = 0;
    std::uint64_t classCount = 0;
    Dataset d;
    bool ok = reader.get(magic) && reader.get(version) && version == kCacheVersion &&
              reader.getString(storedKey) && storedKey == key && reader.get(length) &&
              reader.get(classCount);
    for (std::uint64_t c = 0; ok && c < classCount; ++c) {
        std::string name;
        ok = reader.getString(name);
        d.classes.push_back(name);
    }
    ok = ok && reader.getVector(d.seenPerClass) && reader.getVector(d.labels) &&
         reader.getVector(d.flows) && reader.getVector(d.fileIndex) &&
         reader.getVector(d.numbers) && reader.getVector(d.vectors);
    if (!ok || d.vectors.size() != d.labels.size() * length || d.flows.size() != d.labels.size() ||
        d.fileIndex.size() != d.labels.size() || d.numbers.size() != d.labels.size()) {
        return false;
    }
    d.vectorLength = static_cast<std::size_t>(length);
    out = std::move(d);
    return true;
}

void saveCache(const std::string& path, const std::string& key, const Dataset& d) {
    std::string out(kCacheMagic, sizeof kCacheMagic);
    put(out, kCacheVersion);
    putString(out, key);
    put<std::uint64_t>(out, d.vectorLength);
    put<std::uint64_t>(out, d.classes.size());
    for (const auto& c : d.classes) {
        putString(out, c);
    }
    putVector(out, d.seenPerClass);
    putVector(out, d.labels);
    putVector(out, d.flows);
    putVector(out, d.fileIndex);
    putVector(out, d.numbers);
    putVector(out, d.vectors);
    put<std::uint32_t>(out, crc32(out.data(), out.size()));
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    AtomicFile file(path);
    file.write(out);
    file.commit();
}

}  // namespace

std::vector<std::uint64_t> Dataset::countsPerClass() const {
    std::vector<std::uint64_t> counts(classes.size(), 0);
    for (auto label : labels) {
        ++counts[static_cast<std::size_t>(label)];
    }
    return counts;
}

std::string datasetCachePath(const std::vector<std::string>& files, const std::string& labelScheme,
                             const PreprocessOptions& preprocessing,
                             const DatasetOptions& options) {
    if (options.cacheFolder.empty()) {
        return {};
    }
    const std::string key = cacheKey(files, labelScheme, preprocessing, options);
    char name[32];
    std::snprintf(name, sizeof name, "dataset-%08x.dpd", crc32(key.data(), key.size()));
    return (std::filesystem::path(options.cacheFolder) / name).string();
}

Dataset buildDataset(const std::vector<std::string>& files, const GroundTruth& truth,
                     const std::string& labelScheme, const PreprocessOptions& preprocessing,
                     const DatasetOptions& options,
                     const std::function<void(const StreamProgress&)>& progress,
                     const std::atomic<bool>* cancel) {
    const std::string cachePath = datasetCachePath(files, labelScheme, preprocessing, options);
    const std::string key = cacheKey(files, labelScheme, preprocessing, options);
    Dataset dataset;
    if (!cachePath.empty() && loadCache(cachePath, key, dataset)) {
        dataset.files = files;
        return dataset;
    }

    std::vector<std::optional<std::string>> fileLabels;
    for (const auto& file : files) {
        fileLabels.push_back(truth.perFlow() ? std::nullopt : truth.labelOfFile(file));
    }
    // One reservoir per class, or with a per-file cap one per class and file (merged below).
    std::map<std::pair<std::string, std::uint32_t>, ClassStore> stores;
    const std::size_t cap = options.maxPerFile > 0 ? options.maxPerFile : options.maxPerClass;
    std::mt19937_64 rng(options.seed);
    const std::size_t length = preprocessing.vectorLength;
    PacketStream stream(files, preprocessing);
    PacketBatch batch(length, 1024);
    while (stream.next(batch)) {
        if (cancel != nullptr && cancel->load()) {
            throw DatasetError("cancelled");
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const PacketRecord& r = batch.records()[i];
            const std::optional<std::string> label =
                truth.perFlow()
                    ? truth.labelOfFlow(files[r.fileIndex],
                                        FlowKey::of(r.src, r.srcPort, r.dst, r.dstPort, r.protocol))
                    : fileLabels[r.fileIndex];
            if (!label) {
                continue;
            }
            ClassStore& store =
                stores[{*label, options.maxPerFile > 0 ? r.fileIndex : std::uint32_t{0}}];
            ++store.seen;
            std::size_t slot = store.flows.size();
            if (cap > 0 && slot >= cap) {
                // Reservoir sampling: the n-th packet replaces a kept one with probability cap/n.
                const std::uint64_t j = rng() % store.seen;
                if (j >= cap) {
                    continue;
                }
                slot = static_cast<std::size_t>(j);
                std::memcpy(store.vectors.data() + slot * length, batch.vector(i), length);
                store.flows[slot] = r.flowId;
                store.files[slot] = r.fileIndex;
                store.numbers[slot] = r.number;
                continue;
            }
            store.vectors.insert(store.vectors.end(), batch.vector(i), batch.vector(i) + length);
            store.flows.push_back(r.flowId);
            store.files.push_back(r.fileIndex);
            store.numbers.push_back(r.number);
        }
        if (progress) {
            progress(stream.progress());
        }
    }
    for (const auto& report : stream.reports()) {
        if (!report.opened()) {
            throw DatasetError(report.error);
        }
    }
    if (stores.empty() && !options.allowEmpty) {
        throw DatasetError("no packet of the " + std::to_string(files.size()) +
                           " captures got a label from " + truth.description() +
                           ": check the label scheme and the file names");
    }
    dataset.vectorLength = length;
    dataset.files = files;
    dataset.reports = stream.reports();
    // std::map: classes in sorted order, and a class's files in order.
    for (auto it = stores.begin(); it != stores.end();) {
        const std::string name = it->first.first;
        const auto index = static_cast<std::int32_t>(dataset.classes.size());
        dataset.classes.push_back(name);
        // The class's packets from all its stores, as (store, row) in the map's order; over
        // the class cap (with a per-file cap first), a uniform sample of them, back in that
        // order (never in memory-address order, which changes from run to run).
        std::vector<const ClassStore*> classStores;
        std::vector<std::pair<std::size_t, std::size_t>> members;
        std::uint64_t seen = 0;
        for (; it != stores.end() && it->first.first == name; ++it) {
            seen += it->second.seen;
            for (std::size_t i = 0; i < it->second.flows.size(); ++i) {
                members.emplace_back(classStores.size(), i);
            }
            classStores.push_back(&it->second);
        }
        if (options.maxPerFile > 0 && options.maxPerClass > 0 &&
            members.size() > options.maxPerClass) {
            std::shuffle(members.begin(), members.end(), rng);
            members.resize(options.maxPerClass);
            std::sort(members.begin(), members.end());
        }
        dataset.seenPerClass.push_back(seen);
        for (const auto& [ordinal, i] : members) {
            const ClassStore& store = *classStores[ordinal];
            dataset.vectors.insert(
                dataset.vectors.end(),
                store.vectors.begin() + static_cast<std::ptrdiff_t>(i * length),
                store.vectors.begin() + static_cast<std::ptrdiff_t>((i + 1) * length));
            dataset.flows.push_back(store.flows[i]);
            dataset.fileIndex.push_back(store.files[i]);
            dataset.numbers.push_back(store.numbers[i]);
            dataset.labels.push_back(index);
        }
    }
    if (!cachePath.empty()) {
        saveCache(cachePath, key, dataset);
    }
    return dataset;
}

}  // namespace deeppacket

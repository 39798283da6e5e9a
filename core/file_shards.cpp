#include "core/file_shards.h"

#include <algorithm>
#include <filesystem>

namespace deeppacket {

std::pair<std::size_t, std::size_t> fileShard(const std::vector<std::uint64_t>& sizes, int rank,
                                              int workers) {
    const std::size_t n = sizes.size();
    const auto w = static_cast<std::size_t>(workers);
    std::uint64_t total = 0;
    for (std::uint64_t s : sizes) {
        total += s;
    }
    // Block r starts at the first file whose bytes before it reach r/W of the total, moved so
    // that every block keeps at least one file.
    std::vector<std::size_t> starts(w + 1, n);
    std::size_t file = 0;
    std::uint64_t before = 0;
    for (std::size_t r = 0; r < w; ++r) {
        const long double target = static_cast<long double>(total) * static_cast<long double>(r) /
                                   static_cast<long double>(w);
        while (file < n && static_cast<long double>(before) < target) {
            before += sizes[file];
            ++file;
        }
        const std::size_t lowest = r == 0 ? 0 : starts[r - 1] + 1;
        const std::size_t highest = n - (w - r);
        starts[r] = std::clamp(file, lowest, highest);
        if (starts[r] != file) {  // moved: count the bytes from the new start
            file = starts[r];
            before = 0;
            for (std::size_t i = 0; i < file; ++i) {
                before += sizes[i];
            }
        }
    }
    const auto r = static_cast<std::size_t>(rank);
    return {starts[r], starts[r + 1]};
}

std::pair<std::size_t, std::size_t> fileShardOf(const std::vector<std::string>& files, int rank,
                                                int workers) {
    std::vector<std::uint64_t> sizes;
    sizes.reserve(files.size());
    for (const auto& file : files) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        sizes.push_back(ec ? 0 : size);
    }
    return fileShard(sizes, rank, workers);
}

std::string partFileName(const std::string& name, int rank, int workers) {
    const auto dot = name.rfind('.');
    const std::string part = ".part-" + std::to_string(rank) + "-of-" + std::to_string(workers);
    return dot == std::string::npos ? name + part : name.substr(0, dot) + part + name.substr(dot);
}

}  // namespace deeppacket

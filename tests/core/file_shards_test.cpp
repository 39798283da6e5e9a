#include "core/file_shards.h"

#include <gtest/gtest.h>

namespace deeppacket {
namespace {

// The blocks of all the workers, in rank order.
std::vector<std::pair<std::size_t, std::size_t>> blocks(const std::vector<std::uint64_t>& sizes,
                                                        int workers) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (int rank = 0; rank < workers; ++rank) {
        out.push_back(fileShard(sizes, rank, workers));
    }
    return out;
}

TEST(FileShards, BlocksFollowEachOtherCoverEveryFileAndAreEvenInBytes) {
    const std::vector<std::uint64_t> sizes = {100, 100, 100, 100, 100, 100};
    using Blocks = std::vector<std::pair<std::size_t, std::size_t>>;
    EXPECT_EQ(blocks(sizes, 1), (Blocks{{0, 6}}));
    EXPECT_EQ(blocks(sizes, 2), (Blocks{{0, 3}, {3, 6}}));
    EXPECT_EQ(blocks(sizes, 3), (Blocks{{0, 2}, {2, 4}, {4, 6}}));
    // One large file is a block of its own; the small ones share the rest.
    EXPECT_EQ(blocks({1000, 10, 10, 10}, 2), (Blocks{{0, 1}, {1, 4}}));
    EXPECT_EQ(blocks({10, 10, 10, 1000}, 2), (Blocks{{0, 3}, {3, 4}}));
    // No block is empty, even when the bytes would leave one so.
    EXPECT_EQ(blocks({1000, 1, 1}, 3), (Blocks{{0, 1}, {1, 2}, {2, 3}}));
    EXPECT_EQ(blocks({0, 0, 0}, 3), (Blocks{{0, 1}, {1, 2}, {2, 3}}));
    for (int workers = 1; workers <= 7; ++workers) {
        const auto b = blocks({5, 80, 3, 3, 40, 7, 7, 100, 1}, workers);
        EXPECT_EQ(b.front().first, 0U);
        EXPECT_EQ(b.back().second, 9U);
        for (std::size_t r = 0; r < b.size(); ++r) {
            EXPECT_LT(b[r].first, b[r].second) << workers << " workers, rank " << r;
            if (r > 0) {
                EXPECT_EQ(b[r].first, b[r - 1].second);
            }
        }
    }
}

TEST(FileShards, PartNames) {
    EXPECT_EQ(partFileName("packets.csv", 2, 4), "packets.part-2-of-4.csv");
    EXPECT_EQ(partFileName("flows", 0, 2), "flows.part-0-of-2");
}

}  // namespace
}  // namespace deeppacket

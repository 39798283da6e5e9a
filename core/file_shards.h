#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace deeppacket {

// The captures one worker of a group reads: a contiguous block of the list (so that the blocks
// of workers 0, 1, … in turn are the list in order), the blocks as even in bytes as whole files
// allow, none empty. Every worker computes the same blocks from the same list. Returns the
// block's [first, last) indices. Needs at least `workers` files.
std::pair<std::size_t, std::size_t> fileShard(const std::vector<std::uint64_t>& sizes, int rank,
                                              int workers);
// The same for the capture files themselves, weighed by their sizes on disk. A file that
// cannot be read weighs nothing here: the worker whose block holds it reports it.
std::pair<std::size_t, std::size_t> fileShardOf(const std::vector<std::string>& files, int rank,
                                                int workers);

// The name of one worker's part of an output file: packets.csv -> packets.part-2-of-4.csv.
std::string partFileName(const std::string& name, int rank, int workers);

}  // namespace deeppacket

#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/atomic_file.h"

namespace deeppacket {

// Streams rows of bytes into a NumPy .npy file (dtype uint8, shape [rows, columns]) that
// numpy.load reads directly. The row count is only known at the end, so the header is written
// with room to spare and rewritten by commit(). Written atomically (see AtomicFile).
class NpyWriter {
  public:
    NpyWriter(const std::string& path, std::size_t columns);  // throws FileWriteError

    void append(const std::uint8_t* rows, std::size_t count);
    std::uint64_t rows() const { return rows_; }
    void commit();

    static constexpr std::size_t kHeaderSize = 128;  // multiple of 64, as NumPy recommends

  private:
    void writeHeader();

    AtomicFile file_;
    std::size_t columns_;
    std::uint64_t rows_ = 0;
};

}  // namespace deeppacket

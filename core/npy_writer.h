#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/atomic_file.h"

namespace deeppacket {

// Streams rows of bytes (dtype uint8) or of floats (float32, little-endian) into a NumPy .npy
// file of shape [rows, columns] that numpy.load reads directly. The row count is only known at the
// end, so the header is written with room to spare and rewritten by commit(). Written atomically
// (see AtomicFile).
class NpyWriter {
  public:
    enum class Type { UInt8, Float32 };
    // Throws FileWriteError.
    NpyWriter(const std::string& path, std::size_t columns, Type type = Type::UInt8);

    void append(const std::uint8_t* rows, std::size_t count);  // UInt8 files
    void append(const float* rows, std::size_t count);         // Float32 files
    std::uint64_t rows() const { return rows_; }
    void commit();

    static constexpr std::size_t kHeaderSize = 128;  // multiple of 64, as NumPy recommends

  private:
    void writeHeader();

    AtomicFile file_;
    std::size_t columns_;
    Type type_;
    std::uint64_t rows_ = 0;
};

}  // namespace deeppacket

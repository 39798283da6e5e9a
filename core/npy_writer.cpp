#include "core/npy_writer.h"

#include <cstring>

namespace deeppacket {

NpyWriter::NpyWriter(const std::string& path, std::size_t columns)
    : file_(path), columns_(columns) {
    writeHeader();
}

void NpyWriter::writeHeader() {
    // Format version 1.0: magic, version, little-endian header length, then a Python dict
    // literal padded with spaces and ended by a newline.
    std::string dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" +
                       std::to_string(rows_) + ", " + std::to_string(columns_) + "), }";
    const std::size_t dictSpace = kHeaderSize - 10;
    dict.resize(dictSpace - 1, ' ');
    dict += '\n';
    char header[kHeaderSize];
    std::memcpy(header, "\x93NUMPY\x01\x00", 8);
    header[8] = static_cast<char>(dictSpace & 0xFF);
    header[9] = static_cast<char>(dictSpace >> 8);
    std::memcpy(header + 10, dict.data(), dictSpace);
    file_.write(header, sizeof header);
}

void NpyWriter::append(const std::uint8_t* rows, std::size_t count) {
    file_.write(rows, count * columns_);
    rows_ += count;
}

void NpyWriter::commit() {
    file_.seek(0);
    writeHeader();
    file_.commit();
}

}  // namespace deeppacket

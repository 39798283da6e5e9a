#include "core/npy_writer.h"

#include <cstring>
#include <stdexcept>

namespace deeppacket {

NpyWriter::NpyWriter(const std::string& path, std::size_t columns, Type type)
    : file_(path), columns_(columns), type_(type) {
    writeHeader();
}

void NpyWriter::writeHeader() {
    // Format version 1.0: magic, version, little-endian header length, then a Python dict
    // literal padded with spaces and ended by a newline.
    const std::string descr = type_ == Type::Float32 ? "<f4" : "|u1";
    std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" +
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
    if (type_ != Type::UInt8) {
        throw std::logic_error("bytes appended to a float32 .npy file");
    }
    file_.write(rows, count * columns_);
    rows_ += count;
}

void NpyWriter::append(const float* rows, std::size_t count) {
    // The platforms built for are little-endian, as '<f4' says.
    if (type_ != Type::Float32) {
        throw std::logic_error("floats appended to a uint8 .npy file");
    }
    file_.write(rows, count * columns_ * sizeof(float));
    rows_ += count;
}

void NpyWriter::commit() {
    file_.seek(0);
    writeHeader();
    file_.commit();
}

}  // namespace deeppacket

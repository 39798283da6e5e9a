#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace deeppacket {

// One named float tensor of a model file.
struct StoredTensor {
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

// The container of a Deep Packet model file (.dpm), independent of LibTorch's own formats so
// that any LibTorch version reads it:
//
//   "DPMODEL\0"                  8 bytes
//   format version               u32 little-endian (1)
//   card length, card            u64 + UTF-8 JSON (the model card)
//   tensor count                 u32
//   per tensor: name length, name (u16 + bytes), rank (u8), dims (i64 each), float32 values
//   CRC-32 of everything above   u32
//
// Reading checks the magic, the version, every length against the file size and the checksum,
// and throws ModelError naming the file and the problem.
struct ModelFileContents {
    std::string cardJson;
    std::vector<StoredTensor> tensors;
};

inline constexpr char kModelFileMagic[8] = {'D', 'P', 'M', 'O', 'D', 'E', 'L', '\0'};
inline constexpr std::uint32_t kModelFileVersion = 1;

void writeModelFile(const std::string& path, const ModelFileContents& contents);
ModelFileContents readModelFile(const std::string& path);
bool looksLikeModelFile(const std::string& path);  // starts with the magic

}  // namespace deeppacket

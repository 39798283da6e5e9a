#include "models/model_file.h"

#include <cstring>
#include <fstream>
#include <iterator>

#include "core/atomic_file.h"
#include "core/crc32.h"
#include "models/model_card.h"

namespace deeppacket {
namespace {

constexpr std::uint64_t kMaxFileSize = 4ull << 30;  // far above any network of this kind

template <typename T>
void put(std::string& out, T value) {
    // Little-endian on every platform the project targets (x86-64, ARM64).
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

class Reader {
  public:
    Reader(const std::string& bytes, const std::string& path) : bytes_(bytes), path_(path) {}

    template <typename T>
    T get(const char* what) {
        need(sizeof(T), what);
        T value;
        std::memcpy(&value, bytes_.data() + offset_, sizeof(T));
        offset_ += sizeof(T);
        return value;
    }
    std::string text(std::size_t size, const char* what) {
        need(size, what);
        std::string out = bytes_.substr(offset_, size);
        offset_ += size;
        return out;
    }
    void floats(std::vector<float>& out, std::size_t count, const char* what) {
        if (count > (bytes_.size() - offset_) / sizeof(float)) {
            need(bytes_.size() + 1, what);
        }
        out.resize(count);
        if (count == 0) {
            return;  // a tensor with a zero dimension: no values, and no buffer to copy into
        }
        std::memcpy(out.data(), bytes_.data() + offset_, count * sizeof(float));
        offset_ += count * sizeof(float);
    }
    std::size_t offset() const { return offset_; }

  private:
    void need(std::size_t size, const char* what) const {
        if (size > bytes_.size() - offset_) {
            throw ModelError(path_ + ": the model file is truncated (it ends inside " + what + ")");
        }
    }

    const std::string& bytes_;
    const std::string& path_;
    std::size_t offset_ = 0;
};

}  // namespace

void writeModelFile(const std::string& path, const ModelFileContents& contents) {
    std::string out(kModelFileMagic, sizeof kModelFileMagic);
    put<std::uint32_t>(out, kModelFileVersion);
    put<std::uint64_t>(out, contents.cardJson.size());
    out += contents.cardJson;
    put<std::uint32_t>(out, static_cast<std::uint32_t>(contents.tensors.size()));
    for (const auto& t : contents.tensors) {
        put<std::uint16_t>(out, static_cast<std::uint16_t>(t.name.size()));
        out += t.name;
        put<std::uint8_t>(out, static_cast<std::uint8_t>(t.shape.size()));
        for (auto d : t.shape) {
            put<std::int64_t>(out, d);
        }
        out.append(reinterpret_cast<const char*>(t.values.data()), t.values.size() * sizeof(float));
    }
    put<std::uint32_t>(out, crc32(out.data(), out.size()));
    AtomicFile file(path);
    file.write(out);
    file.commit();
}

bool looksLikeModelFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[sizeof kModelFileMagic] = {};
    in.read(magic, sizeof magic);
    return in.gcount() == sizeof magic && std::memcmp(magic, kModelFileMagic, sizeof magic) == 0;
}

ModelFileContents readModelFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        throw ModelError(path + ": cannot open the model file");
    }
    const auto size = static_cast<std::uint64_t>(in.tellg());
    if (size > kMaxFileSize) {
        throw ModelError(path + ": too large for a model file");
    }
    in.seekg(0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (!in) {
        throw ModelError(path + ": cannot read the model file");
    }
    if (bytes.size() < sizeof kModelFileMagic ||
        std::memcmp(bytes.data(), kModelFileMagic, sizeof kModelFileMagic) != 0) {
        throw ModelError(path + ": not a Deep Packet model file");
    }
    Reader reader(bytes, path);
    reader.text(sizeof kModelFileMagic, "the magic");
    const auto version = reader.get<std::uint32_t>("the format version");
    if (version != kModelFileVersion) {
        throw ModelError(path + ": model format version " + std::to_string(version) +
                         " is not supported (this program reads version " +
                         std::to_string(kModelFileVersion) + ")");
    }
    ModelFileContents contents;
    const auto cardLength = reader.get<std::uint64_t>("the card length");
    if (cardLength > bytes.size()) {
        throw ModelError(path + ": the model file is truncated (it ends inside the card)");
    }
    contents.cardJson = reader.text(static_cast<std::size_t>(cardLength), "the card");
    const auto count = reader.get<std::uint32_t>("the tensor count");
    for (std::uint32_t i = 0; i < count; ++i) {
        StoredTensor t;
        t.name = reader.text(reader.get<std::uint16_t>("a tensor name"), "a tensor name");
        const auto rank = reader.get<std::uint8_t>("a tensor rank");
        std::uint64_t elements = 1;
        for (std::uint8_t d = 0; d < rank; ++d) {
            const auto dim = reader.get<std::int64_t>("a tensor shape");
            if (dim < 0 || dim > (1ll << 32)) {
                throw ModelError(path + ": tensor '" + t.name + "' has an invalid shape");
            }
            t.shape.push_back(dim);
            elements *= static_cast<std::uint64_t>(dim);
            if (elements > size) {
                throw ModelError(path +
                                 ": the model file is truncated (it ends inside "
                                 "tensor '" +
                                 t.name + "')");
            }
        }
        reader.floats(t.values, static_cast<std::size_t>(elements), "the tensor values");
        contents.tensors.push_back(std::move(t));
    }
    const std::size_t covered = reader.offset();
    const auto stored = reader.get<std::uint32_t>("the checksum");
    if (reader.offset() != bytes.size()) {
        throw ModelError(path + ": the model file has " +
                         std::to_string(bytes.size() - reader.offset()) +
                         " unexpected bytes at its end");
    }
    if (stored != crc32(bytes.data(), covered)) {
        throw ModelError(path + ": the model file is corrupt (checksum mismatch)");
    }
    return contents;
}

}  // namespace deeppacket

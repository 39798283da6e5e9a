#include "tests/fuzz/fuzz_input.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace deeppacket::fuzz {

InputFile::InputFile(const std::string& extension) {
    const char* tmp = std::getenv("TMPDIR");
    const std::filesystem::path dir = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
    path_ = (dir / ("deeppacket-fuzz-" + std::to_string(getpid()) + extension)).string();
}

InputFile::~InputFile() {
    std::remove(path_.c_str());
}

const std::string& InputFile::write(const std::uint8_t* data, std::size_t size) {
    std::FILE* f = std::fopen(path_.c_str(), "wb");
    if (f == nullptr) {
        throw std::runtime_error("cannot write the fuzzing input " + path_);
    }
    if (size > 0 && std::fwrite(data, 1, size, f) != size) {
        std::fclose(f);
        throw std::runtime_error("cannot write the fuzzing input " + path_);
    }
    std::fclose(f);
    return path_;
}

}  // namespace deeppacket::fuzz

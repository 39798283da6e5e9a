#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace deeppacket::fuzz {

// The loaders under test read files, as they do for users: each input is written to a file of
// this process (under $TMPDIR, named with the pid so parallel fuzzers do not meet) and the
// loader opens it by path. The file is removed when the process exits.
class InputFile {
  public:
    explicit InputFile(const std::string& extension);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // Replaces the file's contents with the input; returns its path.
    const std::string& write(const std::uint8_t* data, std::size_t size);

  private:
    std::string path_;
};

}  // namespace deeppacket::fuzz

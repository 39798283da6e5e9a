#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace deeppacket {

class FileWriteError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A file written under a temporary name in the destination's directory and renamed over the
// destination only by commit(). Until then an existing file of that name is untouched; if the
// writer is destroyed without commit() (an error, an exception, a cancelled job) the temporary
// file is removed. A killed process leaves at most a stray temporary file, never a half-written
// destination.
class AtomicFile {
  public:
    explicit AtomicFile(std::string path);  // throws FileWriteError
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(const void* data, std::size_t size);  // throws FileWriteError
    void write(const std::string& text) { write(text.data(), text.size()); }
    void seek(std::uint64_t offset);  // throws FileWriteError
    // Hands what was written to the system, so that a reader of the temporary file sees it
    // (the file stays temporary). Throws FileWriteError.
    void flush();
    // Flushes to disk and renames over the destination. Throws FileWriteError on failure, in
    // which case the destination is unchanged.
    void commit();

    const std::string& path() const { return path_; }
    const std::string& temporaryPath() const { return temporaryPath_; }

  private:
    [[noreturn]] void fail(const std::string& what);

    std::string path_;
    std::string temporaryPath_;
    std::FILE* file_ = nullptr;
    bool committed_ = false;
};

}  // namespace deeppacket

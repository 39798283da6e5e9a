#include "core/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#ifdef _WIN32
#include <io.h>
#include <process.h>
#define DEEPPACKET_GETPID _getpid
#else
#include <signal.h>
#include <unistd.h>
#define DEEPPACKET_GETPID getpid
#endif

namespace deeppacket {
namespace {

std::string temporaryName(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    return path + ".tmp-" + std::to_string(DEEPPACKET_GETPID()) + "-" +
           std::to_string(counter.fetch_add(1));
}

bool syncToDisk(std::FILE* file) {
#ifdef _WIN32
    return _commit(_fileno(file)) == 0;
#else
    return fsync(fileno(file)) == 0;
#endif
}

// 64-bit offsets: `long` is 32 bits on Windows.
bool seekTo(std::FILE* file, std::uint64_t offset) {
#ifdef _WIN32
    return _fseeki64(file, static_cast<__int64>(offset), SEEK_SET) == 0;
#else
    return fseeko(file, static_cast<off_t>(offset), SEEK_SET) == 0;
#endif
}

// A process killed while writing (SIGKILL, a power cut) leaves its temporary file behind. The
// next writer of the same destination removes those whose process no longer exists.
void removeStaleTemporaries(const std::string& path) {
#ifndef _WIN32
    namespace fs = std::filesystem;
    const fs::path destination(path);
    const std::string prefix = destination.filename().string() + ".tmp-";
    const fs::path folder = destination.has_parent_path() ? destination.parent_path() : ".";
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) {
            continue;
        }
        const char* digits = name.c_str() + prefix.size();
        char* after = nullptr;
        const long pid = std::strtol(digits, &after, 10);
        if (after == digits || *after != '-' || pid <= 0) {
            continue;
        }
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) {
            continue;  // its writer is still running (or not ours to ask about)
        }
        std::error_code ignored;
        fs::remove(it->path(), ignored);
    }
#else
    (void)path;
#endif
}

}  // namespace

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), temporaryPath_(temporaryName(path_)) {
    removeStaleTemporaries(path_);
    file_ = std::fopen(temporaryPath_.c_str(), "wb");
    if (file_ == nullptr) {
        throw FileWriteError(path_ + ": cannot create file: " + std::strerror(errno));
    }
    // Large writes (vectors) dominate; a big buffer keeps the number of system calls low.
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

AtomicFile::~AtomicFile() {
    if (file_ != nullptr) {
        std::fclose(file_);
    }
    if (!committed_) {
        std::error_code ignored;
        std::filesystem::remove(temporaryPath_, ignored);
    }
}

void AtomicFile::fail(const std::string& what) {
    throw FileWriteError(path_ + ": " + what + ": " + std::strerror(errno));
}

void AtomicFile::write(const void* data, std::size_t size) {
    if (file_ == nullptr || std::fwrite(data, 1, size, file_) != size) {
        fail("write failed");
    }
}

void AtomicFile::seek(std::uint64_t offset) {
    if (file_ == nullptr || std::fflush(file_) != 0 || !seekTo(file_, offset)) {
        fail("seek failed");
    }
}

void AtomicFile::flush() {
    if (file_ == nullptr || std::fflush(file_) != 0) {
        fail("write failed");
    }
}

void AtomicFile::commit() {
    if (file_ == nullptr) {
        fail("already committed");
    }
    const bool flushed = std::fflush(file_) == 0 && syncToDisk(file_);
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed) {
        fail("write failed");
    }
    std::error_code ec;
    std::filesystem::rename(temporaryPath_, path_, ec);
    if (ec) {
        throw FileWriteError(path_ + ": cannot replace file: " + ec.message());
    }
    committed_ = true;
}

}  // namespace deeppacket

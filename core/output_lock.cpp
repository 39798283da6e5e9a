#include "core/output_lock.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/atomic_file.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace deeppacket {
namespace fs = std::filesystem;
namespace {

std::string lockPathOf(const std::string& destination) {
    const fs::path path(destination);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        return (path / ".deeppacket.lock").string();
    }
    return (path.parent_path() / ("." + path.filename().string() + ".lock")).string();
}

[[noreturn]] void busy(const std::string& destination) {
    throw FileWriteError(destination +
                         ": another Deep Packet run is writing here; wait for it to end or "
                         "choose another output");
}

}  // namespace

#ifdef _WIN32

OutputLock::OutputLock(const std::string& destination) : lockPath_(lockPathOf(destination)) {
    // No sharing: a second open fails while this handle lives; the system closes it when the
    // process dies, and deletes the file then.
    handle_ = CreateFileA(lockPath_.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_ALWAYS,
                          FILE_ATTRIBUTE_HIDDEN | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
    if (handle_ == INVALID_HANDLE_VALUE) {
        handle_ = nullptr;
        if (GetLastError() == ERROR_SHARING_VIOLATION) {
            busy(destination);
        }
        throw FileWriteError(lockPath_ + ": cannot create the lock file");
    }
}

OutputLock::~OutputLock() {
    if (handle_ != nullptr) {
        CloseHandle(handle_);
    }
}

#else

OutputLock::OutputLock(const std::string& destination) : lockPath_(lockPathOf(destination)) {
    for (;;) {
        fd_ = ::open(lockPath_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) {
            throw FileWriteError(lockPath_ +
                                 ": cannot create the lock file: " + std::strerror(errno));
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            ::close(fd_);
            fd_ = -1;
            if (error == EWOULDBLOCK) {
                busy(destination);
            }
            throw FileWriteError(lockPath_ + ": cannot lock: " + std::strerror(error));
        }
        // The holder before us may have removed the file between our open and our lock: then
        // we hold a lock on a file nobody else will see, and must lock the new one instead.
        struct stat opened {};
        struct stat named {};
        if (::fstat(fd_, &opened) == 0 && ::stat(lockPath_.c_str(), &named) == 0 &&
            opened.st_ino == named.st_ino && opened.st_dev == named.st_dev) {
            return;
        }
        ::close(fd_);
        fd_ = -1;
    }
}

OutputLock::~OutputLock() {
    if (fd_ >= 0) {
        ::unlink(lockPath_.c_str());  // while still locked, so no one locks a removed file
        ::close(fd_);
    }
}

#endif

void checkWritable(const std::string& path) {
    const AtomicFile probe(path);  // removed again when it goes out of scope, never committed
}

}  // namespace deeppacket

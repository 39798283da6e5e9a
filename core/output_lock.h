#pragma once

#include <string>

namespace deeppacket {

// An exclusive claim on an output — a folder or a file — for the life of the object, so that
// two runs writing the same destination do not both succeed with the last one winning: the
// second gets FileWriteError naming the destination. It is an advisory lock (flock, or a file
// opened without sharing on Windows) on a lock file: DIR/.deeppacket.lock for a folder,
// .NAME.lock beside a file. The file is removed on release; a killed holder's lock is released
// by the system and its file taken over by the next run.
class OutputLock {
  public:
    explicit OutputLock(const std::string& destination);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

    const std::string& lockPath() const { return lockPath_; }

  private:
    std::string lockPath_;
#ifdef _WIN32
    void* handle_ = nullptr;
#else
    int fd_ = -1;
#endif
};

// Throws FileWriteError naming `path` when a file cannot be created there (a missing or
// read-only folder), by creating and removing a temporary file beside it: commands call it
// before their work, so that an hour of training is not lost to an unwritable -o.
void checkWritable(const std::string& path);

}  // namespace deeppacket

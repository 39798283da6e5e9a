#include "tests/support/killed_process.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace deeppacket::test {

bool waitForPartialFile(pid_t pid, const std::string& destination) {
    namespace fs = std::filesystem;
    const fs::path dest(destination);
    const std::string prefix = dest.filename().string() + ".tmp-";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            return false;
        }
        for (const auto& entry : fs::directory_iterator(dest.parent_path())) {
            std::error_code ec;
            if (entry.path().filename().string().rfind(prefix, 0) == 0 &&
                fs::file_size(entry.path(), ec) > 0) {
                return true;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    killNow(pid);
    return false;
}

bool killNow(pid_t pid) {
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

}  // namespace deeppacket::test

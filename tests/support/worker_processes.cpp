#include "tests/support/worker_processes.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "tests/support/free_port.h"

extern char** environ;

namespace deeppacket::test {

std::vector<std::string> runWorkerProbes(int workers, const std::string& probe,
                                         const std::string& task, const TempDir& dir,
                                         const std::vector<std::string>& environment) {
    const std::string port = std::to_string(freePort());
    std::vector<pid_t> pids;
    for (int rank = 0; rank < workers; ++rank) {
        std::vector<std::string> variables = {
            "RANK=" + std::to_string(rank),
            "WORLD_SIZE=" + std::to_string(workers),
            "MASTER_ADDR=127.0.0.1",
            "MASTER_PORT=" + port,
            "DEEPPACKET_WORKER_PROBE=" + task,
            "DEEPPACKET_WORKER_OUT=" + dir.path(std::to_string(rank) + ".txt")};
        variables.insert(variables.end(), environment.begin(), environment.end());
        std::vector<char*> env;
        for (char** e = environ; *e != nullptr; ++e) {
            env.push_back(*e);
        }
        for (auto& v : variables) {
            env.push_back(v.data());
        }
        env.push_back(nullptr);
        const std::string log = dir.path(std::to_string(rank) + ".log");
        std::string program = "/proc/self/exe";
        std::string filter = "--gtest_filter=" + probe;
        char* argv[] = {program.data(), filter.data(), nullptr};
        const pid_t pid = fork();
        if (pid == 0) {
            // The worker's own test output goes to its log, not into this test's.
            const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            execve(argv[0], argv, env.data());
            _exit(127);
        }
        pids.push_back(pid);
    }
    for (pid_t pid : pids) {
        waitpid(pid, nullptr, 0);
    }
    std::vector<std::string> outputs;
    for (int rank = 0; rank < workers; ++rank) {
        std::ifstream in(dir.path(std::to_string(rank) + ".txt"));
        std::stringstream text;
        text << in.rdbuf();
        outputs.push_back(text.str());
    }
    return outputs;
}

}  // namespace deeppacket::test

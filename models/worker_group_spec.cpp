#include "models/worker_group.h"

#include <cerrno>
#include <cstdlib>
#include <string>

// What a worker learns of its group from the launcher and the command line: no runtime needed.

namespace deeppacket {
namespace {

// A whole number from text, or nothing.
std::optional<long> wholeNumber(const char* text) {
    if (text == nullptr || *text == '\0') {
        return std::nullopt;
    }
    char* end = nullptr;
    errno = 0;
    const long value = std::strtol(text, &end, 10);
    if (errno != 0 || *end != '\0') {
        return std::nullopt;
    }
    return value;
}

std::uint16_t portFrom(const std::string& text, const std::string& what) {
    const auto port = wholeNumber(text.c_str());
    if (!port || *port < 1 || *port > 65535) {
        throw std::invalid_argument(what + " '" + text + "' is not a port (1 to 65535)");
    }
    return static_cast<std::uint16_t>(*port);
}

}  // namespace

WorkerGroupSpec workerGroupSpec(const WorkerGroupOverrides& overrides,
                                const std::function<const char*(const char*)>& environment) {
    const auto env = [&](const char* name) -> const char* {
        return environment ? environment(name) : std::getenv(name);
    };
    // A variable that is set must make sense: a launcher that set it meant it.
    const auto number = [&](const char* name) -> std::optional<long> {
        const char* text = env(name);
        if (text == nullptr || *text == '\0') {
            return std::nullopt;
        }
        const auto value = wholeNumber(text);
        if (!value) {
            throw std::invalid_argument(std::string(name) + "='" + text +
                                        "' is not a whole number");
        }
        return value;
    };
    WorkerGroupSpec spec;
    std::optional<long> rank = number("RANK");
    std::optional<long> size = number("WORLD_SIZE");
    if (!rank && !size) {
        rank = number("SLURM_PROCID");
        size = number("SLURM_NTASKS");
    }
    if (overrides.rank) {
        rank = *overrides.rank;
    }
    if (overrides.worldSize) {
        size = *overrides.worldSize;
    }
    if (size && (*size < 1 || *size > 65536)) {
        throw std::invalid_argument("the world size " + std::to_string(*size) +
                                    " is not between 1 and 65536");
    }
    spec.worldSize = static_cast<int>(size.value_or(1));
    if (rank && (*rank < 0 || *rank >= spec.worldSize)) {
        throw std::invalid_argument("the rank " + std::to_string(*rank) +
                                    " is not below the world size " +
                                    std::to_string(spec.worldSize));
    }
    spec.rank = static_cast<int>(rank.value_or(0));
    if (const char* address = env("MASTER_ADDR"); address != nullptr && *address != '\0') {
        spec.masterAddress = address;
    }
    if (const char* port = env("MASTER_PORT"); port != nullptr && *port != '\0') {
        spec.masterPort = portFrom(port, "MASTER_PORT");
    }
    if (overrides.master) {
        const std::string& master = *overrides.master;
        const auto colon = master.rfind(':');
        // HOST:PORT, [IPV6]:PORT, or a host alone.
        if (colon != std::string::npos && master.find(']') < colon) {
            spec.masterAddress = master.substr(1, master.find(']') - 1);
            spec.masterPort = portFrom(master.substr(colon + 1), "--master's port");
        } else if (colon != std::string::npos && master.find(':') == colon) {
            spec.masterAddress = master.substr(0, colon);
            spec.masterPort = portFrom(master.substr(colon + 1), "--master's port");
        } else {
            spec.masterAddress = master;
        }
        if (spec.masterAddress.empty()) {
            throw std::invalid_argument("--master '" + master + "' names no host");
        }
    }
    if (overrides.timeout) {
        spec.timeout = *overrides.timeout;
    }
    if (const char* agent = env("TORCHELASTIC_USE_AGENT_STORE");
        agent != nullptr && std::string(agent) == "True" && !overrides.master) {
        spec.agentStore = true;
        spec.storePrefix =
            "/worker/attempt_" + std::to_string(number("TORCHELASTIC_RESTART_COUNT").value_or(0));
    }
    return spec;
}

ConfusionMatrix allReduceSum(WorkerGroup& group, const ConfusionMatrix& confusion) {
    const std::size_t n = confusion.size();
    std::vector<std::int64_t> counts(n * n);
    for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t p = 0; p < n; ++p) {
            counts[t * n + p] = static_cast<std::int64_t>(confusion.at(t, p));
        }
    }
    group.allReduceSum(counts.data(), counts.size());
    ConfusionMatrix out(confusion.classes());
    for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t p = 0; p < n; ++p) {
            out.add(t, p, static_cast<std::uint64_t>(counts[t * n + p]));
        }
    }
    return out;
}

}  // namespace deeppacket

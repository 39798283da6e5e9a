#include "models/pretrained_models.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace deeppacket {

std::string currentExecutablePath() {
#if defined(_WIN32)
    wchar_t buffer[MAX_PATH];
    const DWORD n = GetModuleFileNameW(nullptr, buffer, MAX_PATH);
    return n > 0 && n < MAX_PATH ? std::filesystem::path(buffer).string() : std::string();
#elif defined(__APPLE__)
    char buffer[4096];
    std::uint32_t size = sizeof buffer;
    return _NSGetExecutablePath(buffer, &size) == 0 ? std::string(buffer) : std::string();
#else
    std::error_code ec;
    const auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : path.string();
#endif
}

std::vector<std::string> installedDataFolders(const std::string& name) {
    const std::string exe = currentExecutablePath();
    if (exe.empty()) {
        return {};
    }
    const std::filesystem::path bin = std::filesystem::path(exe).parent_path();
    return {(bin / ".." / "share" / "deeppacket" / name).lexically_normal().string(),
            (bin / name).string()};
}

std::vector<std::string> pretrainedModelFolders() {
    std::vector<std::string> folders;
    if (const char* env = std::getenv("DEEPPACKET_MODELS"); env != nullptr && *env != '\0') {
        folders.emplace_back(env);
    }
    for (auto& folder : installedDataFolders("models")) {
        folders.push_back(std::move(folder));
    }
#ifdef DEEPPACKET_SOURCE_MODELS
    folders.emplace_back(DEEPPACKET_SOURCE_MODELS);
#endif
    return folders;
}

std::optional<std::string> findPretrainedModel(const std::string& task, const std::string& arch) {
    for (const auto& folder : pretrainedModelFolders()) {
        const auto path = std::filesystem::path(folder) / (task + "-" + arch + ".dpm");
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) {
            return path.string();
        }
    }
    return std::nullopt;
}

}  // namespace deeppacket

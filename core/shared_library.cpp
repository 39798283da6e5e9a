#include "core/shared_library.h"

#include <cstdlib>
#include <stdexcept>
#include <vector>

#if defined(_WIN32)
#include <windows.h>
#else
#include <dlfcn.h>
#endif
#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

#include <cstdint>
#include <filesystem>

namespace deeppacket {

#if defined(_WIN32)

namespace {

std::wstring wide(const std::string& utf8) {
    const int n =
        MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
    return out;
}

}  // namespace

SharedLibrary SharedLibrary::open(const std::string& path) {
    // The library's own folder is searched for its dependencies (LibTorch's DLLs beside it).
    HMODULE handle =
        LoadLibraryExW(wide(path).c_str(), nullptr,
                       LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS);
    if (handle == nullptr) {
        throw std::runtime_error(path + ": cannot load (Windows error " +
                                 std::to_string(GetLastError()) + ")");
    }
    return SharedLibrary(reinterpret_cast<void*>(handle));
}

void* SharedLibrary::symbol(const char* name) const {
    return reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(handle_), name));
}

std::string executableFolder() {
    std::vector<wchar_t> buffer(32768);
    const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    if (n == 0 || n >= buffer.size()) {
        return {};
    }
    return std::filesystem::path(std::wstring(buffer.data(), n)).parent_path().u8string();
}

#else

SharedLibrary SharedLibrary::open(const std::string& path) {
    // Local: the networks' symbols stay out of the program's namespace.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* reason = dlerror();
        throw std::runtime_error(reason ? std::string(reason) : path + ": cannot load");
    }
    return SharedLibrary(handle);
}

void* SharedLibrary::symbol(const char* name) const {
    return dlsym(handle_, name);
}

std::string executableFolder() {
    std::error_code error;
#if defined(__APPLE__)
    std::uint32_t size = 0;
    _NSGetExecutablePath(nullptr, &size);
    std::vector<char> buffer(size + 1, '\0');
    if (_NSGetExecutablePath(buffer.data(), &size) != 0) {
        return {};
    }
    const std::filesystem::path program = std::filesystem::canonical(buffer.data(), error);
#else
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
#endif
    return error ? std::string() : program.parent_path().string();
}

#endif

SharedLibrary openProgramPlugin(const std::string& fileName, const std::string& relativeFolder,
                                const char* override) {
    if (const char* named = std::getenv(override); named != nullptr && *named != '\0') {
        return SharedLibrary::open(named);
    }
    const std::filesystem::path here = executableFolder();
    std::string tried;
    for (const auto& candidate : {here / fileName, here / relativeFolder / fileName}) {
        std::error_code error;
        if (std::filesystem::is_regular_file(candidate, error)) {
            return SharedLibrary::open(candidate.string());
        }
        tried += (tried.empty() ? "" : ", ") + candidate.string();
    }
    throw std::runtime_error(fileName + " is not installed (looked for " + tried + ")");
}

void* programPluginEntry(const std::string& fileName, const std::string& relativeFolder,
                         const char* override, const char* entry) {
    const SharedLibrary plugin = openProgramPlugin(fileName, relativeFolder, override);
    void* found = plugin.symbol(entry);
    if (found == nullptr) {
        throw std::runtime_error(fileName + " is not a plugin of this program (it has no " + entry +
                                 ")");
    }
    return found;
}

}  // namespace deeppacket

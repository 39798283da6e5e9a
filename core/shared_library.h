#pragma once

#include <string>

namespace deeppacket {

// A shared library opened at run time (dlopen, LoadLibrary): the networks live in one, so that
// commands and screens that need none do not load LibTorch and the hundreds of libraries it
// brings. A library once opened stays for the life of the process (LibTorch does not unload).
class SharedLibrary {
  public:
    // Opens the library at `path`. Throws std::runtime_error naming the file and the loader's
    // reason.
    static SharedLibrary open(const std::string& path);
    // The address of an exported symbol, or nullptr.
    void* symbol(const char* name) const;

  private:
    explicit SharedLibrary(void* handle) : handle_(handle) {}
    void* handle_;
};

// The folder of the running program (its real path), or "" when the system does not say.
std::string executableFolder();

// Opens a plugin of the program: the file the environment variable `override` names when it is
// set, else `fileName` beside the program (the build tree, Windows, a macOS bundle), else in
// `relativeFolder` of the program's folder (the installed layout). Throws std::runtime_error
// naming where it looked, or why the file found could not be loaded.
SharedLibrary openProgramPlugin(const std::string& fileName, const std::string& relativeFolder,
                                const char* override);

// The entry point `entry` of such a plugin (opened as openProgramPlugin does). Throws
// std::runtime_error when the plugin cannot be opened or does not export it.
void* programPluginEntry(const std::string& fileName, const std::string& relativeFolder,
                         const char* override, const char* entry);

}  // namespace deeppacket

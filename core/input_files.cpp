#include "core/input_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace deeppacket {
namespace fs = std::filesystem;
namespace {

bool hasWildcard(const std::string& text) {
    return text.find_first_of("*?[") != std::string::npos;
}

// Matches one character against a bracket expression starting at pattern[p] == '['. Returns the
// index after the closing bracket, or npos when the bracket is not closed (then '[' is literal).
std::size_t matchBracket(const std::string& pattern, std::size_t p, char c, bool& matched) {
    std::size_t i = p + 1;
    const bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
    if (negate) {
        ++i;
    }
    bool found = false;
    bool first = true;
    for (; i < pattern.size() && (pattern[i] != ']' || first); first = false) {
        char low = pattern[i];
        char high = low;
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            high = pattern[i + 2];
            i += 3;
        } else {
            i += 1;
        }
        if (low <= c && c <= high) {
            found = true;
        }
    }
    if (i >= pattern.size()) {
        return std::string::npos;
    }
    matched = found != negate;
    return i + 1;
}

// The capture files under `folder`, recursively (symbolic links to folders are not followed, as
// a recursive directory iterator does not). Folders that cannot be listed go to `unreadable`.
void collectCaptures(const fs::path& folder, std::vector<std::string>& found,
                     std::vector<std::string>& unreadable) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
        std::error_code ignored;
        if (it->is_directory(ignored) && !it->is_symlink(ignored)) {
            collectCaptures(it->path(), found, unreadable);
        } else if (it->is_regular_file(ignored) && hasCaptureExtension(it->path().string())) {
            found.push_back(it->path().string());
        }
    }
    if (ec) {
        unreadable.push_back(folder.string() + ": cannot read this folder: " + ec.message());
    }
}

}  // namespace

bool wildcardMatch(const std::string& pattern, const std::string& name) {
    std::size_t p = 0;
    std::size_t n = 0;
    std::size_t starPattern = std::string::npos;
    std::size_t starName = 0;
    while (n < name.size()) {
        if (p < pattern.size()) {
            const char c = pattern[p];
            if (c == '*') {
                starPattern = p++;
                starName = n;
                continue;
            }
            if (c == '?') {
                ++p;
                ++n;
                continue;
            }
            if (c == '[') {
                bool matched = false;
                const std::size_t after = matchBracket(pattern, p, name[n], matched);
                if (after != std::string::npos) {
                    if (matched) {
                        p = after;
                        ++n;
                        continue;
                    }
                } else if (name[n] == '[') {
                    ++p;
                    ++n;
                    continue;
                }
            } else if (c == name[n]) {
                ++p;
                ++n;
                continue;
            }
        }
        // Mismatch: let the last star swallow one more character, or fail.
        if (starPattern == std::string::npos) {
            return false;
        }
        p = starPattern + 1;
        n = ++starName;
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

bool hasCaptureExtension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".pcap" || ext == ".pcapng" || ext == ".cap";
}

InputFiles expandInputs(const std::vector<std::string>& arguments) {
    InputFiles result;
    std::set<std::string> seen;
    auto add = [&](const std::string& file) {
        if (seen.insert(file).second) {
            result.files.push_back(file);
        }
    };
    for (const auto& argument : arguments) {
        std::error_code ec;
        const fs::path path(argument);
        if (fs::is_directory(path, ec)) {
            std::vector<std::string> found;
            const std::size_t unreadableBefore = result.unreadable.size();
            collectCaptures(path, found, result.unreadable);
            if (found.empty() && result.unreadable.size() == unreadableBefore) {
                result.errors.push_back(argument + ": no .pcap, .pcapng or .cap file in it");
            }
            std::sort(found.begin(), found.end());
            std::for_each(found.begin(), found.end(), add);
            continue;
        }
        const std::string leaf = path.filename().string();
        if (hasWildcard(leaf) && !fs::exists(path, ec)) {
            const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
            std::vector<std::string> found;
            if (!hasWildcard(parent.string()) && fs::is_directory(parent, ec)) {
                for (fs::directory_iterator it(parent, ec), end; !ec && it != end;
                     it.increment(ec)) {
                    if (it->is_regular_file(ec) &&
                        wildcardMatch(leaf, it->path().filename().string())) {
                        found.push_back(path.has_parent_path()
                                            ? (parent / it->path().filename()).string()
                                            : it->path().filename().string());
                    }
                }
            }
            if (found.empty()) {
                result.errors.push_back(argument + ": no file matches this pattern");
            }
            std::sort(found.begin(), found.end());
            std::for_each(found.begin(), found.end(), add);
            continue;
        }
        if (!fs::exists(path, ec)) {
            result.errors.push_back(argument + ": no such file or directory");
            continue;
        }
        add(argument);
    }
    return result;
}

}  // namespace deeppacket

#pragma once

#include <string>
#include <vector>

namespace deeppacket {

// The capture files named by command-line style inputs.
struct InputFiles {
    std::vector<std::string> files;       // in argument order, each file once
    std::vector<std::string> errors;      // arguments that named nothing, one message each
    std::vector<std::string> unreadable;  // folders that could not be listed, one message each
};

// Expands inputs: a file is taken as is (whatever its extension); a directory is searched
// recursively for *.pcap, *.pcapng and *.cap (any case), in sorted order; a pattern with *, ? or
// [...] in its last component matches files of its directory, in sorted order. Patterns are
// expanded here too because Windows shells do not expand them. A folder that cannot be listed
// (no permission), at the top or anywhere below, is never skipped in silence: it is named in
// `unreadable`, and the caller decides whether that is an error (the default) or a warning.
InputFiles expandInputs(const std::vector<std::string>& arguments);

// Shell-style wildcard match of a whole name: * (any run), ? (one character), [abc], [a-z], [!a].
bool wildcardMatch(const std::string& pattern, const std::string& name);

bool hasCaptureExtension(const std::string& path);

}  // namespace deeppacket

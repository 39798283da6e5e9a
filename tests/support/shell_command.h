#pragma once

#include <string>
#include <vector>

namespace deeppacket::test {

// `text` as one word for a POSIX shell: single-quoted, with its own quotes escaped.
std::string shellQuoted(const std::string& text);

// Runs a Python fixture script (tests/fixtures) with Debian's /usr/bin/python3, output discarded.
// False when it fails — without python3-torch, say — so that the calling test can skip.
bool runPythonFixture(const std::string& script, const std::vector<std::string>& arguments);

}  // namespace deeppacket::test

#include "tests/support/shell_command.h"

#include <cstdlib>

namespace deeppacket::test {

std::string shellQuoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

bool runPythonFixture(const std::string& script, const std::vector<std::string>& arguments) {
    // Debian's interpreter, not one first on PATH: python3-torch is installed for it.
    std::string command = "/usr/bin/python3 " + shellQuoted(script);
    for (const auto& argument : arguments) {
        command += " " + shellQuoted(argument);
    }
    return std::system((command + " > /dev/null 2>&1").c_str()) == 0;
}

}  // namespace deeppacket::test

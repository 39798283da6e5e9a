#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace deeppacket::cli {

// A command line that does not follow the usage: exit code 2.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;       // long name without dashes, e.g. "output"
    char shortName = 0;     // e.g. 'o', or 0
    std::string valueName;  // e.g. "PREFIX"; empty for a flag
    std::string help;

    bool takesValue() const { return !valueName.empty(); }
};

// The options and operands of one command line.
class Arguments {
  public:
    // Parses GNU style: --name, --name=value, --name value, -x, -x value, -xyz for flags, and
    // "--" to end options. Throws UsageError for unknown options or missing values.
    static Arguments parse(const std::vector<std::string>& args,
                           const std::vector<OptionSpec>& specs);

    bool has(const std::string& name) const { return values_.count(name) != 0; }
    // The last value given for an option, or `fallback` when absent.
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    // An option's value as a positive integer within [1, max]; UsageError otherwise.
    std::size_t positiveInteger(const std::string& name, std::size_t fallback,
                                std::size_t max) const;
    const std::vector<std::string>& operands() const { return operands_; }

  private:
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> operands_;
};

// The option table as help text, one option a line, aligned.
std::string formatOptions(const std::vector<OptionSpec>& specs);

}  // namespace deeppacket::cli

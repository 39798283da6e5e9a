#include "app/cli/arguments.h"

#include <algorithm>

namespace deeppacket::cli {
namespace {

const OptionSpec* findLong(const std::vector<OptionSpec>& specs, const std::string& name) {
    auto it = std::find_if(specs.begin(), specs.end(),
                           [&](const OptionSpec& s) { return s.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

const OptionSpec* findShort(const std::vector<OptionSpec>& specs, char name) {
    auto it = std::find_if(specs.begin(), specs.end(),
                           [&](const OptionSpec& s) { return s.shortName == name; });
    return it == specs.end() ? nullptr : &*it;
}

}  // namespace

Arguments Arguments::parse(const std::vector<std::string>& args,
                           const std::vector<OptionSpec>& specs) {
    Arguments parsed;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-') {
            parsed.operands_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        // Returns the value of an option that takes one: inline, or the next argument.
        auto valueFor = [&](const OptionSpec& spec, const std::string& shown, bool hasInline,
                            const std::string& inlineValue) {
            if (hasInline) {
                return inlineValue;
            }
            if (i + 1 >= args.size()) {
                throw UsageError("option " + shown + " needs a value (" + spec.valueName + ")");
            }
            return args[++i];
        };
        if (arg[1] == '-') {
            const std::size_t equals = arg.find('=');
            const std::string name =
                arg.substr(2, equals == std::string::npos ? equals : equals - 2);
            const OptionSpec* spec = findLong(specs, name);
            if (spec == nullptr) {
                throw UsageError("unknown option --" + name);
            }
            const bool hasInline = equals != std::string::npos;
            if (!spec->takesValue()) {
                if (hasInline) {
                    throw UsageError("option --" + name + " takes no value");
                }
                parsed.values_[name].emplace_back();
                continue;
            }
            parsed.values_[name].push_back(
                valueFor(*spec, "--" + name, hasInline, hasInline ? arg.substr(equals + 1) : ""));
            continue;
        }
        for (std::size_t k = 1; k < arg.size(); ++k) {
            const OptionSpec* spec = findShort(specs, arg[k]);
            if (spec == nullptr) {
                throw UsageError(std::string("unknown option -") + arg[k]);
            }
            if (!spec->takesValue()) {
                parsed.values_[spec->name].emplace_back();
                continue;
            }
            const bool hasInline = k + 1 < arg.size();
            parsed.values_[spec->name].push_back(valueFor(
                *spec, std::string("-") + arg[k], hasInline, hasInline ? arg.substr(k + 1) : ""));
            break;
        }
    }
    return parsed;
}

std::string Arguments::value(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second.back();
}

std::size_t Arguments::positiveInteger(const std::string& name, std::size_t fallback,
                                       std::size_t max) const {
    if (!has(name)) {
        return fallback;
    }
    const std::string text = value(name);
    std::size_t result = 0;
    bool valid = !text.empty() && text.size() <= 12;
    for (char c : text) {
        valid = valid && c >= '0' && c <= '9';
        result = valid ? result * 10 + static_cast<std::size_t>(c - '0') : 0;
    }
    if (!valid || result < 1 || result > max) {
        throw UsageError("--" + name + " must be an integer from 1 to " + std::to_string(max) +
                         ", not '" + text + "'");
    }
    return result;
}

std::string formatOptions(const std::vector<OptionSpec>& specs) {
    std::vector<std::string> left;
    std::size_t width = 0;
    for (const auto& spec : specs) {
        std::string text =
            spec.shortName != 0 ? std::string("  -") + spec.shortName + ", " : "      ";
        text += "--" + spec.name;
        if (spec.takesValue()) {
            text += " " + spec.valueName;
        }
        width = std::max(width, text.size());
        left.push_back(std::move(text));
    }
    std::string out;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        out += left[i] + std::string(width + 2 - left[i].size(), ' ') + specs[i].help + "\n";
    }
    return out;
}

}  // namespace deeppacket::cli

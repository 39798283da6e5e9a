#include "app/cli/preprocess_flags.h"

namespace deeppacket::cli {

std::vector<OptionSpec> preprocessOptionSpecs() {
    std::vector<OptionSpec> specs = {
        {"length", 0, "N", "vector length in bytes (default 1500, the paper's)"}};
    for (const auto& f : kPreprocessFlags) {
        specs.push_back({f.option, 0, "", f.help});
    }
    specs.push_back({"mask-all", 0, "", "all of the --mask-* options"});
    return specs;
}

PreprocessOptions preprocessOptionsFrom(const Arguments& a) {
    PreprocessOptions o;
    o.vectorLength = a.positiveInteger("length", o.vectorLength, 65536);
    if (a.has("mask-all")) {
        o.maskAll();
    }
    for (const auto& f : kPreprocessFlags) {
        if (a.has(f.option)) {
            o.*f.member = !f.optionClears;
        }
    }
    return o;
}

}  // namespace deeppacket::cli

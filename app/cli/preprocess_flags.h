#pragma once

#include <vector>

#include "app/cli/arguments.h"
#include "core/preprocess_options.h"

namespace deeppacket::cli {

// The command-line options that choose the preprocessing (vector length and masking).
std::vector<OptionSpec> preprocessOptionSpecs();
PreprocessOptions preprocessOptionsFrom(const Arguments& arguments);

}  // namespace deeppacket::cli

#pragma once

#include "models/model.h"
#include "tests/support/labelled_captures.h"

namespace deeppacket::test {

// Reads labelled captures (a class per file, in class order), trains a fresh network of the
// given spec on their packets for `epochs` epochs and returns it: real learning, no fixed
// weights. The card says task "demo" and names the captures' classes.
Model trainTinyModel(const NetworkSpec& spec, const LabelledCaptures& data, int epochs);

}  // namespace deeppacket::test

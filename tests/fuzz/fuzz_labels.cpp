// The label-file parsers of --labels files:CSV and flows:CSV, and the ISCX file-name rules, as
// `evaluate` and `train` use them on a user's file. Anything wrong must be a LabelError.
//
// The first input byte picks the scheme, the rest is the file; the file's lines are also asked
// for as capture names, so lookups run over what the parser kept.
#include <string>

#include "core/ground_truth.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static deeppacket::fuzz::InputFile input(".csv");
    if (size == 0) {
        return 0;
    }
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::string& path = input.write(data + 1, size - 1);
    const std::string scheme = (data[0] & 1) != 0 ? "flows:" : "files:";

    // The ISCX rules take any file name.
    (void)deeppacket::iscxLabel(text, "application");
    (void)deeppacket::iscxLabel(text, "traffic");
    try {
        const auto truth = deeppacket::GroundTruth::parse(scheme + path);
        (void)truth.knownLabels();
        std::size_t start = 0;
        for (int line = 0; line < 8 && start < text.size(); ++line) {
            const std::size_t end = text.find('\n', start);
            const std::string name = text.substr(start, end - start);
            (void)truth.labelOfFile(name);
            (void)truth.labelOfFlow(name, deeppacket::FlowKey{});
            start = end == std::string::npos ? text.size() : end + 1;
        }
    } catch (const deeppacket::LabelError&) {
    }
    return 0;
}

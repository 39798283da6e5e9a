// The model-file loader: container, card JSON, network spec and weights, as `--model FILE` and
// the app's model picker load a file someone else made. Anything wrong must be a ModelError.
//
// The container ends with a CRC-32 of the rest. A mutated input nearly always fails it, so the
// target writes the right checksum over the last four bytes: the fuzzer then reaches the card and
// the tensors behind it. (A wrong checksum is a unit test of its own.)
#include <cstring>
#include <vector>

#include "core/crc32.h"
#include "models/model.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static deeppacket::fuzz::InputFile input(".dpm");
    std::vector<std::uint8_t> bytes(data, data + size);
    if (bytes.size() >= 4) {
        const std::uint32_t crc = deeppacket::crc32(bytes.data(), bytes.size() - 4);
        for (int i = 0; i < 4; ++i) {
            bytes[bytes.size() - 4 + static_cast<std::size_t>(i)] =
                static_cast<std::uint8_t>(crc >> (8 * i));
        }
    }
    const std::string& path = input.write(bytes.data(), bytes.size());
    try {
        deeppacket::Model model = deeppacket::Model::load(path);
        // A model that loads must classify: one vector of zeros through the network.
        const std::vector<std::uint8_t> vector(model.inputLength(), 0);
        std::vector<float> out(model.classCount());
        model.logProbabilities(vector.data(), 1, out.data());
    } catch (const deeppacket::ModelError&) {
    }
    return 0;
}

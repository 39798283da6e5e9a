#include "tests/support/tiny_model.h"

#include <stdexcept>

#include "core/packet_stream.h"
#include "models/trainer.h"

namespace deeppacket::test {

Model trainTinyModel(const NetworkSpec& spec, const LabelledCaptures& data, int epochs) {
    ModelCard card;
    card.network = spec;
    card.task = "demo";
    card.classes = data.classes;
    card.preprocessing.vectorLength = static_cast<std::size_t>(spec.inputLength);
    card.provenance.dataset = "test captures";
    Model model = Model::create(card, 7);

    PacketStream stream(data.files, card.preprocessing);
    PacketBatch batch(card.preprocessing.vectorLength, 256);
    std::vector<std::uint8_t> vectors;
    std::vector<std::int64_t> labels;
    while (stream.next(batch)) {
        vectors.insert(vectors.end(), batch.vectors(),
                       batch.vectors() + batch.size() * batch.vectorLength());
        for (const auto& r : batch.records()) {
            labels.push_back(r.fileIndex);  // file i holds class i
        }
    }
    if (labels.empty()) {
        throw std::runtime_error("no packets to train on");
    }
    TrainingOptions options;
    options.epochs = epochs;
    options.batchSize = 32;
    trainSupervised(model, vectors.data(), labels, options);
    return model;
}

}  // namespace deeppacket::test

#include "tests/support/tiny_model.h"

#include "core/dataset.h"
#include "models/training.h"

namespace deeppacket::test {

Model trainTinyModel(const NetworkSpec& spec, const LabelledCaptures& data, int epochs) {
    PreprocessOptions preprocessing;
    preprocessing.vectorLength = static_cast<std::size_t>(spec.inputLength);
    // Each capture sits in a folder named after its class.
    const Dataset dataset = buildDataset(data.files, GroundTruth::parse("folder"), "folder",
                                         preprocessing, DatasetOptions{});
    ModelCard card;
    card.network = spec;
    card.task = "demo";
    card.classes = dataset.classes;
    card.preprocessing = preprocessing;
    card.provenance.dataset = "test captures";
    Model model = Model::create(card, 7);

    std::vector<std::size_t> all(dataset.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i] = i;
    }
    TrainingConfig config;
    config.epochs = epochs;
    config.pretrainEpochs = 1;
    config.batchSize = 32;
    config.patience = epochs;  // train the epochs asked for
    trainModel(model, dataset, all, {}, config);
    return model;
}

}  // namespace deeppacket::test

// Inference throughput of the paper's networks through Model::logProbabilities: byte vectors
// in, log-probabilities out (scaling, forward pass, log-softmax and the copy back included).
// Arguments: network (0 SAE, 1 CNN), batch size, threads. scripts/bench-inference runs the same
// networks in Python PyTorch beside it.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "core/allocator_tuning.h"
#include "models/compute_device.h"
#include "models/model.h"

namespace {

using namespace deeppacket;

void BM_Inference(benchmark::State& state) {
    const bool cnn = state.range(0) == 1;
    const auto batch = static_cast<std::size_t>(state.range(1));
    setComputeThreads(static_cast<int>(state.range(2)));
    ModelCard card;
    card.network = cnn ? NetworkSpec::paperCnn(17) : NetworkSpec::paperSae(17);
    for (int i = 0; i < 17; ++i) {
        card.classes.push_back("c" + std::to_string(i));
    }
    Model model = Model::create(card, 1);
    std::vector<std::uint8_t> vectors(batch * 1500);
    std::mt19937 rng(1);
    for (auto& b : vectors) {
        b = static_cast<std::uint8_t>(rng());
    }
    std::vector<float> out(batch * 17);
    model.logProbabilities(vectors.data(), batch, out.data());  // warm-up
    for (auto _ : state) {
        model.logProbabilities(vectors.data(), batch, out.data());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));
    state.SetLabel(cnn ? "cnn" : "sae");
}

BENCHMARK(BM_Inference)
    ->ArgNames({"cnn", "batch", "threads"})
    ->ArgsProduct({{0, 1}, {64, 256, 1024}, {2}})
    ->MinTime(1.0)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    deeppacket::tuneAllocatorForInference();  // as deeppacket-cli does
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

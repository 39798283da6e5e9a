#!/usr/bin/env python3
"""Inference throughput of the paper's networks in Python PyTorch, for comparison with
deeppacket's C++ engine (tests/benchmarks/inference_benchmark.cpp) on the same machine.

The networks are built exactly as models/networks.cpp builds them; each timed call does what
Model::logProbabilities does: uint8 batch -> float / 255 -> network -> log_softmax -> numpy.
Prints one JSON line per configuration: {"network", "batch", "threads", "packets_per_second"}.
Usage: bench_inference.py [--threads N] [--seconds S] [--batches 64,256,1024]
"""
import argparse
import json
import time

import torch
import torch.nn.functional as F


class Sae(torch.nn.Module):
    def __init__(self, classes, length=1500, hidden=(400, 300, 200, 100, 50), dropout=0.25):
        super().__init__()
        sizes = [length, *hidden]
        self.encoders = torch.nn.ModuleList(
            torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.head = torch.nn.Linear(sizes[-1], classes)
        self.dropout = dropout

    def forward(self, x):
        for layer in self.encoders:
            x = F.dropout(torch.relu(layer(x)), self.dropout, self.training)
        return self.head(x)


class Cnn(torch.nn.Module):
    def __init__(self, classes, length=1500, dropout=0.25):
        super().__init__()
        self.conv1 = torch.nn.Conv1d(1, 200, 5, stride=3)
        self.conv2 = torch.nn.Conv1d(200, 80, 4, stride=3)
        self.pool = torch.nn.AvgPool1d(2)
        flat = 80 * ((((length - 5) // 3 + 1) - 4) // 3 + 1) // 2
        sizes = [flat, 600, 500, 400, 300, 200, 100, 50]
        self.dense = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.head = torch.nn.Linear(50, classes)
        self.dropout = dropout

    def forward(self, x):
        x = torch.relu(self.conv2(torch.relu(self.conv1(x.unsqueeze(1)))))
        x = F.dropout(self.pool(x), self.dropout, self.training).flatten(1)
        for layer in self.dense:
            x = torch.relu(layer(x))
        return self.head(x)


def measure(net, batch, seconds, rows_per_pass=None):
    """Packets per second; with rows_per_pass, each batch goes through in slices of that many
    rows, as the C++ engine does on the CPU."""
    vectors = torch.randint(0, 256, (batch, 1500), dtype=torch.uint8)
    rows = rows_per_pass or batch
    with torch.inference_mode():
        def step():
            return [torch.log_softmax(net(vectors[i:i + rows].float().div_(255)), 1).numpy()
                    for i in range(0, batch, rows)]
        step()  # warm-up
        count = 0
        start = time.perf_counter()
        while True:
            step()
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds and count >= 2:
                return count * batch / elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--batches", default="64,256,1024")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    # Largest activation per row, in floats: the input for the SAE, conv1's output for the CNN;
    # the same slicing rule as models/model.cpp (at most 24 MiB of activations per pass).
    largest = {"sae": 1500, "cnn": 200 * ((1500 - 5) // 3 + 1)}
    for name, net in (("sae", Sae(17)), ("cnn", Cnn(17))):
        net.eval()
        for batch in (int(b) for b in args.batches.split(",")):
            sliced = max(1, (24 << 20) // (4 * largest[name]))
            # Best of three: the machine is shared and noisy; the best run is the least disturbed.
            print(json.dumps({"network": name, "batch": batch, "threads": args.threads,
                              "packets_per_second":
                                  max(measure(net, batch, args.seconds) for _ in range(3)),
                              "sliced_packets_per_second":
                                  max(measure(net, batch, args.seconds, sliced)
                                      for _ in range(3))}),
                  flush=True)


if __name__ == "__main__":
    main()

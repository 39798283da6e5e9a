#pragma once

#include <string>
#include <vector>

#include "tests/support/packet_builder.h"

namespace deeppacket::test {

// Starts `workers` copies of this test program as a group of workers on localhost, as a
// launcher would (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT), each running only the test
// `probe` (a gtest filter) with DEEPPACKET_WORKER_PROBE=task and
// DEEPPACKET_WORKER_OUT=DIR/RANK.txt, plus `environment` ("NAME=value" each). Waits for them all
// and returns what each wrote to its DIR/RANK.txt; a worker's own test output goes to DIR/RANK.log.
std::vector<std::string> runWorkerProbes(int workers, const std::string& probe,
                                         const std::string& task, const TempDir& dir,
                                         const std::vector<std::string>& environment = {});

}  // namespace deeppacket::test

#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <memory>

#include "tests/support/veth_pair.h"

namespace deeppacket::test {

// Tests on a veth pair into a network namespace of their own: run as root (CI), skipped
// elsewhere.
class VethFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        if (getuid() != 0) {
            GTEST_SKIP() << "needs root for a network namespace and a veth pair";
        }
        veth_ = std::make_unique<VethPair>();
        if (!veth_->ok) {
            GTEST_SKIP() << "cannot make a veth pair in a network namespace here";
        }
    }
    std::unique_ptr<VethPair> veth_;
};

}  // namespace deeppacket::test

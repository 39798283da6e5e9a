#pragma once

#include <chrono>

#include "core/packet_stream.h"

namespace deeppacket::cli {

// Progress of a long run on stderr: nothing for the first second (short runs stay quiet), then
// at most four updates a second, redrawn in place on a terminal and one line every few seconds
// when stderr is a file or pipe.
class ProgressMeter {
  public:
    explicit ProgressMeter(bool enabled);
    ~ProgressMeter();

    void update(const StreamProgress& progress);
    void finish();                  // clears the progress line
    double elapsedSeconds() const;  // since the meter was made

  private:
    using Clock = std::chrono::steady_clock;

    bool enabled_;
    bool terminal_;
    bool shown_ = false;
    Clock::time_point start_;
    Clock::time_point last_;
};

}  // namespace deeppacket::cli

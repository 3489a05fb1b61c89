#pragma once
/// The virtual clock: monotonic, starts at 0, moves only when the kernel says so.
#include "vssfault/kernel/duration.h"

namespace vssfault {

class VirtualClock {
 public:
  Instant now() const { return now_; }
  /// Moves time forward to `t`; a `t` in the past is ignored (time never runs backwards).
  void advance_to(Instant t) { if (t > now_) now_ = t; }
  void advance_by(Duration d) { if (d > Duration()) now_ += d; }

 private:
  Instant now_{};
};

}  // namespace vssfault

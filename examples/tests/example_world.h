#pragma once
// One deterministic world for the example tests: virtual clock, event queue, trace, seeded generator,
// and the VSS model with volume C:\.
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/vss/system.h"

namespace example {

struct World {
  vssfault::VirtualClock clock;
  vssfault::EventQueue queue{clock};
  vssfault::Trace trace;
  vssfault::Rng rng{1};
  vssfault::vss::System sys{clock, queue, trace, rng};
  World() { sys.AddVolume("C:\\"); }
};

}  // namespace example

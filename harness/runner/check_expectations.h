#pragma once
// Comparing the end of a run with the scenario's `expect:` section: one Mismatch per difference, each at
// the position of the expectation in the file and with the trace record most related to it.
#include <vector>

#include "drivers.h"
#include "vssfault/runner/result.h"
#include "world.h"

namespace vssfault::runner::detail {

/// Writers: what GetWriterStatusEx returns now (Writer::status(), kept until the writer's next backup
/// event, D18). Components: what GetFailure returned the last time the driver read it. Event log: the
/// whole Application log in order; `when` is while_frozen for an entry written while the set's volumes
/// were frozen, after_thaw for one written after a freeze window, before_freeze otherwise. Snapshots:
/// present when a shadow copy set was created during the run. Violations: the distinct rule ids of the
/// VSS conformance checker and the BITS checker; an absent `violations` allows none.
std::vector<Mismatch> check_expectations(World& w, const DriverResult& d);

}  // namespace vssfault::runner::detail

#pragma once
// The scenario's `faults:` section as the fault plans the injectors carry out. Every entry's origin is the
// fault's position in the file ("file:line:col"), so each injected fault in the trace points back at it.
#include <string>
#include <vector>

#include "vssfault/bits/fault_plan.h"
#include "vssfault/mocks/vss_fault_plan.h"
#include "vssfault/scenario/scenario.h"

namespace vssfault::runner::detail {

struct FaultPlans {
  mocks::VssFaultPlan vss;
  std::vector<bits::TransportFault> bits;
  /// Per entry of `bits`: virtual time the failing call takes before it fails (the fault's `delay` with
  /// a `code`; TransportFault has no field for it, see DelayedFailures).
  std::vector<Duration> bits_failure_delays;
};

/// Writer faults do exactly what the file says: no PARTIAL_FAILURE report is added on their behalf
/// (partial_failure_ex is off). Provider faults log when their `log` is true and the world's
/// `providers_log_failures` setting is on. BITS faults: with a `code`, the action of their point
/// (connect: fail-connect, transfer: fail-after-bytes with 0 bytes, reply: server-application-failure),
/// or network-disconnect for BG_E_NETWORK_DISCONNECTED (the outage lasts `delay`, at least 1 ms);
/// without one, a stall of `delay` at the point.
FaultPlans build_fault_plans(const scenario::Scenario& s);

}  // namespace vssfault::runner::detail

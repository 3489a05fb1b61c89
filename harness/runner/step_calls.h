#pragma once
// The `steps` driver's call table: one function per call of scenario::all_calls(), executing it on the
// run's one BackupComponents object or on the named BITS job, and returning the HRESULT the step's
// `expect` is compared with.
#include <functional>
#include <map>
#include <memory>
#include <string_view>

#include "drivers.h"

namespace vssfault::runner::detail {

/// What the steps share: the world, the requester object (made at the first requester call) and
/// whether it was initialized for a restore (then AddComponent selects the component for restore,
/// SetSelectedForRestore [OPR], the table having no call of its own for it).
struct StepRun {
  World& w;
  DriverResult& out;
  std::shared_ptr<vss::BackupComponents> bc;
  bool restore = false;
  bool released = false;

  vss::BackupComponents& requester();
};

using StepFn = std::function<HResult(StepRun&, const scenario::Step&)>;

/// Call name → function, for every call the scenario format knows.
const std::map<std::string_view, StepFn>& step_table();

}  // namespace vssfault::runner::detail

#pragma once
// The `steps` driver's call table: one function per call of scenario::all_calls(), executing it on the
// run's one BackupComponents object or on the named BITS job, and returning the HRESULT the step's
// `expect` is compared with.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "drivers.h"

namespace vssfault::runner::detail {

/// One requester object of the steps (a step's `requester` names it): made at the first call naming it,
/// and whether it was initialized for a restore (then AddComponent selects the component for restore,
/// SetSelectedForRestore [OPR], the table having no call of its own for it).
struct RequesterObject {
  std::shared_ptr<vss::BackupComponents> bc;
  bool restore = false;
  bool released = false;
};

/// What the steps share: the world, the requester objects by name (and in creation order), and the one
/// the current requester call is made on.
struct StepRun {
  World& w;
  DriverResult& out;
  std::map<std::string, RequesterObject, std::less<>> requesters;
  std::vector<std::string> created;  ///< names in creation order
  RequesterObject* current = nullptr;

  /// The object named by the step's `requester`, made (CreateVssBackupComponents) on first use.
  RequesterObject& object(const scenario::Step& s);
  /// The first object the steps made: the one whose GetFailure results the expectations check.
  const RequesterObject* first() const;
};

using StepFn = std::function<HResult(StepRun&, const scenario::Step&)>;

/// Call name → function, for every call the scenario format knows.
const std::map<std::string_view, StepFn>& step_table();

}  // namespace vssfault::runner::detail

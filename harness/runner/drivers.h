#pragma once
// The drivers: what pushes the world through the scenario. Each returns what the expectations are
// checked against besides the world itself.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/runner/result.h"
#include "vssfault/vss/backup_components.h"
#include "world.h"

namespace vssfault::runner::detail {

/// One component's IVssComponentEx2::GetFailure as the driver read it [S1].
struct ComponentRead {
  HResult returned;  ///< GetComponent's failure or GetFailure's own return
  HResult code;
  HResult application;
  std::string message;
};

struct DriverResult {
  /// The driver's final HRESULT (expect.result): the requester's last attempt, the BITS client's last
  /// call, the last call step. Unset when the driver made no call.
  std::optional<HResult> result;
  std::string result_from;  ///< what `result` is, for messages ("the last attempt", "step 7 (Release)")
  std::optional<std::string> outcome;   ///< requester outcome name (reference requester only)
  std::optional<std::uint64_t> attempts;
  /// GetFailure per (writer, component), the last time the driver read it.
  std::map<std::pair<std::string, std::string>, ComponentRead> components;
  /// Why components were not read, when they were not (shown as the actual value).
  std::string components_unread_reason;
  std::vector<Mismatch> step_mismatches;  ///< steps whose HRESULT differed from their `expect`
};

DriverResult drive_reference_requester(World& w);
/// The restore sequence [ORI][OPR][PRE][POSTR]: InitializeForRestore, GatherWriterMetadata, every
/// component selected for restore, PreRestore, PostRestore, Release; one attempt, no retries.
DriverResult drive_reference_restore(World& w);
DriverResult drive_reference_bits_client(World& w);
DriverResult drive_steps(World& w);
/// Runs the scenario's driver (whichever of the above its `driver.kind` names).
DriverResult drive(World& w);

/// Starts an asynchronous method, waits for it (IVssAsync::Wait) and returns its result as a step sees
/// it: the start's failure, Wait's failure, or QueryStatus (VSS_S_ASYNC_FINISHED read as S_OK) (D4).
HResult run_async(vss::BackupComponents& bc, HResult (vss::BackupComponents::*method)(std::shared_ptr<vss::Async>*));

/// GetComponent + GetFailure for every component of every writer of the scenario, into `out`.
void read_component_failures(World& w, vss::BackupComponents& bc, DriverResult& out);

/// Runs the queue until it is empty or the run guard trips (the reference BITS client's main loop).
void run_until_idle(World& w);
/// Runs the queue for `d` of virtual time (what an `advance` step does), like System::RunFor.
void run_for(World& w, Duration d);

}  // namespace vssfault::runner::detail

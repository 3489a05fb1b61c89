#pragma once
/// Running a GeneratedWorld through the VSS model and observing what happened: the results the requester
/// saw, writer statuses and component failures as GetWriterStatusEx / GetFailure returned them, the
/// shadow copies, the Application event log, the conformance violations, the firings of the fault plan,
/// and the whole trace with its hash.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vssfault/mocks/vss_fault_injector.h"
#include "vssfault/properties/world.h"
#include "vssfault/requester/reference_requester.h"
#include "vssfault/vss/system.h"

namespace vssfault::properties {

enum class VssDriver : std::uint8_t {
  /// requester::ReferenceRequester (retries, status checks, AbortBackup) with the world's policy.
  kReference,
  /// One attempt, driven by hand: the documented sequence, carried on past writer failures and failed
  /// AddToSnapshotSet calls (so every later event and provider method is reached), with a status check
  /// after GatherWriterMetadata, PrepareForBackup, DoSnapshotSet and BackupComplete, GetFailure on every
  /// added component after each, and the shadow copies read the moment DoSnapshotSet's operation ends.
  kSingle,
};

/// Deliberate misconfiguration and model breakage (test-only, properties/negative).
struct Breakage {
  std::uint32_t vss = 0;        ///< vss::broken flags
  std::uint32_t bits = 0;       ///< bits::broken flags
  std::uint32_t requester = 0;  ///< requester::broken flags
  std::optional<Duration> retry_delay;  ///< the reference requester's Policy::retry_delay
  std::optional<int> max_retries;       ///< … and Policy::max_retries
  bool any() const { return vss || bits || requester || retry_delay || max_retries; }
};

struct VssRunOptions {
  VssDriver driver = VssDriver::kSingle;
  Breakage breakage;
  /// kSingle: AddToSnapshotSet names the provider the world assigns the volume; false: GUID_NULL.
  bool explicit_providers = true;
  /// Seeds the writer dispatch order instead of the world's seed (the fault plan keeps the world's).
  std::optional<std::uint64_t> dispatch_seed;
};

/// The usual options: one driver, a breakage, everything else default.
inline VssRunOptions with_driver(VssDriver driver, const Breakage& breakage = {}) {
  VssRunOptions o;
  o.driver = driver;
  o.breakage = breakage;
  return o;
}

struct CallResult {
  int requester = 0;
  std::string method;  ///< "AddToSnapshotSet", "DoSnapshotSet" (the call), "DoSnapshotSet.async" (its result)
  std::string detail;  ///< the volume for AddToSnapshotSet, the component for AddComponent, …
  HResult hr;
  Instant time;
};

struct StatusRow {
  std::string writer;
  vss::WriterState state = vss::WriterState::kUnknown;
  HResult failure;
  HResult application;
  std::string message;
};

struct ComponentRead {
  std::string writer;
  std::string component;
  HResult get_failure;  ///< GetFailure's own return
  HResult failure;
  HResult application;
  std::string message;
};

/// One status check: GatherWriterStatus + GetWriterStatusEx for every writer, then GetFailure for every
/// added component.
struct StatusRead {
  std::string after;  ///< "GatherWriterMetadata", "PrepareForBackup", "DoSnapshotSet", "BackupComplete"
  std::size_t trace_index = 0;  ///< trace size when the check began
  std::vector<StatusRow> rows;
  std::vector<ComponentRead> components;
  const StatusRow* row(const std::string& writer) const;
  const ComponentRead* component(const std::string& writer, const std::string& name) const;
};

struct VssObservation {
  std::vector<HResult> register_results;    ///< RegisterProvider per generated provider
  std::vector<HResult> unregister_results;  ///< UnregisterProvider per generated provider (S_OK if never registered)

  // kSingle
  std::vector<CallResult> calls;
  std::optional<HResult> dss_result;  ///< DoSnapshotSet's operation result (QueryStatus), when it ran
  vss::VssId set_id;
  std::vector<vss::SnapshotInfo> snapshots_after_dss;  ///< every shadow copy when DoSnapshotSet's operation ended
  std::vector<StatusRead> statuses;

  // kReference
  std::optional<requester::BackupResult> backup;

  // always
  std::vector<vss::SnapshotInfo> snapshots_at_end;
  std::vector<vss::EventLogEntry> event_log;
  std::vector<vss::Violation> violations;
  std::vector<mocks::Firing> firings;
  std::vector<TraceRecord> trace;
  std::uint64_t trace_hash = 0;
  Instant end;

  const CallResult* call(const std::string& method, const std::string& detail = {}) const;
  std::vector<const CallResult*> calls_of(const std::string& method) const;
  const StatusRead* status_after(const std::string& operation) const;
};

/// Builds the world (VssBench) and drives it.
VssObservation RunVss(const GeneratedWorld& world, const VssRunOptions& options = {});

}  // namespace vssfault::properties

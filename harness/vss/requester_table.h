#pragma once
// The requester state × method table (semantics.md §7.1): which methods a BackupComponents object accepts
// in which phase. A call outside its phases returns VSS_E_BAD_STATE (§3.2), except AbortBackup's
// documented "ignored when nothing is under way" [AB], handled by the method itself.
#include <cstdint>
#include <string_view>

namespace vssfault::vss {

enum class Phase : std::uint8_t {
  kNew,           ///< created, not initialized
  kBackup,        ///< InitializeForBackup done, no snapshot set started
  kSetOpen,       ///< StartSnapshotSet done, DoSnapshotSet not called
  kCreating,      ///< DoSnapshotSet's operation running
  kCreated,       ///< DoSnapshotSet succeeded
  kCreateFailed,  ///< DoSnapshotSet failed or was cancelled
  kCompleted,     ///< BackupComplete called
  kAborted,       ///< AbortBackup called
  kRestore,       ///< InitializeForRestore done
  kReleased,      ///< Release called
};
std::string_view phase_name(Phase p);

enum class Method : std::uint8_t {
  kInitializeForBackup,
  kSetContext,
  kSetBackupState,
  kGatherWriterMetadata,
  kGetWriterMetadataCount,
  kGetWriterMetadata,
  kAddComponent,
  kStartSnapshotSet,
  kAddToSnapshotSet,
  kPrepareForBackup,
  kDoSnapshotSet,
  kGatherWriterStatus,
  kGetWriterStatusCount,
  kGetWriterStatus,
  kGetWriterStatusEx,
  kFreeWriterStatus,
  kSetBackupSucceeded,
  kBackupComplete,
  kAbortBackup,
  kRelease,
  kInitializeForRestore,
  kSetSelectedForRestore,
  kPreRestore,
  kPostRestore,
  kGetComponent,
};

struct MethodRule {
  Method method;
  std::string_view name;
  std::uint32_t phases;  ///< bit (1 << Phase) set = accepted in that phase
  bool starts_async;     ///< returns an IVssAsync: refused while another operation of the object runs
};

/// The table row of `m`.
const MethodRule& method_rule(Method m);
inline std::string_view method_name(Method m) { return method_rule(m).name; }
/// Whether `m` is accepted in phase `p`.
inline bool method_allowed(Method m, Phase p) {
  return (method_rule(m).phases & (1u << static_cast<unsigned>(p))) != 0;
}

}  // namespace vssfault::vss

#include "requester_table.h"

namespace vssfault::vss {

namespace {

constexpr std::uint32_t bit(Phase p) { return 1u << static_cast<unsigned>(p); }

constexpr std::uint32_t kNew = bit(Phase::kNew);
constexpr std::uint32_t kBackup = bit(Phase::kBackup);
constexpr std::uint32_t kSetOpen = bit(Phase::kSetOpen);
constexpr std::uint32_t kCreated = bit(Phase::kCreated);
constexpr std::uint32_t kRestore = bit(Phase::kRestore);
// Every phase of an initialized backup object.
constexpr std::uint32_t kAnyBackup = kBackup | kSetOpen | bit(Phase::kCreating) | kCreated |
                                     bit(Phase::kCreateFailed) | bit(Phase::kCompleted) | bit(Phase::kAborted);
constexpr std::uint32_t kAll = 0xFFFFFFFFu;

// Sources: §3.1 (order), §3.2 (BAD_STATE texts), §3.6 (restore), §7.1 (state machine), D2, D3.
constexpr MethodRule kTable[] = {
    {Method::kInitializeForBackup, "InitializeForBackup", kNew, false},
    {Method::kSetContext, "SetContext", kBackup, false},
    {Method::kSetBackupState, "SetBackupState", kBackup | kSetOpen, false},
    {Method::kGatherWriterMetadata, "GatherWriterMetadata", kBackup | kRestore, true},
    {Method::kGetWriterMetadataCount, "GetWriterMetadataCount", kAnyBackup | kRestore, false},
    {Method::kGetWriterMetadata, "GetWriterMetadata", kAnyBackup | kRestore, false},
    {Method::kAddComponent, "AddComponent", kBackup, false},
    {Method::kStartSnapshotSet, "StartSnapshotSet", kBackup, false},
    {Method::kAddToSnapshotSet, "AddToSnapshotSet", kSetOpen, false},
    {Method::kPrepareForBackup, "PrepareForBackup", kSetOpen, true},
    {Method::kDoSnapshotSet, "DoSnapshotSet", kSetOpen, true},
    {Method::kGatherWriterStatus, "GatherWriterStatus", kAnyBackup | kRestore, true},
    {Method::kGetWriterStatusCount, "GetWriterStatusCount", kAnyBackup | kRestore, false},
    {Method::kGetWriterStatus, "GetWriterStatus", kAnyBackup | kRestore, false},
    {Method::kGetWriterStatusEx, "GetWriterStatusEx", kAnyBackup | kRestore, false},
    {Method::kFreeWriterStatus, "FreeWriterStatus", kAnyBackup | kRestore, false},
    {Method::kSetBackupSucceeded, "SetBackupSucceeded", kCreated, false},
    {Method::kBackupComplete, "BackupComplete", kCreated, true},
    {Method::kAbortBackup, "AbortBackup", kAnyBackup, false},
    {Method::kRelease, "Release", kAll, false},
    {Method::kInitializeForRestore, "InitializeForRestore", kNew, false},
    {Method::kSetSelectedForRestore, "SetSelectedForRestore", kRestore, false},
    {Method::kPreRestore, "PreRestore", kRestore, true},
    {Method::kPostRestore, "PostRestore", kRestore, true},
    {Method::kGetComponent, "GetComponent", kAll, false},
};

}  // namespace

const MethodRule& method_rule(Method m) {
  for (const auto& r : kTable)
    if (r.method == m) return r;
  return kTable[0];
}

std::string_view phase_name(Phase p) {
  switch (p) {
    case Phase::kNew: return "new";
    case Phase::kBackup: return "backup";
    case Phase::kSetOpen: return "set-open";
    case Phase::kCreating: return "creating";
    case Phase::kCreated: return "created";
    case Phase::kCreateFailed: return "create-failed";
    case Phase::kCompleted: return "completed";
    case Phase::kAborted: return "aborted";
    case Phase::kRestore: return "restore";
    case Phase::kReleased: return "released";
  }
  return "?";
}

}  // namespace vssfault::vss

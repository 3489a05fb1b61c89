#pragma once
/// The reference requester: the documented backup sequence on the BackupComponents API, with the
/// documented reactions to failure. It is both an example of a correct requester and the driver the
/// scenario runner uses to push writers and providers through a backup.
///
/// One attempt, on a fresh object [OBI]: InitializeForBackup, SetBackupState, GatherWriterMetadata,
/// AddComponent (component mode), StartSnapshotSet (on VSS_E_SNAPSHOT_SET_IN_PROGRESS: wait and try again
/// [SSS]), AddToSnapshotSet per volume, PrepareForBackup, DoSnapshotSet, SetBackupSucceeded per component,
/// BackupComplete, Release — waiting on every IVssAsync and reading its QueryStatus [AQS], and checking
/// writer status (GatherWriterStatus, then GetWriterStatusEx for every writer, FreeWriterStatus) after
/// PrepareForBackup, DoSnapshotSet and BackupComplete [DWS][OPB]. A writer reporting
/// VSS_E_WRITERERROR_PARTIAL_FAILURE has GetFailure read for each of its components [GWSX][S1].
///
/// On failure: AbortBackup once StartSnapshotSet has succeeded and BackupComplete has not run [AB][ABRT],
/// then Release. The failure's retry guidance comes from the code catalog (codes::Retry): "wait ten
/// minutes, up to three times" (and "wait and try again") means wait Policy::retry_delay of virtual time
/// and start over with a new object, at most Policy::max_retries times (D21); anything else gives up.
/// Writer failures found after BackupComplete are recorded but do not fail the backup: the shadow copy
/// was made and the data copied.
#include <memory>

#include "vssfault/requester/policy.h"
#include "vssfault/requester/result.h"
#include "vssfault/vss/system.h"

namespace vssfault::requester {

class ReferenceRequester {
 public:
  /// `system` must outlive the requester.
  explicit ReferenceRequester(vss::System& system, Policy policy = {});

  /// Runs the backup with retries; virtual time advances through the waits (System::RunFor).
  BackupResult Backup(const BackupRequest& request);

  const Policy& policy() const { return policy_; }

 private:
  vss::System& system_;
  Policy policy_;
};

/// Whether a failure with code `hr` is worth retrying under the documented guidance: its catalog retry
/// kind is "wait ten minutes, up to three times" or "wait and try again".
bool retry_guided(HResult hr);

}  // namespace vssfault::requester

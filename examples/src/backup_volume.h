#pragma once
// A requester-side function, as a backup application would write it against IVssBackupComponents (here
// vssfault's vss::BackupComponents): one attempt at a shadow copy of one volume, with every writer's
// status read after DoSnapshotSet.
#include <string>

#include "vssfault/codes/hresult.h"
#include "vssfault/vss/system.h"
#include "vssfault/vss/types.h"

namespace example {

struct BackupReport {
  vssfault::HResult hr;              // the first failing call's HRESULT, else S_OK
  std::string failed_step;           // that call's name; "writer status" for a writer failure
  std::string failed_writer;         // the first writer in a VSS_WS_FAILED_AT_* state, if any
  vssfault::vss::WriterState writer_state = vssfault::vss::WriterState::kUnknown;
  vssfault::HResult writer_failure;  // its hrFailureWriter
  bool retry_later = false;          // the failure's documented guidance is "wait and retry"
  bool succeeded() const { return failed_step.empty(); }
};

// Non-component mode, a full backup, VSS's choice of provider. On a failure after StartSnapshotSet it
// calls AbortBackup before releasing the object, as [AB] requires.
BackupReport BackupVolume(vssfault::vss::System& system, const std::string& volume);

}  // namespace example

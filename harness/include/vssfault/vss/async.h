#pragma once
/// IVssAsync [H:vss.h:431-447]: the handle of an asynchronous VSS operation (GatherWriterMetadata,
/// PrepareForBackup, DoSnapshotSet, GatherWriterStatus, BackupComplete, PreRestore, PostRestore).
/// Operations run on the kernel's event queue in virtual time; Wait drives the queue.
#include <cstdint>

#include "vssfault/codes/hresult.h"
#include "vssfault/vss/types.h"

namespace vssfault::vss {

class Async {
 public:
  virtual ~Async() = default;

  /// Runs the event queue until the operation has finished or `milliseconds` of virtual time have passed
  /// (kInfinite = until finished). Returns S_OK — also when the operation failed; QueryStatus carries its
  /// result (D4). With Config::wait_returns_operation_error, a failed operation's error is returned
  /// instead [AW]. A finite wait that elapses first returns S_OK and QueryStatus reports PENDING. The
  /// queue is run event by event: time a handler or provider spends in one Work() call is not interrupted,
  /// so a finite wait can end later than asked, at the first event boundary past its deadline.
  virtual HResult Wait(std::uint32_t milliseconds = kInfinite) = 0;

  /// Returns S_OK and stores in *pHrResult VSS_S_ASYNC_PENDING, VSS_S_ASYNC_FINISHED,
  /// VSS_S_ASYNC_CANCELLED or the operation's error [AQS]. pHrResult NULL → E_INVALIDARG;
  /// pReserved should be NULL (it is ignored, as on Windows).
  virtual HResult QueryStatus(HResult* pHrResult, std::int32_t* pReserved) = 0;

  /// S_OK: now cancelled; VSS_S_ASYNC_CANCELLED: already cancelled; VSS_S_ASYNC_FINISHED: already
  /// completed; the operation's error when it had already failed [AC]. A cancelled operation winds down
  /// on the queue (a cancelled DoSnapshotSet aborts the set).
  virtual HResult Cancel() = 0;
};

}  // namespace vssfault::vss

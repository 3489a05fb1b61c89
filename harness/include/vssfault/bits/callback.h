#pragma once
/// The notification interface a client registers with Job::SetNotifyInterface, shaped like
/// IBackgroundCopyCallback (+ IBackgroundCopyCallback2::FileTransferred).
///
/// Delivery rules of the model [CBJE][SNF]:
///  - JobTransferred on entering TRANSFERRED, JobError on entering ERROR (never for TRANSIENT_ERROR),
///    each only with its BG_NOTIFY_* flag set and BG_NOTIFY_DISABLE clear; repeated every
///    ServiceSettings::callback_retry_interval until the method returns exactly S_OK, as long as the
///    job stays in that state; an event that happened while no interface was registered is delivered
///    when one is ("BITS will call your callback even if the event … already occurred").
///  - JobModification on other state changes, progress, added files and property changes (never on
///    entering ERROR or TRANSFERRED), once; FileTransferred when a file completes, once.
///  - A method that throws is contained: it counts as a failure return and is recorded.
/// Calls come from the event queue, never from inside a Job method, so a callback may call any Job
/// method (Complete, Cancel, Resume) on the job it is given.
#include <cstdint>

#include "vssfault/bits/error.h"
#include "vssfault/bits/types.h"
#include "vssfault/codes/hresult.h"

namespace vssfault::bits {

class Job;

class Callback {
 public:
  virtual ~Callback() = default;
  virtual HResult JobTransferred(Job& job) = 0;
  virtual HResult JobError(Job& job, const Error& error) = 0;
  /// `reserved` is always 0 (dwReserved).
  virtual HResult JobModification(Job& job, std::uint32_t reserved) = 0;
  /// IBackgroundCopyCallback2::FileTransferred; the default accepts.
  virtual HResult FileTransferred(Job& job, const FileInfo& file);
};

}  // namespace vssfault::bits

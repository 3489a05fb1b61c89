#pragma once
/// The tunables of one machine's BITS service: documented defaults where Microsoft gives one, and the
/// model's own choices (docs/semantics.md "## BITS model") where it does not.
#include <cstdint>
#include <string>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"

namespace vssfault::bits {

/// Deliberately broken variants of the model, FOR TESTING THE PROPERTIES ONLY (properties/negative,
/// docs/properties.md): each flag breaks one documented rule, checked at exactly one place of the model,
/// so a property can be shown to fail. Never set in production scenarios.
namespace broken {
/// job_engine.cpp (Job::set_state): the error object survives the job's return to TRANSFERRING [S5] (D12).
inline constexpr std::uint32_t kErrorObjectSurvivesTransfer = 1u << 0;
/// job_notify.cpp (Job::error_note_due): JobError is also called for TRANSIENT_ERROR [CBJE].
inline constexpr std::uint32_t kJobErrorOnTransient = 1u << 1;
/// job_api.cpp (Job::Resume): Resume restarts a job in a final state [LC].
inline constexpr std::uint32_t kResumeFromFinal = 1u << 2;
/// job_errors.cpp (Job::progress_made): progress does not reset the no-progress timer [NPT].
inline constexpr std::uint32_t kProgressKeepsNoProgressTimer = 1u << 3;
}  // namespace broken

struct ServiceSettings {
  /// Group Policy JobInactivityTimeout: a job with no activity for this long is cancelled; progress and
  /// property changes reset it. Default 90 days [GP][S5][JCO].
  Duration job_inactivity_timeout = Duration::days(90);
  /// Group Policy MaxFilesPerJob: AddFile past it gives BG_E_TOO_MANY_FILES_IN_JOB. Default 200 [GP][AF].
  std::uint32_t max_files_per_job = 200;
  /// A new job's MinimumRetryDelay, seconds. Default 600 [MRD].
  std::uint32_t default_minimum_retry_delay_s = 600;
  /// A new job's NoProgressTimeout, seconds. Default 1,209,600 (14 days) [NPT].
  std::uint32_t default_no_progress_timeout_s = 1'209'600;

  /// DECISION: how long a job may stay TRANSFERRING before it goes back to QUEUED so others get a turn
  /// [LC] names the slice but not its length.
  Duration time_slice = Duration::minutes(10);
  /// DECISION: the granularity at which the service asks the transport for bytes; progress becomes
  /// visible (GetProgress, no-progress timer) at the end of each step.
  Duration transfer_step = Duration::seconds(1);
  /// DECISION: how long a QUEUED job waits before the scheduler picks it (CONNECTING).
  Duration queue_delay = Duration::ms(0);
  /// DECISION: JobTransferred/JobError are "called again until S_OK" at an "arbitrary" interval [CBJE];
  /// this is that interval.
  Duration callback_retry_interval = Duration::seconds(60);
  /// DECISION: a callback returning something other than S_OK more than this many times for one event
  /// is a recorded violation ("limit … to a few times" [CBJE]).
  std::uint32_t callback_failures_tolerated = 3;
  /// Test-only broken variants (bits::broken flags); 0 in every real run.
  std::uint32_t broken = 0;
};

/// The client machine's file system as BITS sees it: the knobs behind AddFile's E_ACCESSDENIED, Complete's
/// rename errors and the BG_S_UNABLE_TO_DELETE_FILES results of Cancel and Complete.
struct LocalFiles {
  /// Directories (prefixes of local names, compared case-insensitively) the user may not write to:
  /// AddFile and SetReplyFileName into them give E_ACCESSDENIED [AF].
  std::vector<std::string> read_only_dirs;
  /// When not S_OK: Complete fails to rename the temporary files, returns this code and leaves the job
  /// where it was [JCO].
  HResult rename_error{};
  /// When true: Cancel returns BG_S_UNABLE_TO_DELETE_FILES, and so does Complete when it has partial
  /// files to delete [JC][JCO].
  bool temp_delete_fails = false;
};

}  // namespace vssfault::bits

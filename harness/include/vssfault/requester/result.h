#pragma once
/// What the reference requester did: one record per attempt (a fresh BackupComponents object each, [OBI])
/// and the final outcome. Tests assert on it; reports print it.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/vss/types.h"

namespace vssfault::requester {

/// One writer's status as GetWriterStatusEx returned it [GWSX].
struct WriterStatusEntry {
  std::string after;  ///< the operation the status check followed: PrepareForBackup, DoSnapshotSet, BackupComplete
  std::string writer;
  vss::VssId instance;
  vss::WriterState state = vss::WriterState::kUnknown;
  HResult failure;      ///< hrFailureWriter
  HResult application;  ///< hrApplication
  std::string message;
  /// Whether the requester counts it as a failure (failed state or a failure code).
  bool failed() const;
};

/// One component's failure as IVssComponentEx2::GetFailure returned it [S1], read because its writer
/// reported VSS_E_WRITERERROR_PARTIAL_FAILURE [GWSX].
struct ComponentFailureEntry {
  std::string after;
  std::string writer;
  std::string logical_path;
  std::string component;
  HResult get_failure;  ///< GetFailure's own return
  HResult failure;      ///< *phr
  HResult application;  ///< *phrApplication
  std::string message;
};

/// What the requester decided at the end of an attempt.
enum class Verdict : std::uint8_t {
  kSucceeded,  ///< the backup completed (possibly with accepted vetoes)
  kRetry,      ///< failed with retry guidance: wait and try again (if the policy allows)
  kGiveUp,     ///< failed without retry guidance (or the policy does not retry)
};
std::string_view verdict_name(Verdict v);

struct Attempt {
  int number = 0;  ///< 1-based
  int requester = 0;  ///< BackupComponents::id() of the object used
  Instant start;
  Instant end;
  /// The failing step: a method name ("DoSnapshotSet") or, for a writer failure seen in the status
  /// check after an operation, that operation's name with writer_failure set. Empty on success.
  std::string failed_step;
  bool writer_failure = false;
  /// The failing call's HRESULT, or the writer / component code that decided the verdict.
  HResult hr;
  std::vector<WriterStatusEntry> statuses;
  std::vector<ComponentFailureEntry> component_failures;
  bool vetoes_accepted = false;   ///< writer failures were seen and accepted [WEV]
  bool aborted = false;           ///< AbortBackup was called
  HResult abort_result;
  int in_progress_waits = 0;      ///< StartSnapshotSet retries after VSS_E_SNAPSHOT_SET_IN_PROGRESS
  Verdict verdict = Verdict::kGiveUp;
  std::string reason;             ///< one line: why this verdict
};

enum class Outcome : std::uint8_t {
  kSucceeded,              ///< a backup completed and no writer failure was accepted
  kSucceededWithVetoes,    ///< completed after accepting writer failures (Policy::accept_vetoes)
  kGaveUp,                 ///< stopped on a failure without retry guidance (or retrying disabled)
  kRetriesExhausted,       ///< the last allowed retry failed too
};
std::string_view outcome_name(Outcome o);

struct BackupResult {
  std::vector<Attempt> attempts;
  Outcome outcome = Outcome::kGaveUp;
  /// The last attempt's failing HRESULT (S_OK on success).
  HResult final_hr;
  std::string final_step;
  /// Start times of the attempts, relative to the first: what the retry tests read.
  std::vector<Duration> attempt_offsets() const;
  /// A multi-line human-readable summary.
  std::string describe() const;
};

void PrintTo(Verdict v, std::ostream* os);
void PrintTo(Outcome o, std::ostream* os);
std::ostream& operator<<(std::ostream& os, Outcome o);

}  // namespace vssfault::requester

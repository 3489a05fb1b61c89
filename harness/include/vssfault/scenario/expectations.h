#pragma once
/// What a run must end with. Every expectation is optional: an absent one is not checked.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/scenario/mark.h"
#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario {

/// IVssComponentEx2::GetFailure results for one component [S1].
struct ComponentExpectation {
  Mark mark;
  Located<std::string> component;
  std::optional<Located<HResult>> code;
  std::optional<Located<HResult>> application_code;
  std::optional<Located<std::string>> message;
  friend bool operator==(const ComponentExpectation&, const ComponentExpectation&) = default;
};

/// GetWriterStatusEx results for one writer [GWSX], and its components' GetFailure results.
struct WriterExpectation {
  Mark mark;
  Located<std::string> writer;
  std::optional<Located<WriterState>> state;
  std::optional<Located<HResult>> code;              ///< hrFailureWriter
  std::optional<Located<HResult>> application_code;  ///< hrApplication
  std::optional<Located<std::string>> message;       ///< bstrApplicationMessage
  std::vector<ComponentExpectation> components;
  friend bool operator==(const WriterExpectation&, const WriterExpectation&) = default;
};

/// One Application event-log entry: who wrote it, about which method or event, with which code, and
/// (optionally) when relative to the freeze window.
struct EventLogExpectation {
  Mark mark;
  Located<std::string> source;  ///< "VSS", or the name of a writer or provider
  Located<std::string> method;  ///< a provider method or writer event name
  Located<HResult> code;
  std::optional<Located<FreezePhase>> when;
  friend bool operator==(const EventLogExpectation&, const EventLogExpectation&) = default;
};

/// IBackgroundCopyError::GetError results, or `none` (GetError gives
/// BG_E_ERROR_INFORMATION_UNAVAILABLE) [S5].
struct JobErrorExpectation {
  bool none = false;
  ErrorContext context = ErrorContext::kNone;
  HResult code;
  friend bool operator==(const JobErrorExpectation&, const JobErrorExpectation&) = default;
};

/// IBackgroundCopyCallback calls the client received.
struct CallbackCounts {
  Mark mark;
  std::optional<Located<std::uint64_t>> job_transferred;
  std::optional<Located<std::uint64_t>> job_error;
  std::optional<Located<std::uint64_t>> job_modification;
  friend bool operator==(const CallbackCounts&, const CallbackCounts&) = default;
};

struct JobExpectation {
  Mark mark;
  Located<std::string> job;
  std::optional<Located<JobState>> state;
  std::optional<Located<JobErrorExpectation>> error;
  std::optional<Located<std::uint64_t>> error_count;  ///< GetErrorCount [GEC]
  std::optional<CallbackCounts> callbacks;
  /// What a requester concludes about an upload-reply job at the end of the run [S5].
  std::optional<Located<UploadReplyDiagnosis>> diagnosis;
  friend bool operator==(const JobExpectation&, const JobExpectation&) = default;
};

struct Expectations {
  Mark mark;
  /// The driver's outcome: the reference requester's last attempt, the reference BITS client's last
  /// call, or the last call step.
  std::optional<Located<HResult>> result;
  /// How the reference requester's backup ended.
  std::optional<Located<RequesterOutcome>> outcome;
  std::vector<WriterExpectation> writers;
  /// The whole Application log, in order (an empty list: nothing logged).
  std::optional<Located<std::vector<EventLogExpectation>>> event_log;
  std::optional<Located<SnapshotPresence>> snapshots;
  std::vector<JobExpectation> jobs;
  std::optional<Located<std::uint64_t>> attempts;  ///< backup attempts of the reference requester
  std::optional<Located<Duration>> elapsed;        ///< virtual time from start to the end of the run
  /// Conformance rule ids that must be reported, exactly; empty means `none`.
  std::optional<Located<std::vector<Located<std::string>>>> violations;
  friend bool operator==(const Expectations&, const Expectations&) = default;
};

}  // namespace vssfault::scenario

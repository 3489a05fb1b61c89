#pragma once
/// A BITS client that follows the documented advice [S5][HE][CBJE][JCO]: watch the job by polling
/// GetState at an interval or through IBackgroundCopyCallback; on TRANSFERRED call Complete; on ERROR
/// read the error object, then Cancel, Complete (downloads only: "you cannot complete a portion of an
/// upload job", so an upload is cancelled instead) or fix the cause and Resume, by policy; stop watching
/// once the job is in a final state. It is the yardstick user clients are compared with: a run of the
/// reference client records no violation.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vssfault/bits/callback.h"
#include "vssfault/bits/types.h"
#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/event_queue.h"

namespace vssfault::bits {

class Job;
class Service;

enum class WatchMode : std::uint8_t { kPoll, kCallback };
enum class ErrorPolicy : std::uint8_t { kCancel, kComplete, kFixAndResume };

/// What the client learned from one error object.
struct ErrorReport {
  Instant time;
  HResult code;
  ErrorContext context = ErrorContext::kNone;
  std::optional<FileInfo> file;
  std::optional<std::string> protocol;
  std::string description;          ///< GetErrorDescription(en-US)
  std::string context_description;  ///< GetErrorContextDescription(en-US)
};

struct ClientOptions {
  WatchMode mode = WatchMode::kPoll;
  /// DECISION: the docs say "poll" without an interval.
  Duration poll_interval = Duration::seconds(30);
  ErrorPolicy on_error = ErrorPolicy::kCancel;
  /// kFixAndResume: repairs the cause before Resume (for instance clears a fault of the plan).
  std::function<void(Job&, const ErrorReport&)> fix;
  /// kFixAndResume: after this many resumes the client gives up and cancels.
  std::uint32_t max_resumes = 3;
};

enum class ClientOutcome : std::uint8_t {
  kRunning,
  kCompleted,   ///< Complete returned S_OK
  kPartial,     ///< Complete returned BG_S_PARTIAL_COMPLETE (error policy kComplete)
  kCancelled,   ///< the client cancelled the job
  kLost,        ///< the job reached a final state without the client (e.g. JobInactivityTimeout)
  kFailed,      ///< a job method returned an unexpected failure
};
std::string_view to_string(ClientOutcome outcome);

class ReferenceClient {
 public:
  ReferenceClient(Service& service, Job& job, ClientOptions options);
  ~ReferenceClient();
  ReferenceClient(const ReferenceClient&) = delete;
  ReferenceClient& operator=(const ReferenceClient&) = delete;

  /// Registers the callback (kCallback: flags JOB_TRANSFERRED | JOB_ERROR) or schedules the first poll
  /// (kPoll), then Resumes the job. Returns Resume's result.
  HResult start();

  ClientOutcome outcome() const { return outcome_; }
  /// The result of the call that ended the job (Complete or Cancel), or of the call that failed.
  HResult final_result() const { return final_result_; }
  const std::vector<ErrorReport>& errors() const { return errors_; }
  std::uint32_t resumes() const { return resumes_; }
  std::uint64_t polls() const { return polls_; }

 private:
  class Adapter;
  void poll();
  void on_transferred();
  void on_error();
  void finish(ClientOutcome outcome, HResult result);
  ErrorReport read_error();

  Service& service_;
  Job& job_;
  ClientOptions options_;
  std::shared_ptr<Adapter> adapter_;
  std::optional<EventQueue::Id> poll_event_;
  ClientOutcome outcome_ = ClientOutcome::kRunning;
  HResult final_result_{};
  std::vector<ErrorReport> errors_;
  std::uint32_t resumes_ = 0;
  std::uint64_t polls_ = 0;
  std::shared_ptr<ReferenceClient*> alive_;
};

}  // namespace vssfault::bits

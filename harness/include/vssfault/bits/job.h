#pragma once
/// One BITS job, shaped like IBackgroundCopyJob + IBackgroundCopyJob2: Windows method names, HResult
/// returns, out-parameters by pointer. Jobs are created and owned by a bits::Service and live as long as
/// it does (a job in a final state stays readable but is no longer enumerated).
///
/// Which call is allowed in which state, and what it does, is the table of spec §6.4
/// (harness/bits/method_matrix.cpp). The transfer itself runs on the service's event queue: see
/// service.h for the state machine.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vssfault/bits/callback.h"
#include "vssfault/bits/error.h"
#include "vssfault/bits/transport.h"
#include "vssfault/bits/types.h"
#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/event_queue.h"

namespace vssfault::bits {

class Service;

class Job {
 public:
  Job(const Job&) = delete;
  Job& operator=(const Job&) = delete;
  ~Job();

  // --- Files -------------------------------------------------------------------------------------
  /// Adds one file. S_OK; BG_E_TOO_MANY_FILES for a second file in an upload job; BG_E_TOO_MANY_FILES_IN_JOB
  /// past MaxFilesPerJob; E_INVALIDARG for an empty or relative local name, an unsupported protocol
  /// (http, https, file:// and UNC for downloads; http and https for uploads); E_ACCESSDENIED for a
  /// read-only local directory [AF]; BG_E_INVALID_STATE in a final state (DECISION).
  HResult AddFile(std::string_view remote_url, std::string_view local_name);
  /// Adds several files, all or none: the first failing file's code, nothing added [WT:362-372].
  HResult AddFileSet(std::span<const FileSpec> files);
  /// The job's files in order, with progress (IEnumBackgroundCopyFiles). E_INVALIDARG for null.
  HResult EnumFiles(std::vector<FileInfo>* files) const;

  // --- State-changing methods (spec §6.4) --------------------------------------------------------
  HResult Suspend();
  HResult Resume();
  HResult Cancel();
  HResult Complete();

  // --- Reads ----------------------------------------------------------------------------------------
  HResult GetId(JobId* id) const;
  HResult GetType(JobType* type) const;
  HResult GetDisplayName(std::string* name) const;
  HResult GetProgress(JobProgress* progress) const;
  /// S_OK, or E_INVALIDARG for null [JGS]. Counts as a poll for the conformance checker.
  HResult GetState(JobState* state);
  /// S_OK with the current error object, or BG_E_ERROR_INFORMATION_UNAVAILABLE with *error reset [S5].
  HResult GetError(std::shared_ptr<const Error>* error) const;
  HResult GetErrorCount(std::uint32_t* errors) const;

  // --- Properties (BG_E_INVALID_STATE in a final state [NPT][MRD][SNF]) ---------------------------
  /// Values below 5 s are raised to 5 s [MRD].
  HResult SetMinimumRetryDelay(std::uint32_t seconds);
  HResult GetMinimumRetryDelay(std::uint32_t* seconds) const;
  /// 0 makes every error fatal [NPT].
  HResult SetNoProgressTimeout(std::uint32_t seconds);
  HResult GetNoProgressTimeout(std::uint32_t* seconds) const;
  /// E_NOTIMPL for a bit outside BG_NOTIFY_* [SNF].
  HResult SetNotifyFlags(std::uint32_t flags);
  HResult GetNotifyFlags(std::uint32_t* flags) const;
  /// Null removes the interface [SNF]. S_OK with null on a new job [WT:668-677].
  HResult SetNotifyInterface(std::shared_ptr<Callback> callback);
  HResult GetNotifyInterface(std::shared_ptr<Callback>* callback) const;

  // --- IBackgroundCopyJob2 (upload-reply) -----------------------------------------------------------
  /// E_NOTIMPL for DOWNLOAD and UPLOAD jobs, E_INVALIDARG for null [GRP].
  HResult GetReplyProgress(ReplyProgress* progress) const;
  /// Empty: BITS generates a name beside the upload file. BG_E_INVALID_STATE once the reply transfer has
  /// begun or in a final state; E_INVALIDARG for a relative name; E_ACCESSDENIED for a read-only
  /// directory; E_NOTIMPL for DOWNLOAD and UPLOAD jobs (DECISION) [SRFN].
  HResult SetReplyFileName(std::string_view name);
  HResult GetReplyFileName(std::string* name) const;

  // --- Model inspection (not part of the BITS API; never counted as client activity) --------------
  const std::string& name() const { return name_; }
  JobType type() const { return type_; }
  JobState state() const { return state_; }
  const JobId& id() const { return id_; }
  std::uint32_t error_count() const { return error_count_; }
  std::uint64_t attempts() const { return attempt_; }
  /// The trace actor of this job: "bits:<display name>" with spaces and '=' replaced by '_'.
  const std::string& actor() const { return actor_; }

 private:
  friend class Service;
  enum class Note : std::uint8_t { kTransferred, kError };

  Job(Service& service, JobId id, std::string name, JobType type);

  // job_api.cpp, job_properties.cpp
  void call_trace(std::string_view method, HResult result);
  /// Whether a test-only broken variant (ServiceSettings::broken, bits::broken) is on.
  bool is_broken(std::uint32_t flag) const;
  void touched();  // client activity: resets the inactivity timer, JobModification

  // job_engine.cpp (transitions, attempts, steps) and job_errors.cpp (errors, timers, network).
  void set_state(JobState to, std::string_view cause);
  void enter_queued(std::string_view cause);
  void start_attempt();
  void on_connected(const ConnectResult& result);
  void next_step();
  void on_step(const StepResult& result, Phase phase);
  void on_server_reply(const ReplyResult& result);
  void fail(const TransportError& error, JobState from);
  void trace_error(const TransportError& error);
  TransportError transport_threw(std::string_view point, std::string_view what);
  void enter_transient_error(std::shared_ptr<const Error> error, bool network_wait, std::string_view cause);
  void enter_error(std::string_view cause);
  void on_retry_timer();
  void on_no_progress_timer();
  void on_inactivity_timer();
  void progress_made();
  void start_no_progress_timer();
  void stop_no_progress_timer();
  void arm_inactivity_timer();
  void stop_work();
  void stop_all_timers();
  void network_went_down(std::string_view cause);
  void network_came_up();
  void client_restarted();
  std::shared_ptr<const Error> make_error(const TransportError& error) const;
  void set_error(std::shared_ptr<const Error> error);
  TransferSite site(Phase phase, bool first_step) const;
  bool all_files_done() const;
  std::optional<Instant> no_progress_deadline() const;
  EventQueue::Id schedule(Duration delay, std::string_view label, std::function<void(Job&)> fn);
  std::size_t current_file() const;  // first file not completed (files_.size() when all are)
  HResult add_files(std::span<const FileSpec> files, std::string_view method);
  void trace(std::string_view event,
             std::initializer_list<std::pair<std::string_view, std::string_view>> fields = {});

  // job_notify.cpp
  /// Whether entering `s` makes JobError due (ERROR [CBJE]); the one place broken::kJobErrorOnTransient acts.
  bool error_note_due(JobState s) const;
  void note_pending(Note note);
  void deliver(Note note);
  void schedule_delivery(Note note, Duration delay);
  void notify_modification();
  void notify_file_transferred(std::size_t index);
  bool flag_enabled(std::uint32_t flag) const;
  HResult call_contained(std::string_view method, const std::function<HResult()>& call);

  Service& service_;
  JobId id_;
  std::string name_;
  std::string actor_;
  JobType type_;
  JobState state_ = JobState::kSuspended;

  std::vector<FileInfo> files_;
  std::size_t files_at_transferred_ = 0;  // D13: files the job had when it last reached TRANSFERRED
  ReplyProgress reply_;
  std::string reply_file_name_;

  std::uint32_t minimum_retry_delay_s_;
  std::uint32_t no_progress_timeout_s_;
  std::uint32_t notify_flags_ = notify::kDefault;
  std::uint32_t error_count_ = 0;
  std::shared_ptr<Callback> callback_;
  std::shared_ptr<const Error> error_;  // the error object of the last ERROR/TRANSIENT_ERROR entry
  bool error_hidden_ = false;           // the client restarted since error_ was created [S5]

  std::uint64_t attempt_ = 0;
  bool retry_attempt_ = false;    // the current attempt left TRANSIENT_ERROR (ErrorCount rule [GEC])
  bool waiting_for_network_ = false;
  Instant slice_start_{};
  Phase phase_ = Phase::kDownload;   // what the current or last attempt is moving
  std::uint64_t step_attempt_ = 0;   // (attempt, file, phase) of the last transfer step: first_step
  std::size_t step_file_ = 0;
  Phase step_phase_ = Phase::kDownload;
  std::optional<Instant> no_progress_since_;
  std::uint32_t final_state_polls_ = 0;

  std::optional<EventQueue::Id> work_event_;
  std::optional<EventQueue::Id> retry_event_;
  std::optional<EventQueue::Id> no_progress_event_;
  std::optional<EventQueue::Id> inactivity_event_;
  std::optional<EventQueue::Id> modification_event_;
  std::optional<EventQueue::Id> note_event_[2];
  bool note_pending_[2] = {false, false};
  std::uint32_t note_failures_[2] = {0, 0};

  /// Events hold a weak reference: an event that outlives its job does nothing.
  std::shared_ptr<Job*> alive_;
};

}  // namespace vssfault::bits

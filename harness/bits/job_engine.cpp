// The job state machine on the event queue (spec §6.2): attempts, transfer steps, time slices, the
// upload-reply server phase, and the bookkeeping every transition shares.
#include <algorithm>
#include <exception>

#include "local_names.h"
#include "vssfault/bits/job.h"
#include "vssfault/bits/service.h"

namespace vssfault::bits {
namespace {



}  // namespace

Job::Job(Service& service, JobId id, std::string name, JobType type)
    : service_(service),
      id_(id),
      name_(std::move(name)),
      actor_(job_actor(name_)),
      type_(type),
      minimum_retry_delay_s_(std::max<std::uint32_t>(service.settings().default_minimum_retry_delay_s, 5)),
      no_progress_timeout_s_(service.settings().default_no_progress_timeout_s),
      alive_(std::make_shared<Job*>(this)) {
  arm_inactivity_timer();
}

Job::~Job() = default;

// --- Plumbing --------------------------------------------------------------------------------------------------

void Job::trace(std::string_view event, std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  service_.trace().add(service_.clock().now(), actor_, std::string(event), fields);
}

EventQueue::Id Job::schedule(Duration delay, std::string_view label, std::function<void(Job&)> fn) {
  std::weak_ptr<Job*> weak = alive_;
  return service_.queue().schedule_after(delay, actor_ + " " + std::string(label), [weak, fn = std::move(fn)] {
    if (auto self = weak.lock()) fn(**self);
  });
}

std::size_t Job::current_file() const {
  for (std::size_t i = 0; i < files_.size(); ++i) {
    if (!files_[i].progress.completed) return i;
  }
  return files_.size();
}

bool Job::all_files_done() const {
  const bool reply_done = type_ != JobType::kUploadReply ||
                          (reply_.bytes_total != kSizeUnknown && reply_.bytes_transferred >= reply_.bytes_total);
  return current_file() == files_.size() && reply_done;
}

std::optional<Instant> Job::no_progress_deadline() const {
  if (!no_progress_since_) return std::nullopt;
  return *no_progress_since_ + Duration::seconds(no_progress_timeout_s_);
}

TransferSite Job::site(Phase phase, bool first_step) const {
  TransferSite s;
  s.job_name = name_;
  s.job_type = type_;
  s.attempt = attempt_;
  s.phase = phase;
  s.first_step = first_step;
  if (phase == Phase::kReply) {
    s.file_index = 0;
    s.remote_name = files_.empty() ? std::string() : files_.front().remote_name;
    s.local_name = reply_file_name_;
    s.offset = reply_.bytes_transferred;
    s.total = reply_.bytes_total;
    return s;
  }
  const std::size_t i = std::min(current_file(), files_.empty() ? 0 : files_.size() - 1);
  s.file_index = i;
  if (!files_.empty()) {
    s.remote_name = files_[i].remote_name;
    s.local_name = files_[i].local_name;
    s.offset = files_[i].progress.bytes_transferred;
    s.total = files_[i].progress.bytes_total;
  }
  return s;
}

TransportError Job::transport_threw(std::string_view point, std::string_view what) {
  // A transport is user code too (a mock, a test double): contain the exception as a transient error.
  trace("transport-threw", {{"point", point}, {"what", what}});
  return TransportError{hr::E_FAIL, ErrorContext::kGeneralTransport, true, Duration(), ""};
}

void Job::set_error(std::shared_ptr<const Error> error) {
  error_ = std::move(error);
  error_hidden_ = false;
}

std::shared_ptr<const Error> Job::make_error(const TransportError& e) const {
  std::optional<FileInfo> file;
  const bool file_context = e.context == ErrorContext::kLocalFile || e.context == ErrorContext::kRemoteFile;
  if (file_context && !files_.empty()) {
    if (phase_ == Phase::kReply) {
      file = FileInfo{files_.front().remote_name, reply_file_name_,
                      FileProgress{reply_.bytes_total, reply_.bytes_transferred, false}};
    } else {
      file = files_[std::min(current_file(), files_.size() - 1)];
    }
  }
  std::optional<std::string> protocol;
  const bool protocol_context = e.context == ErrorContext::kRemoteFile ||
                                e.context == ErrorContext::kGeneralTransport ||
                                e.context == ErrorContext::kRemoteApplication;
  if (protocol_context && !files_.empty()) protocol = names::protocol_of(files_.front().remote_name);
  return std::make_shared<const Error>(e.code, e.context, std::move(file), std::move(protocol),
                                       service_.clock().now(), e.injected);
}

// --- Transitions -------------------------------------------------------------------------------------------

void Job::set_state(JobState to, std::string_view cause) {
  if (state_ == to) return;
  const JobState from = state_;
  state_ = to;
  trace("state", {{"from", to_string(from)}, {"to", to_string(to)}, {"cause", cause}});
  if (error_note_due(from)) note_pending_[static_cast<int>(Note::kError)] = false;
  if (from == JobState::kTransferred) note_pending_[static_cast<int>(Note::kTransferred)] = false;
  if (to == JobState::kTransferring && !is_broken(broken::kErrorObjectSurvivesTransfer)) error_.reset();  // D12 [S5]
  if (is_final(to)) {
    error_.reset();
    stop_all_timers();
    note_pending_[0] = note_pending_[1] = false;
    return;
  }
  // "If the job remains in an error state for 90 days … the service removes the job" [S5]: the
  // inactivity period of a job in ERROR counts from its entry into ERROR (DECISION).
  if (to == JobState::kError) arm_inactivity_timer();
  if (error_note_due(to)) {
    note_pending(Note::kError);
  } else if (to == JobState::kTransferred) {
    note_pending(Note::kTransferred);
  } else {
    notify_modification();  // no modification event for ERROR or TRANSFERRED [CBJM]
  }
}

void Job::enter_queued(std::string_view cause) {
  stop_work();
  set_state(JobState::kQueued, cause);
  work_event_ = schedule(service_.settings().queue_delay, "schedule", [](Job& j) { j.start_attempt(); });
}

void Job::start_attempt() {
  work_event_.reset();
  if (state_ != JobState::kQueued) return;
  if (!service_.network_up()) {
    network_went_down("network-down");
    return;
  }
  ++attempt_;
  phase_ = current_file() < files_.size() ? (is_upload(type_) ? Phase::kUpload : Phase::kDownload) : Phase::kReply;
  set_state(JobState::kConnecting, "scheduler");
  ConnectResult r;
  try {
    r = service_.transport().connect(site(phase_, true));
  } catch (const std::exception& ex) {
    r.error = transport_threw("connect", ex.what());
  } catch (...) {
    r.error = transport_threw("connect", "unknown exception");
  }
  const Duration wait = std::max(r.elapsed, Duration());
  work_event_ = schedule(wait, "connect", [r](Job& j) { j.on_connected(r); });
}

void Job::on_connected(const ConnectResult& result) {
  work_event_.reset();
  if (state_ != JobState::kConnecting) return;
  if (result.error) {
    fail(*result.error, JobState::kConnecting);
    return;
  }
  slice_start_ = service_.clock().now();
  set_state(JobState::kTransferring, "connected");
  next_step();
}

void Job::next_step() {
  if (state_ != JobState::kTransferring) return;
  const ServiceSettings& cfg = service_.settings();
  const Instant now = service_.clock().now();
  if (now > slice_start_ && now - slice_start_ >= cfg.time_slice) {  // at least one step per slice
    set_state(JobState::kQueued, "time-slice-end");
    work_event_ = schedule(cfg.queue_delay, "schedule", [](Job& j) { j.start_attempt(); });
    return;
  }
  const std::size_t index = current_file();
  Phase phase;
  if (index < files_.size()) {
    phase = is_upload(type_) ? Phase::kUpload : Phase::kDownload;
  } else if (!all_files_done()) {
    phase = Phase::kReply;
    if (reply_.bytes_total == kSizeUnknown) {  // the upload is done: the server application runs
      phase_ = Phase::kReply;
      ReplyResult r;
      try {
        r = service_.transport().server_reply(site(Phase::kReply, true));
      } catch (const std::exception& ex) {
        r.error = transport_threw("server_reply", ex.what());
      } catch (...) {
        r.error = transport_threw("server_reply", "unknown exception");
      }
      work_event_ = schedule(std::max(r.elapsed, Duration()), "server-reply", [r](Job& j) { j.on_server_reply(r); });
      return;
    }
  } else {
    files_at_transferred_ = files_.size();
    set_state(JobState::kTransferred, "all-files-transferred");
    return;
  }
  phase_ = phase;
  const bool first = !(step_attempt_ == attempt_ && step_file_ == index && step_phase_ == phase);
  step_attempt_ = attempt_;
  step_file_ = index;
  step_phase_ = phase;
  const TransferSite s = site(phase, first);
  const Duration budget = std::max(cfg.transfer_step, Duration::ms(1));
  StepResult r;
  try {
    r = service_.transport().transfer(s, budget);
  } catch (const std::exception& ex) {
    r.error = transport_threw("transfer", ex.what());
  } catch (...) {
    r.error = transport_threw("transfer", "unknown exception");
  }
  Duration wait = std::max(r.elapsed, Duration());
  const std::uint64_t total = s.total != kSizeUnknown ? s.total : r.total;
  const bool completes = total != kSizeUnknown && s.offset + std::min(r.bytes, total - std::min(total, s.offset)) >= total;
  // A step that moves nothing, finishes nothing and fails nothing must still take time, or virtual time
  // would stand still.
  if (wait == Duration() && r.bytes == 0 && !r.error && !completes) wait = budget;
  work_event_ = schedule(wait, "transfer", [r, phase](Job& j) { j.on_step(r, phase); });
}

void Job::on_step(const StepResult& result, Phase phase) {
  work_event_.reset();
  if (state_ != JobState::kTransferring) return;
  std::uint64_t* total = nullptr;
  std::uint64_t* done = nullptr;
  const std::size_t index = current_file();
  if (phase == Phase::kReply) {
    total = &reply_.bytes_total;
    done = &reply_.bytes_transferred;
  } else if (index < files_.size()) {
    total = &files_[index].progress.bytes_total;
    done = &files_[index].progress.bytes_transferred;
  }
  if (total != nullptr) {
    if (*total == kSizeUnknown && result.total != kSizeUnknown) *total = result.total;
    const std::uint64_t room = *total == kSizeUnknown ? result.bytes : *total - std::min(*total, *done);
    const std::uint64_t moved = std::min(result.bytes, room);
    *done += moved;
    if (moved > 0) progress_made();
    if (*total != kSizeUnknown && *done >= *total) {
      progress_made();
      if (phase == Phase::kReply) {
        trace("reply-transferred", {{"bytes", std::to_string(*total)}});
      } else {
        files_[index].progress.completed = true;
        trace("file-transferred", {{"index", std::to_string(index)}, {"bytes", std::to_string(*total)}});
        notify_file_transferred(index);
      }
    }
  }
  if (result.error) {
    fail(*result.error, JobState::kTransferring);
    return;
  }
  next_step();
}

void Job::on_server_reply(const ReplyResult& result) {
  work_event_.reset();
  if (state_ != JobState::kTransferring) return;
  if (result.error) {
    fail(*result.error, JobState::kTransferring);
    return;
  }
  reply_ = ReplyProgress{result.reply_size, 0};
  trace("reply-begun", {{"bytes", std::to_string(result.reply_size)}});
  progress_made();
  next_step();
}

}  // namespace vssfault::bits

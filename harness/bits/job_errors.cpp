// The job's error paths and timers (spec §6.2, §6.3): transient and fatal errors, ErrorCount, the retry,
// no-progress and inactivity timers, network outages and client restarts.
#include <algorithm>

#include "vssfault/bits/job.h"
#include "vssfault/bits/service.h"

namespace vssfault::bits {

// --- Errors ----------------------------------------------------------------------------------------------------

void Job::trace_error(const TransportError& error) {
  TraceRecord r{service_.clock().now(), actor_, "error", {}};
  r.fields.reserve(5);
  r.fields.push_back({"code", error.code.name()});
  r.fields.push_back({"context", std::string(to_string(error.context))});
  r.fields.push_back({"transient", error.transient ? "true" : "false"});
  r.fields.push_back({"error_count", std::to_string(error_count_)});
  if (!error.injected.empty()) r.fields.push_back({"injected", error.injected});
  service_.trace().add(std::move(r));
}

void Job::fail(const TransportError& error, JobState from) {
  stop_work();
  if (error.code == hr::BG_E_NETWORK_DISCONNECTED) {
    // Not an error of the job: the machine's network is down [RV]; no count [GEC], no timer retry [JS].
    trace_error(error);
    service_.network_disconnected_by_transport(error.network_down_for);
    if (is_active(state_)) network_went_down("network-disconnected");
    return;
  }
  if (from == JobState::kTransferring || retry_attempt_) ++error_count_;  // [GEC]
  set_error(make_error(error));
  const auto deadline = no_progress_deadline();
  std::string_view cause = "transient-error";
  bool fatal = false;
  if (!error.transient) {
    cause = "fatal-error";
    fatal = true;
  } else if (no_progress_timeout_s_ == 0) {
    cause = "no-progress-timeout-zero";  // "force the job into ERROR for all errors" [NPT]
    fatal = true;
  } else if (deadline && service_.clock().now() >= *deadline) {
    cause = "no-progress-timeout";
    fatal = true;
  }
  trace_error(error);
  if (fatal) {
    enter_error(cause);
  } else {
    enter_transient_error(error_, false, cause);
  }
}

void Job::enter_transient_error(std::shared_ptr<const Error> error, bool network_wait, std::string_view cause) {
  stop_work();
  set_error(std::move(error));
  waiting_for_network_ = network_wait;
  if (retry_event_) service_.queue().cancel(*retry_event_);
  retry_event_.reset();
  set_state(JobState::kTransientError, cause);
  if (network_wait) return;  // resumes when the network comes back, not by timer [JS][MRD]
  if (!no_progress_since_) start_no_progress_timer();
  const Duration delay = Duration::seconds(minimum_retry_delay_s_);
  const auto deadline = no_progress_deadline();
  if (deadline && service_.clock().now() + delay >= *deadline) {
    // "If MinimumRetryDelay > NoProgressTimeout, BITS will not retry" [MRD]: no retry falls at or past
    // the deadline; the no-progress timer moves the job to ERROR.
    trace("no-retry", {{"retry_at", (service_.clock().now() + delay).to_string()},
                       {"deadline", deadline->to_string()}});
    return;
  }
  retry_event_ = schedule(delay, "retry", [](Job& j) { j.on_retry_timer(); });
}

void Job::enter_error(std::string_view cause) {
  stop_work();
  if (retry_event_) service_.queue().cancel(*retry_event_);
  retry_event_.reset();
  stop_no_progress_timer();
  waiting_for_network_ = false;
  set_state(JobState::kError, cause);
}

void Job::on_retry_timer() {
  retry_event_.reset();
  if (state_ != JobState::kTransientError || waiting_for_network_) return;
  retry_attempt_ = true;
  enter_queued("retry");
}

void Job::on_no_progress_timer() {
  no_progress_event_.reset();
  // In an attempt the next failure is fatal (fail() compares with the deadline); while waiting for the
  // network the job is not failing, so it waits too (DECISION).
  if (state_ == JobState::kTransientError && !waiting_for_network_) enter_error("no-progress-timeout");
}

void Job::start_no_progress_timer() {
  no_progress_since_ = service_.clock().now();
  if (no_progress_event_) service_.queue().cancel(*no_progress_event_);
  no_progress_event_ = schedule(Duration::seconds(no_progress_timeout_s_), "no-progress-timeout",
                                [](Job& j) { j.on_no_progress_timer(); });
}

void Job::stop_no_progress_timer() {
  if (no_progress_event_) service_.queue().cancel(*no_progress_event_);
  no_progress_event_.reset();
  no_progress_since_.reset();
}

void Job::progress_made() {
  if (!is_broken(broken::kProgressKeepsNoProgressTimer)) stop_no_progress_timer();  // "progress resets it" [NPT]
  arm_inactivity_timer();    // "transfer progress … reset[s] the timer" [GP]
  notify_modification();
}

void Job::arm_inactivity_timer() {
  if (inactivity_event_) service_.queue().cancel(*inactivity_event_);
  inactivity_event_.reset();
  if (is_final(state_)) return;
  inactivity_event_ = schedule(service_.settings().job_inactivity_timeout, "inactivity-timeout",
                               [](Job& j) { j.on_inactivity_timer(); });
}

void Job::on_inactivity_timer() {
  inactivity_event_.reset();
  if (!is_final(state_)) set_state(JobState::kCancelled, "job-inactivity-timeout");  // [GP][S5]
}

void Job::stop_work() {
  if (work_event_) service_.queue().cancel(*work_event_);
  work_event_.reset();
}

void Job::stop_all_timers() {
  stop_work();
  for (auto* ev : {&retry_event_, &no_progress_event_, &inactivity_event_, &modification_event_, &note_event_[0],
                   &note_event_[1]}) {
    if (*ev) service_.queue().cancel(**ev);
    ev->reset();
  }
  no_progress_since_.reset();
}

// --- Machine-wide events ---------------------------------------------------------------------------------------

void Job::network_went_down(std::string_view cause) {
  if (!is_active(state_)) return;
  TransportError e{hr::BG_E_NETWORK_DISCONNECTED, ErrorContext::kGeneralTransport, true, Duration(), ""};
  enter_transient_error(make_error(e), true, cause);
}

void Job::network_came_up() {
  if (state_ != JobState::kTransientError || !waiting_for_network_) return;
  waiting_for_network_ = false;
  enter_queued("network-up");
}

void Job::client_restarted() {
  error_hidden_ = true;  // "until your application exits" [S5]
  callback_.reset();     // "BITS does not persist the notify interface" [SNI]
}

}  // namespace vssfault::bits

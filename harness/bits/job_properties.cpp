// The IBackgroundCopyJob reads and property setters, and IBackgroundCopyJob2's reply methods.
#include <algorithm>

#include "local_names.h"
#include "method_matrix.h"
#include "vssfault/bits/job.h"
#include "vssfault/bits/service.h"

namespace vssfault::bits {

// --- Reads ---------------------------------------------------------------------------------------------------

HResult Job::GetId(JobId* id) const {
  if (id == nullptr) return hr::E_INVALIDARG;
  *id = id_;
  return hr::S_OK;
}

HResult Job::GetType(JobType* type) const {
  if (type == nullptr) return hr::E_INVALIDARG;
  *type = type_;
  return hr::S_OK;
}

HResult Job::GetDisplayName(std::string* name) const {
  if (name == nullptr) return hr::E_INVALIDARG;
  *name = name_;
  return hr::S_OK;
}

HResult Job::GetProgress(JobProgress* progress) const {
  if (progress == nullptr) return hr::E_INVALIDARG;
  JobProgress p;
  for (const auto& f : files_) {
    ++p.files_total;
    if (f.progress.completed) ++p.files_transferred;
    p.bytes_transferred += f.progress.bytes_transferred;
    if (p.bytes_total != kSizeUnknown) {
      p.bytes_total = f.progress.bytes_total == kSizeUnknown ? kSizeUnknown : p.bytes_total + f.progress.bytes_total;
    }
  }
  *progress = p;
  return hr::S_OK;
}

HResult Job::GetState(JobState* state) {
  if (state == nullptr) return hr::E_INVALIDARG;
  if (is_final(state_) && ++final_state_polls_ == 2) {
    service_.checker().record(service_.clock().now(), actor_, rules::kPollFinalState,
                              "GetState polled again on job '" + name_ + "' in final state " +
                                  std::string(to_string(state_)));
  }
  *state = state_;
  return hr::S_OK;
}

HResult Job::GetError(std::shared_ptr<const Error>* error) const {
  if (error == nullptr) return hr::E_INVALIDARG;
  if (!error_ || error_hidden_) {
    error->reset();
    return hr::BG_E_ERROR_INFORMATION_UNAVAILABLE;
  }
  *error = error_;
  return hr::S_OK;
}

HResult Job::GetErrorCount(std::uint32_t* errors) const {
  if (errors == nullptr) return hr::E_INVALIDARG;
  *errors = error_count_;
  return hr::S_OK;
}

// --- Properties ------------------------------------------------------------------------------------------------

HResult Job::SetMinimumRetryDelay(std::uint32_t seconds) {
  HResult r = hr::S_OK;
  if (effect(Verb::kSetProperty, state_) == Effect::kInvalidState) {
    r = hr::BG_E_INVALID_STATE;
  } else {
    minimum_retry_delay_s_ = std::max<std::uint32_t>(seconds, 5);  // "raised to 5" [MRD]
    touched();
  }
  call_trace("SetMinimumRetryDelay", r);
  return r;
}

HResult Job::GetMinimumRetryDelay(std::uint32_t* seconds) const {
  if (seconds == nullptr) return hr::E_INVALIDARG;
  *seconds = minimum_retry_delay_s_;
  return hr::S_OK;
}

HResult Job::SetNoProgressTimeout(std::uint32_t seconds) {
  HResult r = hr::S_OK;
  if (effect(Verb::kSetProperty, state_) == Effect::kInvalidState) {
    r = hr::BG_E_INVALID_STATE;
  } else {
    no_progress_timeout_s_ = seconds;
    if (no_progress_since_) {
      // A running timer keeps its start; only the deadline moves (DECISION).
      if (no_progress_event_) service_.queue().cancel(*no_progress_event_);
      const Instant deadline = *no_progress_since_ + Duration::seconds(seconds);
      const Duration wait = deadline > service_.clock().now() ? deadline - service_.clock().now() : Duration();
      no_progress_event_ = schedule(wait, "no-progress-timeout", [](Job& j) { j.on_no_progress_timer(); });
    }
    touched();
  }
  call_trace("SetNoProgressTimeout", r);
  return r;
}

HResult Job::GetNoProgressTimeout(std::uint32_t* seconds) const {
  if (seconds == nullptr) return hr::E_INVALIDARG;
  *seconds = no_progress_timeout_s_;
  return hr::S_OK;
}

HResult Job::SetNotifyFlags(std::uint32_t flags) {
  HResult r = hr::S_OK;
  if (effect(Verb::kSetProperty, state_) == Effect::kInvalidState) {
    r = hr::BG_E_INVALID_STATE;
  } else if ((flags & ~notify::kValidMask) != 0) {
    r = hr::E_NOTIMPL;
  } else {
    notify_flags_ = flags;
    for (Note n : {Note::kTransferred, Note::kError}) {
      if (note_pending_[static_cast<int>(n)]) schedule_delivery(n, Duration());
    }
    touched();
  }
  call_trace("SetNotifyFlags", r);
  return r;
}

HResult Job::GetNotifyFlags(std::uint32_t* flags) const {
  if (flags == nullptr) return hr::E_INVALIDARG;
  *flags = notify_flags_;
  return hr::S_OK;
}

HResult Job::SetNotifyInterface(std::shared_ptr<Callback> callback) {
  HResult r = hr::S_OK;
  if (effect(Verb::kSetProperty, state_) == Effect::kInvalidState) {
    r = hr::BG_E_INVALID_STATE;
  } else {
    callback_ = std::move(callback);
    if (callback_) {
      for (Note n : {Note::kTransferred, Note::kError}) {
        if (note_pending_[static_cast<int>(n)]) schedule_delivery(n, Duration());
      }
    }
    touched();
  }
  call_trace("SetNotifyInterface", r);
  return r;
}

HResult Job::GetNotifyInterface(std::shared_ptr<Callback>* callback) const {
  if (callback == nullptr) return hr::E_INVALIDARG;
  *callback = callback_;
  return hr::S_OK;
}

// --- IBackgroundCopyJob2 -----------------------------------------------------------------------------------------

HResult Job::GetReplyProgress(ReplyProgress* progress) const {
  if (type_ != JobType::kUploadReply) return hr::E_NOTIMPL;
  if (progress == nullptr) return hr::E_INVALIDARG;
  *progress = reply_;
  return hr::S_OK;
}

HResult Job::SetReplyFileName(std::string_view name) {
  const HResult r = [&] {
    if (type_ != JobType::kUploadReply) return hr::E_NOTIMPL;
    if (effect(Verb::kSetProperty, state_) == Effect::kInvalidState) return hr::BG_E_INVALID_STATE;
    // "the method fails if the download [of the reply] has begun" [SRFN].
    if (reply_.bytes_total != kSizeUnknown) return hr::BG_E_INVALID_STATE;
    if (name.empty()) {
      reply_file_name_.clear();
      if (!files_.empty()) reply_file_name_ = files_.front().local_name + ".reply";
      return hr::S_OK;
    }
    if (!names::valid_local_name(name)) return hr::E_INVALIDARG;
    if (names::read_only(service_.local_files(), name)) return hr::E_ACCESSDENIED;
    reply_file_name_ = std::string(name);
    return hr::S_OK;
  }();
  if (r == hr::S_OK) touched();
  call_trace("SetReplyFileName", r);
  return r;
}

HResult Job::GetReplyFileName(std::string* name) const {
  if (type_ != JobType::kUploadReply) return hr::E_NOTIMPL;
  if (name == nullptr) return hr::E_INVALIDARG;
  *name = reply_file_name_;
  return hr::S_OK;
}

}  // namespace vssfault::bits

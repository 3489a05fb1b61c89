// The IBackgroundCopyJob methods that add files or change the state: argument checks, the §6.4 matrix
// lookup, and the hand-over to the state machine (job_engine.cpp).
#include "local_names.h"
#include "method_matrix.h"
#include "vssfault/bits/job.h"
#include "vssfault/bits/service.h"

namespace vssfault::bits {
namespace {

using names::Scheme;

HResult validate(JobType type, const FileSpec& f, const LocalFiles& lf) {
  const Scheme scheme = names::scheme_of(f.remote_name);
  if (scheme == Scheme::kNone) return hr::E_INVALIDARG;
  if (is_upload(type) && scheme != Scheme::kHttp) return hr::E_INVALIDARG;  // uploads are HTTP only
  if (!names::valid_local_name(f.local_name)) return hr::E_INVALIDARG;
  if (names::read_only(lf, f.local_name)) return hr::E_ACCESSDENIED;
  return hr::S_OK;
}

}  // namespace

void Job::call_trace(std::string_view method, HResult result) {
  trace("call", {{"method", method}, {"result", result.name()}});
}

bool Job::is_broken(std::uint32_t flag) const { return (service_.settings().broken & flag) != 0; }

void Job::touched() {
  arm_inactivity_timer();
  notify_modification();
}

// --- Files ---------------------------------------------------------------------------------------------

HResult Job::add_files(std::span<const FileSpec> files, std::string_view method) {
  const HResult r = [&] {
    if (effect(Verb::kSetProperty, state_) == Effect::kInvalidState) return hr::BG_E_INVALID_STATE;
    if (files.empty()) return hr::E_INVALIDARG;
    for (const auto& f : files) {
      if (HResult v = validate(type_, f, service_.local_files()); v != hr::S_OK) return v;
    }
    if (is_upload(type_) && files_.size() + files.size() > 1) return hr::BG_E_TOO_MANY_FILES;
    if (files_.size() + files.size() > service_.settings().max_files_per_job) return hr::BG_E_TOO_MANY_FILES_IN_JOB;
    for (const auto& f : files) files_.push_back(FileInfo{f.remote_name, f.local_name, {}});
    touched();
    return hr::S_OK;
  }();
  call_trace(method, r);
  return r;
}

HResult Job::AddFile(std::string_view remote_url, std::string_view local_name) {
  const FileSpec spec{std::string(remote_url), std::string(local_name)};
  return add_files(std::span<const FileSpec>(&spec, 1), "AddFile");
}

HResult Job::AddFileSet(std::span<const FileSpec> files) { return add_files(files, "AddFileSet"); }

HResult Job::EnumFiles(std::vector<FileInfo>* files) const {
  if (files == nullptr) return hr::E_INVALIDARG;
  *files = files_;
  return hr::S_OK;
}

// --- State-changing methods ------------------------------------------------------------------------------

HResult Job::Suspend() {
  HResult r = hr::S_OK;
  switch (effect(Verb::kSuspend, state_)) {
    case Effect::kInvalidState: r = hr::BG_E_INVALID_STATE; break;
    case Effect::kNoChange: break;
    default:
      stop_work();
      if (retry_event_) service_.queue().cancel(*retry_event_);
      retry_event_.reset();
      stop_no_progress_timer();
      waiting_for_network_ = false;
      retry_attempt_ = false;
      set_state(JobState::kSuspended, "Suspend");
  }
  if (r == hr::S_OK) touched();
  call_trace("Suspend", r);
  return r;
}

HResult Job::Resume() {
  HResult r = hr::S_OK;
  const bool restart_final = is_final(state_) && is_broken(broken::kResumeFromFinal);
  switch (restart_final ? Effect::kRetryNow : effect(Verb::kResume, state_)) {
    case Effect::kInvalidState: r = hr::BG_E_INVALID_STATE; break;
    case Effect::kNoChange: break;
    case Effect::kStartIfFiles:
      if (files_.empty()) {
        r = hr::BG_E_EMPTY;
        break;
      }
      if (type_ == JobType::kUploadReply && reply_file_name_.empty()) {
        // "BITS generates the file name … in the same directory as the local upload file" [SRFN].
        reply_file_name_ = files_.front().local_name + ".reply";
      }
      retry_attempt_ = false;
      enter_queued("Resume");
      break;
    case Effect::kRetryNow:
      if (retry_event_) service_.queue().cancel(*retry_event_);
      retry_event_.reset();
      // From ERROR the client has fixed the cause: a fresh start. From TRANSIENT_ERROR it is an early
      // retry [MRD]: the no-progress timer keeps running and a failure counts [GEC].
      retry_attempt_ = state_ == JobState::kTransientError;
      if (state_ == JobState::kError) stop_no_progress_timer();
      waiting_for_network_ = false;
      enter_queued("Resume");
      break;
    case Effect::kRestartIfNewFiles:
      if (files_.size() > files_at_transferred_) {
        retry_attempt_ = false;
        enter_queued("Resume");
      } else {
        r = hr::BG_E_EMPTY;
      }
      break;
    default: r = hr::E_UNEXPECTED;
  }
  if (r == hr::S_OK) touched();
  call_trace("Resume", r);
  return r;
}

HResult Job::Cancel() {
  HResult r = hr::S_OK;
  if (effect(Verb::kCancel, state_) == Effect::kInvalidState) {
    r = hr::BG_E_INVALID_STATE;
  } else {
    set_state(JobState::kCancelled, "Cancel");
    if (service_.local_files().temp_delete_fails) r = hr::BG_S_UNABLE_TO_DELETE_FILES;
  }
  call_trace("Cancel", r);
  return r;
}

HResult Job::Complete() {
  const Verb verb = is_upload(type_) ? Verb::kCompleteUpload : Verb::kCompleteDownload;
  if (is_upload(type_) && !is_final(state_) && state_ != JobState::kTransferred) {
    service_.checker().record(service_.clock().now(), actor_, rules::kCompleteUnfinishedUpload,
                              "Complete on " + std::string(to_string(type_)) + " job '" + name_ + "' in state " +
                                  std::string(to_string(state_)));
  }
  HResult r = hr::S_OK;
  if (effect(verb, state_) == Effect::kInvalidState) {
    r = hr::BG_E_INVALID_STATE;
  } else if (type_ != JobType::kUpload && service_.local_files().rename_error != hr::S_OK) {
    // The temporary files cannot be renamed: the job stays where it is [JCO].
    r = service_.local_files().rename_error;
  } else {
    const bool all = all_files_done();
    set_state(JobState::kAcknowledged, "Complete");
    if (!all) {
      r = service_.local_files().temp_delete_fails ? hr::BG_S_UNABLE_TO_DELETE_FILES : hr::BG_S_PARTIAL_COMPLETE;
    }
  }
  call_trace("Complete", r);
  return r;
}

}  // namespace vssfault::bits

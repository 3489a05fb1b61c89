// Notifications to the client's IBackgroundCopyCallback [CBJE][CBJT][CBJM][SNF][SNI]: when they are due,
// how often they are repeated, and how a misbehaving callback is contained.
#include <exception>

#include "vssfault/bits/job.h"
#include "vssfault/bits/service.h"

namespace vssfault::bits {
namespace {

std::string_view method_of(int note) { return note == 0 ? "JobTransferred" : "JobError"; }

}  // namespace

bool Job::error_note_due(JobState s) const {
  // JobError is for ERROR only: "transient errors do not generate JobError calls" [CBJE].
  return s == JobState::kError || (s == JobState::kTransientError && is_broken(broken::kJobErrorOnTransient));
}

bool Job::flag_enabled(std::uint32_t flag) const {
  return (notify_flags_ & notify::kDisable) == 0 && (notify_flags_ & flag) != 0;  // DISABLE wins [SNF]
}

HResult Job::call_contained(std::string_view method, const std::function<HResult()>& call) {
  std::string what;
  try {
    return call();
  } catch (const std::exception& ex) {
    what = ex.what();
  } catch (...) {
    what = "unknown exception";
  }
  trace("callback-threw", {{"callback", method}, {"what", what}});
  service_.checker().record(service_.clock().now(), actor_, rules::kCallbackThrew,
                            std::string(method) + " of job '" + name_ + "' threw: " + what);
  return hr::E_FAIL;  // a throw counts as a failure return
}

void Job::note_pending(Note note) {
  const int n = static_cast<int>(note);
  note_pending_[n] = true;
  note_failures_[n] = 0;
  schedule_delivery(note, Duration());
}

void Job::schedule_delivery(Note note, Duration delay) {
  const int n = static_cast<int>(note);
  if (note_event_[n]) return;  // one delivery at a time per event
  note_event_[n] = schedule(delay, std::string(method_of(n)), [note, n](Job& j) {
    j.note_event_[n].reset();
    j.deliver(note);
  });
}

void Job::deliver(Note note) {
  const int n = static_cast<int>(note);
  const auto due = [this, note] { return note == Note::kError ? error_note_due(state_) : state_ == JobState::kTransferred; };
  if (!note_pending_[n]) return;
  if (!due()) {
    note_pending_[n] = false;
    return;
  }
  const std::uint32_t flag = note == Note::kError ? notify::kJobError : notify::kJobTransferred;
  // Without an interface or flag the event stays pending: delivered once the client registers [SNI].
  if (!flag_enabled(flag) || !callback_) return;
  const std::shared_ptr<Callback> callback = callback_;
  const std::shared_ptr<const Error> error = error_;
  const std::string_view method = method_of(n);
  const HResult r = call_contained(method, [&] {
    if (note == Note::kError) {
      if (!error) return hr::E_UNEXPECTED;  // cannot happen: ERROR is always entered with an error object
      return callback->JobError(*this, *error);
    }
    return callback->JobTransferred(*this);
  });
  trace("notify", {{"callback", method}, {"result", r.name()}});
  if (r == hr::S_OK) {
    note_pending_[n] = false;
    return;
  }
  // "Otherwise, BITS continues to call this method until S_OK is returned" [CBJE][CBJT].
  if (++note_failures_[n] == service_.settings().callback_failures_tolerated + 1) {
    service_.checker().record(service_.clock().now(), actor_, rules::kCallbackRepeatedFailure,
                              std::string(method) + " of job '" + name_ + "' failed " +
                                  std::to_string(note_failures_[n]) + " times");
  }
  if (due() && note_pending_[n]) {
    schedule_delivery(note, service_.settings().callback_retry_interval);
  } else {
    note_pending_[n] = false;
  }
}

void Job::notify_modification() {
  if (!flag_enabled(notify::kJobModification) || !callback_ || modification_event_ || is_final(state_)) return;
  modification_event_ = schedule(Duration(), "JobModification", [](Job& j) {
    j.modification_event_.reset();
    if (!j.callback_ || !j.flag_enabled(notify::kJobModification) || is_final(j.state_)) return;
    const std::shared_ptr<Callback> callback = j.callback_;
    const HResult r = j.call_contained("JobModification", [&] { return callback->JobModification(j, 0); });
    j.trace("notify", {{"callback", "JobModification"}, {"result", r.name()}});
  });
}

void Job::notify_file_transferred(std::size_t index) {
  if (!flag_enabled(notify::kFileTransferred) || !callback_) return;
  schedule(Duration(), "FileTransferred", [index](Job& j) {
    if (!j.callback_ || index >= j.files_.size() || is_final(j.state_)) return;
    const std::shared_ptr<Callback> callback = j.callback_;
    const FileInfo file = j.files_[index];
    const HResult r = j.call_contained("FileTransferred", [&] { return callback->FileTransferred(j, file); });
    j.trace("notify", {{"callback", "FileTransferred"}, {"index", std::to_string(index)}, {"result", r.name()}});
  });
}

}  // namespace vssfault::bits

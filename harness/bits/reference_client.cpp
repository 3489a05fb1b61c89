#include "vssfault/bits/reference_client.h"

#include "vssfault/bits/job.h"
#include "vssfault/bits/service.h"

namespace vssfault::bits {

/// The client's IBackgroundCopyCallback: always returns S_OK, as [CBJE] recommends, and handles the
/// event in the client.
class ReferenceClient::Adapter : public Callback {
 public:
  explicit Adapter(ReferenceClient* client) : client_(client) {}
  void detach() { client_ = nullptr; }
  HResult JobTransferred(Job& /*job*/) override {
    if (client_ != nullptr) client_->on_transferred();
    return hr::S_OK;
  }
  HResult JobError(Job& /*job*/, const Error& /*error*/) override {
    if (client_ != nullptr) client_->on_error();
    return hr::S_OK;
  }
  HResult JobModification(Job& /*job*/, std::uint32_t /*reserved*/) override { return hr::S_OK; }

 private:
  ReferenceClient* client_;
};

std::string_view to_string(ClientOutcome outcome) {
  switch (outcome) {
    case ClientOutcome::kRunning: return "running";
    case ClientOutcome::kCompleted: return "completed";
    case ClientOutcome::kPartial: return "partial";
    case ClientOutcome::kCancelled: return "cancelled";
    case ClientOutcome::kLost: return "lost";
    case ClientOutcome::kFailed: return "failed";
  }
  return "?";
}

ReferenceClient::ReferenceClient(Service& service, Job& job, ClientOptions options)
    : service_(service), job_(job), options_(std::move(options)), alive_(std::make_shared<ReferenceClient*>(this)) {}

ReferenceClient::~ReferenceClient() {
  if (adapter_) adapter_->detach();
}

HResult ReferenceClient::start() {
  if (options_.mode == WatchMode::kCallback) {
    adapter_ = std::make_shared<Adapter>(this);
    job_.SetNotifyFlags(notify::kJobTransferred | notify::kJobError);
    job_.SetNotifyInterface(adapter_);
  }
  const HResult r = job_.Resume();
  if (r.failed()) {
    finish(ClientOutcome::kFailed, r);
    return r;
  }
  if (options_.mode == WatchMode::kPoll) {
    std::weak_ptr<ReferenceClient*> weak = alive_;
    poll_event_ = service_.queue().schedule_after(options_.poll_interval, "bits-client poll", [weak] {
      if (auto self = weak.lock()) (*self)->poll();
    });
  }
  return r;
}

void ReferenceClient::poll() {
  poll_event_.reset();
  if (outcome_ != ClientOutcome::kRunning) return;
  ++polls_;
  JobState state{};
  job_.GetState(&state);
  if (state == JobState::kTransferred) {
    on_transferred();
  } else if (state == JobState::kError) {
    on_error();
  } else if (is_final(state)) {
    finish(ClientOutcome::kLost, hr::S_OK);  // e.g. cancelled by JobInactivityTimeout; stop polling [LC]
  }
  if (outcome_ != ClientOutcome::kRunning) return;
  std::weak_ptr<ReferenceClient*> weak = alive_;
  poll_event_ = service_.queue().schedule_after(options_.poll_interval, "bits-client poll", [weak] {
    if (auto self = weak.lock()) (*self)->poll();
  });
}

void ReferenceClient::on_transferred() {
  if (outcome_ != ClientOutcome::kRunning) return;
  const HResult r = job_.Complete();
  finish(r == hr::S_OK ? ClientOutcome::kCompleted
                       : r == hr::BG_S_PARTIAL_COMPLETE ? ClientOutcome::kPartial
                       : r.failed() ? ClientOutcome::kFailed : ClientOutcome::kCompleted,
         r);
}

ErrorReport ReferenceClient::read_error() {
  ErrorReport report;
  report.time = service_.clock().now();
  std::shared_ptr<const Error> error;
  if (job_.GetError(&error) != hr::S_OK || !error) return report;
  error->GetError(&report.context, &report.code);
  error->GetFile(&report.file);
  error->GetProtocol(&report.protocol);
  error->GetErrorDescription(kLangEnglishUs, &report.description);
  error->GetErrorContextDescription(kLangEnglishUs, &report.context_description);
  return report;
}

void ReferenceClient::on_error() {
  if (outcome_ != ClientOutcome::kRunning) return;
  errors_.push_back(read_error());
  ErrorPolicy policy = options_.on_error;
  // "you cannot complete a portion of an upload job" [CBJE]: an upload in ERROR can only be cancelled.
  if (policy == ErrorPolicy::kComplete && is_upload(job_.type())) policy = ErrorPolicy::kCancel;
  if (policy == ErrorPolicy::kFixAndResume && resumes_ >= options_.max_resumes) policy = ErrorPolicy::kCancel;
  switch (policy) {
    case ErrorPolicy::kCancel: {
      const HResult r = job_.Cancel();
      finish(r.failed() ? ClientOutcome::kFailed : ClientOutcome::kCancelled, r);
      break;
    }
    case ErrorPolicy::kComplete: {
      const HResult r = job_.Complete();
      finish(r == hr::BG_S_PARTIAL_COMPLETE ? ClientOutcome::kPartial
                                            : r.failed() ? ClientOutcome::kFailed : ClientOutcome::kCompleted,
             r);
      break;
    }
    case ErrorPolicy::kFixAndResume: {
      if (options_.fix) options_.fix(job_, errors_.back());
      ++resumes_;
      const HResult r = job_.Resume();
      if (r.failed()) finish(ClientOutcome::kFailed, r);
      break;
    }
  }
}

void ReferenceClient::finish(ClientOutcome outcome, HResult result) {
  outcome_ = outcome;
  final_result_ = result;
  if (poll_event_) service_.queue().cancel(*poll_event_);
  poll_event_.reset();
}

}  // namespace vssfault::bits

#include "session.h"

#include <utility>

#include "vssfault/requester/reference_requester.h"

namespace vssfault::requester::detail {

using BC = vss::BackupComponents;

Session::Session(vss::System& system, const Policy& policy, const BackupRequest& request, Attempt& attempt)
    : system_(system), policy_(policy), request_(request), attempt_(attempt) {}

void Session::Run() {
  attempt_.start = system_.clock().now();
  bc_ = system_.CreateVssBackupComponents(policy_.client);
  attempt_.requester = bc_->id();
  if (Sequence()) {
    attempt_.verdict = Verdict::kSucceeded;
    attempt_.hr = hr::S_OK;
    if (attempt_.reason.empty()) {
      attempt_.reason = attempt_.vetoes_accepted ? "backup completed; writer failures accepted [WEV]"
                                                 : "backup completed";
    }
    bc_->Release();
  }
  bc_.reset();
  attempt_.end = system_.clock().now();
}

bool Session::Sequence() {
  if (!Step("InitializeForBackup", bc_->InitializeForBackup())) return false;
  if (!Step("SetBackupState",
            bc_->SetBackupState(policy_.component_mode, false, policy_.backup_type, false))) {
    return false;
  }
  if (!Step("GatherWriterMetadata", RunAsync(&BC::GatherWriterMetadata), true)) return false;
  if (!ReadMetadata()) return false;
  if (policy_.component_mode && !AddComponents()) return false;
  if (!StartSnapshotSet()) return false;
  for (const auto& volume : request_.volumes) {
    vss::VssId snapshot;
    if (!Step("AddToSnapshotSet", bc_->AddToSnapshotSet(volume, vss::VssId::null(), &snapshot))) return false;
  }
  if (!Step("PrepareForBackup", RunAsync(&BC::PrepareForBackup), true)) return false;
  if (!CheckStatus("PrepareForBackup", true)) return false;
  if (!Step("DoSnapshotSet", RunAsync(&BC::DoSnapshotSet), true)) return false;
  if (!CheckStatus("DoSnapshotSet", true)) return false;
  if (policy_.component_mode && !MarkSucceeded()) return false;
  // The shadow copy exists: from here on a failure needs no AbortBackup [AB][ABRT].
  abort_needed_ = false;
  if (!Step("BackupComplete", RunAsync(&BC::BackupComplete), true)) return false;
  CheckStatus("BackupComplete", false);
  return true;
}

HResult Session::RunAsync(AsyncMethod method) {
  std::shared_ptr<vss::Async> async;
  const HResult started = ((*bc_).*method)(&async);
  if (started.failed()) return started;
  if (!async) return hr::E_UNEXPECTED;
  const HResult waited = async->Wait();
  HResult status;
  const HResult queried = async->QueryStatus(&status, nullptr);
  if (queried.failed()) return queried;
  if (status == hr::VSS_S_ASYNC_FINISHED) return hr::S_OK;
  // With Config::wait_returns_operation_error Wait carries the error too (D4); QueryStatus has it anyway.
  return status.failed() || !waited.failed() ? status : waited;
}

bool Session::Step(std::string_view step, HResult hr, bool async) {
  const bool ok = async ? hr == hr::S_OK : hr.succeeded();
  if (ok) return true;
  const bool guided = retry_guided(hr);
  Stop(step, hr, false, guided ? Verdict::kRetry : Verdict::kGiveUp,
       std::string(step) + " returned " + hr.name() +
           (guided ? ": the documented guidance is to wait and retry" : ": no retry guidance, giving up"));
  return false;
}

void Session::Stop(std::string_view step, HResult hr, bool writer_failure, Verdict verdict, std::string reason) {
  attempt_.failed_step = std::string(step);
  attempt_.hr = hr;
  attempt_.writer_failure = writer_failure;
  attempt_.verdict = verdict;
  attempt_.reason = std::move(reason);
  // After StartSnapshotSet a requester that stops must call AbortBackup before releasing [AB][ABRT]; also
  // after a writer veto, to tell the other writers [ABRT]. Harmless when nothing is under way [AB].
  if (abort_needed_ && policy_.abort_on_failure) {
    attempt_.aborted = true;
    attempt_.abort_result = bc_->AbortBackup();
  }
  bc_->Release();
}

bool Session::ReadMetadata() {
  unsigned count = 0;
  if (!Step("GetWriterMetadataCount", bc_->GetWriterMetadataCount(&count))) return false;
  for (unsigned i = 0; i < count; ++i) {
    vss::VssId instance;
    vss::WriterMetadata metadata;
    if (!Step("GetWriterMetadata", bc_->GetWriterMetadata(i, &instance, &metadata))) return false;
    if (!policy_.component_mode) selected_writers_.insert(metadata.instance_id);
    writers_.push_back(std::move(metadata));
  }
  return true;
}

bool Session::Selects(const vss::WriterMetadata& writer, const vss::WriterMetadata::ComponentInfo& c) const {
  if (request_.components.empty()) return true;
  for (const auto& ref : request_.components) {
    if (ref.writer != writer.name) continue;
    if (!ref.name.empty() && ref.name != c.name) continue;
    if (!ref.logical_path.empty() && ref.logical_path != c.logical_path) continue;
    return true;
  }
  return false;
}

bool Session::AddComponents() {
  for (const auto& w : writers_) {
    for (const auto& c : w.components) {
      if (!Selects(w, c)) continue;
      if (!Step("AddComponent", bc_->AddComponent(w.instance_id, w.writer_id, c.type, c.logical_path, c.name))) {
        return false;
      }
      selected_.push_back(Selected{w.instance_id, w.writer_id, w.name, c, false});
      selected_writers_.insert(w.instance_id);
    }
  }
  return true;
}

bool Session::StartSnapshotSet() {
  vss::VssId set;
  HResult r = bc_->StartSnapshotSet(&set);
  // "wait to try again" [SSS]: another set creation holds the machine-wide lock until its DoSnapshotSet
  // returns [S4][STSP]. Same object: nothing was started on it.
  while (r == hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS && attempt_.in_progress_waits < policy_.max_in_progress_waits) {
    ++attempt_.in_progress_waits;
    system_.RunFor(policy_.in_progress_delay);
    r = bc_->StartSnapshotSet(&set);
  }
  if (!Step("StartSnapshotSet", r)) return false;
  abort_needed_ = true;
  return true;
}

}  // namespace vssfault::requester::detail

#include "backup_volume.h"

#include <memory>

#include "vssfault/vss/backup_components.h"

namespace example {

using namespace vssfault;

namespace {

// Starts an asynchronous operation and waits for it; its result as QueryStatus gives it.
template <typename Start>
HResult RunAsync(Start start) {
  std::shared_ptr<vss::Async> async;
  const HResult started = start(&async);
  if (started.failed()) return started;
  async->Wait();
  HResult status;
  const HResult queried = async->QueryStatus(&status, nullptr);
  if (queried.failed()) return queried;
  return status == hr::VSS_S_ASYNC_FINISHED ? hr::S_OK : status;
}

}  // namespace

BackupReport BackupVolume(vss::System& system, const std::string& volume) {
  BackupReport report;
  auto bc = system.CreateVssBackupComponents("example");
  bool started = false;
  auto fail = [&](const char* step, HResult hr) {
    report.failed_step = step;
    report.hr = hr;
    if (started) bc->AbortBackup();
    bc->Release();
    return report;
  };

  if (HResult r = bc->InitializeForBackup(); r.failed()) return fail("InitializeForBackup", r);
  if (HResult r = bc->SetBackupState(false, false, vss::BackupType::kFull); r.failed()) return fail("SetBackupState", r);
  if (HResult r = RunAsync([&](auto* a) { return bc->GatherWriterMetadata(a); }); r != hr::S_OK) {
    return fail("GatherWriterMetadata", r);
  }
  vss::VssId set;
  if (HResult r = bc->StartSnapshotSet(&set); r.failed()) return fail("StartSnapshotSet", r);
  started = true;
  vss::VssId snapshot;
  if (HResult r = bc->AddToSnapshotSet(volume, vss::VssId::null(), &snapshot); r.failed()) {
    return fail("AddToSnapshotSet", r);
  }
  if (HResult r = RunAsync([&](auto* a) { return bc->PrepareForBackup(a); }); r != hr::S_OK) {
    return fail("PrepareForBackup", r);
  }
  if (HResult r = RunAsync([&](auto* a) { return bc->DoSnapshotSet(a); }); r != hr::S_OK) {
    return fail("DoSnapshotSet", r);
  }

  // A writer's veto does not fail DoSnapshotSet: it is in the writer status.
  if (HResult r = RunAsync([&](auto* a) { return bc->GatherWriterStatus(a); }); r != hr::S_OK) {
    return fail("GatherWriterStatus", r);
  }
  unsigned count = 0;
  bc->GetWriterStatusCount(&count);
  for (unsigned i = 0; i < count && report.failed_writer.empty(); ++i) {
    vss::VssId instance, writer;
    std::string name;
    vss::WriterState state = vss::WriterState::kUnknown;
    HResult failure;
    if (bc->GetWriterStatusEx(i, &instance, &writer, &name, &state, &failure) != hr::S_OK) continue;
    if (vss::is_failed_state(state)) {
      report.failed_writer = name;
      report.writer_state = state;
      report.writer_failure = failure;
    }
  }
  bc->FreeWriterStatus();
  if (!report.failed_writer.empty()) {
    // [S3]: these three mean "wait ten minutes and then repeat the operation, up to three times".
    const HResult f = report.writer_failure;
    report.retry_later = f == hr::VSS_E_WRITERERROR_RETRYABLE || f == hr::VSS_E_WRITERERROR_OUTOFRESOURCES ||
                         f == hr::VSS_E_WRITERERROR_TIMEOUT;
    return fail("writer status", report.writer_failure);
  }

  if (HResult r = RunAsync([&](auto* a) { return bc->BackupComplete(a); }); r != hr::S_OK) {
    started = false;  // the shadow copy exists: no AbortBackup after it [AB]
    return fail("BackupComplete", r);
  }
  bc->Release();
  report.hr = hr::S_OK;
  return report;
}

}  // namespace example

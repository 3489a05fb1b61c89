// The reference requester (requester::ReferenceRequester) as a scenario driver, and the restore sequence
// the reference requester does not have.
#include <algorithm>
#include <limits>

#include "convert.h"
#include "drivers.h"
#include "vssfault/requester/reference_requester.h"

namespace vssfault::runner::detail {
namespace {

int to_int(std::uint64_t v) { return static_cast<int>(std::min<std::uint64_t>(v, std::numeric_limits<int>::max())); }

std::vector<std::string> volumes_of(const World& w) {
  std::vector<std::string> out;
  for (const auto& v : w.scn.driver.requester.volumes) out.push_back(v.value);
  if (out.empty()) {
    for (const auto& v : w.scn.volumes) out.push_back(v.value);
  }
  return out;
}

}  // namespace

DriverResult drive_reference_requester(World& w) {
  const scenario::RequesterPolicy& sp = w.scn.driver.requester;
  requester::Policy policy;
  policy.max_retries = to_int(sp.retries.value);
  policy.retry_delay = sp.retry_delay.value;
  policy.in_progress_delay = sp.in_progress_delay.value;
  policy.max_in_progress_waits = to_int(sp.max_in_progress_waits.value);
  policy.component_mode = sp.component_mode.value;
  policy.backup_type = to_vss(sp.backup_type.value);
  policy.accept_vetoes = sp.accept_vetoes.value;
  policy.abort_on_failure = sp.abort_on_failure.value;
  policy.broken = w.broken.requester;  // test-only (RunOptions::broken)

  requester::ReferenceRequester reference(*w.system, policy);
  const requester::BackupResult backup = reference.Backup({volumes_of(w), {}});

  DriverResult out;
  out.result = backup.final_hr;
  out.result_from = "the reference requester's last attempt";
  out.outcome = std::string(requester::outcome_name(backup.outcome));
  out.attempts = backup.attempts.size();
  for (const auto& attempt : backup.attempts) {
    for (const auto& f : attempt.component_failures) {
      out.components[{f.writer, f.component}] = ComponentRead{f.get_failure, f.failure, f.application, f.message};
    }
  }
  out.components_unread_reason =
      "not read: the reference requester calls GetFailure only for the components of a writer reporting "
      "VSS_E_WRITERERROR_PARTIAL_FAILURE [GWSX]";
  return out;
}

DriverResult drive_reference_restore(World& w) {
  DriverResult out;
  out.attempts = 1;
  out.result_from = "the reference requester's restore";
  auto bc = w.system->CreateVssBackupComponents("reference-requester");
  HResult failure = hr::S_OK;
  auto step = [&](HResult r) {
    if (failure == hr::S_OK && r.failed()) failure = r;
    return failure == hr::S_OK;
  };
  // The model does not parse the Backup Components Document; any non-empty text stands for it.
  if (step(bc->InitializeForRestore("<BACKUP_COMPONENTS/>")) &&
      step(run_async(*bc, &vss::BackupComponents::GatherWriterMetadata))) {
    unsigned count = 0;
    if (step(bc->GetWriterMetadataCount(&count))) {
      for (unsigned i = 0; i < count && failure == hr::S_OK; ++i) {
        vss::VssId instance;
        vss::WriterMetadata metadata;
        if (!step(bc->GetWriterMetadata(i, &instance, &metadata))) break;
        for (const auto& c : metadata.components) {
          if (!step(bc->SetSelectedForRestore(metadata.writer_id, c.type, c.logical_path, c.name, true))) break;
        }
      }
    }
    if (failure == hr::S_OK && step(run_async(*bc, &vss::BackupComponents::PreRestore))) {
      step(run_async(*bc, &vss::BackupComponents::PostRestore));
    }
  }
  read_component_failures(w, *bc, out);
  bc->Release();
  out.result = failure;
  out.outcome = std::string(requester::outcome_name(failure == hr::S_OK ? requester::Outcome::kSucceeded
                                                                         : requester::Outcome::kGaveUp));
  return out;
}

}  // namespace vssfault::runner::detail

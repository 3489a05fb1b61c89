#include "whole_set.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>

#include "vss_world.h"

namespace vssfault::bench {
namespace {

constexpr vss::ProviderMethod kCreationMethods[] = {
    vss::ProviderMethod::kBeginPrepareSnapshot,    vss::ProviderMethod::kEndPrepareSnapshots,
    vss::ProviderMethod::kPreCommitSnapshots,      vss::ProviderMethod::kCommitSnapshots,
    vss::ProviderMethod::kPostCommitSnapshots,     vss::ProviderMethod::kPreFinalCommitSnapshots,
    vss::ProviderMethod::kPostFinalCommitSnapshots};
const HResult kCodes[] = {hr::E_FAIL, hr::VSS_E_PROVIDER_VETO, hr::E_OUTOFMEMORY, hr::E_INVALIDARG};

template <class T, std::size_t N>
const T& pick(Rng& rng, const T (&items)[N]) {
  return items[rng.below(N)];
}

HResult wait(const std::shared_ptr<vss::Async>& async) {
  if (!async) return hr::E_UNEXPECTED;
  async->Wait();
  HResult status;
  async->QueryStatus(&status, nullptr);
  return status;
}

mocks::VssFaultPlan random_plan(Rng& rng, int providers) {
  mocks::VssFaultPlan plan;
  if (rng.below(4) == 0) return plan;  // a clean world
  mocks::ProviderFault f;
  f.provider = provider_name(static_cast<int>(rng.below(static_cast<std::uint64_t>(providers))));
  f.method = pick(rng, kCreationMethods);
  const std::uint64_t when = rng.below(3);
  f.when = when == 0 ? HitSelector::every() : when == 1 ? HitSelector::nth(1) : HitSelector::probability(0.5);
  if (f.method == vss::ProviderMethod::kCommitSnapshots && rng.below(2) == 0) {
    f.action = mocks::ProviderAction::TakeTime(Duration::seconds(11));  // past the 10 s hold window
  } else {
    f.action = mocks::ProviderAction::Return(pick(rng, kCodes));
    f.action.log = f.action.code == hr::VSS_E_PROVIDER_VETO;  // a veto is logged, as [S4] asks
  }
  f.origin = "bench:(e)";
  plan.providers.push_back(std::move(f));
  return plan;
}

}  // namespace

WholeSetCase run_whole_set_case(std::uint64_t seed) {
  Rng rng(seed);
  VssShape shape;
  shape.writers = static_cast<int>(rng.between(1, 4));
  shape.providers = static_cast<int>(rng.between(1, 3));
  shape.volumes = static_cast<int>(rng.between(1, 6));
  VssWorld world(shape, random_plan(rng, shape.providers), seed);

  WholeSetCase out;
  auto bc = world.system.CreateVssBackupComponents("whole-set");
  bc->InitializeForBackup();
  bc->SetBackupState(false, false, vss::BackupType::kFull, false);
  std::shared_ptr<vss::Async> async;
  bc->GatherWriterMetadata(&async);
  wait(async);
  vss::VssId set;
  bc->StartSnapshotSet(&set);
  std::size_t added = 0;
  for (const auto& volume : world.request.volumes) {
    vss::VssId snapshot;
    if (bc->AddToSnapshotSet(volume, vss::VssId::null(), &snapshot) == hr::S_OK) ++added;
  }
  bc->PrepareForBackup(&async);
  wait(async);
  bc->DoSnapshotSet(&async);
  const HResult status = wait(async);
  const auto snapshots = world.system.snapshots();
  const auto of_set = static_cast<std::size_t>(std::count_if(
      snapshots.begin(), snapshots.end(), [&](const vss::SnapshotInfo& s) { return s.snapshot_set_id == set; }));
  out.set_failed = status != hr::VSS_S_ASYNC_FINISHED;
  const std::size_t expected = out.set_failed ? 0 : added;
  if (of_set != expected) {
    out.holds = false;
    out.detail = "seed " + std::to_string(seed) + ": DoSnapshotSet " + status.name() + ", " + std::to_string(added) +
                 " volumes added, " + std::to_string(of_set) + " shadow copies of the set";
  }
  if (out.set_failed) bc->AbortBackup();
  bc->Release();
  return out;
}

}  // namespace vssfault::bench

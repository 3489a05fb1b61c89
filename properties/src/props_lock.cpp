// One snapshot-set creation at a time, across several requesters [S4][SSS][STSP].
//
// Two or three requester objects on one machine follow the documented backup sequence, one step at a
// time, in a generated interleaving; operations run on the shared event queue whenever any of them
// waits. A requester whose StartSnapshotSet is refused tries again at its next turn. The oracle keeps its
// own lock: taken by a successful StartSnapshotSet, given back when the holder's DoSnapshotSet operation
// is seen to have ended (QueryStatus, which does not run the queue), or when the holder aborts or
// releases.
#include <memory>

#include "trace_facts.h"
#include "vssfault/properties/generators.h"
#include "vssfault/properties/oracles.h"
#include "vssfault/properties/properties.h"
#include "vssfault/properties/vss_bench.h"

namespace vssfault::properties {
namespace {

using BC = vss::BackupComponents;

enum class Step : int {
  kInit, kState, kMetadata, kMetadataWait, kStart, kAdd, kPrepare, kPrepareWait, kSnapshot, kSnapshotWait,
  kComplete, kRelease, kDone,
};

struct Actor {
  std::shared_ptr<BC> bc;
  Step step = Step::kInit;
  std::shared_ptr<vss::Async> async;
  std::shared_ptr<vss::Async> dss;
  bool abort_instead = false;  ///< ends with AbortBackup instead of BackupComplete
};

bool finished(const std::shared_ptr<vss::Async>& a) {
  HResult status;
  a->QueryStatus(&status, nullptr);
  return status != hr::VSS_S_ASYNC_PENDING;
}

}  // namespace

namespace props {

void OneCreationAtATime(const Breakage& b) {
  VssGenOptions o;
  o.max_writers = 3;
  o.max_provider_faults = 0;
  o.max_writer_faults = 1;
  o.max_hooks = 0;
  o.delays = false;
  const GeneratedWorld w = *gen::vssWorld(o);
  const int n = *rc::gen::inRange(2, 4);
  const auto schedule = *rc::gen::container<std::vector<int>>(40, rc::gen::inRange(0, n));
  const auto aborts = *rc::gen::container<std::vector<bool>>(static_cast<std::size_t>(n), rc::gen::arbitrary<bool>());

  VssBench bench(w, b.vss);
  vss::System& sys = bench.system();
  const std::string volume = bench.volume_providers().front().first;
  std::vector<Actor> actors(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    actors[static_cast<std::size_t>(i)].bc = sys.CreateVssBackupComponents("client-" + std::to_string(i));
    actors[static_cast<std::size_t>(i)].abort_instead = aborts[static_cast<std::size_t>(i)];
  }
  int holder = -1;  // the oracle's lock: the requester holding it, -1 when free
  int refused = 0;
  auto refresh = [&] {
    if (holder >= 0 && actors[static_cast<std::size_t>(holder)].dss && finished(actors[static_cast<std::size_t>(holder)].dss))
      holder = -1;
  };
  auto wait = [](Actor& a) {
    if (!a.async) return hr::E_UNEXPECTED;
    a.async->Wait();
    HResult status;
    a.async->QueryStatus(&status, nullptr);
    return status;
  };

  for (const int who : schedule) {
    Actor& a = actors[static_cast<std::size_t>(who)];
    BC& bc = *a.bc;
    switch (a.step) {
      case Step::kInit: bc.InitializeForBackup(); break;
      case Step::kState: bc.SetBackupState(false, false, vss::BackupType::kFull); break;
      case Step::kMetadata:
        a.async.reset();
        bc.GatherWriterMetadata(&a.async);
        break;
      case Step::kMetadataWait: wait(a); break;
      case Step::kStart: {
        refresh();
        vss::VssId set;
        const HResult r = bc.StartSnapshotSet(&set);
        RC_ASSERT(sys.snapshot_set_in_progress() == (holder >= 0 || r == hr::S_OK));
        if (holder >= 0) {
          RC_ASSERT(r == hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS);
          ++refused;
          continue;  // tries again at its next turn
        }
        RC_ASSERT(r == hr::S_OK);
        holder = who;
        break;
      }
      case Step::kAdd: {
        vss::VssId snapshot;
        bc.AddToSnapshotSet(volume, vss::VssId::null(), &snapshot);
        break;
      }
      case Step::kPrepare:
        a.async.reset();
        bc.PrepareForBackup(&a.async);
        break;
      case Step::kPrepareWait: wait(a); break;
      case Step::kSnapshot:
        a.async.reset();
        if (bc.DoSnapshotSet(&a.async).succeeded()) a.dss = a.async;
        break;
      case Step::kSnapshotWait: wait(a); break;
      case Step::kComplete:
        if (a.abort_instead) {
          bc.AbortBackup();
          if (holder == who) holder = -1;
          break;
        }
        a.async.reset();
        if (bc.BackupComplete(&a.async).succeeded()) wait(a);
        break;
      case Step::kRelease:
        bc.Release();
        if (holder == who) holder = -1;
        break;
      case Step::kDone: continue;
    }
    a.step = static_cast<Step>(static_cast<int>(a.step) + 1);
    refresh();
    RC_ASSERT(sys.snapshot_set_in_progress() == (holder >= 0));
  }
  RC_CLASSIFY(refused > 0, "StartSnapshotSet refused");
  for (auto& a : actors) a.bc->Release();
  actors.clear();

  // Independently of the oracle's lock: creations never overlap in the trace.
  const auto all = facts::creations(bench.trace().records());
  for (std::size_t k = 1; k < all.size(); ++k) RC_ASSERT(all[k].start > all[k - 1].end);
}

}  // namespace props
}  // namespace vssfault::properties

#pragma once
// The VSS worlds the benchmarks run: one machine with N writers, N providers and N volumes, built the way
// the scenario runner builds a world (NiceMock writers and providers, a FaultInjector carrying the plan),
// backed up by the reference requester. A world is built, run and destroyed once per benchmark iteration:
// a "run" is what one scenario run costs.
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>

#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/mocks/mock_provider.h"
#include "vssfault/mocks/mock_writer.h"
#include "vssfault/mocks/vss_fault_injector.h"
#include "vssfault/requester/reference_requester.h"
#include "vssfault/vss/system.h"

namespace vssfault::bench {

/// How big a world is.
struct VssShape {
  int writers = 3;
  int providers = 2;
  int volumes = 4;
  /// false: provider i supports the volumes v with v % providers == i, so every provider takes part in
  /// the set — and since VSS asks the providers in registration order which one supports a volume
  /// (GUID_NULL selection), that is providers × volumes / 2 IsVolumeSupported calls. true: every provider
  /// supports every volume, the first one registered takes them all, one IsVolumeSupported per volume.
  bool providers_support_all = false;
};

/// Writer `i`'s name ("W0", "W1", …), provider `i`'s ("P0", …) and volume `i`'s ("V0:\", …).
std::string writer_name(int i);
std::string provider_name(int i);
std::string volume_name(int i);
/// The volumes provider `provider` supports in a world of this shape (empty: every volume).
std::set<std::string> supported_by(int provider, const VssShape& shape);

/// One machine: the kernel, the System, the mocks and the fault injector. Writer i declares one component
/// (db\\c<i>); providers support volumes as VssShape says. Config::max_volumes_per_set is raised to the
/// volume count when it exceeds the documented 64.
class VssWorld {
 public:
  VssWorld(VssShape shape, mocks::VssFaultPlan plan = {}, std::uint64_t seed = 1);
  ~VssWorld();
  VssWorld(const VssWorld&) = delete;
  VssWorld& operator=(const VssWorld&) = delete;

  /// A full backup of every volume, every component, by the reference requester (default Policy).
  requester::BackupResult Backup();

  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng;
  vss::System system;
  std::vector<std::unique_ptr<::testing::NiceMock<mocks::MockWriter>>> writers;
  std::vector<std::shared_ptr<::testing::NiceMock<mocks::MockProvider>>> providers;
  std::unique_ptr<mocks::FaultInjector> injector;
  requester::BackupRequest request;
};

/// The same machine with plain components instead of mocks: writers deriving vss::Writer whose handlers
/// return true (OnIdentify declares the same component) and vss::IdealProvider, no fault injector. The
/// difference from VssWorld is what GoogleMock and the injector cost.
class PlainVssWorld {
 public:
  explicit PlainVssWorld(VssShape shape, std::uint64_t seed = 1);
  ~PlainVssWorld();
  PlainVssWorld(const PlainVssWorld&) = delete;
  PlainVssWorld& operator=(const PlainVssWorld&) = delete;
  requester::BackupResult Backup();

  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng;
  vss::System system;
  std::vector<std::unique_ptr<vss::Writer>> writers;
  std::vector<std::shared_ptr<vss::Provider>> providers;
  requester::BackupRequest request;
};

/// Benchmark (b)'s plan: writer W0 sets VSS_E_WRITERERROR_RETRYABLE in OnFreeze and returns false, on
/// every hit; the reference requester retries three times after ten virtual minutes each.
mocks::VssFaultPlan retryable_freeze_plan();

}  // namespace vssfault::bench

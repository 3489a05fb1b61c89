#pragma once
// A small VSS world for the mock, injector and reference-requester tests: one machine with volume C:\,
// one NiceMock writer "W" (components db\db1 and db\db2), one NiceMock software provider "P" that
// supports every volume, NiceMock hooks, and optionally a fault plan applied through a FaultInjector.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include <gmock/gmock.h>

#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/mocks/mock_hooks.h"
#include "vssfault/mocks/mock_provider.h"
#include "vssfault/mocks/mock_writer.h"
#include "vssfault/mocks/vss_fault_injector.h"
#include "vssfault/requester/reference_requester.h"
#include "vssfault/vss/system.h"

namespace vssfault::test {

inline constexpr const char* kVolume = "C:\\";

/// The kernel and the machine; declared first so it outlives every writer, provider and requester.
struct VssWorld {
  explicit VssWorld(std::uint64_t seed = 7, vss::Config config = {})
      : rng(seed), system(clock, queue, trace, rng, config) {
    system.AddVolume(kVolume);
  }
  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng;
  vss::System system;
};

struct Bench {
  explicit Bench(std::uint64_t seed = 7, vss::Config config = {}) : world(seed, config) {
    writer.DeclareComponent("db", "db1");
    writer.DeclareComponent("db", "db2");
    EXPECT_EQ(writer.Start("W"), hr::S_OK);
    EXPECT_EQ(world.system.RegisterProvider(provider), hr::S_OK);
    world.system.SetHooks(&hooks);
  }
  ~Bench() {
    // Unload the provider while the injector its actions refer to is still alive.
    world.system.UnregisterProvider(provider->info().id);
    world.system.SetHooks(nullptr);
  }
  Bench(const Bench&) = delete;
  Bench& operator=(const Bench&) = delete;

  /// Applies `plan` to the writer, the provider and the hooks.
  mocks::FaultInjector& Plan(mocks::VssFaultPlan plan) {
    injector = std::make_unique<mocks::FaultInjector>(world.system, world.rng, std::move(plan));
    injector->Attach(writer);
    injector->Attach(*provider);
    injector->Attach(hooks);
    return *injector;
  }

  /// A full backup of C:\ (every component) by the reference requester.
  requester::BackupResult Backup(requester::Policy policy = {}) {
    return requester::ReferenceRequester(world.system, std::move(policy)).Backup({{kVolume}, {}});
  }

  vss::Conformance& conformance() { return world.system.conformance(); }
  std::size_t requester_violations() {
    return conformance().count(vss::rules::kRetryTooSoon) + conformance().count(vss::rules::kRetryTooMany) +
           conformance().count(vss::rules::kReleaseWithoutAbort) +
           conformance().count(vss::rules::kBackupCompleteAfterFailedSnapshot);
  }

  VssWorld world;
  ::testing::NiceMock<mocks::MockWriter> writer{world.system};
  std::shared_ptr<::testing::NiceMock<mocks::MockProvider>> provider =
      std::make_shared<::testing::NiceMock<mocks::MockProvider>>(mocks::MockProvider::Software("P"));
  ::testing::NiceMock<mocks::MockHooks> hooks;
  std::unique_ptr<mocks::FaultInjector> injector;
};

/// Shorthands for plan entries.
inline mocks::WriterFault WriterFaultAt(vss::WriterEvent event, mocks::WriterAction action,
                                        HitSelector when = HitSelector::every()) {
  return mocks::WriterFault{"W", event, when, std::move(action), "bench.yaml:1:1"};
}
inline mocks::ProviderFault ProviderFaultAt(vss::ProviderMethod method, mocks::ProviderAction action,
                                            HitSelector when = HitSelector::every()) {
  return mocks::ProviderFault{"P", method, when, std::move(action), "bench.yaml:2:1"};
}

}  // namespace vssfault::test

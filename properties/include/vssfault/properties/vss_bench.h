#pragma once
/// A GeneratedWorld built on the VSS model: one machine (kernel + vss::System) with the world's volumes,
/// NiceMock writers and providers (ideal unless a fault says otherwise), NiceMock hooks, and a
/// FaultInjector carrying out the world's plan. Drivers (vss_run.h, the state-machine and lock
/// properties) create requester objects on system() and must release them before the bench goes.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>

#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/mocks/mock_hooks.h"
#include "vssfault/mocks/mock_provider.h"
#include "vssfault/mocks/mock_writer.h"
#include "vssfault/mocks/vss_fault_injector.h"
#include "vssfault/properties/world.h"
#include "vssfault/vss/system.h"

namespace vssfault::properties {

class VssBench {
 public:
  /// `broken`: vss::broken flags (test-only model variants). The fault plan's probabilistic hits draw
  /// from the world's seed; the writer dispatch order from `dispatch_seed` (default: the world's seed),
  /// so a property can vary the order alone.
  explicit VssBench(const GeneratedWorld& world, std::uint32_t broken = 0,
                    std::optional<std::uint64_t> dispatch_seed = {});
  /// Unregisters the generated providers (OnUnload) while the injector still lives.
  ~VssBench();
  VssBench(const VssBench&) = delete;
  VssBench& operator=(const VssBench&) = delete;

  vss::System& system() { return system_; }
  Trace& trace() { return trace_; }
  const GeneratedWorld& world() const { return world_; }
  mocks::FaultInjector& injector() { return *injector_; }

  /// The provider id the world assigns each volume (the system provider for system-only volumes), in
  /// GeneratedWorld::volumes() order.
  const std::vector<std::pair<std::string, vss::VssId>>& volume_providers() const { return volume_providers_; }
  vss::VssId provider_id(std::size_t i) const;
  /// RegisterProvider's result per generated provider (OnLoad runs inside it).
  const std::vector<HResult>& register_results() const { return register_results_; }
  /// Unregisters every generated provider now (idempotent); returns UnregisterProvider's results.
  const std::vector<HResult>& Unregister();

 private:
  GeneratedWorld world_;
  VirtualClock clock_;
  EventQueue queue_{clock_};
  Trace trace_;
  Rng rng_;
  Rng dispatch_rng_;
  vss::System system_;
  ::testing::NiceMock<mocks::MockHooks> hooks_;
  std::unique_ptr<mocks::FaultInjector> injector_;
  std::vector<std::unique_ptr<::testing::NiceMock<mocks::MockWriter>>> writers_;
  std::vector<std::shared_ptr<::testing::NiceMock<mocks::MockProvider>>> providers_;
  std::vector<std::pair<std::string, vss::VssId>> volume_providers_;
  std::vector<HResult> register_results_;
  std::vector<HResult> unregister_results_;
  bool unregistered_ = false;
};

}  // namespace vssfault::properties

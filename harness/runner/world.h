#pragma once
// One scenario's world: the kernel, the VSS model with the scenario's volumes, MockProviders and
// ScenarioWriters wired to the VSS fault injector, and the BITS service with the scenario's jobs behind
// the ideal transport and the BITS fault injector. Members are declared in construction order, so they are
// destroyed users first (writers before the System they live on, the service before its transport).
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>

#include "delayed_failures.h"
#include "fault_plans.h"
#include "run_guard.h"
#include "scenario_writer.h"
#include "vssfault/bits/ideal_transport.h"
#include "vssfault/bits/service.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/mocks/bits_fault_injector.h"
#include "vssfault/mocks/mock_hooks.h"
#include "vssfault/mocks/mock_provider.h"
#include "vssfault/mocks/vss_fault_injector.h"
#include "vssfault/scenario/scenario.h"
#include "vssfault/vss/system.h"

namespace vssfault::runner::detail {

using ScenarioProvider = ::testing::NiceMock<mocks::MockProvider>;

struct World {
  /// Builds everything; throws std::runtime_error when the model refuses the world (a writer that cannot
  /// initialize). Plan problems the injectors cannot carry out are collected in `plan_problems` instead.
  World(const scenario::Scenario& s, std::uint64_t seed, const Limits& limits, const BrokenModel& broken = {});
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  const scenario::Scenario& scn;  /// the scenario this world was built from
  BrokenModel broken;             /// test-only broken model variants (RunOptions::broken)
  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng;
  RunGuard guard;
  GuardHooks hooks{guard};
  FaultPlans plans;
  std::vector<std::string> plan_problems;

  // VSS (null when the scenario has no VSS side: no volumes, writers or requester calls).
  std::unique_ptr<vss::System> system;
  std::unique_ptr<mocks::FaultInjector> vss_faults;
  /// The scenario's VSS-internal faults (`vss:` faults), behind `hooks`.
  std::unique_ptr<::testing::NiceMock<mocks::MockHooks>> vss_hooks;
  std::vector<std::shared_ptr<ScenarioProvider>> providers;
  std::vector<std::unique_ptr<ScenarioWriter>> writers;

  // BITS (null when the scenario has no jobs).
  std::unique_ptr<bits::IdealTransport> transport;
  std::unique_ptr<mocks::BitsFaultInjector> bits_faults;
  std::unique_ptr<DelayedFailures> delayed;
  std::unique_ptr<bits::Service> service;

  ScenarioWriter* find_writer(std::string_view name) const;
  bits::Job* find_job(std::string_view name) const;

 private:
  void build_vss();
  void build_bits();
};

/// Whether the scenario needs the VSS model: volumes, writers, the reference requester, or a requester
/// call among its steps.
bool needs_vss(const scenario::Scenario& s);

}  // namespace vssfault::runner::detail

// VSS benchmarks: (a) a clean full backup, (b) a writer vetoing Freeze with a retryable code and the
// reference requester retrying three times, the plain-call baseline (a) is compared with, a decomposition
// (the model with plain components instead of mocks) and cost against size. One iteration is one run:
// build the world, back up, tear down.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <exception>
#include <string>

#include "baseline.h"
#include "vss_world.h"

namespace vssfault::bench {
namespace {

constexpr VssShape kShapeA{3, 2, 4};

void BM_a_CleanBackup(benchmark::State& state) {
  std::size_t records = 0;
  for (auto _ : state) {
    VssWorld world(kShapeA);
    const auto result = world.Backup();
    if (result.outcome != requester::Outcome::kSucceeded) state.SkipWithError("(a) did not succeed");
    records = world.trace.size();
    benchmark::DoNotOptimize(world.trace.hash());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["trace_records"] = static_cast<double>(records);
}
BENCHMARK(BM_a_CleanBackup)->Unit(benchmark::kMicrosecond);

void BM_b_RetryableFreeze(benchmark::State& state) {
  double virtual_seconds = 0;
  std::size_t records = 0;
  for (auto _ : state) {
    VssWorld world(kShapeA, retryable_freeze_plan());
    const auto result = world.Backup();
    if (result.outcome != requester::Outcome::kRetriesExhausted || result.attempts.size() != 4)
      state.SkipWithError("(b) did not end with four attempts, retries exhausted");
    virtual_seconds += static_cast<double>(world.clock.now().count_ms()) / 1000.0;
    records = world.trace.size();
    benchmark::DoNotOptimize(world.trace.hash());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["trace_records"] = static_cast<double>(records);
  // Virtual seconds simulated per wall-clock second.
  state.counters["virtual_per_wall"] = benchmark::Counter(virtual_seconds, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_b_RetryableFreeze)->Unit(benchmark::kMicrosecond);

// The calls (a) makes, as plain virtual calls on objects that do nothing: what any harness must cost.
void BM_baseline_PlainCalls(benchmark::State& state) {
  VssWorld reference(kShapeA);
  reference.Backup();
  std::vector<Call> calls;
  try {
    calls = call_sequence(reference.trace);
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  PlainReplay replay(std::move(calls), kShapeA.writers, kShapeA.providers);
  for (auto _ : state) {
    const std::size_t ok = replay.Run();
    if (ok != replay.size()) state.SkipWithError("baseline: a plain call failed");
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["calls"] = static_cast<double>(replay.size());
}
BENCHMARK(BM_baseline_PlainCalls)->Unit(benchmark::kMicrosecond);

// (a) with plain writers and vss::IdealProvider instead of NiceMocks and the injector.
void BM_decomposition_PlainComponents(benchmark::State& state) {
  for (auto _ : state) {
    PlainVssWorld world(kShapeA);
    const auto result = world.Backup();
    if (result.outcome != requester::Outcome::kSucceeded) state.SkipWithError("did not succeed");
    benchmark::DoNotOptimize(world.trace.hash());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decomposition_PlainComponents)->Unit(benchmark::kMicrosecond);

// Cost against size: N writers (one component each), N providers and N volumes in one set; every provider
// supports every volume, so VSS's provider selection is one query per volume and the work is linear in N.
void ScaledBackup(benchmark::State& state, bool providers_support_all) {
  const int n = static_cast<int>(state.range(0));
  std::size_t records = 0;
  for (auto _ : state) {
    VssWorld world({n, n, n, providers_support_all});
    const auto result = world.Backup();
    if (result.outcome != requester::Outcome::kSucceeded) state.SkipWithError("scaled backup did not succeed");
    records = world.trace.size();
    benchmark::DoNotOptimize(world.trace.hash());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["trace_records"] = static_cast<double>(records);
  // Wall-clock-independent cost per unit of work: CPU time per trace record.
  state.counters["records_per_second"] =
      benchmark::Counter(static_cast<double>(records) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_scale_Backup(benchmark::State& state) { ScaledBackup(state, true); }
BENCHMARK(BM_scale_Backup)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

// The same with provider i supporting only volume i: every provider takes part in the set, and the
// documented in-order selection asks N(N+1)/2 IsVolumeSupported questions — quadratic work, reported to
// show the cost per record stays flat.
void BM_scale_SpreadProviders(benchmark::State& state) { ScaledBackup(state, false); }
BENCHMARK(BM_scale_SpreadProviders)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vssfault::bench

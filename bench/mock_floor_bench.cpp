// What the mandatory mocks alone cost: each iteration builds the mocked components one run of (a), (b) or
// (c) builds (mocks/ classes, the bench worlds' default and fault actions) and makes on them exactly the
// calls that run makes, in order (read from a real run's trace, mock_floor.h), with no model, no trace and
// no event queue. Their runs/s are upper bounds for (a), (b) and (c) under any harness that injects faults
// through these mocks. BM_floor_GmockTransport_c is a what-if: (c)'s connects on the GoogleMock transport.
#include <benchmark/benchmark.h>

#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "bits_world.h"
#include "mock_floor.h"
#include "vss_world.h"

namespace vssfault::bench {
namespace {

constexpr VssShape kShapeA{3, 2, 4};

void ReplayVss(benchmark::State& state, const mocks::VssFaultPlan& plan) {
  std::vector<Call> calls;
  std::size_t writer_calls = 0;
  try {
    calls = mock_call_sequence(kShapeA, plan);
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  for (const Call& c : calls) writer_calls += c.target == Call::Target::kWriter ? 1 : 0;
  MockReplay replay(std::move(calls), kShapeA, plan);
  const std::size_t expected = replay.size() - replay.faulted();
  for (auto _ : state) {
    const std::size_t ok = replay.Run();
    if (ok != expected) state.SkipWithError("mock floor: a call returned other than its default action");
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["calls"] = static_cast<double>(replay.size());
  state.counters["writer_calls"] = static_cast<double>(writer_calls);
  state.counters["provider_calls"] = static_cast<double>(replay.size() - writer_calls);
  state.counters["faulted_calls"] = static_cast<double>(replay.faulted());
}

void BM_floor_MockCalls_a(benchmark::State& state) { ReplayVss(state, {}); }
BENCHMARK(BM_floor_MockCalls_a)->Unit(benchmark::kMicrosecond);

void BM_floor_MockCalls_b(benchmark::State& state) { ReplayVss(state, retryable_freeze_plan()); }
BENCHMARK(BM_floor_MockCalls_b)->Unit(benchmark::kMicrosecond);

// (c)'s connects, read from a real run, replayed on a `Replay` built from them and `extra`.
template <class Replay, class... Extra>
void ReplayBits(benchmark::State& state, Extra&&... extra) {
  std::vector<bits::TransferSite> sites;
  try {
    sites = bits_connect_sequence();
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  Replay replay(std::move(sites), std::forward<Extra>(extra)...);
  for (auto _ : state) {
    const std::size_t failed = replay.Run();
    if (failed != replay.size()) state.SkipWithError("mock floor: a connect of (c) did not fail");
    benchmark::DoNotOptimize(failed);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["calls"] = static_cast<double>(replay.size());
}

void BM_floor_MockCalls_c(benchmark::State& state) { ReplayBits<BitsConnectReplay>(state, every_connect_fails()); }
BENCHMARK(BM_floor_MockCalls_c)->Unit(benchmark::kMicrosecond);

void BM_floor_GmockTransport_c(benchmark::State& state) { ReplayBits<GmockConnectReplay>(state); }
BENCHMARK(BM_floor_GmockTransport_c)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vssfault::bench

// (c): a BITS job whose every connect fails goes through TRANSIENT_ERROR 2,016 times and into ERROR
// after 14 virtual days (the documented defaults [MRD][NPT]); the reference client cancels it.
#include <benchmark/benchmark.h>

#include "bits_world.h"

namespace vssfault::bench {
namespace {

void BM_c_BitsNoProgressTimeout(benchmark::State& state) {
  double virtual_seconds = 0;
  std::size_t records = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    BitsWorld world;
    const bits::ClientOutcome outcome = world.Run();
    if (outcome != bits::ClientOutcome::kCancelled || world.client->errors().size() != 1 ||
        world.job->error_count() != 2015) {
      state.SkipWithError("(c) did not reach ERROR after 2,015 failed retries");
    }
    virtual_seconds += static_cast<double>(world.clock.now().count_ms()) / 1000.0;
    records = world.trace.size();
    events = world.queue.executed();
    benchmark::DoNotOptimize(world.trace.hash());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["trace_records"] = static_cast<double>(records);
  state.counters["events"] = static_cast<double>(events);
  state.counters["virtual_per_wall"] = benchmark::Counter(virtual_seconds, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_c_BitsNoProgressTimeout)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vssfault::bench

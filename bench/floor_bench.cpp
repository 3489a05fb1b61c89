// What the trace contract alone costs: a run's trace hash is a 64-bit hash of its canonical text
// (kernel/trace.h, 8 bytes per step, each step waiting for the previous multiply), so no implementation
// of a run can be cheaper than hashing its text. These benchmarks hash the text of one run of (a), (b) and
// (c) with Trace::hash_text; their runs/s are upper bounds for those benchmarks under the contract.
#include <benchmark/benchmark.h>

#include <string>

#include "bits_world.h"
#include "vss_world.h"
#include "vssfault/kernel/trace.h"

namespace vssfault::bench {
namespace {

void HashText(benchmark::State& state, const std::string& text) {
  for (auto _ : state) benchmark::DoNotOptimize(Trace::hash_text(text));
  state.SetItemsProcessed(state.iterations());
  state.counters["text_bytes"] = static_cast<double>(text.size());
}

void BM_floor_TraceHash_a(benchmark::State& state) {
  VssWorld world({3, 2, 4});
  world.Backup();
  HashText(state, world.trace.text());
}
BENCHMARK(BM_floor_TraceHash_a)->Unit(benchmark::kMicrosecond);

void BM_floor_TraceHash_b(benchmark::State& state) {
  VssWorld world({3, 2, 4}, retryable_freeze_plan());
  world.Backup();
  HashText(state, world.trace.text());
}
BENCHMARK(BM_floor_TraceHash_b)->Unit(benchmark::kMicrosecond);

void BM_floor_TraceHash_c(benchmark::State& state) {
  BitsWorld world;
  world.Run();
  HashText(state, world.trace.text());
}
BENCHMARK(BM_floor_TraceHash_c)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vssfault::bench

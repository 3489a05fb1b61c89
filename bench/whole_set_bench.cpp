// (e), the equivalent loop: cases per second of the whole-set failure invariant on random worlds
// (whole_set.h) — generate a world with the kernel's Rng, run it, check the invariant: what one RapidCheck
// case of the property does, minus RapidCheck's generators and bookkeeping. property_bench.cpp measures
// the property itself (properties/, built with the test suite); this loop is the figure without it, and
// the difference is what the generators cost.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "whole_set.h"

namespace vssfault::bench {
namespace {

void BM_e_WholeSetCases(benchmark::State& state) {
  std::uint64_t seed = 0;
  std::uint64_t failed_sets = 0;
  for (auto _ : state) {
    const WholeSetCase c = run_whole_set_case(++seed);
    if (!c.holds) state.SkipWithError(c.detail.c_str());
    failed_sets += c.set_failed ? 1 : 0;
  }
  state.SetItemsProcessed(state.iterations());
  // Share of cases whose fault reached the set and failed it (the cases that test something).
  state.counters["failed_set_share"] =
      state.iterations() == 0 ? 0.0 : static_cast<double>(failed_sets) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_e_WholeSetCases)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vssfault::bench

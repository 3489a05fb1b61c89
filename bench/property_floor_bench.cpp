// (e)'s generation floor (property_floor.h): RapidCheck cases per second of the whole-set property's
// input generation alone, 100 cases per check with the seed of BM_e_WholeSetProperty.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "property_floor.h"

namespace vssfault::bench {
namespace {

constexpr int kCases = 100;

void BM_floor_PropertyGeneration_e(benchmark::State& state) {
  std::int64_t cases = 0;
  for (auto _ : state) {
    const int n = check_whole_set_generation(kCases);
    if (n != kCases) {
      state.SkipWithError("the generation-only property failed");
      break;
    }
    cases += n;
  }
  state.SetItemsProcessed(cases);
  state.counters["cases_per_check"] = kCases;
}
BENCHMARK(BM_floor_PropertyGeneration_e)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vssfault::bench

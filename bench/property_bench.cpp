// (e): RapidCheck cases per second of the whole-set failure property (properties/, props::WholeSetFailure:
// a generated world, one DoSnapshotSet, the no-partial-commit oracle [S4]). Each iteration is one
// rc::check of 100 cases with the seed and sizes the test suite uses (properties/CMakeLists.txt), so the
// figure includes RapidCheck's generation and bookkeeping, as a property run does.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include <rapidcheck.h>

#include "vssfault/properties/properties.h"

namespace vssfault::bench {
namespace {

constexpr int kCases = 100;
constexpr std::uint64_t kSeed = 20250101;

void BM_e_WholeSetProperty(benchmark::State& state) {
  const properties::PropertyInfo* property = properties::find_property("whole-set");
  if (property == nullptr) {
    state.SkipWithError("properties: no whole-set property");
    return;
  }
  rc::detail::TestParams params;
  params.seed = kSeed;
  params.maxSuccess = kCases;
  params.maxSize = 100;
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(property->id);
  metadata.description = std::string(property->test);
  std::int64_t cases = 0;
  for (auto _ : state) {
    const auto result =
        rc::detail::checkTestable([property] { property->check(properties::Breakage{}); }, metadata, params);
    if (!result.template is<rc::detail::SuccessResult>()) {
      state.SkipWithError("the whole-set property failed");
      break;
    }
    cases += result.template get<rc::detail::SuccessResult>().numSuccess;
  }
  state.SetItemsProcessed(cases);
  state.counters["cases_per_check"] = kCases;
}
BENCHMARK(BM_e_WholeSetProperty)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vssfault::bench

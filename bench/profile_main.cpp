// Runs one benchmark case a fixed number of times, for instruction counts under callgrind (which are
// repeatable on a loaded machine, unlike wall time):
//
//   valgrind --tool=callgrind vssfault_bench_profile a 100
//
// Cases: a (clean backup), b (retryable freeze), c (BITS no-progress timeout), e (whole-set equivalent
// loop), prop (the whole-set RapidCheck property, `runs` cases in one check; with properties/ only),
// baseline (plain calls), plain (the model with plain components), scale<N> and spread<N> (the size
// series at N: every provider supports every volume, or provider i only volume i), and the mock floors
// (mock_floor.h): floor-a, floor-b, floor-c (the calls a run of (a), (b), (c) makes on its mocked
// components, replayed on fresh mocks), floor-c-gmock ((c)'s connects on the GoogleMock transport) and
// floor-e (RapidCheck generation of the whole-set property's worlds alone, `runs` cases in one check;
// with properties/ only). The floors derive their call sequence from one real run even with 0 runs, so
// tools/bench's (count(N) - count(0)) / N leaves it out.
#include <cstdio>
#include <cstdlib>
#include <string>

#ifdef VSSFAULT_BENCH_PROPERTIES
#include <rapidcheck.h>

#include "property_floor.h"
#include "vssfault/properties/properties.h"
#endif

#include "baseline.h"
#include "bits_world.h"
#include "mock_floor.h"
#include "vss_world.h"
#include "whole_set.h"

int main(int argc, char** argv) {
  using namespace vssfault;
  using namespace vssfault::bench;
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: %s a|b|c|e|prop|baseline|plain|scale<N>|spread<N>|"
                 "floor-a|floor-b|floor-c|floor-c-gmock|floor-e [runs]\n",
                 argv[0]);
    return 2;
  }
  const std::string which = argv[1];
  const int runs = argc > 2 ? std::atoi(argv[2]) : 100;
  const VssShape a{3, 2, 4};
  std::uint64_t check = 0;
  if (which == "prop") {
#ifdef VSSFAULT_BENCH_PROPERTIES
    rc::detail::TestParams params;
    params.seed = 20250101;
    params.maxSuccess = runs;
    const properties::PropertyInfo* p = properties::find_property("whole-set");
    const auto result =
        rc::detail::checkTestable([p] { p->check(properties::Breakage{}); }, rc::detail::TestMetadata{}, params);
    check = result.template is<rc::detail::SuccessResult>() ? 1 : 0;
#else
    std::fprintf(stderr, "built without properties/\n");
    return 2;
#endif
  } else if (which == "floor-e") {
#ifdef VSSFAULT_BENCH_PROPERTIES
    check = static_cast<std::uint64_t>(check_whole_set_generation(runs));
#else
    std::fprintf(stderr, "built without properties/\n");
    return 2;
#endif
  } else if (which == "floor-a" || which == "floor-b") {
    const mocks::VssFaultPlan plan = which == "floor-a" ? mocks::VssFaultPlan{} : retryable_freeze_plan();
    MockReplay replay(mock_call_sequence(a, plan), a, plan);
    for (int i = 0; i < runs; ++i) check += replay.Run();
  } else if (which == "floor-c") {
    BitsConnectReplay replay(bits_connect_sequence(), every_connect_fails());
    for (int i = 0; i < runs; ++i) check += replay.Run();
  } else if (which == "floor-c-gmock") {
    GmockConnectReplay replay(bits_connect_sequence());
    for (int i = 0; i < runs; ++i) check += replay.Run();
  } else if (which == "baseline") {
    VssWorld reference(a);
    reference.Backup();
    PlainReplay replay(call_sequence(reference.trace), a.writers, a.providers);
    for (int i = 0; i < runs; ++i) check += replay.Run();
  } else if (which.rfind("scale", 0) == 0 || which.rfind("spread", 0) == 0) {
    const bool scale = which[1] == 'c';
    const int n = std::atoi(which.c_str() + (scale ? 5 : 6));
    for (int i = 0; i < runs; ++i) {
      VssWorld world({n, n, n, scale});
      check += static_cast<std::uint64_t>(world.Backup().outcome);
    }
  } else {
    for (int i = 0; i < runs; ++i) {
      if (which == "a") {
        VssWorld world(a);
        check += static_cast<std::uint64_t>(world.Backup().outcome);
      } else if (which == "b") {
        VssWorld world(a, retryable_freeze_plan());
        check += static_cast<std::uint64_t>(world.Backup().outcome);
      } else if (which == "c") {
        BitsWorld world;
        check += static_cast<std::uint64_t>(world.Run());
      } else if (which == "e") {
        check += run_whole_set_case(static_cast<std::uint64_t>(i) + 1).holds ? 1 : 0;
      } else if (which == "plain") {
        PlainVssWorld world(a);
        check += static_cast<std::uint64_t>(world.Backup().outcome);
      } else {
        std::fprintf(stderr, "unknown case %s\n", which.c_str());
        return 2;
      }
    }
  }
  std::printf("%s x%d check=%llu\n", which.c_str(), runs, static_cast<unsigned long long>(check));
  return 0;
}

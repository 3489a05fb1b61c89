#pragma once
// (e)'s generation floor: the whole-set property (props::WholeSetFailure, properties/src/props_sets.cpp)
// first draws its input, `*gen::vssWorld()` with the default options, and hands it to note_world; then it
// builds and runs the world. This check does only the first part, under the same RapidCheck parameters
// as bench/property_bench.cpp, so its cases/s bound (e) for any implementation of the property that draws
// its worlds with this generator. Header-only: vssfault_bench and vssfault_bench_profile both link
// properties/ when it is built.
#include <cstdint>

#include <rapidcheck.h>

#include "vssfault/properties/generators.h"
#include "vssfault/properties/properties.h"

namespace vssfault::bench {

/// Runs `cases` RapidCheck cases that only generate the whole-set property's world; returns the cases
/// that succeeded (all of them, or 0 if RapidCheck reported a failure).
inline int check_whole_set_generation(int cases, std::uint64_t seed = 20250101) {
  rc::detail::TestParams params;
  params.seed = seed;
  params.maxSuccess = cases;
  params.maxSize = 100;
  rc::detail::TestMetadata metadata;
  metadata.id = "whole-set-generation";
  const auto result = rc::detail::checkTestable(
      [] {
        const properties::GeneratedWorld w = *properties::gen::vssWorld();
        properties::note_world(w);
      },
      metadata, params);
  if (!result.template is<rc::detail::SuccessResult>()) return 0;
  return result.template get<rc::detail::SuccessResult>().numSuccess;
}

}  // namespace vssfault::bench

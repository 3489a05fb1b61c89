#pragma once
// Runs a property under rc::check's machinery with explicit parameters (a fixed seed and a bounded number
// of cases, whatever RC_PARAMS says) and returns what RapidCheck concluded.
#include <cstdint>
#include <sstream>
#include <string>

#include <rapidcheck.h>

#include "vssfault/properties/properties.h"

namespace vssfault::properties::testing {

struct Verdict {
  bool failed = false;
  int cases = 0;            ///< successful cases before the failure (or in all)
  std::string description;  ///< the failing assertion with its values
  std::string counterexample;
  std::string summary;      ///< RapidCheck's own report
};

inline Verdict RunProperty(const PropertyInfo& property, const Breakage& breakage, int max_cases,
                           std::uint64_t seed = 20250101, bool shrink = true) {
  rc::detail::TestParams params;
  params.seed = seed;
  params.maxSuccess = max_cases;
  params.maxSize = 100;
  params.disableShrinking = !shrink;
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(property.id);
  metadata.description = std::string(property.test);
  const auto result =
      rc::detail::checkTestable([&property, &breakage] { property.check(breakage); }, metadata, params);
  Verdict v;
  std::ostringstream report;
  rc::detail::printResultMessage(result, report);
  v.summary = report.str();
  if (result.template is<rc::detail::FailureResult>()) {
    const auto& f = result.template get<rc::detail::FailureResult>();
    v.failed = true;
    v.cases = f.numSuccess;
    v.description = f.description;
    for (const auto& [type, value] : f.counterExample) v.counterexample += type + ": " + value + "\n";
  } else if (result.template is<rc::detail::SuccessResult>()) {
    v.cases = result.template get<rc::detail::SuccessResult>().numSuccess;
  }
  return v;
}

}  // namespace vssfault::properties::testing

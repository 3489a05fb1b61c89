#pragma once
// Running scenarios written inline in a test, and printing their mismatches as `vssfault run` does.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vssfault/runner/run.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::testing {

/// Loads `yaml` as the file "mem.yaml" (the test fails on a load error) and runs it.
inline runner::ScenarioResult run_text(const std::string& yaml, const runner::RunOptions& options = {}) {
  const auto loaded = scenario::load_scenario_text(yaml, "mem.yaml");
  if (!loaded.ok()) {
    std::string all;
    for (const auto& d : loaded.diagnostics.sorted()) all += d.to_string() + "\n";
    ADD_FAILURE() << "scenario does not load:\n" << all;
    return {};
  }
  return runner::run_scenario(*loaded.scenario, options);
}

/// "origin: what: expected E, actual A", one per mismatch.
inline std::vector<std::string> mismatch_lines(const runner::ScenarioResult& r) {
  std::vector<std::string> out;
  for (const auto& m : r.mismatches) out.push_back(m.origin + ": " + m.what + ": expected " + m.expected + ", actual " + m.actual);
  return out;
}

inline std::string path_in_source(const std::string& rel) { return std::string(VSSFAULT_SOURCE_DIR) + "/" + rel; }

}  // namespace vssfault::testing

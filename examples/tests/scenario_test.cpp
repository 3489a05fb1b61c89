// The harness from C++: load and run one of this project's scenario files (what `vssfault run` does).
#include <gtest/gtest.h>

#include <string>

#include "vssfault/runner/run.h"

namespace {

using namespace vssfault;

// The file's expectations hold, and a second run with the same seed gives the same trace hash (the
// harness's determinism contract).
TEST(ExampleScenarios, RunFromCppPassesAndIsDeterministic) {
  const std::string file = std::string(EXAMPLE_SCENARIOS) + "/journal-writer-freeze-retryable.yaml";
  const auto first = runner::run_file(file, {});
  ASSERT_EQ(first.outcome, runner::Outcome::kPassed) << runner::outcome_name(first.outcome);
  EXPECT_EQ(first.name, "journal-writer-freeze-retryable");
  EXPECT_EQ(first.virtual_time, Duration::minutes(10));
  const auto second = runner::run_file(file, {});
  EXPECT_EQ(second.trace_hash, first.trace_hash);
}

}  // namespace

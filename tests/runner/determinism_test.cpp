// --check-determinism: the corpus runs the same twice; a run that is not is reported at its first
// differing trace record.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "run_helpers.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/runner/paths.h"

namespace vssfault::runner {
namespace {

TEST(Determinism, EveryCorpusScenarioRunsTheSameTwice) {
  const auto files = collect_scenario_files({testing::path_in_source("scenarios")}).files;
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) {
    const auto once = run_file(f, {});
    const auto twice = run_file_twice(f, {});
    EXPECT_EQ(twice.trace_hash, once.trace_hash) << f;
    for (const auto& m : twice.mismatches) EXPECT_NE(m.what.rfind("determinism", 0), 0u) << f << ": " << m.what;
  }
}

TEST(Determinism, ARunThatDiffersIsReportedAtItsFirstDifferingRecord) {
  const std::string file = testing::path_in_source("scenarios/clean_backup.yaml");
  RunOptions options;
  auto runs = std::make_shared<int>(0);
  // A deliberately nondeterministic run: the hook writes a different value each time it is called.
  options.before_driver = [runs](Trace& trace, EventQueue&) {
    trace.add(Duration(), "test", "nondeterministic", {{"run", std::to_string(++*runs)}});
  };
  const auto first = run_file(file, {});
  const auto r = run_file_twice(file, options);
  EXPECT_EQ(*runs, 2);
  ASSERT_EQ(r.outcome, Outcome::kFailed);
  ASSERT_FALSE(r.mismatches.empty());
  const Mismatch& m = r.mismatches[0];
  const long at = m.trace_index;
  ASSERT_GE(at, 0);
  EXPECT_EQ(m.what, "determinism: trace record #" + std::to_string(at) + " differs between two runs with seed 1");
  EXPECT_EQ(m.expected, "+0000000000.000s test nondeterministic run=1");
  EXPECT_EQ(m.actual, "+0000000000.000s test nondeterministic run=2");
  EXPECT_EQ(m.origin, file);
  // Everything before the hook's record is the same world setup as an undisturbed run.
  for (long i = 0; i < at; ++i) {
    EXPECT_EQ(r.trace.records()[static_cast<std::size_t>(i)], first.trace.records()[static_cast<std::size_t>(i)]);
  }
}

TEST(Determinism, TheSeedOptionReplacesTheScenariosSeed) {
  const std::string file = testing::path_in_source("scenarios/clean_backup.yaml");
  RunOptions options;
  options.seed = 77;
  const auto r = run_file(file, options);
  EXPECT_EQ(r.seed, 77u);
  EXPECT_EQ(r.reproduce, "vssfault run " + file + " --seed 77");
}

TEST(Determinism, TheScenarioHashIsTheHashOfTheFileBytes) {
  const std::string file = testing::path_in_source("scenarios/clean_backup.yaml");
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(run_file(file, {}).scenario_hash, fnv1a64(bytes));
}

}  // namespace
}  // namespace vssfault::runner

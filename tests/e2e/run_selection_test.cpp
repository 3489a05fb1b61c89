// Choosing what runs: --filter, CI sharding (GoogleTest's and Bazel's variables), --check-determinism,
// and the corpus's registration in CTest.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "e2e_helpers.h"
#include "runner/temp_dir.h"

namespace vssfault::e2e {
namespace {

test::CliResult run_with_env(std::vector<std::string> env, const std::vector<std::string>& args) {
  std::vector<std::string> argv = std::move(env);
  argv.push_back(test::vssfault_binary());
  argv.push_back("run");
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run_program("/usr/bin/env", argv);
}

TEST(RunSelection, FilterMatchesThePathOrTheScenarioName) {
  const std::string dir = source("tests/scenario_files/run/mixed");
  const auto by_path = run({dir, "--filter", "*/clean.yaml"});
  EXPECT_EQ(by_path.exit_code, 0);
  EXPECT_EQ(verdicts(by_path.out), (std::vector<std::string>{"PASS mixed-clean"}));
  const auto by_name = run({dir, "--filter", "wrong-*"});
  EXPECT_EQ(by_name.exit_code, 1);
  EXPECT_EQ(verdicts(by_name.out), (std::vector<std::string>{"FAIL wrong-expectation"}));
  const auto none = run({dir, "--filter", "nothing-matches"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "0 passed, 0 failed\n");
}

TEST(RunSelection, ShardsSplitADirectoryIntoDisjointCompleteParts) {
  const std::string dir = source("scenarios");
  const auto all = verdicts(run({dir}).out);
  ASSERT_GE(all.size(), 5u);
  std::multiset<std::string> seen;
  for (int i = 0; i < 3; ++i) {
    const auto r = run_with_env({"GTEST_TOTAL_SHARDS=3", "GTEST_SHARD_INDEX=" + std::to_string(i)}, {dir});
    const auto part = verdicts(r.out);
    EXPECT_FALSE(part.empty()) << "shard " << i;
    seen.insert(part.begin(), part.end());
  }
  EXPECT_EQ(seen, std::multiset<std::string>(all.begin(), all.end())) << "every scenario in exactly one shard";
}

TEST(RunSelection, TheShardFlagSplitsLikeTheVariablesAndOverridesThem) {
  const std::string dir = source("scenarios");
  for (int i = 0; i < 3; ++i) {
    const auto by_env =
        verdicts(run_with_env({"GTEST_TOTAL_SHARDS=3", "GTEST_SHARD_INDEX=" + std::to_string(i)}, {dir}).out);
    // The flag wins over variables naming another split.
    const auto by_flag = verdicts(run_with_env({"GTEST_TOTAL_SHARDS=2", "GTEST_SHARD_INDEX=1"},
                                               {"--shard", std::to_string(i) + "/3", dir}).out);
    EXPECT_FALSE(by_flag.empty()) << "shard " << i;
    EXPECT_EQ(by_flag, by_env) << "shard " << i;
  }
  const auto bad = run({"--shard", "3/3", dir});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--shard 3/3: INDEX counts from 0 and must be below TOTAL (3)"), std::string::npos)
      << bad.err;
}

TEST(RunSelection, BazelShardingIsHonouredAndTheStatusFileTouched) {
  testing::TempDir tmp;
  const std::string status = tmp.str("shard-status");
  const std::string dir = source("tests/scenario_files/run/mixed");
  std::multiset<std::string> seen;
  for (int i = 0; i < 2; ++i) {
    const auto r = run_with_env({"TEST_TOTAL_SHARDS=2", "TEST_SHARD_INDEX=" + std::to_string(i),
                                 "TEST_SHARD_STATUS_FILE=" + status},
                                {dir});
    const auto part = verdicts(r.out);
    seen.insert(part.begin(), part.end());
  }
  EXPECT_EQ(seen.size(), 3u);
  EXPECT_TRUE(std::filesystem::exists(status));
}

TEST(RunSelection, BadShardVariablesExitTwo) {
  const auto r = run_with_env({"GTEST_TOTAL_SHARDS=2", "GTEST_SHARD_INDEX=2"}, {source("scenarios/clean_backup.yaml")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("GTEST_SHARD_INDEX must be a whole number below GTEST_TOTAL_SHARDS (2), found '2'"),
            std::string::npos)
      << r.err;
}

TEST(RunSelection, CheckDeterminismPassesOnTheFirstCorpus) {
  auto args = first_corpus();
  args.push_back("--check-determinism");
  const auto r = run(args);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(lines(r.out).back(), "5 passed, 0 failed");
}

TEST(RunSelection, TheCorpusIsRegisteredInCTestOneTestPerFile) {
  const auto r = test::run_program(VSSFAULT_CTEST_COMMAND,
                                   {"--test-dir", VSSFAULT_BINARY_DIR, "-N", "-L", "vssfault-scenario"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"scenario/clean_backup.yaml", "scenario/writer_freeze_retryable.yaml",
                           "scenario/provider_unexpected_code.yaml", "scenario/bits_no_progress_timeout.yaml",
                           "scenario/bits_client_cancels_after_error.yaml"}) {
    EXPECT_NE(r.out.find(std::string(": ") + name + "\n"), std::string::npos) << name << "\n" << r.out;
  }
}

}  // namespace
}  // namespace vssfault::e2e

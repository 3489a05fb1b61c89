#include "vssfault/runner/sharding.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace vssfault::runner {
namespace {

std::map<std::string, std::string> g_env;
const char* fake_getenv(const char* name) {
  auto it = g_env.find(name);
  return it == g_env.end() ? nullptr : it->second.c_str();
}

TEST(Sharding, NoVariablesMeansNoSharding) {
  g_env = {};
  EXPECT_FALSE(shard_from_env(fake_getenv).shard.has_value());
}

TEST(Sharding, GoogleTestVariables) {
  g_env = {{"GTEST_TOTAL_SHARDS", "3"}, {"GTEST_SHARD_INDEX", "1"}};
  const auto s = shard_from_env(fake_getenv);
  ASSERT_TRUE(s.shard.has_value());
  EXPECT_EQ(s.shard->total, 3u);
  EXPECT_EQ(s.shard->index, 1u);
  // Round robin: scenario 1, 4, 7 … belong to shard 1 of 3.
  EXPECT_FALSE(s.shard->owns(0));
  EXPECT_TRUE(s.shard->owns(1));
  EXPECT_TRUE(s.shard->owns(4));
}

TEST(Sharding, FlagTextGivesIndexAndTotal) {
  const auto s = parse_shard("2/5");
  ASSERT_TRUE(s.shard.has_value()) << s.error;
  EXPECT_EQ(s.shard->index, 2u);
  EXPECT_EQ(s.shard->total, 5u);
  EXPECT_TRUE(s.shard->owns(7));
  EXPECT_FALSE(s.shard->owns(8));
}

TEST(Sharding, BadFlagTextSaysWhatWasExpected) {
  EXPECT_EQ(parse_shard("3").error,
            "--shard expects INDEX/TOTAL, two whole numbers with TOTAL >= 1 (e.g. 0/4), found '3'");
  EXPECT_EQ(parse_shard("1/0").error,
            "--shard expects INDEX/TOTAL, two whole numbers with TOTAL >= 1 (e.g. 0/4), found '1/0'");
  EXPECT_EQ(parse_shard("a/2").error,
            "--shard expects INDEX/TOTAL, two whole numbers with TOTAL >= 1 (e.g. 0/4), found 'a/2'");
  EXPECT_EQ(parse_shard("4/4").error,
            "--shard 4/4: INDEX counts from 0 and must be below TOTAL (4); the last shard of 4 is 3/4");
}

TEST(Sharding, BazelVariablesWhenGoogleTestOnesAreAbsent) {
  g_env = {{"TEST_TOTAL_SHARDS", "2"}, {"TEST_SHARD_INDEX", "0"}, {"TEST_SHARD_STATUS_FILE", "/tmp/s"}};
  const auto s = shard_from_env(fake_getenv);
  ASSERT_TRUE(s.shard.has_value());
  EXPECT_EQ(s.shard->total, 2u);
  EXPECT_EQ(s.status_file, "/tmp/s");
}

TEST(Sharding, InvalidValuesAreErrors) {
  g_env = {{"GTEST_TOTAL_SHARDS", "2"}, {"GTEST_SHARD_INDEX", "2"}};
  EXPECT_EQ(shard_from_env(fake_getenv).error,
            "GTEST_SHARD_INDEX must be a whole number below GTEST_TOTAL_SHARDS (2), found '2'");
  g_env = {{"GTEST_TOTAL_SHARDS", "zero"}, {"GTEST_SHARD_INDEX", "0"}};
  EXPECT_EQ(shard_from_env(fake_getenv).error, "GTEST_TOTAL_SHARDS must be a positive whole number, found 'zero'");
  g_env = {{"GTEST_TOTAL_SHARDS", "0"}, {"GTEST_SHARD_INDEX", "0"}};
  EXPECT_FALSE(shard_from_env(fake_getenv).error.empty());
}

TEST(Sharding, EveryScenarioBelongsToExactlyOneShard) {
  for (std::size_t total = 1; total <= 5; ++total) {
    for (std::size_t i = 0; i < 20; ++i) {
      int owners = 0;
      for (std::size_t index = 0; index < total; ++index) owners += Shard{index, total}.owns(i) ? 1 : 0;
      EXPECT_EQ(owners, 1);
    }
  }
}

}  // namespace
}  // namespace vssfault::runner

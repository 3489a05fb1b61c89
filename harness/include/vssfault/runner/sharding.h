#pragma once
/// CI sharding: the environment variables GoogleTest and Bazel use to split a suite across machines.
#include <cstddef>
#include <optional>
#include <string>

namespace vssfault::runner {

struct Shard {
  std::size_t index = 0;  ///< 0-based
  std::size_t total = 1;
  /// Whether the i-th (0-based, in sorted order) scenario belongs to this shard (round robin, as
  /// GoogleTest assigns tests).
  bool owns(std::size_t i) const { return total <= 1 || i % total == index; }
};

struct ShardFromEnv {
  std::optional<Shard> shard;  ///< nullopt when no sharding variables are set
  std::string error;           ///< set when they are set but invalid (exit 2)
  std::string status_file;     ///< TEST_SHARD_STATUS_FILE (Bazel): touch it to say sharding is supported
};

/// Reads GTEST_TOTAL_SHARDS / GTEST_SHARD_INDEX, or Bazel's TEST_TOTAL_SHARDS / TEST_SHARD_INDEX when the
/// GoogleTest pair is absent. `getenv` is injectable for tests.
ShardFromEnv shard_from_env(const char* (*getenv_fn)(const char*) = nullptr);

/// `--shard INDEX/TOTAL` (0-based index, as GTEST_SHARD_INDEX): the shard, or `error` saying what was
/// expected and what was found.
ShardFromEnv parse_shard(const std::string& text);

}  // namespace vssfault::runner

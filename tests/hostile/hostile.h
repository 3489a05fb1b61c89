#pragma once
// Helpers of the hostile-input tests: a scratch directory per test and a bounded run of the built CLI.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "support/cli_runner.h"

namespace vssfault::hostile {

/// Address space (or, under ASan, resident memory) a hostile run may use.
inline constexpr std::uint64_t kMemoryLimit = 1ull << 30;
/// Wall time a hostile run may take before it is killed and the test fails. The unoptimised ASan+UBSan
/// build of tools/test-all runs the loader about ten times slower (3,000,000 alias visits: 1.2 s against
/// 15-30 s), so it gets a larger bound; an exponential walk (10^10 visits) exceeds either.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr std::chrono::seconds kTimeLimit{120};
#else
inline constexpr std::chrono::seconds kTimeLimit{30};
#endif

/// A fresh directory for one test (named after it), removed afterwards.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  /// Writes `bytes` to `name` (parent directories created) and returns its path.
  std::string file(const std::string& name, const std::string& bytes) const;
  std::filesystem::path path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Runs `vssfault args...` with kMemoryLimit and kTimeLimit applied.
test::CliResult run_bounded(const std::vector<std::string>& args);

/// The expected stdout of `vssfault check` on one file: its errors, then the summary line.
std::string check_output(const std::vector<std::string>& errors);

/// Runs `vssfault args...` bounded and expects it to finish in time, without a signal, printing exactly
/// `out` and `err` (an exhausted memory limit would show on stderr) and exiting with `exit`.
void expect_run(const std::vector<std::string>& args, const std::string& out, int exit = 2,
                const std::string& err = "");

}  // namespace vssfault::hostile

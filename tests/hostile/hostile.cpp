#include "hostile/hostile.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace vssfault::hostile {

namespace fs = std::filesystem;

TempDir::TempDir() {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  path_ = fs::path(testing::TempDir()) /
          ("vssfault-hostile-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
           std::to_string(::getpid()));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::file(const std::string& name, const std::string& bytes) const {
  const fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

test::CliResult run_bounded(const std::vector<std::string>& args) {
  test::RunOptions options;
  options.timeout = kTimeLimit;
#ifdef VSSFAULT_SANITIZED
  // ASan reserves terabytes of address space for its shadow, so RLIMIT_AS would stop it at startup;
  // its own hard RSS limit aborts the child instead (the test then sees a signal, not exit 2).
  const char* inherited = std::getenv("ASAN_OPTIONS");
  const std::string asan = std::string(inherited != nullptr ? inherited : "") +
                           ":hard_rss_limit_mb=" + std::to_string(kMemoryLimit >> 20);
  ::setenv("ASAN_OPTIONS", asan.c_str(), 1);
  return test::run_cli(args, options);
#else
  // prlimit (util-linux, Essential in Debian) sets RLIMIT_AS and execs vssfault: an allocation past the
  // limit fails, and the test sees "internal error: std::bad_alloc" on stderr instead of the error.
  std::vector<std::string> wrapped{"--as=" + std::to_string(kMemoryLimit), "--", test::vssfault_binary()};
  wrapped.insert(wrapped.end(), args.begin(), args.end());
  return test::run_program("/usr/bin/prlimit", wrapped, options);
#endif
}

std::string check_output(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out + "1 file, " + std::to_string(errors.size()) + (errors.size() == 1 ? " error\n" : " errors\n");
}

void expect_run(const std::vector<std::string>& args, const std::string& out, int exit, const std::string& err) {
  const test::CliResult r = run_bounded(args);
  EXPECT_FALSE(r.timed_out) << "killed after " << kTimeLimit.count() << " s";
  EXPECT_FALSE(r.signaled) << "signal " << r.exit_code - 128;
  EXPECT_EQ(r.err, err);
  EXPECT_EQ(r.out, out);
  EXPECT_EQ(r.exit_code, exit);
}

}  // namespace vssfault::hostile

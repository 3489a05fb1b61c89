#include "vssfault/runner/atomic_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "runner/temp_dir.h"

namespace vssfault::runner {
namespace {
using vssfault::testing::TempDir;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(AtomicFile, WritesAndReplacesLeavingNoTemporaryFile) {
  TempDir t;
  const auto path = t.str("report.xml");
  EXPECT_EQ(write_file_atomically(path, "first"), "");
  EXPECT_EQ(slurp(path), "first");
  EXPECT_EQ(write_file_atomically(path, "second, longer"), "");
  EXPECT_EQ(slurp(path), "second, longer");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(t.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(AtomicFile, MissingDirectoryIsAnErrorNamingThePath) {
  TempDir t;
  const auto path = t.str("no/such/dir/report.xml");
  const auto err = write_file_atomically(path, "x");
  EXPECT_EQ(err.rfind(path + ": cannot create a temporary file beside it: ", 0), 0u) << err;
}

}  // namespace
}  // namespace vssfault::runner

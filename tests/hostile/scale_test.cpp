// 100,000 writers, and the checks that compare names across the scenario: with every limit raised
// they must stay linear, and errors stop at --max-errors.
#include <gtest/gtest.h>

#include "hostile/hostile.h"

namespace vssfault::hostile {
namespace {

std::string writers(int n) {
  std::string text = "name: many\nwriters:\n";
  for (int i = 0; i < n; ++i) text += "  - name: w" + std::to_string(i) + "\n";
  return text;
}

TEST(HostileScale, AHundredThousandWritersExceedTheFileSizeLimit) {
  TempDir dir;
  const std::string path = dir.file("many.yaml", writers(100'000));
  expect_run({"check", path},
             check_output({path + ":1:1: error: the file is 1688910 bytes, more than the limit of 1048576 (raise "
                                  "it with --max-file-size)"}));
}

TEST(HostileScale, AHundredThousandWritersExceedTheItemLimit) {
  TempDir dir;
  const std::string path = dir.file("many.yaml", writers(100'000));
  expect_run({"check", "--max-file-size", "2000000", path},
             check_output({path + ":3:3: error: writers: a list of 100000 items, more than the limit of 10000 (raise "
                                  "it with --max-items)"}));
}

TEST(HostileScale, AHundredThousandWritersLoadWhenEveryLimitAllowsThem) {
  TempDir dir;
  const std::string path = dir.file("many.yaml", writers(100'000));
  expect_run({"check", "--max-file-size", "2000000", "--max-items", "100000", "--max-nodes", "1000000", path},
             check_output({}), 0);
}

TEST(HostileScale, TenThousandFaultsOnUnknownWritersStopAtTheErrorLimit) {
  // 10,000 writers and 10,000 faults naming writers that do not exist: each error would compare its
  // name with every writer and list them all; the loader stops after 100 errors, each listing 20.
  std::string text = writers(10'000) + "faults:\n";
  for (int i = 0; i < 10'000; ++i) text += "  - {writer: x" + std::to_string(i) + "y, event: Freeze, code: VSS_E_WRITERERROR_RETRYABLE}\n";
  TempDir dir;
  const std::string path = dir.file("refs.yaml", text);
  const test::CliResult r = run_bounded({"check", "--max-nodes", "1000000", path});
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.exit_code, 2);
  std::vector<std::string> lines;
  for (std::size_t start = 0, end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(r.out.substr(start, end - start));
  }
  ASSERT_EQ(lines.size(), 102u);  // 100 errors, "too many errors", the summary
  EXPECT_EQ(lines[0], path + ":10004:14: error: writer: unknown writer 'x0y' (defined writers: w0, w1, w2, w3, w4, w5, "
                             "w6, w7, w8, w9, w10, w11, w12, w13, w14, w15, w16, w17, w18, w19 and 9980 more)");
  EXPECT_EQ(lines[100], path + ":10104:14: error: too many errors (more than 100); stopping here (raise the limit "
                               "with --max-errors)");
  EXPECT_EQ(lines[101], "1 file, 101 errors");
}

}  // namespace
}  // namespace vssfault::hostile

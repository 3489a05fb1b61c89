// 10,000 levels of nesting, in flow and in block style, and the depth limit below yaml-cpp's own.
#include <gtest/gtest.h>

#include "hostile/hostile.h"

namespace vssfault::hostile {
namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HostileNesting, TenThousandFlowLevelsStopAtYamlCppsLimit) {
  TempDir dir;
  const std::string path =
      dir.file("flow.yaml", "name: deep\ndescription: " + repeat("[", 10'000) + repeat("]", 10'000) + "\n");
  // yaml-cpp gives up at level 501 and marks the end of the line it was scanning.
  expect_run({"check", path},
             check_output({path + ":2:20014: error: YAML nesting is too deep (more than 500 levels)"}));
}

TEST(HostileNesting, TenThousandBlockLevelsStopAtYamlCppsLimit) {
  // "- - - - ..." opens a block sequence per dash: 10,000 levels in 20 kB.
  TempDir dir;
  const std::string path = dir.file("block.yaml", "name: deep\nwriters:\n  " + repeat("- ", 10'000) + "x\n");
  // Here yaml-cpp stops at the 500th dash.
  expect_run({"check", path},
             check_output({path + ":3:1000: error: YAML nesting is too deep (more than 500 levels)"}));
}

TEST(HostileNesting, NestingPastTheDepthLimitIsReportedWhereItStarts) {
  // 100 levels: within yaml-cpp's 500, past the loader's 64. The top-level map is level 1, so the
  // 64th '[' (column 77) opens level 65.
  TempDir dir;
  const std::string path =
      dir.file("deep.yaml", "name: deep\ndescription: " + repeat("[", 100) + repeat("]", 100) + "\n");
  expect_run({"check", path},
             check_output({path + ":2:77: error: nesting deeper than the limit of 64 levels (raise it with "
                                  "--max-depth)"}));
  expect_run({"check", "--max-depth", "101", path},
             check_output({path + ":2:14: error: description: expected a string, found a list"}));
}

TEST(HostileNesting, TheDepthFlagStopsAtYamlCppsLimit) {
  TempDir dir;
  const std::string path = dir.file("ok.yaml", "name: ok\n");
  expect_run({"check", "--max-depth", "501", path}, "",
             2, "--max-depth: 501 is more than 500\nRun with --help for more information.\n");
}

}  // namespace
}  // namespace vssfault::hostile

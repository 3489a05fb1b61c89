// `vssfault coverage` end to end: the table, --json, --min and bad input.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/cli_runner.h"

namespace vssfault::test {
namespace {

const std::string kFreeze = VSSFAULT_SOURCE_DIR "/scenarios/vss-writers/set-writer-failure-at-freeze.yaml";

TEST(CoverageCli, TableShowsTotalsAndMissedCells) {
  const CliResult r = run_cli({"coverage", kFreeze});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("coverage of the documented failure space (1 scenarios)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n  total "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  writer-failure Thaw VSS_E_WRITERERROR_RETRYABLE  [S3]\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("  writer-failure Freeze VSS_E_WRITERERROR_RETRYABLE  [S3]\n"), std::string::npos) << r.out;
}

TEST(CoverageCli, JsonMarksTheCellsTheRunReached) {
  const CliResult r = run_cli({"coverage", kFreeze, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["scenarios"], 1);
  int reached_freeze = 0;
  for (const auto& cell : j["matrix"]) {
    if (cell["dimension"] == "writer-failure" && cell["site"] == "Freeze") {
      EXPECT_EQ(cell["reached"], true) << cell;
      EXPECT_EQ(cell["scenarios"], nlohmann::json::array({kFreeze}));
      ++reached_freeze;
    }
  }
  EXPECT_EQ(reached_freeze, 5);
  EXPECT_LT(j["percent"].get<double>(), 100.0);
  EXPECT_EQ(j["cells"].get<int>(), static_cast<int>(j["matrix"].size()));
}

TEST(CoverageCli, BelowMinExitsOne) {
  const CliResult below = run_cli({"coverage", kFreeze, "--min", "100"});
  EXPECT_EQ(below.exit_code, 1);
  EXPECT_NE(below.err.find("below --min 100"), std::string::npos) << below.err;
  EXPECT_EQ(run_cli({"coverage", kFreeze, "--min", "1"}).exit_code, 0);
}

TEST(CoverageCli, BadInputExitsTwo) {
  const auto dir = std::filesystem::temp_directory_path() / ("vssfault-coverage-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string bad = (dir / "bad.yaml").string();
  std::ofstream(bad) << "name: \"bad\"\nwritres: []\n";
  const CliResult r = run_cli({"coverage", bad, kFreeze});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad + ":2:1: error:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("(1 scenarios)"), std::string::npos) << r.out;  // the valid file is still measured
  EXPECT_EQ(run_cli({"coverage", kFreeze, "--min", "101"}).exit_code, 2);
  EXPECT_EQ(run_cli({"coverage", (dir / "missing").string()}).exit_code, 2);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vssfault::test

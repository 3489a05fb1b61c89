// `vssfault run --junit --json` killed at any moment leaves each report as it was before the run or as
// the complete new report, never a truncated file (issue 7.4). The corpus run is killed with SIGKILL
// after delays swept from 0 to past its whole duration; reports are deterministic (virtual time only),
// so "complete" means byte-identical to the report of an uninterrupted run.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e_helpers.h"
#include "runner/temp_dir.h"

namespace vssfault::e2e {
namespace {

std::string read_report(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RunKill, AKilledRunLeavesThePreviousOrTheCompleteReport) {
  testing::TempDir dir;
  const std::string xml = dir.str("report.xml"), json = dir.str("report.json");
  const std::string corpus = source("scenarios");

  // The complete reports of the corpus, and different "previous" reports (another folder's run).
  auto t0 = std::chrono::steady_clock::now();
  const auto full = test::run_cli({"run", corpus, "--junit", xml, "--json", json});
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  ASSERT_EQ(full.exit_code, 0) << full.out << full.err;
  const std::string new_xml = read_report(xml), new_json = read_report(json);
  ASSERT_NE(new_xml.find("</testsuites>"), std::string::npos);
  const auto prev = test::run_cli({"run", source("tests/scenario_files/run/mixed"), "--junit", xml, "--json", json});
  ASSERT_EQ(prev.exit_code, 2) << prev.out;
  const std::string old_xml = read_report(xml), old_json = read_report(json);
  ASSERT_NE(old_xml, new_xml);

  int killed = 0, finished = 0;
  const int kSteps = 16;
  for (int step = 0; step < kSteps; ++step) {
    // Reset to the previous reports, then run the corpus and kill it at step/kSteps * 1.25 of a full run.
    std::ofstream(xml, std::ios::binary | std::ios::trunc) << old_xml;
    std::ofstream(json, std::ios::binary | std::ios::trunc) << old_json;
    test::RunOptions options;
    options.timeout = std::chrono::milliseconds(1 + full_ms.count() * 5 * step / (4 * kSteps));
    const auto r = test::run_cli({"run", corpus, "--junit", xml, "--json", json}, options);
    (r.timed_out ? killed : finished) += 1;
    const std::string now_xml = read_report(xml), now_json = read_report(json);
    EXPECT_TRUE(now_xml == old_xml || now_xml == new_xml)
        << "killed after " << options.timeout.count() << " ms: the JUnit report holds " << now_xml.size()
        << " bytes, neither the previous " << old_xml.size() << " nor the complete " << new_xml.size();
    EXPECT_TRUE(now_json == old_json || now_json == new_json)
        << "killed after " << options.timeout.count() << " ms: the JSON report holds " << now_json.size()
        << " bytes, neither the previous " << old_json.size() << " nor the complete " << new_json.size();
    if (!r.timed_out) {
      EXPECT_EQ(r.exit_code, 0) << r.err;
      EXPECT_EQ(now_xml, new_xml);
      EXPECT_EQ(now_json, new_json);
    }
  }
  EXPECT_GT(killed, 0) << "no run was killed: the sweep never interrupted one";
}

}  // namespace
}  // namespace vssfault::e2e

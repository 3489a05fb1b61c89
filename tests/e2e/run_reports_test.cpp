// --junit and --json: written atomically, parseable, one entry per scenario, the right counts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e_helpers.h"
#include "runner/temp_dir.h"

namespace vssfault::e2e {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RunReports, MissingReportDirectoriesAreCreated) {
  testing::TempDir dir;
  const std::string xml = dir.str("out/ci/junit.xml");
  const std::string json = dir.str("out/json/run.json");
  const auto r = run({source("scenarios/clean_backup.yaml"), "--junit", xml, "--json", json});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(slurp(xml).find("<testcase name=\"clean-backup\""), std::string::npos) << slurp(xml);
  EXPECT_EQ(nlohmann::json::parse(slurp(json)).at("passed"), 1) << slurp(json);
}

TEST(RunReports, AReportDirectoryThatCannotBeMadeStopsBeforeAnyScenarioRuns) {
  testing::TempDir dir;
  const std::string file = dir.str("plain-file");
  std::ofstream(file) << "x";
  const auto r = run({source("scenarios/clean_backup.yaml"), "--junit", file + "/junit.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "") << "no scenario ran";
  EXPECT_EQ(r.err, "vssfault run: " + file + "/junit.xml: cannot create its directory " + file + ": Not a directory\n");
}

TEST(RunReports, JUnitParsesAsXmlAndListsEveryScenario) {
  testing::TempDir dir;
  const std::string xml = dir.str("report.xml");
  const auto r = run({source("tests/scenario_files/run/mixed"), "--junit", xml});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  const std::string check =
      "import sys, xml.etree.ElementTree as E\n"
      "root = E.parse(sys.argv[1]).getroot()\n"
      "suite = root.find('testsuite')\n"
      "print(root.tag, root.get('tests'), root.get('failures'), root.get('errors'))\n"
      "for case in suite.findall('testcase'):\n"
      "    kind = 'failure' if case.find('failure') is not None else 'error' if case.find('error') is not None else 'ok'\n"
      "    print(case.get('name'), kind)\n";
  const auto parsed = test::run_program("/usr/bin/python3", {"-c", check, xml});
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  const std::string invalid = source("tests/scenario_files/run/mixed/invalid.yaml");
  EXPECT_EQ(parsed.out, "testsuites 3 1 1\n"
                        "mixed-clean ok\n" +
                            invalid + " error\n"
                            "wrong-expectation failure\n");
}

TEST(RunReports, JsonParsesWithTheRightCounts) {
  testing::TempDir dir;
  const std::string path = dir.str("report.json");
  const auto r = run({source("tests/scenario_files/run/mixed"), "--json", path});
  EXPECT_EQ(r.exit_code, 2);
  const auto doc = nlohmann::json::parse(slurp(path));
  EXPECT_EQ(doc["passed"], 1);
  EXPECT_EQ(doc["failed"], 1);
  EXPECT_EQ(doc["invalid"], 1);
  EXPECT_EQ(doc["errors"], 0);
  ASSERT_EQ(doc["scenarios"].size(), 3u);
  EXPECT_EQ(doc["scenarios"][0]["name"], "mixed-clean");
  EXPECT_EQ(doc["scenarios"][0]["outcome"], "passed");
  const auto& failed = doc["scenarios"][2];
  EXPECT_EQ(failed["outcome"], "failed");
  ASSERT_EQ(failed["mismatches"].size(), 1u);
  EXPECT_EQ(failed["mismatches"][0]["what"], "writer SqlWriter state");
  EXPECT_EQ(failed["mismatches"][0]["expected"], "VSS_WS_FAILED_AT_FREEZE");
  EXPECT_EQ(failed["mismatches"][0]["actual"], "VSS_WS_STABLE");
  EXPECT_EQ(failed["reproduce"],
            "vssfault run " + source("tests/scenario_files/run/mixed/wrong_expectation.yaml") + " --seed 1");
}

TEST(RunReports, ReportsOfTheSameRunAreByteIdentical) {
  testing::TempDir dir;
  auto args = first_corpus();
  args.insert(args.end(), {"--json", dir.str("a.json"), "--junit", dir.str("a.xml")});
  ASSERT_EQ(run(args).exit_code, 0);
  args = first_corpus();
  args.insert(args.end(), {"--json", dir.str("b.json"), "--junit", dir.str("b.xml")});
  ASSERT_EQ(run(args).exit_code, 0);
  EXPECT_EQ(slurp(dir.str("a.json")), slurp(dir.str("b.json")));
  EXPECT_EQ(slurp(dir.str("a.xml")), slurp(dir.str("b.xml")));
  EXPECT_EQ(nlohmann::json::parse(slurp(dir.str("a.json")))["passed"], 5);
}

TEST(RunReports, AReportThatCannotBeWrittenExitsTwo) {
  // A directory where the report should go: the rename over it fails (as root too).
  testing::TempDir dir;
  const std::string report = dir.str("report.json");
  std::filesystem::create_directory(report);
  const auto r = run({source("scenarios/clean_backup.yaml"), "--json", report});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("vssfault run: " + report + ": cannot replace: "), std::string::npos) << r.err;
  EXPECT_EQ(lines(r.out).back(), "1 passed, 0 failed") << "the run itself still happened";
}

}  // namespace
}  // namespace vssfault::e2e

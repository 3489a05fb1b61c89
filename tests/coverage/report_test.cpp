// Measuring runs against a space, and the report shapes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "vssfault/coverage/coverage.h"

namespace vssfault::coverage {
namespace {

Space small_space() {
  Space s;
  s.cells.push_back({Dimension::kWriterFailure, "Freeze", "VSS_E_WRITERERROR_RETRYABLE", "S3"});
  s.cells.push_back({Dimension::kWriterFailure, "Thaw", "VSS_E_WRITERERROR_RETRYABLE", "S3"});
  s.cells.push_back({Dimension::kBitsState, "", "ERROR", "LC"});
  s.cells.push_back({Dimension::kBitsState, "", "QUEUED", "LC"});
  s.excluded.push_back({{Dimension::kWriterState, "", "VSS_WS_UNKNOWN", "VWS"}, "no event leads there"});
  return s;
}

runner::ScenarioResult run_with(std::string file, runner::Outcome outcome,
                                std::initializer_list<std::pair<std::string, std::string>> state_changes) {
  runner::ScenarioResult r;
  r.file = std::move(file);
  r.outcome = outcome;
  r.trace.add(Instant{}, "bits:J", "create", {{"type", "DOWNLOAD"}, {"state", "SUSPENDED"}});
  for (const auto& [from, to] : state_changes)
    r.trace.add(Instant{}, "bits:J", "state", {{"from", from}, {"to", to}, {"cause", "scheduler"}});
  return r;
}

TEST(CoverageReport, CountsReachedCellsAndTheScenariosThatReachedThem) {
  const Report r = measure(small_space(), {run_with("b.yaml", runner::Outcome::kPassed, {{"SUSPENDED", "QUEUED"}}),
                                           run_with("a.yaml", runner::Outcome::kFailed, {{"SUSPENDED", "QUEUED"}})});
  EXPECT_EQ(r.cells(), 4u);
  EXPECT_EQ(r.reached(), 1u);
  EXPECT_DOUBLE_EQ(r.percent(), 25.0);
  EXPECT_EQ(r.scenarios, 2u);
  EXPECT_EQ(r.reached_by.at("bits-state QUEUED"), (std::vector<std::string>{"a.yaml", "b.yaml"}));
  EXPECT_EQ(r.not_passed, (std::vector<std::string>{"a.yaml: failed"}));
  EXPECT_EQ(r.totals(Dimension::kBitsState).cells, 2u);
  EXPECT_EQ(r.totals(Dimension::kBitsState).reached, 1u);
  EXPECT_EQ(r.totals(Dimension::kWriterFailure).reached, 0u);
}

TEST(CoverageReport, InvalidRunsAreNotCounted) {
  runner::ScenarioResult invalid;
  invalid.outcome = runner::Outcome::kInvalid;
  const Report r = measure(small_space(), {invalid});
  EXPECT_EQ(r.scenarios, 0u);
  EXPECT_EQ(r.reached(), 0u);
}

TEST(CoverageReport, TextListsDimensionsMissedCellsAndTotal) {
  const Report r = measure(small_space(), {run_with("a.yaml", runner::Outcome::kPassed, {{"SUSPENDED", "ERROR"}})});
  const std::string text = to_text(r);
  EXPECT_NE(text.find("bits-state                 2       1    50.0 %"), std::string::npos) << text;
  EXPECT_NE(text.find("total                      4       1    25.0 %"), std::string::npos) << text;
  EXPECT_NE(text.find("missed (3):\n  writer-failure Freeze VSS_E_WRITERERROR_RETRYABLE  [S3]\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("excluded: 1 cells"), std::string::npos);
}

TEST(CoverageReport, JsonShape) {
  const Report r = measure(small_space(), {run_with("a.yaml", runner::Outcome::kPassed, {{"SUSPENDED", "ERROR"}})});
  const auto j = nlohmann::json::parse(to_json(r));
  EXPECT_EQ(j["cells"], 4);
  EXPECT_EQ(j["reached"], 1);
  EXPECT_DOUBLE_EQ(j["percent"].get<double>(), 25.0);
  EXPECT_EQ(j["scenarios"], 1);
  ASSERT_EQ(j["dimensions"].size(), kDimensionCount);
  EXPECT_EQ(j["dimensions"][6], (nlohmann::json{{"name", "bits-state"}, {"cells", 2}, {"reached", 1}, {"percent", 50.0}}));
  ASSERT_EQ(j["matrix"].size(), 4u);
  EXPECT_EQ(j["matrix"][2], (nlohmann::json{{"dimension", "bits-state"}, {"site", ""}, {"value", "ERROR"}, {"source", "LC"},
                                            {"reached", true}, {"scenarios", {"a.yaml"}}}));
  EXPECT_EQ(j["matrix"][0]["reached"], false);
  EXPECT_EQ(j["excluded"][0]["reason"], "no event leads there");
  EXPECT_TRUE(j["not_passed"].empty());
}

TEST(CoverageReport, AnEmptySpaceIsFullyCovered) {
  EXPECT_DOUBLE_EQ(measure(Space{}, {}).percent(), 100.0);
}

}  // namespace
}  // namespace vssfault::coverage

namespace vssfault::coverage {
namespace {

TEST(CoverageReport, TheWriterStatesARunEndedWithAreReached) {
  Space s;
  s.cells.push_back({Dimension::kWriterState, "", "VSS_WS_WAITING_FOR_FREEZE", "VWS"});
  s.cells.push_back({Dimension::kWriterState, "", "VSS_WS_WAITING_FOR_THAW", "VWS"});
  runner::ScenarioResult run;
  run.file = "a.yaml";
  run.final_writer_states = {"VSS_WS_WAITING_FOR_FREEZE", "VSS_WS_STABLE"};
  const Report r = measure(s, {run});
  EXPECT_EQ(r.reached_by.at("writer-state VSS_WS_WAITING_FOR_FREEZE"), (std::vector<std::string>{"a.yaml"}));
  EXPECT_TRUE(r.reached_by.at("writer-state VSS_WS_WAITING_FOR_THAW").empty());
}

}  // namespace
}  // namespace vssfault::coverage

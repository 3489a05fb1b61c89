// run_file: invalid files are reported with every diagnostic, world-level problems are the scenario's.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "run_helpers.h"
#include "step_calls.h"
#include "temp_dir.h"
#include "vssfault/scenario/calls.h"

namespace vssfault::runner {
namespace {

TEST(RunFile, AnInvalidFileGivesEveryDiagnostic) {
  vssfault::testing::TempDir dir;
  const std::string file = dir.write("bad.yaml", "name: \"bad\"\nwritres: []\nseed: -3\n");
  const auto r = run_file(file, {});
  EXPECT_EQ(r.outcome, Outcome::kInvalid);
  ASSERT_EQ(r.messages.size(), 2u) << ::testing::PrintToString(r.messages);
  EXPECT_EQ(r.messages[0].rfind(file + ":2:1: error: unknown key 'writres'", 0), 0u) << r.messages[0];
  EXPECT_EQ(r.messages[1].rfind(file + ":3:7: error: ", 0), 0u) << r.messages[1];
  EXPECT_TRUE(r.mismatches.empty());
}

TEST(RunFile, AMissingFileIsInvalid) {
  const auto r = run_file("/nonexistent/dir/x.yaml", {});
  EXPECT_EQ(r.outcome, Outcome::kInvalid);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].rfind("/nonexistent/dir/x.yaml:1:1: error: ", 0), 0u) << r.messages[0];
}

TEST(RunFile, TheCorpusPasses) {
  for (const char* name : {"clean_backup", "writer_freeze_retryable", "provider_unexpected_code",
                           "bits_no_progress_timeout", "bits_client_cancels_after_error"}) {
    const auto r = run_file(testing::path_in_source(std::string("scenarios/") + name + ".yaml"), {});
    EXPECT_EQ(r.outcome, Outcome::kPassed) << name << ": " << ::testing::PrintToString(testing::mismatch_lines(r))
                                           << ::testing::PrintToString(r.messages);
  }
}

TEST(RunFile, AFaultTheInjectorsCannotCarryOutIsInvalidAtItsPosition) {
  const auto r = testing::run_text(R"(name: "component-failure-in-freeze"
volumes: ["C:"]
writers:
  - name: "W"
    components: [{name: "c", volumes: ["C:"]}]
faults:
  - writer: "W"
    event: Freeze
    code: VSS_E_WRITERERROR_PARTIAL_FAILURE
    api: set_writer_failure_ex
    component_failures:
      - {component: "c", code: VSS_E_WRITERERROR_RETRYABLE}
)");
  EXPECT_EQ(r.outcome, Outcome::kInvalid);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].rfind("mem.yaml:7:5: error: the fault plan cannot be carried out: ", 0), 0u)
      << r.messages[0];
  EXPECT_NE(r.messages[0].find("OnFreeze"), std::string::npos) << r.messages[0];
}

TEST(StepTable, EveryCallOfTheFormatHasAnImplementation) {
  const auto& table = detail::step_table();
  std::set<std::string_view> format;
  for (const auto& call : scenario::all_calls()) {
    format.insert(call.name);
    EXPECT_TRUE(table.count(call.name)) << call.name;
  }
  for (const auto& [name, fn] : table) EXPECT_TRUE(format.count(name)) << name << " is not a call of the format";
}

TEST(Faults, ProviderAndBitsFaultsCarryTheirPositionIntoTheTrace) {
  const auto r = testing::run_text(R"(name: "origins"
jobs:
  - name: "J"
    files: [{remote: "https://example.com/a", local: "C:\\a", size: 100}]
faults:
  - job: "J"
    point: connect
    delay: 30s
    code: BG_E_CONNECT_FAILURE
    context: BG_ERROR_CONTEXT_GENERAL_TRANSPORT
    severity: fatal
driver:
  kind: steps
  steps:
    - call: Resume
      args: {job: "J"}
    - advance: 1m
expect:
  jobs:
    J: {state: BG_JOB_STATE_ERROR}
)");
  EXPECT_EQ(r.outcome, Outcome::kPassed) << ::testing::PrintToString(testing::mismatch_lines(r));
  const TraceRecord* fault = nullptr;
  const TraceRecord* error_state = nullptr;
  for (const auto& rec : r.trace.records()) {
    if (rec.event == "fault" && !fault) fault = &rec;
    if (rec.event == "state" && rec.field("to") == "ERROR") error_state = &rec;
  }
  ASSERT_NE(fault, nullptr);
  EXPECT_EQ(fault->field("origin"), "mem.yaml:6:5");
  ASSERT_NE(error_state, nullptr);
  // A failing call with a delay fails after it: the injected connect failure takes 30 s.
  EXPECT_EQ(error_state->time, Duration::seconds(30));
}

}  // namespace
}  // namespace vssfault::runner

// Every kind of expectation, checked against a real run: when it holds nothing is reported, when it does
// not, the mismatch says where (the expectation's position), what, the expected and the actual value.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "run_helpers.h"

namespace vssfault::runner {
namespace {

using testing::mismatch_lines;
using testing::run_text;

const char* const kWorld = R"(name: "world"
volumes: ["C:"]
writers:
  - name: "SqlWriter"
    components: [{name: "orders", volumes: ["C:"]}]
)";

TEST(Expectations, ACleanBackupMeetsEveryTrueExpectation) {
  const auto r = run_text(std::string(kWorld) + R"(expect:
  result: S_OK
  outcome: succeeded
  attempts: 1
  elapsed: 0ms
  snapshots: present
  writers:
    SqlWriter: {state: VSS_WS_STABLE, code: S_OK, application_code: S_OK, message: ""}
  event_log: []
  violations: none
)");
  EXPECT_EQ(r.outcome, Outcome::kPassed) << ::testing::PrintToString(mismatch_lines(r));
  EXPECT_TRUE(r.mismatches.empty());
  EXPECT_EQ(r.file, "mem.yaml");
  EXPECT_EQ(r.name, "world");
  EXPECT_EQ(r.reproduce, "vssfault run mem.yaml --seed 1");
  EXPECT_EQ(r.trace_hash, r.trace.hash());
  EXPECT_GT(r.trace.size(), 0u);
}

TEST(Expectations, EveryWrongExpectationIsOneMismatchAtItsPosition) {
  const auto r = run_text(std::string(kWorld) + R"(expect:
  result: VSS_E_BAD_STATE
  outcome: gave-up
  writers:
    SqlWriter:
      state: VSS_WS_FAILED_AT_FREEZE
      code: VSS_E_WRITERERROR_TIMEOUT
      application_code: E_FAIL
      message: "disk full"
  event_log:
    - {source: "SqlWriter", method: Freeze, code: VSS_E_WRITERERROR_TIMEOUT}
  snapshots: absent
  attempts: 2
  elapsed: 1m
  violations: [writer.handler-threw]
)");
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(mismatch_lines(r),
            (std::vector<std::string>{
                "mem.yaml:7:11: result (the reference requester's last attempt): expected VSS_E_BAD_STATE, actual S_OK",
                "mem.yaml:8:12: outcome: expected gave-up, actual succeeded",
                "mem.yaml:11:14: writer SqlWriter state: expected VSS_WS_FAILED_AT_FREEZE, actual VSS_WS_STABLE",
                "mem.yaml:12:13: writer SqlWriter code: expected VSS_E_WRITERERROR_TIMEOUT, actual S_OK",
                "mem.yaml:13:25: writer SqlWriter application_code: expected E_FAIL, actual S_OK",
                "mem.yaml:14:16: writer SqlWriter message: expected \"disk full\", actual \"\"",
                "mem.yaml:16:5: event_log: expected 1 entries, actual 0 entries",
                "mem.yaml:16:7: event_log[0]: expected {source: \"SqlWriter\", method: Freeze, code: "
                "VSS_E_WRITERERROR_TIMEOUT}, actual (no entry)",
                "mem.yaml:17:14: snapshots: expected absent, actual present",
                "mem.yaml:18:13: attempts: expected 2, actual 1",
                "mem.yaml:19:12: elapsed: expected 1m, actual 0ms",
                "mem.yaml:20:15: violations: expected writer.handler-threw, actual none",
            }));
  for (const auto& m : r.mismatches) {
    EXPECT_GE(m.trace_index, 0) << m.what;
    EXPECT_LT(static_cast<std::size_t>(m.trace_index), r.trace.size()) << m.what;
  }
  // The writer's mismatches point at the writer's last record.
  EXPECT_EQ(r.trace.records()[static_cast<std::size_t>(r.mismatches[2].trace_index)].actor, "writer:SqlWriter");
}

TEST(Expectations, WriterFailureComponentsAndTheEventLogAreReadFromTheModel) {
  const auto r = run_text(R"(name: "partial"
volumes: ["C:"]
writers:
  - name: "MailWriter"
    components: [{name: "box-1", volumes: ["C:"]}, {name: "box-2", volumes: ["C:"]}]
faults:
  - writer: "MailWriter"
    event: PostSnapshot
    hit: every
    code: VSS_E_WRITERERROR_PARTIAL_FAILURE
    message: "box-2 is full"
    component_failures:
      - {component: "box-2", code: VSS_E_WRITERERROR_OUTOFRESOURCES, message: "checkpoint failed"}
driver:
  retries: 0
expect:
  writers:
    MailWriter:
      state: VSS_WS_FAILED_AT_POST_SNAPSHOT
      code: VSS_E_WRITERERROR_PARTIAL_FAILURE
      message: "box-2 is full"
      components:
        box-1: {code: S_OK}
        box-2: {code: VSS_E_WRITERERROR_OUTOFRESOURCES, message: "wrong"}
  event_log:
    - {source: "MailWriter", method: PostSnapshot, code: VSS_E_WRITERERROR_PARTIAL_FAILURE, when: before_freeze}
)");
  EXPECT_EQ(mismatch_lines(r),
            (std::vector<std::string>{
                "mem.yaml:24:66: writer MailWriter component box-2 message: expected \"wrong\", actual "
                "\"checkpoint failed\"",
                "mem.yaml:26:7: event_log[0]: expected {source: \"MailWriter\", method: PostSnapshot, code: "
                "VSS_E_WRITERERROR_PARTIAL_FAILURE, when: before_freeze}, actual {source: \"MailWriter\", method: "
                "PostSnapshot, code: VSS_E_WRITERERROR_PARTIAL_FAILURE, when: after_thaw}",
            }));
}

TEST(Expectations, UnexpectedViolationsFailTheScenarioAndListedOnesPass) {
  const std::string faulty = std::string(kWorld) + R"(faults:
  - writer: "SqlWriter"
    event: Freeze
    throw: true
driver:
  retries: 0
)";
  const auto failing = run_text(faulty);
  ASSERT_EQ(failing.mismatches.size(), 1u);
  EXPECT_EQ(failing.mismatches[0].origin, "mem.yaml:1:1");
  EXPECT_EQ(failing.mismatches[0].what, "violations");
  EXPECT_EQ(failing.mismatches[0].expected, "none");
  EXPECT_EQ(failing.mismatches[0].actual.rfind("writer.handler-threw [", 0), 0u) << failing.mismatches[0].actual;
  EXPECT_NE(failing.mismatches[0].actual.find("(writer:SqlWriter: OnFreeze threw; treated as returning false)"),
            std::string::npos);
  const auto& at = failing.trace.records()[static_cast<std::size_t>(failing.mismatches[0].trace_index)];
  EXPECT_EQ(at.event, "violation");
  EXPECT_EQ(at.field("rule"), "writer.handler-threw");

  const auto passing = run_text(faulty + "expect:\n  violations: [writer.handler-threw]\n");
  EXPECT_EQ(passing.outcome, Outcome::kPassed) << ::testing::PrintToString(mismatch_lines(passing));
}

TEST(Expectations, ComponentsTheRequesterNeverReadSaySo) {
  const auto r = run_text(std::string(kWorld) + R"(expect:
  writers:
    SqlWriter:
      components:
        orders: {code: VSS_E_WRITERERROR_TIMEOUT}
)");
  EXPECT_EQ(mismatch_lines(r),
            (std::vector<std::string>{
                "mem.yaml:10:9: writer SqlWriter component orders: expected {code: VSS_E_WRITERERROR_TIMEOUT}, "
                "actual not read: the reference requester calls GetFailure only for the components of a writer "
                "reporting VSS_E_WRITERERROR_PARTIAL_FAILURE [GWSX]",
            }));
}

TEST(Expectations, JobStateErrorCountAndCallbacks) {
  const auto r = run_text(R"(name: "job"
jobs:
  - name: "J"
    files: [{remote: "https://example.com/a", local: "C:\\a", size: 100}]
faults:
  - job: "J"
    point: transfer
    code: BG_E_HTTP_ERROR_404
    context: BG_ERROR_CONTEXT_REMOTE_FILE
    severity: fatal
driver:
  kind: reference-bits-client
  notify: callback
  on_error: cancel
expect:
  jobs:
    J:
      state: BG_JOB_STATE_ERROR
      error: {context: BG_ERROR_CONTEXT_REMOTE_FILE, code: BG_E_HTTP_ERROR_404}
      error_count: 1
      callbacks: {job_error: 2, job_transferred: 0}
)");
  EXPECT_EQ(mismatch_lines(r),
            (std::vector<std::string>{
                "mem.yaml:18:14: job J state: expected BG_JOB_STATE_ERROR, actual BG_JOB_STATE_CANCELLED",
                "mem.yaml:19:14: job J error: expected {context: BG_ERROR_CONTEXT_REMOTE_FILE, code: "
                "BG_E_HTTP_ERROR_404}, actual none",
                "mem.yaml:21:30: job J callbacks job_error: expected 2, actual 1",
            }));
}

TEST(Expectations, StepsCompareEachCallWithItsExpect) {
  const auto r = run_text(std::string(kWorld) + R"(driver:
  kind: steps
  steps:
    - call: InitializeForBackup
    - call: DoSnapshotSet
      expect: S_OK
    - call: GatherWriterMetadata
    - advance: 2m
    - call: AbortBackup
      expect: VSS_E_BAD_STATE
expect:
  result: VSS_E_BAD_STATE
  elapsed: 2m
)");
  EXPECT_EQ(mismatch_lines(r),
            (std::vector<std::string>{
                "mem.yaml:11:15: step 2 (DoSnapshotSet) result: expected S_OK, actual VSS_E_BAD_STATE",
                "mem.yaml:15:15: step 5 (AbortBackup) result: expected VSS_E_BAD_STATE, actual S_OK",
                "mem.yaml:17:11: result (step 5 (AbortBackup)): expected VSS_E_BAD_STATE, actual S_OK",
            }));
}

}  // namespace
}  // namespace vssfault::runner

namespace vssfault::runner {
namespace {

// [S4][SSS]: each `requester:` name is its own IVssBackupComponents; a second one cannot start a set while
// the first one's creation is in progress. A wrong expectation on its step names the object.
TEST(StepRequesters, SecondObjectSeesTheFirstObjectsSetInProgress) {
  const auto r = testing::run_text(R"(name: "two"
volumes: ["C:"]
driver:
  steps:
    - call: InitializeForBackup
    - call: GatherWriterMetadata
    - call: StartSnapshotSet
    - {call: InitializeForBackup, requester: "other"}
    - {call: GatherWriterMetadata, requester: "other"}
    - {call: StartSnapshotSet, requester: "other", expect: S_OK}
    - call: AbortBackup
    - {call: StartSnapshotSet, requester: "other"}
    - {call: AbortBackup, requester: "other"}
)");
  EXPECT_EQ(testing::mismatch_lines(r),
            (std::vector<std::string>{"mem.yaml:10:60: step 6 (StartSnapshotSet on requester 'other') result: "
                                      "expected S_OK, actual VSS_E_SNAPSHOT_SET_IN_PROGRESS"}));
}

// The end of the run releases every object still held: two objects, two requester actors in the trace.
TEST(StepRequesters, EveryObjectIsReleasedAtTheEnd) {
  const auto r = testing::run_text(R"(name: "two"
volumes: ["C:"]
driver:
  steps:
    - call: InitializeForBackup
    - {call: InitializeForBackup, requester: "other"}
)");
  EXPECT_EQ(r.outcome, Outcome::kPassed);
  std::set<std::string> released;
  for (const auto& rec : r.trace.records()) {
    if (rec.event == "Release") released.insert(rec.actor);
  }
  EXPECT_EQ(released, (std::set<std::string>{"requester:1", "requester:2"}));
}

}  // namespace
}  // namespace vssfault::runner

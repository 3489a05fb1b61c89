// Each writer fault action, carried out by the FaultInjector through a MockWriter, produces the
// documented outcome; hits are counted per site and each firing is traced as an injected fault.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mocks/vss_bench.h"

namespace vssfault::test {
namespace {

using ::testing::_;
using mocks::WriterAction;
using requester::Outcome;
using vss::WriterEvent;
using vss::WriterState;

requester::Policy Once() {
  requester::Policy p;
  p.retry = false;
  return p;
}

/// The first status of writer W read after `after` in the first attempt.
requester::WriterStatusEntry StatusAfter(const requester::BackupResult& r, std::string_view after) {
  for (const auto& s : r.attempts.front().statuses) {
    if (s.after == after && s.writer == "W") return s;
  }
  ADD_FAILURE() << "no status after " << after;
  return {};
}

// [INIT][ONFR]: the Freeze→Thaw window is 60 s by default; an OnFreeze that takes 61 s shows up as
// VSS_WS_FAILED_AT_FREEZE with VSS_E_WRITERERROR_TIMEOUT [KB915331] and the writer gets OnAbort.
TEST(WriterInjectorTest, FreezeTakingSixtyOneSecondsTimesOut) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kFreeze, WriterAction::TakeTime(Duration::seconds(61)))}, {}, {}});
  EXPECT_CALL(bench.writer, OnAbort()).Times(::testing::AtLeast(1));
  const auto result = bench.Backup(Once());
  const auto status = StatusAfter(result, "DoSnapshotSet");
  EXPECT_EQ(status.state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(status.failure, hr::VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_EQ(result.final_hr, hr::VSS_E_WRITERERROR_TIMEOUT);
}

// Every firing is a `fault` trace record marked injected, naming site, hit, plan entry and origin.
TEST(WriterInjectorTest, FiringIsTracedAsAnInjectedFaultWithItsOrigin) {
  Bench bench;
  auto& injector =
      bench.Plan({{WriterFaultAt(WriterEvent::kPrepareForSnapshot, WriterAction::ReturnFalse())}, {}, {}});
  bench.Backup(Once());
  const TraceRecord* fault = nullptr;
  for (const auto& r : bench.world.trace.records()) {
    if (r.event == "fault" && r.actor == "writer:W") fault = &r;
  }
  ASSERT_NE(fault, nullptr);
  EXPECT_EQ(fault->field("injected"), "true");
  EXPECT_EQ(fault->field("site"), "vss.writer.W.OnPrepareSnapshot");
  EXPECT_EQ(fault->field("hit"), "1");
  EXPECT_EQ(fault->field("entry"), "writer[0]");
  EXPECT_EQ(fault->field("origin"), "bench.yaml:1:1");
  EXPECT_EQ(fault->field("action"), "return=false");
  ASSERT_EQ(injector.firings().size(), 1u);
  EXPECT_EQ(injector.firings()[0].entry, "writer[0]");
}

// [ONPS][VWS]: a handler returning false in PrepareForSnapshot is VSS_WS_FAILED_AT_PREPARE_SNAPSHOT; it
// generates no Abort event by itself [ABRT] (the requester's AbortBackup does).
TEST(WriterInjectorTest, ReturnFalseInPrepareSnapshotFailsThatState) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kPrepareForSnapshot, WriterAction::ReturnFalse())}, {}, {}});
  const auto result = bench.Backup(Once());
  EXPECT_EQ(StatusAfter(result, "DoSnapshotSet").state, WriterState::kFailedAtPrepareSnapshot);
  EXPECT_EQ(result.outcome, Outcome::kGaveUp) << "a veto without a code has no retry guidance";
  EXPECT_TRUE(result.attempts.front().aborted) << "[ABRT]: after a writer veto, call AbortBackup";
}

// D9: SetWriterFailure + return false in OnFreeze is a fatal veto that generates Abort [ONFR][ABRT].
TEST(WriterInjectorTest, FailureReturningFalseInFreezeIsFatalAndAborts) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kFreeze,
                             WriterAction::Failure(hr::VSS_E_WRITERERROR_NONRETRYABLE, false))},
              {}, {}});
  ::testing::Expectation freeze = EXPECT_CALL(bench.writer, OnFreeze());
  EXPECT_CALL(bench.writer, OnAbort()).Times(::testing::AtLeast(1)).After(freeze);
  EXPECT_CALL(bench.writer, OnThaw()).Times(0);
  const auto result = bench.Backup(Once());
  const auto status = StatusAfter(result, "DoSnapshotSet");
  EXPECT_EQ(status.state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(status.failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
}

// D9: SetWriterFailure + return true is non-fatal: FAILED_AT_FREEZE with the code, no Abort event from
// VSS; the writer still gets Thaw. (The reference requester itself then calls AbortBackup [ABRT].)
TEST(WriterInjectorTest, FailureReturningTrueInFreezeIsNonFatal) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kFreeze, WriterAction::Failure(hr::VSS_E_WRITERERROR_RETRYABLE, true))},
              {}, {}});
  EXPECT_CALL(bench.writer, OnThaw()).Times(1);
  requester::Policy accept = Once();
  accept.accept_vetoes = true;  // [WEV]: go on, so no AbortBackup either
  EXPECT_CALL(bench.writer, OnAbort()).Times(0);
  const auto result = bench.Backup(accept);
  const auto status = StatusAfter(result, "DoSnapshotSet");
  EXPECT_EQ(status.state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(status.failure, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(result.outcome, Outcome::kSucceededWithVetoes);
}

// [S2][GWSX]: SetWriterFailureEx's hrApplication and message come back through GetWriterStatusEx.
TEST(WriterInjectorTest, FailureExCarriesApplicationCodeAndMessage) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kPrepareForBackup,
                             WriterAction::FailureEx(hr::VSS_E_WRITERERROR_NONRETRYABLE, hr::E_ACCESSDENIED,
                                                     "log volume offline", false))},
              {}, {}});
  const auto result = bench.Backup(Once());
  const auto status = StatusAfter(result, "PrepareForBackup");
  EXPECT_EQ(status.state, WriterState::kFailedAtPrepareBackup);
  EXPECT_EQ(status.failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(status.application, hr::E_ACCESSDENIED);
  EXPECT_EQ(status.message, "log volume offline");
  EXPECT_EQ(result.final_step, "PrepareForBackup");
}

// [SF][S2]: a component failure is SetFailure on the component plus SetWriterFailureEx(PARTIAL_FAILURE);
// the requester reads it with GetFailure [S1][GWSX].
TEST(WriterInjectorTest, ComponentFailureReportsPartialFailure) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kPrepareForBackup,
                             WriterAction::ComponentFailure("db2", hr::VSS_E_WRITERERROR_NONRETRYABLE,
                                                            hr::E_OUTOFMEMORY, "db2 log full"))},
              {}, {}});
  const auto result = bench.Backup(Once());
  EXPECT_EQ(StatusAfter(result, "PrepareForBackup").failure, hr::VSS_E_WRITERERROR_PARTIAL_FAILURE);
  const auto& parts = result.attempts.front().component_failures;
  ASSERT_EQ(parts.size(), 2u) << "GetFailure is read for each of the writer's components";
  EXPECT_EQ(parts[0].component, "db1");
  EXPECT_EQ(parts[0].failure, hr::S_OK);
  EXPECT_EQ(parts[1].component, "db2");
  EXPECT_EQ(parts[1].get_failure, hr::S_OK);
  EXPECT_EQ(parts[1].failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(parts[1].application, hr::E_OUTOFMEMORY);
  EXPECT_EQ(parts[1].message, "db2 log full");
}

// [ONFR] etc.: handlers must never throw; VSS treats the exception as a false return and records the
// writer.handler-threw violation.
TEST(WriterInjectorTest, ThrowingHandlerIsContainedAndReported) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kFreeze, WriterAction::Throw())}, {}, {}});
  const auto result = bench.Backup(Once());
  EXPECT_EQ(StatusAfter(result, "DoSnapshotSet").state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(bench.conformance().count(vss::rules::kWriterHandlerThrew), 1u);
}

// D10 (strict): SetWriterFailure from OnIdentify is refused and reported; the plan may provoke it.
TEST(WriterInjectorTest, FailureFromIdentifyIsReportedAsMisuse) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kIdentify, WriterAction::Failure(hr::VSS_E_WRITERERROR_RETRYABLE, true))},
              {}, {}});
  const auto result = bench.Backup(Once());
  EXPECT_EQ(bench.conformance().count(vss::rules::kWriterFailureFromIdentify), 1u);
  EXPECT_EQ(result.outcome, Outcome::kSucceeded) << "the refused call recorded nothing (D10)";
}

// validate(): component failures need a handler that receives the components.
TEST(WriterInjectorTest, ValidateRejectsComponentFailureInFreeze) {
  mocks::VssFaultPlan plan;
  plan.writers.push_back(WriterFaultAt(WriterEvent::kFreeze, WriterAction::ComponentFailure("db1", hr::E_FAIL)));
  const auto problems = mocks::validate(plan);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0], ::testing::HasSubstr("writer[0] (bench.yaml:1:1)"));
  EXPECT_THAT(problems[0], ::testing::HasSubstr("OnFreeze"));
}

}  // namespace
}  // namespace vssfault::test

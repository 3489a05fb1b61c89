// The reference requester's other paths: codes without retry guidance give up after one attempt,
// PARTIAL_FAILURE leads to GetFailure per component, VSS_E_SNAPSHOT_SET_IN_PROGRESS is waited out, and
// deliberately misconfigured policies trigger the conformance checker's requester rules.
#include <functional>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mocks/vss_bench.h"

namespace vssfault::test {
namespace {

using mocks::ProviderAction;
using mocks::VssFaultPlan;
using mocks::WriterAction;
using requester::Outcome;
using requester::Verdict;
using vss::ProviderMethod;
using vss::WriterEvent;

struct GiveUpCase {
  std::string name;
  HResult code;
  VssFaultPlan plan;
  std::string step;
};
std::ostream& operator<<(std::ostream& os, const GiveUpCase& c) { return os << c.name; }

std::vector<GiveUpCase> GiveUpCases() {
  return {
      // [S1][WEV]: "might recur if another shadow copy is created".
      {"NonRetryable", hr::VSS_E_WRITERERROR_NONRETRYABLE,
       {{WriterFaultAt(WriterEvent::kFreeze, WriterAction::Failure(hr::VSS_E_WRITERERROR_NONRETRYABLE, false))}, {}, {}},
       "DoSnapshotSet"},
      // [WEV]: the remedy is to add volumes, not to wait.
      {"InconsistentSnapshot", hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT,
       {{WriterFaultAt(WriterEvent::kPostSnapshot,
                       WriterAction::Failure(hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT, false))}, {}, {}},
       "DoSnapshotSet"},
      // [DSS]: delete old shadow copies first.
      {"InsufficientStorage", hr::VSS_E_INSUFFICIENT_STORAGE,
       {{}, {ProviderFaultAt(ProviderMethod::kEndPrepareSnapshots, ProviderAction::Return(hr::VSS_E_INSUFFICIENT_STORAGE))}, {}},
       "DoSnapshotSet"},
      // D15: a PrepareForSnapshot handler outlasting the 60 s response timeout; with NONRETRYABLE it
      // "likely indicates a writer error so severe as to preclude trying to back up its data" [WEV].
      {"WriterNotResponding", hr::VSS_E_WRITER_NOT_RESPONDING,
       {{WriterFaultAt(WriterEvent::kPrepareForSnapshot, WriterAction::TakeTime(Duration::seconds(61)))}, {}, {}},
       "DoSnapshotSet"},
  };
}

class GiveUpTest : public ::testing::TestWithParam<GiveUpCase> {};

TEST_P(GiveUpTest, GivesUpAfterOneAttemptWithAbortAndRelease) {
  const GiveUpCase& c = GetParam();
  Bench bench;
  bench.Plan(c.plan);
  const auto result = bench.Backup();
  ASSERT_EQ(result.attempts.size(), 1u) << result.describe();
  EXPECT_EQ(result.outcome, Outcome::kGaveUp);
  EXPECT_EQ(result.final_hr, c.code);
  EXPECT_EQ(result.final_step, c.step);
  EXPECT_EQ(result.attempts[0].verdict, Verdict::kGiveUp);
  EXPECT_TRUE(result.attempts[0].aborted) << "[ABRT]";
  EXPECT_EQ(bench.requester_violations(), 0u) << result.describe();
}

INSTANTIATE_TEST_SUITE_P(NoTenMinuteGuidance, GiveUpTest, ::testing::ValuesIn(GiveUpCases()),
                         [](const ::testing::TestParamInfo<GiveUpCase>& info) { return info.param.name; });

// [GWSX][S1]: PARTIAL_FAILURE → GetFailure on each component; the component code (RETRYABLE) carries the
// ten-minute guidance [S1], so the requester retries, and the fault on the first hit only lets the
// second attempt succeed at 10 minutes.
TEST(PartialFailureTest, ComponentCodesAreReadAndDecideTheRetry) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kPrepareForBackup,
                             WriterAction::ComponentFailure("db1", hr::VSS_E_WRITERERROR_RETRYABLE, hr::E_OUTOFMEMORY,
                                                            "db1 busy"),
                             HitSelector::first(1))},
              {}, {}});
  const auto result = bench.Backup();
  ASSERT_EQ(result.attempts.size(), 2u) << result.describe();
  const auto& first = result.attempts[0];
  EXPECT_TRUE(first.writer_failure);
  EXPECT_EQ(first.failed_step, "PrepareForBackup");
  EXPECT_EQ(first.hr, hr::VSS_E_WRITERERROR_RETRYABLE);
  ASSERT_EQ(first.component_failures.size(), 2u);
  EXPECT_EQ(first.component_failures[0].component, "db1");
  EXPECT_EQ(first.component_failures[0].failure, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(first.component_failures[0].application, hr::E_OUTOFMEMORY);
  EXPECT_EQ(first.component_failures[0].message, "db1 busy");
  EXPECT_EQ(first.component_failures[1].component, "db2");
  EXPECT_EQ(first.component_failures[1].failure, hr::S_OK);
  EXPECT_EQ(result.outcome, Outcome::kSucceeded);
  EXPECT_EQ(result.attempts[1].start, Duration::minutes(10));
  EXPECT_TRUE(result.attempts[1].component_failures.empty());
}

TEST(PartialFailureTest, NonRetryableComponentCodeGivesUp) {
  Bench bench;
  bench.Plan({{WriterFaultAt(WriterEvent::kPostSnapshot,
                             WriterAction::ComponentFailure("db2", hr::VSS_E_WRITERERROR_NONRETRYABLE))},
              {}, {}});
  const auto result = bench.Backup();
  ASSERT_EQ(result.attempts.size(), 1u) << result.describe();
  EXPECT_EQ(result.outcome, Outcome::kGaveUp);
  EXPECT_EQ(result.final_hr, hr::VSS_E_WRITERERROR_NONRETRYABLE);
  ASSERT_EQ(result.attempts[0].component_failures.size(), 2u);
  EXPECT_EQ(result.attempts[0].component_failures[1].failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
}

// [S4][SSS][STSP]: another requester holds the creation lock; StartSnapshotSet returns
// VSS_E_SNAPSHOT_SET_IN_PROGRESS until that requester stops (at 90 s), and the reference requester
// waits (60 s per wait) and tries again on the same object.
TEST(SnapshotSetInProgressTest, WaitsUntilTheOtherCreationEnds) {
  Bench bench;
  auto other = bench.world.system.CreateVssBackupComponents("other-app");
  ASSERT_EQ(other->InitializeForBackup(), hr::S_OK);
  ASSERT_EQ(other->SetBackupState(false, false, vss::BackupType::kFull), hr::S_OK);
  std::shared_ptr<vss::Async> gathered;
  ASSERT_EQ(other->GatherWriterMetadata(&gathered), hr::S_OK);
  ASSERT_EQ(gathered->Wait(), hr::S_OK);
  vss::VssId set;
  ASSERT_EQ(other->StartSnapshotSet(&set), hr::S_OK);
  bench.world.queue.schedule_at(Duration::seconds(90), "other-app stops", [&] {
    other->AbortBackup();
    other->Release();
  });

  const auto result = bench.Backup();
  ASSERT_EQ(result.outcome, Outcome::kSucceeded) << result.describe();
  ASSERT_EQ(result.attempts.size(), 1u);
  EXPECT_EQ(result.attempts[0].in_progress_waits, 2) << "tries at 0 s and 60 s fail, 120 s succeeds";
}

// --- deliberately misconfigured requesters: the conformance checker's retry rules [S1][S2][DSS] ---

mocks::VssFaultPlan PersistentRetryable() {
  return {{WriterFaultAt(WriterEvent::kFreeze, WriterAction::Failure(hr::VSS_E_WRITERERROR_RETRYABLE, false))}, {}, {}};
}

TEST(MisconfiguredRequesterTest, OneMinuteDelayIsRetryTooSoon) {
  Bench bench;
  bench.Plan(PersistentRetryable());
  requester::Policy hasty;
  hasty.retry_delay = Duration::minutes(1);
  const auto result = bench.Backup(hasty);
  ASSERT_EQ(result.attempts.size(), 4u);
  EXPECT_EQ(result.attempt_offsets(), (std::vector<Duration>{Duration::minutes(0), Duration::minutes(1),
                                                             Duration::minutes(2), Duration::minutes(3)}));
  EXPECT_EQ(bench.conformance().count(vss::rules::kRetryTooSoon), 3u) << "one per retry";
  EXPECT_EQ(bench.conformance().count(vss::rules::kRetryTooMany), 0u);
}

TEST(MisconfiguredRequesterTest, FiveRetriesIsRetryTooMany) {
  Bench bench;
  bench.Plan(PersistentRetryable());
  requester::Policy stubborn;
  stubborn.max_retries = 5;
  const auto result = bench.Backup(stubborn);
  ASSERT_EQ(result.attempts.size(), 6u);
  EXPECT_EQ(result.outcome, Outcome::kRetriesExhausted);
  EXPECT_EQ(bench.conformance().count(vss::rules::kRetryTooMany), 2u) << "the fourth and fifth retries";
  EXPECT_EQ(bench.conformance().count(vss::rules::kRetryTooSoon), 0u);
}

TEST(MisconfiguredRequesterTest, SkippingAbortBackupIsReleaseWithoutAbort) {
  Bench bench;
  bench.Plan({{}, {ProviderFaultAt(ProviderMethod::kCommitSnapshots, ProviderAction::Return(hr::E_FAIL))}, {}});
  requester::Policy careless;
  careless.retry = false;
  careless.abort_on_failure = false;
  const auto result = bench.Backup(careless);
  EXPECT_FALSE(result.attempts[0].aborted);
  EXPECT_GE(bench.conformance().count(vss::rules::kReleaseWithoutAbort), 1u) << "[ABRT][AB]";
}

TEST(MisconfiguredRequesterTest, RetryDisabledGivesUpOnAGuidedCode) {
  Bench bench;
  bench.Plan(PersistentRetryable());
  requester::Policy once;
  once.retry = false;
  const auto result = bench.Backup(once);
  ASSERT_EQ(result.attempts.size(), 1u);
  EXPECT_EQ(result.attempts[0].verdict, Verdict::kRetry) << "the guidance said retry";
  EXPECT_EQ(result.outcome, Outcome::kGaveUp) << "the policy said no";
  EXPECT_EQ(bench.requester_violations(), 0u);
}

// [SBS]: without component mode no components are added; every writer still takes part.
TEST(VolumeModeTest, BacksUpWithoutComponents) {
  Bench bench;
  EXPECT_CALL(bench.writer, OnFreeze()).Times(1);
  requester::Policy volumes;
  volumes.component_mode = false;
  const auto result = bench.Backup(volumes);
  EXPECT_EQ(result.outcome, Outcome::kSucceeded) << result.describe();
  EXPECT_TRUE(bench.conformance().clean());
}

}  // namespace
}  // namespace vssfault::test

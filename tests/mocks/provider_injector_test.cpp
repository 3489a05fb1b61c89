// Provider and VSS-internal fault actions, carried out through MockProvider and MockHooks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mocks/vss_bench.h"

namespace vssfault::test {
namespace {

using mocks::ProviderAction;
using mocks::VssFault;
using mocks::VssPoint;
using requester::Outcome;
using vss::ProviderMethod;

requester::Policy OneAttempt() {
  requester::Policy p;
  p.retry = false;
  return p;
}

// [S4]: an unexpected provider code (E_FAIL from CommitSnapshots) is logged by VSS with an entry naming
// provider and method, and the requester sees VSS_E_UNEXPECTED_PROVIDER_ERROR from DoSnapshotSet.
TEST(ProviderInjectorTest, UnexpectedCodeIsTranslatedAndLogged) {
  Bench bench;
  bench.Plan({{}, {ProviderFaultAt(ProviderMethod::kCommitSnapshots, ProviderAction::Return(hr::E_FAIL))}, {}});
  const auto result = bench.Backup(OneAttempt());
  EXPECT_EQ(result.final_step, "DoSnapshotSet");
  EXPECT_EQ(result.final_hr, hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_TRUE(result.attempts.front().aborted) << "[ABRT]: call AbortBackup after a DoSnapshotSet failure";
  const auto entries = bench.world.system.event_log().from("VSS");
  ASSERT_FALSE(entries.empty());
  const auto& e = entries.front();
  EXPECT_EQ(e.method, "CommitSnapshots");
  EXPECT_EQ(e.code, hr::E_FAIL);
  EXPECT_THAT(e.message, ::testing::HasSubstr("P"));
  EXPECT_EQ(bench.conformance().count(vss::rules::kProviderUndocumentedCode), 1u);
}

// [S4]: "This is not done for any returns from AbortSnapshots or OnUnload" (D20): no translation, no
// failure surfaced — the backup that aborted for another reason reports its own code.
TEST(ProviderInjectorTest, UnexpectedCodeFromAbortSnapshotsIsNotTranslated) {
  Bench bench;
  bench.Plan({{},
              {ProviderFaultAt(ProviderMethod::kCommitSnapshots, ProviderAction::Return(hr::VSS_E_INSUFFICIENT_STORAGE)),
               ProviderFaultAt(ProviderMethod::kAbortSnapshots, ProviderAction::Return(hr::E_FAIL))},
              {}});
  const auto result = bench.Backup(OneAttempt());
  EXPECT_EQ(result.final_hr, hr::VSS_E_INSUFFICIENT_STORAGE);
  EXPECT_EQ(bench.injector->fired("vss.provider.P.AbortSnapshots"), 1u);
}

// [S4]: VSS_E_PROVIDER_VETO must come with an Application-log entry; without one the conformance
// checker reports provider.veto-without-log; with one (the `log` effect) it does not.
TEST(ProviderInjectorTest, VetoWithoutLogIsAViolation) {
  Bench bench;
  bench.Plan({{}, {ProviderFaultAt(ProviderMethod::kPreCommitSnapshots, ProviderAction::Return(hr::VSS_E_PROVIDER_VETO))}, {}});
  const auto result = bench.Backup(OneAttempt());
  EXPECT_EQ(result.final_hr, hr::VSS_E_PROVIDER_VETO);
  EXPECT_EQ(bench.conformance().count(vss::rules::kProviderVetoWithoutLog), 1u);
}

TEST(ProviderInjectorTest, VetoWithLogIsConformant) {
  Bench bench;
  ProviderAction veto = ProviderAction::Return(hr::VSS_E_PROVIDER_VETO);
  veto.log = true;
  bench.Plan({{}, {ProviderFaultAt(ProviderMethod::kPreCommitSnapshots, veto)}, {}});
  const auto result = bench.Backup(OneAttempt());
  EXPECT_EQ(result.final_hr, hr::VSS_E_PROVIDER_VETO);
  EXPECT_EQ(bench.conformance().count(vss::rules::kProviderVetoWithoutLog), 0u);
  const auto entries = bench.world.system.event_log().from("P");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].method, "PreCommitSnapshots");
  EXPECT_EQ(entries[0].code, hr::VSS_E_PROVIDER_VETO);
  EXPECT_FALSE(entries[0].while_frozen) << "PreCommitSnapshots runs before flush-and-hold [PCS]";
}

// [S4][CS]: logging during CommitSnapshots happens while the volumes are frozen: a violation.
TEST(ProviderInjectorTest, LoggingDuringCommitIsLoggingWhileFrozen) {
  Bench bench;
  bench.Plan({{}, {ProviderFaultAt(ProviderMethod::kCommitSnapshots, ProviderAction::LogEvent(hr::E_OUTOFMEMORY))}, {}});
  const auto result = bench.Backup(OneAttempt());
  EXPECT_EQ(result.outcome, Outcome::kSucceeded) << "the commit itself succeeded";
  const auto entries = bench.world.system.event_log().from("P");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_TRUE(entries[0].while_frozen);
  EXPECT_EQ(bench.conformance().count(vss::rules::kProviderLoggedWhileFrozen), 1u);
}

// [SCCP][CS]: the hold window is 10 s; a CommitSnapshots taking 11 s fails the set with
// VSS_E_HOLD_WRITES_TIMEOUT [KB975688].
TEST(ProviderInjectorTest, SlowCommitExceedsTheHoldWindow) {
  Bench bench;
  bench.Plan({{}, {ProviderFaultAt(ProviderMethod::kCommitSnapshots, ProviderAction::TakeTime(Duration::seconds(11)))}, {}});
  const auto result = bench.Backup(OneAttempt());
  EXPECT_EQ(result.final_step, "DoSnapshotSet");
  EXPECT_EQ(result.final_hr, hr::VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_TRUE(bench.world.system.snapshots().empty()) << "no partial commit [S4]";
}

// [ATS] (D16): a BeginPrepareSnapshot failure surfaces from AddToSnapshotSet.
TEST(ProviderInjectorTest, BeginPrepareFailureSurfacesFromAddToSnapshotSet) {
  Bench bench;
  bench.Plan({{}, {ProviderFaultAt(ProviderMethod::kBeginPrepareSnapshot,
                                   ProviderAction::Return(hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER))}, {}});
  const auto result = bench.Backup(OneAttempt());
  EXPECT_EQ(result.final_step, "AddToSnapshotSet");
  EXPECT_EQ(result.final_hr, hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  EXPECT_TRUE(result.attempts.front().aborted) << "[AB]: AbortBackup after StartSnapshotSet";
}

// Hooks: a requester method returning a code at once. VSS_E_SNAPSHOT_SET_IN_PROGRESS twice from
// StartSnapshotSet: the reference requester waits and tries again [SSS][STSP] and then succeeds.
TEST(VssHookInjectorTest, StartSnapshotSetInProgressIsWaitedOut) {
  Bench bench;
  bench.Plan({{}, {}, {VssFault{VssPoint::kRequesterCall, "StartSnapshotSet", HitSelector::first(2),
                                hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS, "hooks.yaml:3:5"}}});
  const auto result = bench.Backup();
  ASSERT_EQ(result.outcome, Outcome::kSucceeded) << result.describe();
  ASSERT_EQ(result.attempts.size(), 1u);
  EXPECT_EQ(result.attempts[0].in_progress_waits, 2);
  EXPECT_EQ(bench.injector->hits("vss.requester.StartSnapshotSet"), 3u);
}

// Hooks: VSS_E_WRITER_STATUS_NOT_AVAILABLE is generated by VSS, not the writer [GWST]; "retrying might
// work when the system is less busy" [WEV].
TEST(VssHookInjectorTest, WriterStatusNotAvailable) {
  Bench bench;
  bench.Plan({{}, {}, {VssFault{VssPoint::kWriterStatus, "W", HitSelector::nth(1),
                                hr::VSS_E_WRITER_STATUS_NOT_AVAILABLE, "hooks.yaml:4:5"}}});
  const auto result = bench.Backup(OneAttempt());
  ASSERT_FALSE(result.attempts[0].statuses.empty());
  EXPECT_EQ(result.attempts[0].statuses[0].failure, hr::VSS_E_WRITER_STATUS_NOT_AVAILABLE);
  EXPECT_EQ(result.final_hr, hr::VSS_E_WRITER_STATUS_NOT_AVAILABLE);
}

// Hooks: an asynchronous operation completing with another result ([AQS]: QueryStatus returns it).
TEST(VssHookInjectorTest, AsyncResultReplaced) {
  Bench bench;
  bench.Plan({{}, {}, {VssFault{VssPoint::kAsyncResult, "PrepareForBackup", HitSelector::every(),
                                hr::VSS_E_UNEXPECTED, "hooks.yaml:5:5"}}});
  const auto result = bench.Backup(OneAttempt());
  EXPECT_EQ(result.final_step, "PrepareForBackup");
  EXPECT_EQ(result.final_hr, hr::VSS_E_UNEXPECTED);
  EXPECT_EQ(result.outcome, Outcome::kGaveUp);
}

}  // namespace
}  // namespace vssfault::test

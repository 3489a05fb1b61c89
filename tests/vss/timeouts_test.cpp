// Timers on the virtual clock: the writer freeze window [INIT][ONFR][KB915331], the D15 response timeout,
// and the kernel's flush and hold windows [SCCP][CS][KB975688] (D8).
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

using FreezeWindow = VssTest;
using ResponseTimeout = VssTest;
using HoldWindow = VssTest;
using FlushWindow = VssTest;

// [INIT][ONFR]: Thaw not received within dwTimeoutFreeze (default 60 s) → Abort, and the status is
// FAILED_AT_FREEZE with VSS_E_WRITERERROR_TIMEOUT [KB915331] — nobody scripted the code.
TEST_F(FreezeWindow, HandlerSlowerThan60sGetsTimeout) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kFreeze, [](TestWriter& self) { self.Work(Duration::seconds(61)); return true; });
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);  // D11: a writer failure does not fail the set
  EXPECT_EQ(w.count(WriterEvent::kAbort), 1u);
  EXPECT_EQ(w.count(WriterEvent::kThaw), 0u);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_TRUE(sys.conformance().clean());
}

TEST_F(FreezeWindow, HandlerOf59sDoesNot) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kFreeze, [](TestWriter& self) { self.Work(Duration::seconds(59)); return true; });
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 0u);
  EXPECT_EQ(w.count(WriterEvent::kThaw), 1u);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kWaitingForBackupComplete);
  EXPECT_EQ(st.failure, hr::S_OK);
}

// The window expires at its exact virtual time, also while someone else holds the time (here a provider's
// slow PreCommitSnapshots): OnAbort runs at Freeze + 60 s.
TEST_F(FreezeWindow, AbortArrivesAtTheExactVirtualTime) {
  TestWriter w(sys, "W");
  Instant frozen_at, aborted_at;
  w.on(WriterEvent::kFreeze, [&](TestWriter&) { frozen_at = clock.now(); return true; });
  w.on(WriterEvent::kAbort, [&](TestWriter&) { aborted_at = clock.now(); return true; });
  provider->work[ProviderMethod::kPreCommitSnapshots] = Duration::seconds(75);
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(aborted_at - frozen_at, Duration::seconds(60));
  EXPECT_EQ(StatusOf(r, "W").failure, hr::VSS_E_WRITERERROR_TIMEOUT);
}

// [SCCP]: "a writer may override this value with a smaller timeout … Exchange … 20 seconds"; each writer
// has its own window.
TEST_F(FreezeWindow, EachWriterHasItsOwnDwTimeoutFreeze) {
  TestWriter exchange(sys, "Exchange", nullptr, ApplicationLevel::kFrontEnd, 20000);
  TestWriter other(sys, "Other", nullptr, ApplicationLevel::kBackEnd);
  provider->work[ProviderMethod::kPreCommitSnapshots] = Duration::seconds(25);
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(exchange.count(WriterEvent::kAbort), 1u);
  EXPECT_EQ(other.count(WriterEvent::kAbort), 0u);
  EXPECT_EQ(StatusOf(r, "Exchange").failure, hr::VSS_E_WRITERERROR_TIMEOUT);
  EXPECT_EQ(StatusOf(r, "Other").state, WriterState::kWaitingForBackupComplete);
}

// D15: no answer within the response timeout (60 s) → VSS_E_WRITER_NOT_RESPONDING, state left as it was.
TEST_F(ResponseTimeout, PrepareBackupOver60sIsNotResponding) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kPrepareForBackup, [](TestWriter& self) { self.Work(Duration::seconds(61)); return true; });
  auto r = Prepared();
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.failure, hr::VSS_E_WRITER_NOT_RESPONDING);
  EXPECT_EQ(st.state, WriterState::kStable);
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(w.count(WriterEvent::kFreeze), 0u);  // VSS stopped waiting for it
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

TEST_F(ResponseTimeout, PrepareSnapshotOf59sIsFine) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kPrepareForSnapshot, [](TestWriter& self) { self.Work(Duration::seconds(59)); return true; });
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(StatusOf(r, "W").failure, hr::S_OK);
  EXPECT_EQ(w.count(WriterEvent::kPostSnapshot), 1u);
}

TEST_F(ResponseTimeout, IsConfigurable) {
  sys.mutable_config().response_timeout = Duration::seconds(5);
  TestWriter w(sys, "W");
  w.on(WriterEvent::kPostSnapshot, [](TestWriter& self) { self.Work(Duration::seconds(6)); return true; });
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.failure, hr::VSS_E_WRITER_NOT_RESPONDING);
  EXPECT_EQ(st.state, WriterState::kWaitingForPostSnapshot);
}

// [SCCP][CS][RBSP]: the hold is cancelled if the release does not come within 10 s; VSS fails the set with
// VSS_E_HOLD_WRITES_TIMEOUT [KB975688]; no snapshot survives [S4].
TEST_F(HoldWindow, CommitOver10sFailsWithHoldWritesTimeout) {
  TestWriter w(sys, "W");
  provider->work[ProviderMethod::kCommitSnapshots] = Duration::ms(10'001);
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_EQ(provider->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(provider->count(ProviderMethod::kPostCommitSnapshots), 0u);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 1u);
  EXPECT_TRUE(sys.snapshots().empty());
  EXPECT_FALSE(sys.snapshot_set_in_progress());
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

TEST_F(HoldWindow, CommitOf9sSucceeds) {
  provider->work[ProviderMethod::kCommitSnapshots] = Duration::seconds(9);
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(sys.snapshots().size(), 1u);
}

// The window spans every provider's CommitSnapshots: release comes after the last one [SCCP] step 4.
TEST_F(HoldWindow, SpansAllProvidersCommits) {
  ASSERT_EQ(sys.AddVolume("D:\\"), hr::S_OK);
  auto second = std::make_shared<TestProvider>("Second", ProviderType::kSoftware, std::set<std::string>{"D:\\"});
  ASSERT_EQ(sys.RegisterProvider(second), hr::S_OK);
  provider->work[ProviderMethod::kCommitSnapshots] = Duration::seconds(6);
  second->work[ProviderMethod::kCommitSnapshots] = Duration::seconds(6);
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", provider->info().id, &snap), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("D:\\", second->info().id, &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Snapshot(r), hr::VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_EQ(provider->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(second->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

TEST_F(HoldWindow, IsConfigurable) {
  sys.mutable_config().hold_timeout = Duration::seconds(2);
  provider->work[ProviderMethod::kCommitSnapshots] = Duration::seconds(3);
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// D8: a flush slower than the flush window (10 s by default) → VSS_E_FLUSH_WRITES_TIMEOUT [DSS], and the
// set fails without CommitSnapshots.
TEST_F(FlushWindow, SlowFlushFailsWithFlushWritesTimeout) {
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration::seconds(11)));
  auto r = Prepared();
  const Instant start = clock.now();
  EXPECT_EQ(Snapshot(r), hr::VSS_E_FLUSH_WRITES_TIMEOUT);
  EXPECT_EQ(clock.now() - start, Duration::seconds(10));  // VSS gave up at the end of the window
  EXPECT_EQ(provider->count(ProviderMethod::kCommitSnapshots), 0u);
  EXPECT_EQ(provider->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

TEST_F(FlushWindow, FlushWithinTheWindowTakesItsTime) {
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration::seconds(3)));
  auto r = Prepared();
  const Instant start = clock.now();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(clock.now() - start, Duration::seconds(3));
}

}  // namespace
}  // namespace vssfault::vss::test

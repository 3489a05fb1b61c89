// IVssAsync: Wait, QueryStatus and Cancel (semantics.md §3.3; D4) [AQS][AW][AC].
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

using AsyncStatus = VssTest;

// [AQS]: QueryStatus returns S_OK and reports VSS_S_ASYNC_PENDING while the operation runs, then
// VSS_S_ASYNC_FINISHED.
TEST_F(AsyncStatus, PendingThenFinished) {
  provider->work[ProviderMethod::kCommitSnapshots] = Duration::seconds(2);
  auto r = Prepared();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  HResult status;
  EXPECT_EQ(a->QueryStatus(&status, nullptr), hr::S_OK);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_PENDING);
  EXPECT_EQ(a->Wait(), hr::S_OK);
  EXPECT_EQ(a->QueryStatus(&status, nullptr), hr::S_OK);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(a->QueryStatus(nullptr, nullptr), hr::E_INVALIDARG);
}

// [AQS]: "QueryStatus will return the same error code as the method"; D4: Wait returns S_OK once finished.
TEST_F(AsyncStatus, FailedOperationWaitSucceedsAndQueryStatusCarriesTheError) {
  provider->codes[ProviderMethod::kCommitSnapshots] = hr::VSS_E_INSUFFICIENT_STORAGE;
  auto r = Prepared();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  EXPECT_EQ(a->Wait(), hr::S_OK);
  HResult status;
  EXPECT_EQ(a->QueryStatus(&status, nullptr), hr::S_OK);
  EXPECT_EQ(status, hr::VSS_E_INSUFFICIENT_STORAGE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// D4 switch: the other reading of [AW] — "If an operation fails while being waited on, Wait returns the error".
TEST_F(AsyncStatus, WaitReturnsTheErrorUnderTheAlternativeReading) {
  sys.mutable_config().wait_returns_operation_error = true;
  provider->codes[ProviderMethod::kCommitSnapshots] = hr::VSS_E_INSUFFICIENT_STORAGE;
  auto r = Prepared();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  EXPECT_EQ(a->Wait(), hr::VSS_E_INSUFFICIENT_STORAGE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// A finite Wait returns after that much virtual time; QueryStatus still says pending. (Time spent inside a
// handler's or provider's Work cannot be interrupted, so the wait here is on the flush.)
TEST_F(AsyncStatus, FiniteWaitElapsesInVirtualTime) {
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration::seconds(5)));
  auto r = Prepared();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  const Instant start = clock.now();
  EXPECT_EQ(a->Wait(1000), hr::S_OK);
  EXPECT_EQ(clock.now() - start, Duration::seconds(1));
  HResult status;
  ASSERT_EQ(a->QueryStatus(&status, nullptr), hr::S_OK);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_PENDING);
  EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(clock.now() - start, Duration::seconds(5));
}

// [AC]: S_OK when now cancelled; VSS_S_ASYNC_CANCELLED when already cancelled; QueryStatus reports
// VSS_S_ASYNC_CANCELLED. A cancelled DoSnapshotSet aborts the set: no snapshot survives [S4].
TEST_F(AsyncStatus, CancelDoSnapshotSet) {
  TestWriter w(sys, "W");
  provider->work[ProviderMethod::kEndPrepareSnapshots] = Duration::seconds(1);
  auto r = Prepared();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  sys.RunFor(Duration::ms(500));  // inside EndPrepareSnapshots
  EXPECT_EQ(a->Cancel(), hr::S_OK);
  EXPECT_EQ(a->Cancel(), hr::VSS_S_ASYNC_CANCELLED);
  EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_CANCELLED);
  EXPECT_TRUE(sys.snapshots().empty());
  EXPECT_FALSE(sys.snapshot_set_in_progress());
  EXPECT_EQ(provider->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 1u);
  EXPECT_EQ(w.count(WriterEvent::kFreeze), 0u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [AC]: VSS_S_ASYNC_FINISHED when already completed; the operation's error when it had failed.
TEST_F(AsyncStatus, CancelAfterCompletion) {
  auto r = Prepared();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(a->Cancel(), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(sys.snapshots().size(), 1u);

  provider->codes[ProviderMethod::kCommitSnapshots] = hr::E_OUTOFMEMORY;
  auto r2 = Prepared({"C:\\"}, "other");
  std::shared_ptr<Async> failed;
  ASSERT_EQ(r2->DoSnapshotSet(&failed), hr::S_OK);
  ASSERT_EQ(Finish(failed), hr::E_OUTOFMEMORY);
  EXPECT_EQ(failed->Cancel(), hr::E_OUTOFMEMORY);
  EXPECT_EQ(r2->AbortBackup(), hr::S_OK);
}

// [BC]: the backup can be abandoned "by calling IVssAsync::Cancel" on BackupComplete's async.
TEST_F(AsyncStatus, CancelBackupComplete) {
  TestWriter a(sys, "A"), b(sys, "B");
  a.on(WriterEvent::kBackupComplete, [](TestWriter& self) { self.Work(Duration::seconds(2)); return true; });
  b.on(WriterEvent::kBackupComplete, [](TestWriter& self) { self.Work(Duration::seconds(2)); return true; });
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  std::shared_ptr<Async> bc;
  ASSERT_EQ(r->BackupComplete(&bc), hr::S_OK);
  sys.RunFor(Duration::seconds(1));  // the first writer is in OnBackupComplete
  EXPECT_EQ(bc->Cancel(), hr::S_OK);
  EXPECT_EQ(Finish(bc), hr::VSS_S_ASYNC_CANCELLED);
  EXPECT_EQ(a.count(WriterEvent::kBackupComplete) + b.count(WriterEvent::kBackupComplete), 1u);
}

}  // namespace
}  // namespace vssfault::vss::test

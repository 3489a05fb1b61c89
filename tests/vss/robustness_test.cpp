// Misbehaving user code never crashes the model: it is contained, traced and reported (and CVssWriter
// Initialize/Subscribe codes [INIT][SUB]).
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

using HandlerThrows = VssTest;
using Misuse = VssTest;
using WriterSetup = VssTest;

struct Boom {};

// [ONFR] et al.: "Never throw from any OnXxx". A throwing handler is treated as returning false.
TEST_F(HandlerThrows, ThrowFromOnFreezeIsAVetoWithAbort) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kFreeze, [](TestWriter&) -> bool { throw Boom{}; });
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 1u);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kWriterHandlerThrew)});
}

TEST_F(HandlerThrows, ThrowFromEveryHandlerIsContained) {
  TestWriter w(sys, "W");
  for (auto e : {WriterEvent::kIdentify, WriterEvent::kPrepareForBackup, WriterEvent::kPrepareForSnapshot,
                 WriterEvent::kFreeze, WriterEvent::kThaw, WriterEvent::kPostSnapshot, WriterEvent::kAbort,
                 WriterEvent::kBackupComplete, WriterEvent::kBackupShutdown})
    w.on(e, [](TestWriter&) -> bool { throw std::runtime_error("bad writer"); });
  EXPECT_EQ(FullBackup(), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(w.events, std::vector<WriterEvent>{WriterEvent::kIdentify});  // failed Identify: out of the backup
  w.scripts.erase(WriterEvent::kIdentify);
  w.events.clear();
  EXPECT_EQ(FullBackup("again"), hr::VSS_S_ASYNC_FINISHED);
  // The failed PrepareForBackup takes it out of the backup (D6: no Abort); BackupShutdown still comes (D19).
  EXPECT_EQ(w.events, (std::vector<WriterEvent>{WriterEvent::kIdentify, WriterEvent::kPrepareForBackup,
                                                WriterEvent::kBackupShutdown}));
  // The session's first failure decides the status (D5): the later throw from BackupShutdown keeps it.
  EXPECT_EQ(w.status().state, WriterState::kFailedAtPrepareBackup);
  EXPECT_EQ(sys.conformance().count(rules::kWriterHandlerThrew), 3u);
}

// A writer destroyed in the middle of a backup: VSS cannot reach it; the status says so.
TEST_F(Misuse, WriterDestroyedMidBackup) {
  auto w = std::make_unique<TestWriter>(sys, "Gone");
  TestWriter stays(sys, "Stays");
  auto r = Prepared();
  w.reset();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  const WriterStatus st = StatusOf(r, "Gone");
  EXPECT_EQ(st.state, WriterState::kUnknown);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITER_NOT_RESPONDING);
  EXPECT_EQ(stays.count(WriterEvent::kPostSnapshot), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// A requester dropped while its DoSnapshotSet runs: the operation winds down, the lock is released.
TEST_F(Misuse, RequesterDestroyedWhileDoSnapshotSetRuns) {
  TestWriter w(sys, "W");
  provider->work[ProviderMethod::kEndPrepareSnapshots] = Duration::seconds(1);
  std::shared_ptr<Async> a;
  {
    auto r = Prepared();
    ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  }
  EXPECT_FALSE(sys.snapshot_set_in_progress());
  EXPECT_TRUE(sys.snapshots().empty());
  HResult status;
  ASSERT_EQ(a->QueryStatus(&status, nullptr), hr::S_OK);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_CANCELLED);
  EXPECT_EQ(w.count(WriterEvent::kBackupShutdown), 1u);
  EXPECT_EQ(sys.conformance().count(rules::kReleaseWithoutAbort), 1u);
  sys.RunUntilIdle();
}

// Wait on an operation from inside that operation's own handler can never finish: VSS_E_UNEXPECTED.
TEST_F(Misuse, WaitFromInsideTheOperationReturnsUnexpected) {
  TestWriter w(sys, "W");
  std::shared_ptr<Async> dss;
  HResult inner;
  w.on(WriterEvent::kFreeze, [&](TestWriter&) { inner = dss->Wait(); return true; });
  auto r = Prepared();
  ASSERT_EQ(r->DoSnapshotSet(&dss), hr::S_OK);
  EXPECT_EQ(Finish(dss), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(inner, hr::VSS_E_UNEXPECTED);
}

// AbortBackup called from inside a writer handler of the running DoSnapshotSet: the creation is
// cancelled and the abort completes once it has wound down.
TEST_F(Misuse, AbortBackupFromInsideAHandler) {
  TestWriter w(sys, "W");
  std::shared_ptr<BackupComponents> r;
  w.on(WriterEvent::kPrepareForSnapshot, [&](TestWriter&) { EXPECT_EQ(r->AbortBackup(), hr::S_OK); return true; });
  r = Prepared();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_CANCELLED);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 1u);
  EXPECT_TRUE(sys.snapshots().empty());
  EXPECT_FALSE(sys.snapshot_set_in_progress());
  EXPECT_EQ(r->Release(), hr::S_OK);
  EXPECT_TRUE(sys.conformance().clean());
}

// A provider answering garbage to IsVolumeSupported is simply not chosen.
TEST_F(Misuse, ProviderGarbageDuringSelectionIsNotChosen) {
  provider->codes[ProviderMethod::kIsVolumeSupported] = HResult{0x12345678};
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);  // the system provider took it
  EXPECT_EQ(provider->count(ProviderMethod::kBeginPrepareSnapshot), 0u);
  EXPECT_EQ(sys.conformance().count(rules::kProviderUndocumentedCode), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [SUB]: a second Subscribe → VSS_E_WRITER_ALREADY_SUBSCRIBED.
TEST_F(WriterSetup, SecondSubscribeIsAlreadySubscribed) {
  TestWriter w(sys, "W");
  EXPECT_EQ(w.Subscribe(), hr::VSS_E_WRITER_ALREADY_SUBSCRIBED);
  EXPECT_EQ(w.Unsubscribe(), hr::S_OK);
  EXPECT_EQ(w.Subscribe(), hr::S_OK);
}

class BareWriter : public Writer {
 public:
  using Writer::Writer;
  bool OnPrepareSnapshot() override { return true; }
  bool OnFreeze() override { return true; }
  bool OnThaw() override { return true; }
  bool OnAbort() override { return true; }
};

// [INIT]: defaults FRONT_END and 60000 ms; S_FALSE when the writer infrastructure is inactive;
// E_INVALIDARG for bad arguments. Subscribe before Initialize cannot work.
TEST_F(WriterSetup, InitializeDefaultsAndCodes) {
  BareWriter w(sys);
  EXPECT_EQ(w.Subscribe(), hr::VSS_E_UNEXPECTED);
  EXPECT_EQ(w.Initialize(VssId::null(), "W", UsageType::kUserData, SourceType::kOther), hr::E_INVALIDARG);
  EXPECT_EQ(w.Initialize(VssId::named("W"), "W", UsageType::kUserData, SourceType::kOther), hr::S_OK);
  EXPECT_EQ(w.level(), ApplicationLevel::kFrontEnd);
  EXPECT_EQ(w.timeout_freeze(), Duration::seconds(60));
  EXPECT_EQ(w.Initialize(VssId::named("W"), "W", UsageType::kUserData, SourceType::kOther), hr::E_INVALIDARG);
  sys.mutable_config().writer_infrastructure_active = false;
  BareWriter safe_mode(sys);
  EXPECT_EQ(safe_mode.Initialize(VssId::named("S"), "S", UsageType::kUserData, SourceType::kOther), hr::S_FALSE);
}

// A writer subscribed for restore events only takes no part in backups.
TEST_F(WriterSetup, SubscriptionMaskSelectsBackupOrRestore) {
  BareWriter w(sys);
  ASSERT_EQ(w.Initialize(VssId::named("R"), "R", UsageType::kUserData, SourceType::kOther), hr::S_OK);
  ASSERT_EQ(w.Subscribe(subscribe::kRestoreEvents), hr::S_OK);
  auto r = Initialized();
  unsigned n = 9;
  ASSERT_EQ(r->GetWriterMetadataCount(&n), hr::S_OK);
  EXPECT_EQ(n, 0u);
}

}  // namespace
}  // namespace vssfault::vss::test

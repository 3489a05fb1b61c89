// The requester state machine: call order, VSS_E_BAD_STATE out of sequence, null out-parameters
// (semantics.md §3.1, §3.2, §7.1; D2, D3).
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

using RequesterSequence = VssTest;

// [IFB][SBS][GWM][SSS][PFB][DSS][GWS][BC]: "The backup components object is not initialized … VSS_E_BAD_STATE".
TEST_F(RequesterSequence, UninitializedObjectRejectsBackupCallsWithBadState) {
  auto r = sys.CreateVssBackupComponents();
  std::shared_ptr<Async> a;
  VssId id;
  unsigned n = 0;
  EXPECT_EQ(r->SetContext(ctx::kBackup), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->SetBackupState(false, false, BackupType::kFull), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->GatherWriterMetadata(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->StartSnapshotSet(&id), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &id), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->PrepareForBackup(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->DoSnapshotSet(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->GatherWriterStatus(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->GetWriterStatusCount(&n), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->FreeWriterStatus(), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->BackupComplete(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->PreRestore(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->PostRestore(&a), hr::VSS_E_BAD_STATE);
}

// [AB]: AbortBackup's only VSS_E_BAD_STATE case is "not initialized".
TEST_F(RequesterSequence, AbortBackupOnUninitializedObjectIsBadState) {
  auto r = sys.CreateVssBackupComponents();
  EXPECT_EQ(r->AbortBackup(), hr::VSS_E_BAD_STATE);
}

// [AB]: "If AbortBackup is called and no shadow copy or backup operations are underway, it is ignored".
TEST_F(RequesterSequence, AbortBackupWithNothingUnderWayIsIgnored) {
  TestWriter w(sys, "W");
  auto r = Initialized();
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 0u);
  VssId set;
  EXPECT_EQ(r->StartSnapshotSet(&set), hr::S_OK);  // the object is still usable: the call was ignored
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
  EXPECT_EQ(r->Release(), hr::S_OK);
}

// §7.1: InitializeForBackup leaves UNINIT; a second one is out of sequence [IFB].
TEST_F(RequesterSequence, SecondInitializeForBackupIsBadState) {
  auto r = sys.CreateVssBackupComponents();
  EXPECT_EQ(r->InitializeForBackup(), hr::S_OK);
  EXPECT_EQ(r->InitializeForBackup(), hr::VSS_E_BAD_STATE);
}

// [SCTX]: "Callable once, before most VSS functions".
TEST_F(RequesterSequence, SetContextIsCallableOnce) {
  auto r = sys.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  EXPECT_EQ(r->SetContext(ctx::kAppRollback), hr::S_OK);
  EXPECT_EQ(r->SetContext(ctx::kBackup), hr::VSS_E_BAD_STATE);
}

TEST_F(RequesterSequence, SetContextAfterGatherWriterMetadataIsBadState) {
  auto r = Initialized();
  EXPECT_EQ(r->SetContext(ctx::kBackup), hr::VSS_E_BAD_STATE);
}

// [SCTX]: E_INVALIDARG for a value that is not a supported context.
TEST_F(RequesterSequence, SetContextRejectsUnsupportedValueWithInvalidArg) {
  auto r = sys.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  EXPECT_EQ(r->SetContext(0x7), hr::E_INVALIDARG);
  EXPECT_EQ(r->SetContext(ctx::kAll), hr::E_INVALIDARG);
  EXPECT_EQ(r->SetContext(ctx::kClientAccessibleWriters), hr::S_OK);
}

// [GWM]: call only once per object; ppAsync NULL → E_INVALIDARG.
TEST_F(RequesterSequence, GatherWriterMetadataOnlyOnce) {
  auto r = Initialized();
  std::shared_ptr<Async> a;
  EXPECT_EQ(r->GatherWriterMetadata(&a), hr::VSS_E_BAD_STATE);
}

TEST_F(RequesterSequence, NullAsyncOutParameterIsInvalidArg) {
  auto r = sys.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  EXPECT_EQ(r->GatherWriterMetadata(nullptr), hr::E_INVALIDARG);
  VssId set;
  EXPECT_EQ(r->StartSnapshotSet(nullptr), hr::E_INVALIDARG);
}

// D2 / [SBS][PFB]: SetBackupState "must" precede PrepareForBackup.
TEST_F(RequesterSequence, PrepareForBackupWithoutSetBackupStateIsBadState) {
  auto r = sys.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->GatherWriterMetadata(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  VssId set;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->PrepareForBackup(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->SetBackupState(false, false, BackupType::kFull), hr::S_OK);  // D2: still accepted here
  EXPECT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r->SetBackupState(false, false, BackupType::kFull), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [SSS]: StartSnapshotSet must come before PrepareForBackup.
TEST_F(RequesterSequence, PrepareForBackupBeforeStartSnapshotSetIsBadState) {
  auto r = Initialized();
  std::shared_ptr<Async> a;
  EXPECT_EQ(r->PrepareForBackup(&a), hr::VSS_E_BAD_STATE);
}

// [SCD]: AddComponent must come before StartSnapshotSet.
TEST_F(RequesterSequence, AddComponentAfterStartSnapshotSetIsBadState) {
  TestWriter w(sys, "W", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  auto r = Initialized(true);
  VssId set;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AddComponent(w.instance_id(), w.writer_id(), ComponentType::kFileGroup, "", "db"), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

TEST_F(RequesterSequence, AddComponentOfUnknownComponentIsObjectNotFound) {
  TestWriter w(sys, "W", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  auto r = Initialized(true);
  EXPECT_EQ(r->AddComponent(w.instance_id(), w.writer_id(), ComponentType::kFileGroup, "", "logs"),
            hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->AddComponent(w.instance_id(), w.writer_id(), ComponentType::kFileGroup, "", "db"), hr::S_OK);
  EXPECT_EQ(r->AddComponent(w.instance_id(), w.writer_id(), ComponentType::kFileGroup, "", "db"),
            hr::VSS_E_OBJECT_ALREADY_EXISTS);
}

// [DSS]: BAD_STATE when "the prerequisite calls for a given shadow copy context have not been made".
TEST_F(RequesterSequence, DoSnapshotSetWithoutPrepareForBackupIsBadState) {
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  EXPECT_EQ(r->DoSnapshotSet(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [SCD]: GatherWriterMetadata is required in writer contexts or DoSnapshotSet fails.
TEST_F(RequesterSequence, DoSnapshotSetWithoutGatherWriterMetadataInBackupContextIsBadState) {
  auto r = sys.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  EXPECT_EQ(r->DoSnapshotSet(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// A method that needs an earlier operation's result is out of sequence while that operation runs.
TEST_F(RequesterSequence, DoSnapshotSetWhilePrepareForBackupRunsIsBadState) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kPrepareForBackup, [](TestWriter& self) { self.Work(Duration::seconds(5)); return true; });
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> prep, dss;
  ASSERT_EQ(r->PrepareForBackup(&prep), hr::S_OK);
  EXPECT_EQ(r->DoSnapshotSet(&dss), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(Finish(prep), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r->DoSnapshotSet(&dss), hr::S_OK);
  EXPECT_EQ(Finish(dss), hr::VSS_S_ASYNC_FINISHED);
}

// [SCCP]: the set is fixed once DoSnapshotSet is called.
TEST_F(RequesterSequence, AddToSnapshotSetAfterDoSnapshotSetIsBadState) {
  ASSERT_EQ(sys.AddVolume("D:\\"), hr::S_OK);
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  VssId snap;
  EXPECT_EQ(r->AddToSnapshotSet("D:\\", VssId::null(), &snap), hr::VSS_E_BAD_STATE);
}

TEST_F(RequesterSequence, BackupCompleteBeforeDoSnapshotSetIsBadState) {
  auto r = Prepared();
  std::shared_ptr<Async> a;
  EXPECT_EQ(r->BackupComplete(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [GWSC][GWST]: both require a completed GatherWriterStatus; FreeWriterStatus ends it [FWS].
TEST_F(RequesterSequence, WriterStatusNeedsCompletedGatherWriterStatus) {
  TestWriter w(sys, "W");
  auto r = Initialized();
  unsigned n = 0;
  EXPECT_EQ(r->GetWriterStatusCount(&n), hr::VSS_E_BAD_STATE);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->GatherWriterStatus(&a), hr::S_OK);
  EXPECT_EQ(r->GetWriterStatusCount(&n), hr::VSS_E_BAD_STATE);  // not completed yet
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r->GetWriterStatusCount(&n), hr::S_OK);
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(r->FreeWriterStatus(), hr::S_OK);
  EXPECT_EQ(r->GetWriterStatusCount(&n), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->FreeWriterStatus(), hr::VSS_E_BAD_STATE);
}

// [GWSC]: the status count "should always be the same as" GetWriterMetadataCount.
TEST_F(RequesterSequence, WriterStatusCountEqualsMetadataCount) {
  TestWriter a(sys, "A"), b(sys, "B"), c(sys, "C");
  auto r = Initialized();
  unsigned meta = 0, stat = 0;
  ASSERT_EQ(r->GetWriterMetadataCount(&meta), hr::S_OK);
  std::shared_ptr<Async> g;
  ASSERT_EQ(r->GatherWriterStatus(&g), hr::S_OK);
  ASSERT_EQ(Finish(g), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r->GetWriterStatusCount(&stat), hr::S_OK);
  EXPECT_EQ(meta, 3u);
  EXPECT_EQ(stat, meta);
}

// [GWST]: VSS_E_OBJECT_NOT_FOUND for a bad index; E_INVALIDARG for NULL outputs.
TEST_F(RequesterSequence, GetWriterStatusBadIndexIsObjectNotFoundAndNullIsInvalidArg) {
  TestWriter w(sys, "W");
  auto r = Initialized();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->GatherWriterStatus(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  VssId inst, wid;
  std::string name;
  WriterState st;
  HResult failure;
  EXPECT_EQ(r->GetWriterStatus(1, &inst, &wid, &name, &st, &failure), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->GetWriterStatus(0, &inst, &wid, &name, &st, nullptr), hr::E_INVALIDARG);
  EXPECT_EQ(r->GetWriterStatus(0, &inst, &wid, &name, &st, &failure), hr::S_OK);
  EXPECT_EQ(name, "W");
  EXPECT_EQ(st, WriterState::kStable);
}

// [GWSX]: phrApplication and pbstrApplicationMessage may be NULL; pnStatus may not.
TEST_F(RequesterSequence, GetWriterStatusExAllowsNullApplicationOutputsOnly) {
  TestWriter w(sys, "W");
  auto r = Initialized();
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->GatherWriterStatus(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  VssId inst, wid;
  std::string name;
  WriterState st;
  HResult failure;
  EXPECT_EQ(r->GetWriterStatusEx(0, &inst, &wid, &name, &st, &failure, nullptr, nullptr), hr::S_OK);
  EXPECT_EQ(r->GetWriterStatusEx(0, &inst, &wid, &name, nullptr, &failure, nullptr, nullptr), hr::E_INVALIDARG);
}

// [OBI][DWS]: writers that failed Identify are absent from the metadata and status lists.
TEST_F(RequesterSequence, WriterFailingIdentifyIsAbsentFromMetadataAndStatus) {
  TestWriter good(sys, "Good"), bad(sys, "Bad");
  bad.on(WriterEvent::kIdentify, [](TestWriter&) { return false; });
  auto r = Initialized();
  unsigned n = 0;
  ASSERT_EQ(r->GetWriterMetadataCount(&n), hr::S_OK);
  ASSERT_EQ(n, 1u);
  VssId inst;
  WriterMetadata md;
  ASSERT_EQ(r->GetWriterMetadata(0, &inst, &md), hr::S_OK);
  EXPECT_EQ(md.name, "Good");
  EXPECT_EQ(inst, good.instance_id());
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->GatherWriterStatus(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r->GetWriterStatusCount(&n), hr::S_OK);
  EXPECT_EQ(n, 1u);
}

// D3 / [SCD]: in writer-less contexts AddComponent, PrepareForBackup and BackupComplete return an error,
// GatherWriterMetadata is optional and no PrepareForSnapshot/Freeze/Thaw/PostSnapshot is generated.
TEST_F(RequesterSequence, WriterlessContextRefusesWriterCallsAndGeneratesNoWriterEvents) {
  TestWriter w(sys, "W", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  auto r = sys.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  ASSERT_EQ(r->SetContext(ctx::kFileShareBackup), hr::S_OK);
  ASSERT_EQ(r->SetBackupState(false, false, BackupType::kFull), hr::S_OK);
  EXPECT_EQ(r->AddComponent(w.instance_id(), w.writer_id(), ComponentType::kFileGroup, "", "db"), hr::VSS_E_BAD_STATE);
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  EXPECT_EQ(r->PrepareForBackup(&a), hr::VSS_E_BAD_STATE);
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r->BackupComplete(&a), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(w.events.empty());
  EXPECT_EQ(sys.snapshots().size(), 1u);
}

// [OBI]: one object is good for one backup; after Release every call is out of sequence.
TEST_F(RequesterSequence, ReleasedObjectRejectsCallsAndReleaseIsIdempotent) {
  auto r = Initialized();
  EXPECT_EQ(r->Release(), hr::S_OK);
  EXPECT_EQ(r->Release(), hr::S_OK);
  VssId set;
  EXPECT_EQ(r->StartSnapshotSet(&set), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AbortBackup(), hr::VSS_E_BAD_STATE);
}

}  // namespace
}  // namespace vssfault::vss::test

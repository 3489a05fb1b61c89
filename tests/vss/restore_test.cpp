// The restore sequence (semantics.md §3.6) [ORI][OPR][ORC][PRE][POSTR][ABRT].
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

class Restore : public VssTest {
 protected:
  std::shared_ptr<BackupComponents> Gathered() {
    auto r = sys.CreateVssBackupComponents();
    EXPECT_EQ(r->InitializeForRestore("<BackupComponents/>"), hr::S_OK);
    std::shared_ptr<Async> a;
    EXPECT_EQ(r->GatherWriterMetadata(&a), hr::S_OK);
    EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
    return r;
  }
  HResult Run(const std::shared_ptr<BackupComponents>& r, HResult (BackupComponents::*m)(std::shared_ptr<Async>*)) {
    std::shared_ptr<Async> a;
    const HResult call = ((*r).*m)(&a);
    return call.failed() ? call : Finish(a);
  }
};

// [WRT]: Restore: (Identify) → PreRestore → PostRestore; [OPR]: only writers with selected components.
TEST_F(Restore, SelectedWriterReceivesPreRestoreThenPostRestore) {
  TestWriter selected(sys, "Sel", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  TestWriter other(sys, "Other", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  auto r = Gathered();
  ASSERT_EQ(r->SetSelectedForRestore(selected.writer_id(), ComponentType::kFileGroup, "", "db", true), hr::S_OK);
  EXPECT_EQ(Run(r, &BackupComponents::PreRestore), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Run(r, &BackupComponents::PostRestore), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(selected.events, (std::vector<WriterEvent>{WriterEvent::kIdentify, WriterEvent::kPreRestore,
                                                       WriterEvent::kPostRestore}));
  EXPECT_EQ(other.events, std::vector<WriterEvent>{WriterEvent::kIdentify});  // "will not receive any VSS events"
  ASSERT_NE(selected.last_components, nullptr);
  EXPECT_EQ(r->Release(), hr::S_OK);
  EXPECT_EQ(selected.count(WriterEvent::kBackupShutdown), 0u);  // no backup on a restore object
  EXPECT_TRUE(sys.conformance().clean());
}

// [OPR]: "Selecting a writer that is not running gives VSS_E_OBJECT_NOT_FOUND".
TEST_F(Restore, SelectingAWriterThatIsNotRunningIsObjectNotFound) {
  auto w = std::make_unique<TestWriter>(sys, "Gone", nullptr, ApplicationLevel::kFrontEnd, 60000,
                                        std::vector<std::string>{"db"});
  const VssId id = w->writer_id();
  auto r = Gathered();
  w.reset();
  EXPECT_EQ(r->SetSelectedForRestore(id, ComponentType::kFileGroup, "", "db", true), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->SetSelectedForRestore(VssId::named("never"), ComponentType::kFileGroup, "", "db", true),
            hr::VSS_E_OBJECT_NOT_FOUND);
}

// §7.1: PreRestore needs GatherWriterMetadata; PostRestore needs PreRestore.
TEST_F(Restore, PreRestoreAndPostRestoreOutOfSequenceAreBadState) {
  auto r = sys.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForRestore("<BackupComponents/>"), hr::S_OK);
  EXPECT_EQ(Run(r, &BackupComponents::PreRestore), hr::VSS_E_BAD_STATE);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->GatherWriterMetadata(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Run(r, &BackupComponents::PostRestore), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(Run(r, &BackupComponents::PreRestore), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Run(r, &BackupComponents::PreRestore), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(Run(r, &BackupComponents::PostRestore), hr::VSS_S_ASYNC_FINISHED);
}

// §3.2/§7.1: backup calls on a restore object return VSS_E_BAD_STATE; "Aborts are not supported for
// restore" [ABRT].
TEST_F(Restore, BackupCallsOnARestoreObjectAreBadState) {
  auto r = Gathered();
  VssId set;
  EXPECT_EQ(r->SetBackupState(false, false, BackupType::kFull), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->StartSnapshotSet(&set), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(Run(r, &BackupComponents::PrepareForBackup), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(Run(r, &BackupComponents::DoSnapshotSet), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(Run(r, &BackupComponents::BackupComplete), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AbortBackup(), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->InitializeForBackup(), hr::VSS_E_BAD_STATE);
}

// [VWS]: a failing OnPreRestore / OnPostRestore leaves FAILED_AT_PRE_RESTORE / FAILED_AT_POST_RESTORE; no
// Abort event in a restore [ABRT].
TEST_F(Restore, FailuresAreReportedAndGenerateNoAbort) {
  TestWriter w(sys, "W", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  w.on(WriterEvent::kPreRestore, [](TestWriter& self) {
    self.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    return false;
  });
  auto r = Gathered();
  ASSERT_EQ(r->SetSelectedForRestore(w.writer_id(), ComponentType::kFileGroup, "", "db", true), hr::S_OK);
  EXPECT_EQ(Run(r, &BackupComponents::PreRestore), hr::VSS_S_ASYNC_FINISHED);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kFailedAtPreRestore);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 0u);
}

// [INIT-restore]: the stored Backup Components Document is required.
TEST_F(Restore, InitializeForRestoreNeedsTheDocument) {
  auto r = sys.CreateVssBackupComponents();
  EXPECT_EQ(r->InitializeForRestore(""), hr::E_INVALIDARG);
  EXPECT_EQ(r->InitializeForRestore("<BackupComponents/>"), hr::S_OK);
  EXPECT_EQ(r->InitializeForRestore("<BackupComponents/>"), hr::VSS_E_BAD_STATE);
}

}  // namespace
}  // namespace vssfault::vss::test

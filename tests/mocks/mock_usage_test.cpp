// The mocks used the way a user would: strict expectations on the calls VSS makes in a clean backup,
// and the ideal defaults of the nice mocks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mocks/vss_bench.h"

namespace vssfault::test {
namespace {

using ::testing::_;
using ::testing::InSequence;
using ::testing::NiceMock;
using ::testing::StrictMock;
using vss::WriterState;

// [WRT]: backup events reach a writer as Identify, PrepareForBackup, PrepareForSnapshot, Freeze, Thaw,
// PostSnapshot, BackupComplete, then BackupShutdown on release [BSD]; no Abort in a clean run [ONFR].
TEST(MockWriterTest, CleanBackupDeliversTheDocumentedHandlerOrder) {
  VssWorld world;
  StrictMock<mocks::MockWriter> writer(world.system);
  writer.DeclareComponent("db", "db1");
  ASSERT_EQ(writer.Start("Strict"), hr::S_OK);
  {
    InSequence order;
    EXPECT_CALL(writer, OnIdentify(_));
    EXPECT_CALL(writer, OnPrepareBackup(_));
    EXPECT_CALL(writer, OnPrepareSnapshot());
    EXPECT_CALL(writer, OnFreeze());
    EXPECT_CALL(writer, OnThaw());
    EXPECT_CALL(writer, OnPostSnapshot(_));
    EXPECT_CALL(writer, OnBackupComplete(_));
    EXPECT_CALL(writer, OnBackupShutdown(_));
  }
  EXPECT_CALL(writer, OnAbort()).Times(0);

  const auto result = requester::ReferenceRequester(world.system).Backup({{kVolume}, {}});

  EXPECT_EQ(result.outcome, requester::Outcome::kSucceeded) << result.describe();
  ASSERT_EQ(result.attempts.size(), 1u);
  EXPECT_TRUE(world.system.conformance().clean());
}

// [SCCP] §5.2 with D16/D17: BeginPrepareSnapshot per volume (from AddToSnapshotSet), EndPrepareSnapshots,
// PreCommitSnapshots, CommitSnapshots, PostCommitSnapshots, then Pre- and PostFinalCommitSnapshots.
TEST(MockProviderTest, CleanBackupCallsTheCreationMethodsInOrder) {
  VssWorld world;
  NiceMock<mocks::MockWriter> writer(world.system);
  ASSERT_EQ(writer.Start("W"), hr::S_OK);
  auto provider = std::make_shared<NiceMock<mocks::MockProvider>>(mocks::MockProvider::Software("P"));
  {
    InSequence order;
    EXPECT_CALL(*provider, BeginPrepareSnapshot(_, _, std::string_view(kVolume), _));
    EXPECT_CALL(*provider, EndPrepareSnapshots(_));
    EXPECT_CALL(*provider, PreCommitSnapshots(_));
    EXPECT_CALL(*provider, CommitSnapshots(_));
    EXPECT_CALL(*provider, PostCommitSnapshots(_, 1));
    EXPECT_CALL(*provider, PreFinalCommitSnapshots(_));
    EXPECT_CALL(*provider, PostFinalCommitSnapshots(_));
  }
  EXPECT_CALL(*provider, AbortSnapshots(_)).Times(0);
  ASSERT_EQ(world.system.RegisterProvider(provider), hr::S_OK);

  const auto result = requester::ReferenceRequester(world.system).Backup({{kVolume}, {}});

  EXPECT_EQ(result.outcome, requester::Outcome::kSucceeded) << result.describe();
  ASSERT_EQ(world.system.snapshots().size(), 0u) << "non-persistent snapshots end with Release [OBT]";
  EXPECT_TRUE(world.system.conformance().clean());
  world.system.UnregisterProvider(provider->info().id);
}

// A NiceMock writer with the installed defaults is an ideal writer: every status check reads
// VSS_WS_STABLE or a WAITING state with S_OK (§7.2, D5), never a failure.
TEST(MockWriterTest, NiceMockWithDefaultsBehavesLikeAnIdealWriter) {
  Bench bench;
  const auto result = bench.Backup();
  ASSERT_EQ(result.outcome, requester::Outcome::kSucceeded) << result.describe();
  const auto& statuses = result.attempts.front().statuses;
  ASSERT_FALSE(statuses.empty());
  for (const auto& s : statuses) {
    EXPECT_FALSE(s.failed()) << s.after << " " << s.writer;
    EXPECT_EQ(s.failure, hr::S_OK);
  }
  // D5: after BackupComplete the writer is back to STABLE.
  EXPECT_EQ(statuses.back().after, "BackupComplete");
  EXPECT_EQ(statuses.back().state, WriterState::kStable);
}

// Without the ideal defaults gmock would return false from every handler: a fatal veto (D9). The
// helper restores them after a test overrode them.
TEST(MockWriterTest, InstallIdealDefaultsReplacesEarlierDefaults) {
  Bench bench;
  ON_CALL(bench.writer, OnPrepareSnapshot()).WillByDefault(::testing::Return(false));
  mocks::InstallIdealDefaults(bench.writer);
  EXPECT_EQ(bench.Backup().outcome, requester::Outcome::kSucceeded);
}

// The forwarding of the protected CVssWriter API: an action calling SetWriterFailure from the handler's
// thread is accepted [S3]; the same call from the writer's worker thread is refused (D10) and the
// off-thread conformance rule fires [S3][S2][WRT].
TEST(MockWriterTest, ActionsReachTheProtectedFailureApiOnTheHandlerThreadOnly) {
  Bench bench;
  HResult on_thread;
  HResult off_thread;
  ON_CALL(bench.writer, OnPrepareSnapshot()).WillByDefault([&] {
    off_thread = bench.writer.worker().SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    on_thread = bench.writer.SetWriterFailure(hr::VSS_E_WRITERERROR_NONRETRYABLE);
    return true;
  });
  requester::Policy once;
  once.retry = false;
  const auto result = bench.Backup(once);
  EXPECT_EQ(on_thread, hr::S_OK);
  EXPECT_EQ(off_thread, hr::E_INVALIDARG);
  EXPECT_EQ(bench.conformance().count(vss::rules::kWriterFailureOffThread), 1u);
  EXPECT_EQ(result.final_hr, hr::VSS_E_WRITERERROR_NONRETRYABLE) << result.describe();
}

// The ready-made provider action LogAndReturn: a veto with its Application-log entry [S4].
TEST(MockProviderTest, ReadyMadeActionsLogThroughTheHost) {
  Bench bench;
  ON_CALL(*bench.provider, EndPrepareSnapshots(_))
      .WillByDefault(mocks::LogAndReturn(*bench.provider, hr::VSS_E_PROVIDER_VETO, "no diff area"));
  requester::Policy once;
  once.retry = false;
  const auto result = bench.Backup(once);
  EXPECT_EQ(result.final_step, "DoSnapshotSet");
  EXPECT_EQ(result.final_hr, hr::VSS_E_PROVIDER_VETO);
  EXPECT_EQ(bench.world.system.event_log().from("P").size(), 1u);
  EXPECT_EQ(bench.conformance().count(vss::rules::kProviderVetoWithoutLog), 0u);
}

}  // namespace
}  // namespace vssfault::test

// The conformance checker: each rule fires when user code breaks the documented rule, and stays silent
// for correct code (semantics.md §3.5, §4.7; D21).
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

using ConformanceRules = VssTest;
using RequesterRules = VssTest;
using RetryRules = VssTest;

TEST_F(ConformanceRules, RuleIdsAreUniqueAndCarrySourceKeys) {
  std::set<std::string_view> ids;
  for (const Rule& r : all_rules()) {
    EXPECT_TRUE(ids.insert(r.id).second) << r.id;
    EXPECT_EQ(r.source.front(), '[') << r.id;
    EXPECT_FALSE(r.summary.empty()) << r.id;
  }
  ASSERT_NE(find_rule(rules::kProviderLoggedWhileFrozen), nullptr);
  EXPECT_EQ(find_rule(rules::kProviderLoggedWhileFrozen)->source, "[S4][CS]");
  EXPECT_EQ(find_rule("no.such-rule"), nullptr);
}

// Each violation is also a `violation` record in the trace, with rule, source and actor.
TEST_F(ConformanceRules, ViolationsAreTraced) {
  TestWriter w(sys, "W");
  w.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);  // outside any handler
  ASSERT_EQ(sys.conformance().violations().size(), 1u);
  const Violation& v = sys.conformance().violations()[0];
  EXPECT_EQ(v.actor, "writer:W");
  EXPECT_EQ(v.time, clock.now());
  const TraceRecord& rec = trace.records().back().event == "violation" ? trace.records().back()
                                                                        : trace.records()[trace.size() - 2];
  EXPECT_EQ(rec.event, "violation");
  EXPECT_EQ(rec.actor, "writer:W");
  EXPECT_EQ(rec.field("rule"), rules::kWriterFailureOffThread);
  EXPECT_EQ(rec.field("source"), "[S3][S2][WRT]");
}

// A complete, correct backup with several writers, components and the status checks is clean.
TEST_F(ConformanceRules, CorrectBackupIsClean) {
  TestWriter fe(sys, "Fe", nullptr, ApplicationLevel::kFrontEnd, 60000, {"a"});
  TestWriter be(sys, "Be", nullptr, ApplicationLevel::kBackEnd, 60000, {"b"});
  auto r = Initialized(true);
  ASSERT_EQ(r->AddComponent(fe.instance_id(), fe.writer_id(), ComponentType::kFileGroup, "", "a"), hr::S_OK);
  ASSERT_EQ(r->AddComponent(be.instance_id(), be.writer_id(), ComponentType::kFileGroup, "", "b"), hr::S_OK);
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(StatusOf(r, "Fe").state, WriterState::kWaitingForBackupComplete);
  ASSERT_EQ(r->SetBackupSucceeded(fe.instance_id(), fe.writer_id(), ComponentType::kFileGroup, "", "a", true), hr::S_OK);
  ASSERT_EQ(r->SetBackupSucceeded(be.instance_id(), be.writer_id(), ComponentType::kFileGroup, "", "b", true), hr::S_OK);
  ASSERT_EQ(r->BackupComplete(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(StatusOf(r, "Be").state, WriterState::kStable);
  ASSERT_EQ(r->Release(), hr::S_OK);
  EXPECT_TRUE(sys.conformance().clean()) << sys.conformance().violations()[0].rule;
}

// [BC]: "Do not call if DoSnapshotSet failed".
TEST_F(RequesterRules, BackupCompleteAfterFailedDoSnapshotSet) {
  provider->codes[ProviderMethod::kCommitSnapshots] = hr::VSS_E_INSUFFICIENT_STORAGE;
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_E_INSUFFICIENT_STORAGE);
  std::shared_ptr<Async> a;
  EXPECT_EQ(r->BackupComplete(&a), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kBackupCompleteAfterFailedSnapshot)});
  EXPECT_EQ(sys.conformance().violations()[0].actor, "requester:" + std::to_string(r->id()));
}

// [BC]: in component mode SetBackupSucceeded must precede BackupComplete.
TEST_F(RequesterRules, BackupCompleteWithoutSetBackupSucceeded) {
  TestWriter w(sys, "W", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  auto r = Initialized(true);
  ASSERT_EQ(r->AddComponent(w.instance_id(), w.writer_id(), ComponentType::kFileGroup, "", "db"), hr::S_OK);
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r->BackupComplete(&a), hr::S_OK);
  EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kBackupCompleteWithoutSucceeded)});
}

// [ABRT]: once PrepareForBackup has been generated a requester that stops must call AbortBackup first.
TEST_F(RequesterRules, ReleaseWithoutAbortAfterPrepareForBackup) {
  auto r = Prepared();
  EXPECT_EQ(r->Release(), hr::S_OK);
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kReleaseWithoutAbort)});
}

// [AB]: "AbortBackup must be called if the backup terminates after StartSnapshotSet".
TEST_F(RequesterRules, ReleaseWithoutAbortAfterStartSnapshotSet) {
  auto r = Initialized();
  VssId set;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  r.reset();  // the destructor releases
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kReleaseWithoutAbort)});
  EXPECT_FALSE(sys.snapshot_set_in_progress());
}

// [ABRT]: "A DoSnapshotSet failure … It should still call AbortBackup".
TEST_F(RequesterRules, ReleaseWithoutAbortAfterFailedDoSnapshotSet) {
  provider->codes[ProviderMethod::kCommitSnapshots] = hr::E_OUTOFMEMORY;
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::E_OUTOFMEMORY);
  EXPECT_EQ(r->Release(), hr::S_OK);
  EXPECT_EQ(sys.conformance().count(rules::kReleaseWithoutAbort), 1u);
}

// [ABRT]: release without Abort is fine before PrepareForBackup is generated, after AbortBackup, after
// BackupComplete, and when PrepareForBackup failed.
TEST_F(RequesterRules, ReleaseWithoutAbortIsFineWhereDocumented) {
  Initialized()->Release();
  auto aborted = Prepared({"C:\\"}, "a");
  aborted->AbortBackup();
  aborted->Release();
  EXPECT_EQ(FullBackup("b"), hr::VSS_S_ASYNC_FINISHED);
  struct FailPrepare : Hooks {
    std::optional<HResult> OnRequesterCall(int, std::string_view m) override {
      return m == "PrepareForBackup" ? std::optional<HResult>(hr::E_OUTOFMEMORY) : std::nullopt;
    }
  } hooks;
  sys.SetHooks(&hooks);
  auto r = Initialized(false, "c");
  VssId set;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  std::shared_ptr<Async> a;
  EXPECT_EQ(r->PrepareForBackup(&a), hr::E_OUTOFMEMORY);
  EXPECT_EQ(r->Release(), hr::S_OK);
  sys.SetHooks(nullptr);
  EXPECT_TRUE(sys.conformance().clean()) << Rules()[0];
}

// [DSS]: VSS_E_FLUSH_WRITES_TIMEOUT — "wait ten minutes and try again": a retry after 5 minutes is too soon.
TEST_F(RetryRules, RetrySoonerThanTenMinutesAfterFlushTimeout) {
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration::seconds(11)));
  EXPECT_EQ(FullBackup(), hr::VSS_E_FLUSH_WRITES_TIMEOUT);
  sys.RunFor(Duration::minutes(5));
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration()));
  EXPECT_EQ(FullBackup(), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kRetryTooSoon)});
}

TEST_F(RetryRules, RetryAfterTenMinutesIsFine) {
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration::seconds(11)));
  EXPECT_EQ(FullBackup(), hr::VSS_E_FLUSH_WRITES_TIMEOUT);
  sys.RunFor(Duration::minutes(10));
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration()));
  EXPECT_EQ(FullBackup(), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(sys.conformance().clean());
}

// [S1][S2]: "up to three times" — a fourth retry of a still-failing backup is one too many.
TEST_F(RetryRules, FourthRetryIsTooMany) {
  provider->codes[ProviderMethod::kCommitSnapshots] = hr::VSS_E_PROVIDER_VETO;
  provider->actions[ProviderMethod::kAbortSnapshots] = [](TestProvider& p) {
    p.host().LogEvent(EventLevel::kError, hr::VSS_E_PROVIDER_VETO, "veto");
  };
  for (int attempt = 1; attempt <= 5; ++attempt) {
    EXPECT_EQ(FullBackup(), hr::VSS_E_PROVIDER_VETO);
    sys.RunFor(Duration::minutes(10));
    EXPECT_EQ(sys.conformance().count(rules::kRetryTooMany), attempt == 5 ? 1u : 0u) << attempt;
  }
  EXPECT_EQ(sys.conformance().count(rules::kRetryTooSoon), 0u);
}

// [S1][GWST]: a writer's VSS_E_WRITERERROR_RETRYABLE read through GetWriterStatus carries the same
// guidance; VSS_E_WRITERERROR_NONRETRYABLE carries none.
TEST_F(RetryRules, WriterRetryableReadByTheRequesterStartsTheClock) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kFreeze, [](TestWriter& self) { self.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE); return true; });
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(StatusOf(r, "W").failure, hr::VSS_E_WRITERERROR_RETRYABLE);
  ASSERT_EQ(r->AbortBackup(), hr::S_OK);
  ASSERT_EQ(r->Release(), hr::S_OK);
  w.scripts.clear();
  sys.RunFor(Duration::minutes(1));
  EXPECT_EQ(FullBackup(), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kRetryTooSoon)});
}

TEST_F(RetryRules, NonRetryableCarriesNoRetryGuidance) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kFreeze, [](TestWriter& self) { self.SetWriterFailure(hr::VSS_E_WRITERERROR_NONRETRYABLE); return true; });
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(StatusOf(r, "W").failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
  ASSERT_EQ(r->AbortBackup(), hr::S_OK);
  ASSERT_EQ(r->Release(), hr::S_OK);
  EXPECT_EQ(FullBackup(), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(sys.conformance().clean());
}

// Retry guidance is tracked per requester application: another client's backup is not a retry.
TEST_F(RetryRules, OtherClientsAreNotRetries) {
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration::seconds(11)));
  EXPECT_EQ(FullBackup("app1"), hr::VSS_E_FLUSH_WRITES_TIMEOUT);
  ASSERT_TRUE(sys.SetFlushDuration("C:\\", Duration()));
  EXPECT_EQ(FullBackup("app2"), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_TRUE(sys.conformance().clean());
}

}  // namespace
}  // namespace vssfault::vss::test

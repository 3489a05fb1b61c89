// Writer event order and Abort/BackupShutdown rules (semantics.md §4.1–4.2, §5.2; D6, D7, D16–D19).
#include <algorithm>

#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

using EventOrder = VssTest;
using Abort = VssTest;
using BackupShutdown = VssTest;

// [WRT]: Backup: (Identify) → PrepareForBackup → PrepareForSnapshot → Freeze → Thaw → PostSnapshot →
// BackupComplete → BackupShutdown.
TEST_F(EventOrder, BackupDeliversTheDocumentedSequence) {
  TestWriter w(sys, "W");
  EXPECT_EQ(FullBackup(), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(w.events, (std::vector<WriterEvent>{WriterEvent::kIdentify, WriterEvent::kPrepareForBackup,
                                                WriterEvent::kPrepareForSnapshot, WriterEvent::kFreeze,
                                                WriterEvent::kThaw, WriterEvent::kPostSnapshot,
                                                WriterEvent::kBackupComplete, WriterEvent::kBackupShutdown}));
  EXPECT_TRUE(sys.conformance().clean());
}

// §5.2 with D16 (BeginPrepareSnapshot inside AddToSnapshotSet) and D17 (Thaw → PreFinalCommit →
// PostSnapshot → PostFinalCommit).
TEST_F(EventOrder, ProviderCallsInterleaveWithWriterEventsAsDocumented) {
  TestWriter w(sys, "W", &journal);
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(journal, (Journal{"Soft:OnLoad", "W:OnIdentify", "Soft:IsVolumeSupported", "Soft:BeginPrepareSnapshot",
                              "W:OnPrepareBackup", "W:OnPrepareSnapshot", "Soft:EndPrepareSnapshots", "W:OnFreeze",
                              "Soft:PreCommitSnapshots", "Soft:CommitSnapshots", "Soft:PostCommitSnapshots",
                              "W:OnThaw", "Soft:PreFinalCommitSnapshots", "W:OnPostSnapshot",
                              "Soft:PostFinalCommitSnapshots"}));
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [VAL]: Freeze goes to FRONT_END writers, then BACK_END, then SYSTEM — whatever the seed.
TEST_F(EventOrder, FreezeGoesFrontEndThenBackEndThenSystem) {
  TestWriter sys1(sys, "Sys1", &journal, ApplicationLevel::kSystem);
  TestWriter be1(sys, "Be1", &journal, ApplicationLevel::kBackEnd);
  TestWriter fe1(sys, "Fe1", &journal, ApplicationLevel::kFrontEnd);
  TestWriter be2(sys, "Be2", &journal, ApplicationLevel::kBackEnd);
  TestWriter fe2(sys, "Fe2", &journal, ApplicationLevel::kFrontEnd);
  for (int round = 0; round < 8; ++round) {
    journal.clear();
    FullBackup("client" + std::to_string(round));
    std::vector<char> levels;  // F, B, S in the order OnFreeze ran
    for (const auto& line : journal)
      if (line.size() > 9 && line.substr(line.size() - 9) == ":OnFreeze") levels.push_back(line[0]);
    ASSERT_EQ(levels.size(), 5u);
    EXPECT_TRUE(std::is_sorted(levels.begin(), levels.end(), [](char a, char b) {
      auto rank = [](char c) { return c == 'F' ? 0 : c == 'B' ? 1 : 2; };
      return rank(a) < rank(b);
    })) << std::string(levels.begin(), levels.end());
  }
}

// The seed-chosen dispatch order is visible in the trace as a `dispatch` record.
TEST_F(EventOrder, DispatchOrderIsRecordedInTheTrace) {
  TestWriter a(sys, "A"), b(sys, "B");
  FullBackup();
  std::size_t freezes = 0;
  for (const auto& rec : trace.records()) {
    if (rec.actor == "vss" && rec.event == "dispatch" && rec.field("event") == "Freeze") {
      ++freezes;
      EXPECT_TRUE(rec.field("order") == "A,B" || rec.field("order") == "B,A") << rec.canonical();
    }
  }
  EXPECT_EQ(freezes, 1u);
}

// [OBD]: "If none of a writer's components are explicitly selected, the writer is not selected".
TEST_F(EventOrder, UnselectedWriterReceivesNoBackupEvents) {
  TestWriter picked(sys, "Picked", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  TestWriter idle(sys, "Idle", nullptr, ApplicationLevel::kFrontEnd, 60000, {"db"});
  auto r = Initialized(true);
  ASSERT_EQ(r->AddComponent(picked.instance_id(), picked.writer_id(), ComponentType::kFileGroup, "", "db"), hr::S_OK);
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(idle.events, std::vector<WriterEvent>{WriterEvent::kIdentify});
  EXPECT_EQ(picked.count(WriterEvent::kFreeze), 1u);
  ASSERT_NE(picked.last_components, nullptr);
}

// D18: the next PrepareForBackup resets the status; Identify does not.
TEST_F(EventOrder, PrepareForBackupResetsStatusButIdentifyDoesNot) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kFreeze, [](TestWriter& self) { self.SetWriterFailure(hr::VSS_E_WRITERERROR_NONRETRYABLE); return true; });
  auto r1 = Prepared();
  ASSERT_EQ(Snapshot(r1), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r1->AbortBackup(), hr::S_OK);
  EXPECT_EQ(r1->Release(), hr::S_OK);
  w.scripts.clear();
  auto r2 = Initialized();  // Identify only
  EXPECT_EQ(StatusOf(r2, "W").state, WriterState::kFailedAtFreeze);  // [DWS]: may reflect a previous operation
  VssId set, snap;
  ASSERT_EQ(r2->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r2->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r2->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  const WriterStatus st = StatusOf(r2, "W");
  EXPECT_EQ(st.state, WriterState::kStable);
  EXPECT_EQ(st.failure, hr::S_OK);
  EXPECT_EQ(r2->AbortBackup(), hr::S_OK);
}

// §7.2: STABLE → WAITING_FOR_FREEZE → WAITING_FOR_THAW → WAITING_FOR_POST_SNAPSHOT →
// WAITING_FOR_BACKUP_COMPLETE → STABLE, observed from inside the next handler.
TEST_F(EventOrder, WriterStateFollowsTheWaitingStates) {
  TestWriter w(sys, "W");
  std::vector<WriterState> seen;
  for (auto e : {WriterEvent::kPrepareForSnapshot, WriterEvent::kFreeze, WriterEvent::kThaw, WriterEvent::kPostSnapshot,
                 WriterEvent::kBackupComplete, WriterEvent::kBackupShutdown})
    w.on(e, [&seen](TestWriter& self) { seen.push_back(self.status().state); return true; });
  EXPECT_EQ(FullBackup(), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(seen, (std::vector<WriterState>{WriterState::kStable, WriterState::kWaitingForFreeze,
                                            WriterState::kWaitingForThaw, WriterState::kWaitingForPostSnapshot,
                                            WriterState::kWaitingForBackupComplete, WriterState::kStable}));
}

// [ONFR]–[ONPOST]: GetCurrentSnapshotSetId is the set StartSnapshotSet returned.
TEST_F(EventOrder, CurrentSnapshotSetIdIsTheSetBeingCreated) {
  TestWriter w(sys, "W");
  VssId seen;
  w.on(WriterEvent::kFreeze, [&seen](TestWriter& self) { seen = self.GetCurrentSnapshotSetId(); return true; });
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_FALSE(set.is_null());
  EXPECT_EQ(seen, set);
}

// [ONAB]: "OnAbort is not called once the writer has called OnPostSnapshot".
TEST_F(Abort, NeverAfterPostSnapshot) {
  TestWriter w(sys, "W");
  auto r = Prepared();
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 0u);
  EXPECT_EQ(r->Release(), hr::S_OK);
  EXPECT_TRUE(sys.conformance().clean());
}

// [AB][ABRT]: AbortBackup generates the Abort event for writers past PrepareForBackup (D6: a
// PrepareForBackup failure generates none by itself).
TEST_F(Abort, AbortBackupAfterPrepareForBackupSendsAbort) {
  TestWriter ok(sys, "Ok"), vetoed(sys, "Vetoed");
  vetoed.on(WriterEvent::kPrepareForBackup, [](TestWriter&) { return false; });
  auto r = Prepared();
  EXPECT_EQ(vetoed.count(WriterEvent::kAbort), 0u);
  EXPECT_EQ(StatusOf(r, "Vetoed").state, WriterState::kFailedAtPrepareBackup);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
  EXPECT_EQ(ok.count(WriterEvent::kAbort), 1u);
  EXPECT_EQ(vetoed.count(WriterEvent::kAbort), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);  // a second call: nothing under way any more
  EXPECT_EQ(ok.count(WriterEvent::kAbort), 1u);
}

// [ONFR]: "Either OnThaw or OnAbort will be called after OnFreeze" — whatever fails, the freeze ends with
// one Thaw or one Abort; no Thaw after an Abort [ONAB], at most one Abort (a failing OnThaw is then
// followed by its Abort [ABRT]).
TEST_F(Abort, FreezeIsEndedByExactlyOneThawOrAbort) {
  struct Case {
    std::string name;
    std::function<void(TestWriter&, TestWriter&, TestProvider&)> setup;
  };
  const std::vector<Case> cases = {
      {"success", [](TestWriter&, TestWriter&, TestProvider&) {}},
      {"veto-in-freeze", [](TestWriter& a, TestWriter&, TestProvider&) { a.on(WriterEvent::kFreeze, [](TestWriter&) { return false; }); }},
      {"veto-in-thaw", [](TestWriter& a, TestWriter&, TestProvider&) { a.on(WriterEvent::kThaw, [](TestWriter&) { return false; }); }},
      {"commit-fails", [](TestWriter&, TestWriter&, TestProvider& p) { p.codes[ProviderMethod::kCommitSnapshots] = hr::VSS_E_PROVIDER_VETO; }},
      {"precommit-garbage", [](TestWriter&, TestWriter&, TestProvider& p) { p.codes[ProviderMethod::kPreCommitSnapshots] = hr::E_FAIL; }},
      {"freeze-timeout", [](TestWriter&, TestWriter& b, TestProvider&) {
         b.on(WriterEvent::kFreeze, [](TestWriter& self) { self.Work(Duration::seconds(61)); return true; });
       }},
      {"postcommit-fails", [](TestWriter&, TestWriter&, TestProvider& p) { p.codes[ProviderMethod::kPostCommitSnapshots] = hr::E_OUTOFMEMORY; }},
  };
  for (const auto& c : cases) {
    TestWriter a(sys, "A-" + c.name), b(sys, "B-" + c.name, nullptr, ApplicationLevel::kBackEnd);
    provider->codes.clear();
    c.setup(a, b, *provider);
    FullBackup(c.name);
    for (TestWriter* w : {&a, &b}) {
      const auto freeze = std::find(w->events.begin(), w->events.end(), WriterEvent::kFreeze);
      ASSERT_NE(freeze, w->events.end()) << c.name << " " << w->name();
      const auto thaws = std::count(freeze, w->events.end(), WriterEvent::kThaw);
      const auto aborts = std::count(freeze, w->events.end(), WriterEvent::kAbort);
      EXPECT_LE(thaws, 1) << c.name << " " << w->name();
      EXPECT_LE(aborts, 1) << c.name << " " << w->name();
      EXPECT_GE(thaws + aborts, 1) << c.name << " " << w->name();
      const auto abort = std::find(freeze, w->events.end(), WriterEvent::kAbort);
      EXPECT_EQ(std::count(abort, w->events.end(), WriterEvent::kThaw), 0) << c.name << " " << w->name();
    }
  }
}

// D7: OnAbort returning false keeps the existing state and records the code it set.
TEST_F(Abort, OnAbortReturningFalseKeepsStateAndRecordsCode) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kAbort, [](TestWriter& self) {
    self.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    return false;
  });
  auto r = Prepared();
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kStable);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITERERROR_RETRYABLE);
}

// D7: inside the freeze window (after Freeze, before Thaw), a writer that had not failed and fails
// OnAbort without setting a code is FAILED_AT_FREEZE with VSS_E_WRITERERROR_NONRETRYABLE.
TEST_F(Abort, OnAbortFailingInsideTheFreezeWindowIsFailedAtFreezeNonRetryable) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kAbort, [](TestWriter&) { return false; });
  provider->codes[ProviderMethod::kCommitSnapshots] = hr::VSS_E_PROVIDER_VETO;
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_E_PROVIDER_VETO);
  ASSERT_EQ(w.count(WriterEvent::kAbort), 1u);
  EXPECT_EQ(w.count(WriterEvent::kThaw), 0u);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
}

// D7: the code OnAbort sets inside the freeze window is the one recorded with FAILED_AT_FREEZE.
TEST_F(Abort, OnAbortFailingInsideTheFreezeWindowKeepsTheCodeItSet) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kAbort, [](TestWriter& self) {
    self.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    return false;
  });
  provider->codes[ProviderMethod::kCommitSnapshots] = hr::VSS_E_PROVIDER_VETO;
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_E_PROVIDER_VETO);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kFailedAtFreeze);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITERERROR_RETRYABLE);
}

// [BSD][ONBS]: BackupShutdown on release, with the set id when a shadow copy was made…
TEST_F(BackupShutdown, DeliveredOnReleaseWithTheSnapshotSetId) {
  TestWriter w(sys, "W");
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r->BackupComplete(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(w.count(WriterEvent::kBackupShutdown), 0u);
  EXPECT_EQ(r->Release(), hr::S_OK);
  EXPECT_EQ(w.count(WriterEvent::kBackupShutdown), 1u);
  EXPECT_EQ(w.last_shutdown_set, set);
}

// …and GUID_NULL "if no shadow copy has been successfully performed" [ONBS]; after an abort the writer
// "may receive only a BackupShutdown event" [BSD] (D19).
TEST_F(BackupShutdown, GuidNullWhenNoSnapshotSucceededAndDeliveredAfterAbort) {
  TestWriter w(sys, "W");
  provider->codes[ProviderMethod::kEndPrepareSnapshots] = hr::VSS_E_INSUFFICIENT_STORAGE;
  EXPECT_EQ(FullBackup(), hr::VSS_E_INSUFFICIENT_STORAGE);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 1u);
  EXPECT_EQ(w.count(WriterEvent::kBackupShutdown), 1u);
  EXPECT_TRUE(w.last_shutdown_set.is_null());
}

// [BSD]: GetCurrentSnapshotSetId must not be called from OnBackupShutdown.
TEST_F(BackupShutdown, GetCurrentSnapshotSetIdFromShutdownIsAViolation) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kBackupShutdown, [](TestWriter& self) { self.GetCurrentSnapshotSetId(); return true; });
  FullBackup();
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kWriterSnapshotSetIdInShutdown)});
}

// D5 (§7.2): the session's first failure names the state. A non-fatal code at PrepareForSnapshot
// (SetWriterFailure + true) is FAILED_AT_PREPARE_SNAPSHOT; a later Freeze veto keeps that state and
// code (found by VssProperties.WriterStates at 10,000 cases).
TEST_F(Abort, TheFirstFailureOfTheSessionKeepsItsStateWhenTheWriterFailsAgain) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kPrepareForSnapshot, [](TestWriter& self) {
    self.SetWriterFailure(hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);
    return true;
  });
  w.on(WriterEvent::kFreeze, [](TestWriter&) { return false; });
  auto r = Prepared();
  Snapshot(r);  // writer failures reach the requester through the status, not DoSnapshotSet
  EXPECT_EQ(w.count(WriterEvent::kAbort), 1u);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kFailedAtPrepareSnapshot);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// …and an expired freeze window after that first failure does not replace it either.
TEST_F(Abort, AnExpiredFreezeWindowAfterAnEarlierFailureKeepsTheFirstFailure) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kPrepareForBackup, [](TestWriter& self) {
    self.SetWriterFailure(hr::VSS_E_WRITERERROR_RETRYABLE);
    return true;
  });
  w.on(WriterEvent::kFreeze, [](TestWriter& self) { self.Work(Duration::seconds(61)); return true; });
  auto r = Prepared();
  Snapshot(r);
  EXPECT_EQ(w.count(WriterEvent::kAbort), 1u);
  const WriterStatus st = StatusOf(r, "W");
  EXPECT_EQ(st.state, WriterState::kFailedAtPrepareBackup);
  EXPECT_EQ(st.failure, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [ONBS] table §4.2: a failing OnBackupShutdown leaves FAILED_AT_BACKUPSHUTDOWN.
TEST_F(BackupShutdown, FailureIsFailedAtBackupShutdown) {
  TestWriter w(sys, "W");
  w.on(WriterEvent::kBackupShutdown, [](TestWriter&) { return false; });
  FullBackup();
  EXPECT_EQ(w.status().state, WriterState::kFailedAtBackupShutdown);
}

}  // namespace
}  // namespace vssfault::vss::test

// Error handling in shadow copy providers, seed 003 [S4] (semantics.md §5.3–5.6; D20).
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

using ProviderErrors = VssTest;
using NoPartialCommit = VssTest;
using ProviderLogging = VssTest;

// [S4]: the twelve valid provider return values pass through unchanged.
TEST_F(ProviderErrors, ValidCodeFromCommitIsReturnedUnchanged) {
  for (HResult code : {hr::E_OUTOFMEMORY, hr::E_INVALIDARG, hr::E_ACCESSDENIED, hr::VSS_E_BAD_STATE,
                       hr::VSS_E_OBJECT_NOT_FOUND, hr::VSS_E_INSUFFICIENT_STORAGE, hr::VSS_E_VOLUME_NOT_SUPPORTED,
                       hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER, hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED,
                       hr::VSS_E_CANNOT_REVERT_DISKID}) {
    provider->codes[ProviderMethod::kCommitSnapshots] = code;
    auto r = Prepared({"C:\\"}, code.name());
    EXPECT_EQ(Snapshot(r), code);
    EXPECT_EQ(r->AbortBackup(), hr::S_OK);
    EXPECT_EQ(r->Release(), hr::S_OK);
  }
  EXPECT_EQ(sys.event_log().size(), 0u);
  EXPECT_TRUE(sys.conformance().clean());
}

// [S4]: an unexpected code (S_FALSE, E_FAIL, E_UNEXPECTED, E_ABORT, any value) is logged naming provider
// and method, and translated to VSS_E_UNEXPECTED_PROVIDER_ERROR.
TEST_F(ProviderErrors, UnexpectedCodeFromCommitIsTranslated) {
  int i = 0;
  for (HResult code : {hr::S_FALSE, hr::E_FAIL, hr::E_UNEXPECTED, hr::E_ABORT, HResult{0x8BADF00D}}) {
    provider->codes[ProviderMethod::kCommitSnapshots] = code;
    const std::size_t before = sys.event_log().size();
    auto r = Prepared({"C:\\"}, "client" + std::to_string(i++));
    EXPECT_EQ(Snapshot(r), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR) << code;
    ASSERT_EQ(sys.event_log().size(), before + 1);
    const EventLogEntry& e = sys.event_log().entries().back();
    EXPECT_EQ(e.source, "VSS");
    EXPECT_EQ(e.method, "CommitSnapshots");
    EXPECT_EQ(e.code, code);
    EXPECT_NE(e.message.find("Soft"), std::string::npos);
    EXPECT_NE(e.message.find("CommitSnapshots"), std::string::npos);
    EXPECT_EQ(r->AbortBackup(), hr::S_OK);
    EXPECT_EQ(r->Release(), hr::S_OK);
  }
  EXPECT_EQ(sys.conformance().count(rules::kProviderUndocumentedCode), 5u);
}

// [EPS][PCS][POCS][PFCS][POFCS]: each page repeats the translation rule.
TEST_F(ProviderErrors, UnexpectedCodeFromEveryCreationMethodIsTranslated) {
  int i = 0;
  for (ProviderMethod m : {ProviderMethod::kEndPrepareSnapshots, ProviderMethod::kPreCommitSnapshots,
                           ProviderMethod::kPostCommitSnapshots, ProviderMethod::kPreFinalCommitSnapshots,
                           ProviderMethod::kPostFinalCommitSnapshots}) {
    provider->codes.clear();
    provider->codes[m] = hr::E_FAIL;
    auto r = Prepared({"C:\\"}, "client" + std::to_string(i++));
    EXPECT_EQ(Snapshot(r), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR) << provider_method_name(m);
    EXPECT_EQ(sys.event_log().entries().back().method, provider_method_name(m));
    EXPECT_EQ(r->AbortBackup(), hr::S_OK);
    EXPECT_EQ(r->Release(), hr::S_OK);
  }
}

// D16: BeginPrepareSnapshot runs inside AddToSnapshotSet; its unexpected code is translated there.
TEST_F(ProviderErrors, UnexpectedCodeFromBeginPrepareSnapshotIsTranslatedByAddToSnapshotSet) {
  provider->codes[ProviderMethod::kBeginPrepareSnapshot] = hr::E_FAIL;
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  provider->codes[ProviderMethod::kBeginPrepareSnapshot] = hr::VSS_E_UNSUPPORTED_CONTEXT;  // [SWBPS]: documented
  EXPECT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::VSS_E_UNSUPPORTED_CONTEXT);
  EXPECT_EQ(sys.conformance().count(rules::kProviderUndocumentedCode), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [S4]: "This is not done for any returns from AbortSnapshots" — never translated, never logged by VSS.
TEST_F(ProviderErrors, AbortSnapshotsCodeIsNeverTranslated) {
  provider->codes[ProviderMethod::kCommitSnapshots] = hr::VSS_E_INSUFFICIENT_STORAGE;
  provider->codes[ProviderMethod::kAbortSnapshots] = hr::E_FAIL;
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_E_INSUFFICIENT_STORAGE);  // the original failure, not UNEXPECTED_PROVIDER_ERROR
  EXPECT_EQ(provider->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(sys.event_log().size(), 0u);
  EXPECT_EQ(sys.conformance().count(rules::kProviderUndocumentedCode), 1u);  // still not a valid code
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [S4][OU]: OnUnload is never translated; S_FALSE with bForceUnload TRUE is a provider bug (D20): logged,
// and the provider is unloaded anyway.
TEST_F(ProviderErrors, OnUnloadSFalseWhenForcedIsAViolationAndUnloadsAnyway) {
  provider->codes[ProviderMethod::kOnUnload] = hr::S_FALSE;
  EXPECT_EQ(sys.UnregisterProvider(provider->info().id), hr::S_OK);
  EXPECT_TRUE(provider->last_unload_forced);
  EXPECT_EQ(sys.FindProvider(provider->info().id), nullptr);
  EXPECT_EQ(sys.event_log().size(), 0u);
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kProviderUnloadRefusedWhenForced)});
}

// [S4][OU] D20: an undocumented OnUnload code under a forced unload is both a refusal and an undocumented
// code; it is traced untranslated, never logged, and the provider is unloaded anyway.
TEST_F(ProviderErrors, OnUnloadUnexpectedCodeWhenForcedIsUntranslatedAndUndocumented) {
  provider->codes[ProviderMethod::kOnUnload] = hr::E_FAIL;
  EXPECT_EQ(sys.UnregisterProvider(provider->info().id), hr::S_OK);
  EXPECT_EQ(sys.FindProvider(provider->info().id), nullptr);
  EXPECT_EQ(sys.event_log().size(), 0u);
  EXPECT_EQ(sys.conformance().count(rules::kProviderUnloadRefusedWhenForced), 1u);
  EXPECT_EQ(sys.conformance().count(rules::kProviderUndocumentedCode), 1u);
  bool traced = false;
  for (const auto& rec : trace.records()) traced = traced || rec.event == "provider-code-not-translated";
  EXPECT_TRUE(traced);
}

// D20: OnLoad's unexpected codes are translated; the provider is not registered.
TEST_F(ProviderErrors, UnexpectedCodeFromOnLoadIsTranslated) {
  auto bad = std::make_shared<TestProvider>("Bad");
  bad->codes[ProviderMethod::kOnLoad] = hr::E_NOTIMPL;
  EXPECT_EQ(sys.RegisterProvider(bad), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(sys.FindProvider(bad->info().id), nullptr);
  EXPECT_EQ(sys.event_log().entries().back().method, "OnLoad");
}

// A provider that throws is contained: treated as E_UNEXPECTED (then translated), reported.
TEST_F(ProviderErrors, ThrowingProviderIsContained) {
  provider->actions[ProviderMethod::kPreCommitSnapshots] = [](TestProvider&) { throw std::runtime_error("boom"); };
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(sys.conformance().count(rules::kProviderThrew), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [S4]: "If any provider fails a shadow copy on any volume or LUN in the shadow copy set, then the creation
// of the entire shadow copy set fails"; AbortSnapshots goes to every provider EndPrepareSnapshots reached.
TEST_F(NoPartialCommit, OneProviderFailingFailsTheWholeSet) {
  ASSERT_EQ(sys.AddVolume("D:\\"), hr::S_OK);
  auto second = std::make_shared<TestProvider>("Second", ProviderType::kSoftware, std::set<std::string>{"D:\\"});
  ASSERT_EQ(sys.RegisterProvider(second), hr::S_OK);
  second->codes[ProviderMethod::kPostCommitSnapshots] = hr::VSS_E_INSUFFICIENT_STORAGE;
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", provider->info().id, &snap), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("D:\\", second->info().id, &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Snapshot(r), hr::VSS_E_INSUFFICIENT_STORAGE);
  EXPECT_TRUE(sys.snapshots().empty());
  EXPECT_EQ(provider->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(second->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [AS][STSP]: "VSS will only call AbortSnapshots after the requester has called DoSnapshotSet … not until
// after EndPrepareSnapshots has been called".
TEST_F(NoPartialCommit, AbortSnapshotsOnlyAfterDoSnapshotSetAndEndPrepare) {
  auto r = Prepared();
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);  // aborted before DoSnapshotSet
  EXPECT_EQ(provider->count(ProviderMethod::kAbortSnapshots), 0u);
  EXPECT_EQ(provider->count(ProviderMethod::kBeginPrepareSnapshot), 1u);
  EXPECT_EQ(r->Release(), hr::S_OK);

  ASSERT_EQ(sys.AddVolume("D:\\"), hr::S_OK);
  auto second = std::make_shared<TestProvider>("Second", ProviderType::kSoftware, std::set<std::string>{"D:\\"});
  ASSERT_EQ(sys.RegisterProvider(second), hr::S_OK);
  provider->codes[ProviderMethod::kEndPrepareSnapshots] = hr::VSS_E_PROVIDER_VETO;  // first provider vetoes
  provider->actions[ProviderMethod::kEndPrepareSnapshots] = [](TestProvider& p) {
    p.host().LogEvent(EventLevel::kError, hr::VSS_E_PROVIDER_VETO, "no room");
  };
  auto r2 = Initialized(false, "second");
  VssId set, snap;
  ASSERT_EQ(r2->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r2->AddToSnapshotSet("C:\\", provider->info().id, &snap), hr::S_OK);
  ASSERT_EQ(r2->AddToSnapshotSet("D:\\", second->info().id, &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r2->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(Snapshot(r2), hr::VSS_E_PROVIDER_VETO);
  EXPECT_EQ(provider->count(ProviderMethod::kAbortSnapshots), 1u);
  EXPECT_EQ(second->count(ProviderMethod::kEndPrepareSnapshots), 0u);
  EXPECT_EQ(second->count(ProviderMethod::kAbortSnapshots), 0u);  // never reached EndPrepareSnapshots
  EXPECT_EQ(r2->AbortBackup(), hr::S_OK);
  EXPECT_TRUE(sys.conformance().clean());
}

// [S4]: "This logging must not take place during the time the volumes in the shadow copy set are in a
// frozen state" — the frozen interval is flush-and-hold to release (CommitSnapshots inside it).
TEST_F(ProviderLogging, LoggingDuringCommitIsLoggedWhileFrozen) {
  provider->actions[ProviderMethod::kCommitSnapshots] = [](TestProvider& p) {
    p.host().LogEvent(EventLevel::kWarning, hr::S_OK, "commit trace");
  };
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(sys.event_log().size(), 1u);
  EXPECT_TRUE(sys.event_log().entries()[0].while_frozen);
  EXPECT_EQ(sys.event_log().entries()[0].source, "Soft");
  EXPECT_EQ(sys.event_log().entries()[0].method, "CommitSnapshots");
  const auto v = sys.conformance().of(rules::kProviderLoggedWhileFrozen);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].actor, "provider:Soft");
  EXPECT_EQ(v[0].source, "[S4][CS]");
}

TEST_F(ProviderLogging, LoggingOutsideTheFrozenIntervalIsFine) {
  for (ProviderMethod m : {ProviderMethod::kEndPrepareSnapshots, ProviderMethod::kPreCommitSnapshots,
                           ProviderMethod::kPostCommitSnapshots, ProviderMethod::kPostFinalCommitSnapshots})
    provider->actions[m] = [](TestProvider& p) { p.host().LogEvent(EventLevel::kInformation, hr::S_OK, "note"); };
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(sys.event_log().size(), 4u);
  EXPECT_TRUE(sys.conformance().clean());
  EXPECT_FALSE(sys.volumes_frozen());
}

// [S4]: VSS_E_PROVIDER_VETO — "The provider must also write an event into the Application event log".
TEST_F(ProviderLogging, VetoWithoutAnEventLogEntryIsAViolation) {
  provider->codes[ProviderMethod::kPreCommitSnapshots] = hr::VSS_E_PROVIDER_VETO;
  auto r = Prepared();
  EXPECT_EQ(Snapshot(r), hr::VSS_E_PROVIDER_VETO);
  EXPECT_EQ(Rules(), std::vector<std::string>{std::string(rules::kProviderVetoWithoutLog)});
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

}  // namespace
}  // namespace vssfault::vss::test

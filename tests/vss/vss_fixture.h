#pragma once
// Test support for the VSS model: a kernel + System fixture, a scriptable writer and provider written by
// hand (no gmock), and a helper that runs the documented backup sequence.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vssfault/vss/system.h"

namespace vssfault::vss::test {

/// Every handler call of every test writer and provider, in order: "SqlWriter:OnFreeze".
using Journal = std::vector<std::string>;

/// A writer whose handlers are scripts. By default every handler returns true. The protected CVssWriter
/// methods are made public so scripts can call them.
class TestWriter : public Writer {
 public:
  using Script = std::function<bool(TestWriter&)>;
  TestWriter(System& sys, std::string name, Journal* journal = nullptr,
             ApplicationLevel level = ApplicationLevel::kFrontEnd, std::uint32_t timeout_freeze = 60000,
             std::vector<std::string> components = {})
      : Writer(sys), journal_(journal), components_(std::move(components)) {
    EXPECT_EQ(Initialize(VssId::named(name), name, UsageType::kUserData, SourceType::kTransactedDb, level,
                         timeout_freeze),
              hr::S_OK);
    EXPECT_EQ(Subscribe(), hr::S_OK);
  }

  std::map<WriterEvent, Script> scripts;
  void on(WriterEvent e, Script s) { scripts[e] = std::move(s); }
  /// The WriterComponents the last handler received (nullptr when none).
  WriterComponents* last_components = nullptr;
  VssId last_shutdown_set{VssId{1, 1}};
  std::vector<WriterEvent> events;  ///< events this writer received, in order

  using Writer::AreComponentsSelected;
  using Writer::GetCurrentSnapshotSetId;
  using Writer::SetWriterFailure;
  using Writer::SetWriterFailureEx;
  using Writer::Work;
  using Writer::worker;

  bool OnIdentify(CreateWriterMetadata* md) override {
    for (const auto& c : components_) md->AddComponent(ComponentType::kFileGroup, "", c);
    return Run(WriterEvent::kIdentify);
  }
  bool OnPrepareBackup(WriterComponents* c) override { last_components = c; return Run(WriterEvent::kPrepareForBackup); }
  bool OnPrepareSnapshot() override { return Run(WriterEvent::kPrepareForSnapshot); }
  bool OnFreeze() override { return Run(WriterEvent::kFreeze); }
  bool OnThaw() override { return Run(WriterEvent::kThaw); }
  bool OnPostSnapshot(WriterComponents* c) override { last_components = c; return Run(WriterEvent::kPostSnapshot); }
  bool OnAbort() override { return Run(WriterEvent::kAbort); }
  bool OnBackupComplete(WriterComponents* c) override { last_components = c; return Run(WriterEvent::kBackupComplete); }
  bool OnBackupShutdown(VssId set) override { last_shutdown_set = set; return Run(WriterEvent::kBackupShutdown); }
  bool OnPreRestore(WriterComponents* c) override { last_components = c; return Run(WriterEvent::kPreRestore); }
  bool OnPostRestore(WriterComponents* c) override { last_components = c; return Run(WriterEvent::kPostRestore); }

  std::size_t count(WriterEvent e) const {
    std::size_t n = 0;
    for (auto x : events) n += x == e;
    return n;
  }

 private:
  bool Run(WriterEvent e) {
    events.push_back(e);
    if (journal_) journal_->push_back(name() + ":" + std::string(writer_handler_name(e)));
    auto it = scripts.find(e);
    return it == scripts.end() ? true : it->second(*this);
  }
  Journal* journal_;
  std::vector<std::string> components_;
};

/// A provider whose methods return scripted codes after scripted work; S_OK and no time by default.
class TestProvider : public IdealProvider {
 public:
  TestProvider(std::string name, ProviderType type = ProviderType::kSoftware, std::set<std::string> volumes = {},
               Journal* journal = nullptr)
      : IdealProvider(ProviderInfo{VssId::named("provider/" + name), name, type}, std::move(volumes)),
        journal_(journal) {}

  std::map<ProviderMethod, HResult> codes;
  std::map<ProviderMethod, Duration> work;
  std::map<ProviderMethod, std::function<void(TestProvider&)>> actions;
  std::vector<ProviderMethod> calls;
  bool last_unload_forced = false;

  HResult OnLoad() override { return Do(ProviderMethod::kOnLoad); }
  HResult OnUnload(bool force) override { last_unload_forced = force; return Do(ProviderMethod::kOnUnload); }
  HResult IsVolumeSupported(std::string_view v, bool* s) override {
    const HResult r = IdealProvider::IsVolumeSupported(v, s);
    const HResult d = Do(ProviderMethod::kIsVolumeSupported);
    return d == hr::S_OK ? r : d;
  }
  HResult AreLunsSupported(std::int32_t c, const std::vector<std::string>& l, bool* s) override {
    const HResult r = IdealProvider::AreLunsSupported(c, l, s);
    const HResult d = Do(ProviderMethod::kAreLunsSupported);
    return d == hr::S_OK ? r : d;
  }
  HResult BeginPrepareSnapshot(VssId, VssId, std::string_view, std::int32_t) override {
    return Do(ProviderMethod::kBeginPrepareSnapshot);
  }
  HResult BeginPrepareSnapshotLuns(VssId, VssId, std::int32_t, const std::vector<std::string>&) override {
    return Do(ProviderMethod::kBeginPrepareSnapshot);
  }
  HResult EndPrepareSnapshots(VssId) override { return Do(ProviderMethod::kEndPrepareSnapshots); }
  HResult PreCommitSnapshots(VssId) override { return Do(ProviderMethod::kPreCommitSnapshots); }
  HResult CommitSnapshots(VssId) override { return Do(ProviderMethod::kCommitSnapshots); }
  HResult PostCommitSnapshots(VssId, std::int32_t) override { return Do(ProviderMethod::kPostCommitSnapshots); }
  HResult PreFinalCommitSnapshots(VssId) override { return Do(ProviderMethod::kPreFinalCommitSnapshots); }
  HResult PostFinalCommitSnapshots(VssId) override { return Do(ProviderMethod::kPostFinalCommitSnapshots); }
  HResult AbortSnapshots(VssId) override { return Do(ProviderMethod::kAbortSnapshots); }
  HResult GetTargetLuns(const std::vector<std::string>& s, std::vector<std::string>* d) override {
    if (d) *d = s;
    return Do(ProviderMethod::kGetTargetLuns);
  }

  std::size_t count(ProviderMethod m) const {
    std::size_t n = 0;
    for (auto x : calls) n += x == m;
    return n;
  }

 private:
  HResult Do(ProviderMethod m) {
    calls.push_back(m);
    if (journal_) journal_->push_back(info().name + ":" + std::string(provider_method_name(m)));
    if (auto a = actions.find(m); a != actions.end()) a->second(*this);
    if (auto w = work.find(m); w != work.end()) host().Work(w->second);
    auto c = codes.find(m);
    return c == codes.end() ? hr::S_OK : c->second;
  }
  Journal* journal_;
};

/// One simulated machine on its own kernel, with volume C:\ and a software provider "Soft" that
/// supports every volume.
class VssTest : public ::testing::Test {
 protected:
  explicit VssTest(std::uint64_t seed = 1, Config config = {})
      : rng(seed), sys(clock, queue, trace, rng, config) {
    EXPECT_EQ(sys.AddVolume("C:\\"), hr::S_OK);
    provider = std::make_shared<TestProvider>("Soft", ProviderType::kSoftware, std::set<std::string>{}, &journal);
    EXPECT_EQ(sys.RegisterProvider(provider), hr::S_OK);
  }

  /// Waits for an async and returns its QueryStatus result.
  static HResult Finish(const std::shared_ptr<Async>& async) {
    EXPECT_EQ(async->Wait(), hr::S_OK);
    HResult status;
    EXPECT_EQ(async->QueryStatus(&status, nullptr), hr::S_OK);
    return status;
  }

  /// InitializeForBackup, SetBackupState(component mode), GatherWriterMetadata.
  std::shared_ptr<BackupComponents> Initialized(bool select_components = false, std::string client = "default") {
    auto r = sys.CreateVssBackupComponents(std::move(client));
    EXPECT_EQ(r->InitializeForBackup(), hr::S_OK);
    EXPECT_EQ(r->SetBackupState(select_components, false, BackupType::kFull), hr::S_OK);
    std::shared_ptr<Async> a;
    EXPECT_EQ(r->GatherWriterMetadata(&a), hr::S_OK);
    EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
    return r;
  }

  /// Initialized + StartSnapshotSet + AddToSnapshotSet(volumes) + PrepareForBackup.
  std::shared_ptr<BackupComponents> Prepared(std::vector<std::string> volumes = {"C:\\"}, std::string client = "default") {
    auto r = Initialized(false, std::move(client));
    VssId set, snap;
    EXPECT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
    for (const auto& v : volumes) EXPECT_EQ(r->AddToSnapshotSet(v, VssId::null(), &snap), hr::S_OK);
    std::shared_ptr<Async> a;
    EXPECT_EQ(r->PrepareForBackup(&a), hr::S_OK);
    EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
    return r;
  }

  /// Prepared + DoSnapshotSet; returns the DoSnapshotSet status.
  HResult Snapshot(const std::shared_ptr<BackupComponents>& r) {
    std::shared_ptr<Async> a;
    EXPECT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
    return Finish(a);
  }

  /// GatherWriterStatus then GetWriterStatusEx for the writer named `name`.
  WriterStatus StatusOf(const std::shared_ptr<BackupComponents>& r, const std::string& name) {
    std::shared_ptr<Async> a;
    EXPECT_EQ(r->GatherWriterStatus(&a), hr::S_OK);
    EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
    unsigned n = 0;
    EXPECT_EQ(r->GetWriterStatusCount(&n), hr::S_OK);
    for (unsigned i = 0; i < n; ++i) {
      VssId inst, wid;
      std::string wname, msg;
      WriterStatus st;
      EXPECT_EQ(r->GetWriterStatusEx(i, &inst, &wid, &wname, &st.state, &st.failure, &st.application, &msg), hr::S_OK);
      st.message = msg;
      if (wname == name) return st;
    }
    ADD_FAILURE() << "writer " << name << " not in the status list";
    return {};
  }

  /// A complete, correct backup: Prepared, DoSnapshotSet, BackupComplete, GatherWriterStatus, Release.
  HResult FullBackup(std::string client = "default") {
    auto r = Prepared({"C:\\"}, std::move(client));
    const HResult dss = Snapshot(r);
    if (dss == hr::VSS_S_ASYNC_FINISHED) {
      std::shared_ptr<Async> a;
      EXPECT_EQ(r->BackupComplete(&a), hr::S_OK);
      EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
    } else {
      EXPECT_EQ(r->AbortBackup(), hr::S_OK);
    }
    EXPECT_EQ(r->Release(), hr::S_OK);
    return dss;
  }

  /// The violations' rule ids, in order.
  std::vector<std::string> Rules() const {
    std::vector<std::string> out;
    for (const auto& v : sys.conformance().violations()) out.push_back(v.rule);
    return out;
  }

  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng;
  Journal journal;
  System sys;
  std::shared_ptr<TestProvider> provider;
};

}  // namespace vssfault::vss::test

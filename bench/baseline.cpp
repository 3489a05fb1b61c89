#include "baseline.h"

#include <memory>
#include <stdexcept>
#include <string_view>

#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/vss/system.h"

namespace vssfault::bench {
namespace {

using vss::VssId;

constexpr std::string_view kWriterMethods[] = {"OnIdentify", "OnPrepareBackup", "OnPrepareSnapshot", "OnFreeze",
                                               "OnThaw", "OnPostSnapshot", "OnAbort", "OnBackupComplete",
                                               "OnBackupShutdown"};
constexpr std::string_view kProviderMethods[] = {"IsVolumeSupported", "BeginPrepareSnapshot", "EndPrepareSnapshots",
                                                 "PreCommitSnapshots", "CommitSnapshots", "PostCommitSnapshots",
                                                 "PreFinalCommitSnapshots", "PostFinalCommitSnapshots",
                                                 "AbortSnapshots", "OnLoad", "OnUnload"};
constexpr std::string_view kRequesterMethods[] = {
    "InitializeForBackup", "SetBackupState", "GatherWriterMetadata", "GetWriterMetadataCount", "GetWriterMetadata",
    "AddComponent", "StartSnapshotSet", "AddToSnapshotSet", "PrepareForBackup", "DoSnapshotSet", "GatherWriterStatus",
    "GetWriterStatusCount", "GetWriterStatusEx", "FreeWriterStatus", "SetBackupSucceeded", "BackupComplete",
    "AbortBackup", "Release"};
constexpr std::string_view kAsyncMethods[] = {"Wait", "QueryStatus"};

template <std::size_t N>
int index_of(const std::string_view (&names)[N], std::string_view name) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

int number_after(std::string_view actor, std::size_t prefix) {
  return std::stoi(std::string(actor.substr(prefix)));
}

// A writer whose handlers succeed; OnIdentify declares one component, like the ideal MockWriter.
class PlainWriter : public vss::Writer {
 public:
  using vss::Writer::Writer;
  bool OnIdentify(vss::CreateWriterMetadata* m) override {
    return m == nullptr || m->AddComponent(vss::ComponentType::kFileGroup, "db", "c").succeeded();
  }
  bool OnPrepareSnapshot() override { return true; }
  bool OnFreeze() override { return true; }
  bool OnThaw() override { return true; }
  bool OnAbort() override { return true; }
};

class PlainAsync : public vss::Async {
 public:
  HResult Wait(std::uint32_t) override { return hr::S_OK; }
  HResult QueryStatus(HResult* status, std::int32_t*) override {
    *status = hr::VSS_S_ASYNC_FINISHED;
    return hr::S_OK;
  }
  HResult Cancel() override { return hr::S_OK; }
};

// A BackupComponents whose every method succeeds at once.
class PlainBackupComponents : public vss::BackupComponents {
 public:
  explicit PlainBackupComponents(std::shared_ptr<vss::Async> async, unsigned writers)
      : async_(std::move(async)), writers_(writers) {}
  HResult InitializeForBackup(std::string_view) override { return hr::S_OK; }
  HResult SetContext(std::int32_t) override { return hr::S_OK; }
  HResult SetBackupState(bool, bool, vss::BackupType, bool) override { return hr::S_OK; }
  HResult GatherWriterMetadata(std::shared_ptr<vss::Async>* a) override { *a = async_; return hr::S_OK; }
  HResult GetWriterMetadataCount(unsigned* n) override { *n = writers_; return hr::S_OK; }
  HResult GetWriterMetadata(unsigned, VssId* id, vss::WriterMetadata*) override { *id = VssId{}; return hr::S_OK; }
  HResult AddComponent(VssId, VssId, vss::ComponentType, std::string_view, std::string_view) override {
    return hr::S_OK;
  }
  HResult StartSnapshotSet(VssId* id) override { *id = VssId{1, 1}; return hr::S_OK; }
  HResult AddToSnapshotSet(std::string_view, VssId, VssId* id) override { *id = VssId{1, 2}; return hr::S_OK; }
  HResult PrepareForBackup(std::shared_ptr<vss::Async>* a) override { *a = async_; return hr::S_OK; }
  HResult DoSnapshotSet(std::shared_ptr<vss::Async>* a) override { *a = async_; return hr::S_OK; }
  HResult GatherWriterStatus(std::shared_ptr<vss::Async>* a) override { *a = async_; return hr::S_OK; }
  HResult GetWriterStatusCount(unsigned* n) override { *n = writers_; return hr::S_OK; }
  HResult GetWriterStatus(unsigned, VssId*, VssId*, std::string*, vss::WriterState*, HResult*) override {
    return hr::S_OK;
  }
  HResult GetWriterStatusEx(unsigned, VssId*, VssId*, std::string*, vss::WriterState* state, HResult* failure,
                            HResult*, std::string*) override {
    *state = vss::WriterState::kStable;
    *failure = hr::S_OK;
    return hr::S_OK;
  }
  HResult FreeWriterStatus() override { return hr::S_OK; }
  HResult SetBackupSucceeded(VssId, VssId, vss::ComponentType, std::string_view, std::string_view, bool) override {
    return hr::S_OK;
  }
  HResult BackupComplete(std::shared_ptr<vss::Async>* a) override { *a = async_; return hr::S_OK; }
  HResult AbortBackup() override { return hr::S_OK; }
  HResult Release() override { return hr::S_OK; }
  HResult InitializeForRestore(std::string_view) override { return hr::S_OK; }
  HResult SetSelectedForRestore(VssId, vss::ComponentType, std::string_view, std::string_view, bool) override {
    return hr::S_OK;
  }
  HResult PreRestore(std::shared_ptr<vss::Async>* a) override { *a = async_; return hr::S_OK; }
  HResult PostRestore(std::shared_ptr<vss::Async>* a) override { *a = async_; return hr::S_OK; }
  HResult GetComponent(VssId, std::string_view, std::string_view, vss::Component**) override { return hr::S_OK; }
  int id() const override { return 1; }

 private:
  std::shared_ptr<vss::Async> async_;
  unsigned writers_;
};

}  // namespace

// vss::Writer needs a System to be constructed on; plain writers are never subscribed, so this one is
// only a parking place, built once outside the measured loop.
struct PlainReplay::Parking {
  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng{1};
  vss::System system{clock, queue, trace, rng};
};

std::vector<Call> call_sequence(const Trace& trace, bool load_unload) {
  std::vector<Call> out;
  for (const auto& r : trace.records()) {
    const std::string_view actor = r.actor;
    Call c;
    c.name = r.event;
    if (actor.starts_with("writer:W") && r.field("phase") == "begin") {
      c.target = Call::Target::kWriter;
      c.index = number_after(actor, 8);
      c.method = index_of(kWriterMethods, r.event);
    } else if (actor.starts_with("provider:P") && r.field("phase") == "begin") {
      if (!load_unload && (r.event == "OnLoad" || r.event == "OnUnload")) continue;
      c.target = Call::Target::kProvider;
      c.index = number_after(actor, 10);
      c.method = index_of(kProviderMethods, r.event);
    } else if (actor.starts_with("requester:")) {
      if (r.event == "async-settled") continue;  // a record of VSS's, not a call
      if (r.event == "CreateVssBackupComponents") {
        c.target = Call::Target::kCreate;
      } else if (index_of(kAsyncMethods, r.event) >= 0) {
        c.target = Call::Target::kAsync;
        c.method = index_of(kAsyncMethods, r.event);
      } else {
        c.target = Call::Target::kRequester;
        c.method = index_of(kRequesterMethods, r.event);
      }
    } else {
      continue;
    }
    if (c.method < 0) throw std::runtime_error("baseline: no plain replay for " + r.canonical());
    out.push_back(std::move(c));
  }
  return out;
}

PlainReplay::PlainReplay(std::vector<Call> calls, int writers, int providers)
    : calls_(std::move(calls)), writers_(writers), providers_(providers), parking_(new Parking) {}

PlainReplay::~PlainReplay() { delete parking_; }

std::size_t PlainReplay::Run() {
  std::vector<std::unique_ptr<PlainWriter>> writers;
  for (int i = 0; i < writers_; ++i) writers.push_back(std::make_unique<PlainWriter>(parking_->system));
  std::vector<std::shared_ptr<vss::Provider>> providers;
  for (int i = 0; i < providers_; ++i)
    providers.push_back(std::make_shared<vss::IdealProvider>(vss::ProviderInfo{VssId{2, std::uint64_t(i)}, "P"}));
  auto async = std::make_shared<PlainAsync>();
  std::shared_ptr<vss::BackupComponents> bc;
  std::shared_ptr<vss::Async> pending;
  vss::WriterComponents components;
  const VssId set{1, 1};
  const std::string_view volume = "V0:\\";
  std::size_t ok = 0;
  for (const Call& c : calls_) {
    HResult r = hr::S_OK;
    bool b = true;
    switch (c.target) {
      case Call::Target::kCreate:
        bc = std::make_shared<PlainBackupComponents>(async, static_cast<unsigned>(writers_));
        break;
      case Call::Target::kAsync: {
        HResult status;
        r = c.method == 0 ? pending->Wait() : pending->QueryStatus(&status, nullptr);
        break;
      }
      case Call::Target::kRequester: {
        VssId id, id2;
        unsigned n = 0;
        vss::WriterState state{};
        HResult failure;
        switch (c.method) {
          case 0: r = bc->InitializeForBackup(); break;
          case 1: r = bc->SetBackupState(true, false, vss::BackupType::kFull, false); break;
          case 2: r = bc->GatherWriterMetadata(&pending); break;
          case 3: r = bc->GetWriterMetadataCount(&n); break;
          case 4: { vss::WriterMetadata m; r = bc->GetWriterMetadata(0, &id, &m); break; }
          case 5: r = bc->AddComponent(id, id, vss::ComponentType::kFileGroup, "db", "c"); break;
          case 6: r = bc->StartSnapshotSet(&id); break;
          case 7: r = bc->AddToSnapshotSet(volume, VssId{}, &id); break;
          case 8: r = bc->PrepareForBackup(&pending); break;
          case 9: r = bc->DoSnapshotSet(&pending); break;
          case 10: r = bc->GatherWriterStatus(&pending); break;
          case 11: r = bc->GetWriterStatusCount(&n); break;
          case 12: { std::string name; r = bc->GetWriterStatusEx(0, &id, &id2, &name, &state, &failure); break; }
          case 13: r = bc->FreeWriterStatus(); break;
          case 14: r = bc->SetBackupSucceeded(id, id, vss::ComponentType::kFileGroup, "db", "c", true); break;
          case 15: r = bc->BackupComplete(&pending); break;
          case 16: r = bc->AbortBackup(); break;
          default: r = bc->Release(); break;
        }
        break;
      }
      case Call::Target::kWriter: {
        vss::Writer& w = *writers[static_cast<std::size_t>(c.index)];
        b = call_writer(w, c.method, components, set);
        break;
      }
      case Call::Target::kProvider: {
        vss::Provider& p = *providers[static_cast<std::size_t>(c.index)];
        r = call_provider(p, c.method, set, volume);
        break;
      }
    }
    if (r.succeeded() && b) ++ok;
  }
  return ok;
}

bool call_writer(vss::Writer& w, int method, vss::WriterComponents& components, const vss::VssId& set) {
  switch (method) {
    case 0: { vss::CreateWriterMetadata m; return w.OnIdentify(&m); }
    case 1: return w.OnPrepareBackup(&components);
    case 2: return w.OnPrepareSnapshot();
    case 3: return w.OnFreeze();
    case 4: return w.OnThaw();
    case 5: return w.OnPostSnapshot(&components);
    case 6: return w.OnAbort();
    case 7: return w.OnBackupComplete(&components);
    default: return w.OnBackupShutdown(set);
  }
}

HResult call_provider(vss::Provider& p, int method, const vss::VssId& set, std::string_view volume) {
  switch (method) {
    case 0: { bool supported = false; return p.IsVolumeSupported(volume, &supported); }
    case 1: return p.BeginPrepareSnapshot(set, set, volume, vss::ctx::kBackup);
    case 2: return p.EndPrepareSnapshots(set);
    case 3: return p.PreCommitSnapshots(set);
    case 4: return p.CommitSnapshots(set);
    case 5: return p.PostCommitSnapshots(set, 1);
    case 6: return p.PreFinalCommitSnapshots(set);
    case 7: return p.PostFinalCommitSnapshots(set);
    case 8: return p.AbortSnapshots(set);
    case 9: return p.OnLoad();
    default: return p.OnUnload(true);
  }
}

}  // namespace vssfault::bench

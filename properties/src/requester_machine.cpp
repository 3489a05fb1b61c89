// The requester API driven by random call sequences (rc::state) against a small model of semantics.md
// §7.1 and docs/semantics.md ("Requester"): which call is accepted in which phase, which returns
// VSS_E_BAD_STATE, and what an asynchronous operation changes once it has been waited for. The world is
// ideal (no faults), so every accepted operation succeeds; operations run only when the queue runs, i.e.
// inside Wait, AbortBackup and Release.
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <rapidcheck/state.h>

#include "vssfault/properties/properties.h"
#include "vssfault/properties/vss_bench.h"

namespace vssfault::properties {
namespace {

using BC = vss::BackupComponents;

enum class Ph { kNew, kBackup, kSetOpen, kCreating, kCreated, kCompleted, kAborted, kRestore, kReleased };

bool any_backup(Ph p) { return p != Ph::kNew && p != Ph::kRestore && p != Ph::kReleased; }
bool backup_or_restore(Ph p) { return any_backup(p) || p == Ph::kRestore; }

struct Model {
  Ph phase = Ph::kNew;
  bool context_set = false, backup_state_set = false, metadata_started = false, metadata_done = false;
  bool prepare_started = false, prepare_done = false, status = false, set_started = false, aborted = false;
  bool prerestore_started = false, prerestore_done = false, postrestore_started = false;
  std::optional<std::string> pending;  ///< the operation started and not yet run to its end
  bool has_async = false;
  bool last_cancelled = false;
  std::set<int> components, volumes;

  // An operation ran to its end (Wait): its effects [GWM][PFB][DSS][GWS][BC][PRE].
  void finish() {
    if (!pending) return;
    const std::string m = *pending;
    pending.reset();
    if (m == "GatherWriterMetadata") metadata_done = true;
    if (m == "PrepareForBackup") prepare_done = true;
    if (m == "DoSnapshotSet") phase = Ph::kCreated;
    if (m == "GatherWriterStatus") status = true;
    if (m == "PreRestore") prerestore_done = true;
  }
  // An operation was cancelled and wound down (AbortBackup, Release).
  void cancel() {
    if (!pending) return;
    pending.reset();
    last_cancelled = true;
  }
  void started(const std::string& m) {
    pending = m;
    has_async = true;
    last_cancelled = false;
  }
};

// The fixed ideal world: writers W0 (c0, c1) and W1 (c0), provider P0 with two volumes.
GeneratedWorld machine_world() {
  GeneratedWorld w;
  w.seed = 7;
  w.writers = {WriterSpec{vss::ApplicationLevel::kFrontEnd, 60000, 2, {}},
               WriterSpec{vss::ApplicationLevel::kBackEnd, 60000, 1, {}}};
  w.providers = {ProviderSpec{vss::ProviderType::kSoftware, {VolumeSpec{}, VolumeSpec{}}, {}}};
  return w;
}

struct Component {
  int writer;
  const char* name;
};
constexpr Component kComponents[] = {{0, "c0"}, {0, "c1"}, {1, "c0"}};

struct Sut {
  explicit Sut(std::uint32_t broken) : bench(machine_world(), broken) { bc = bench.system().CreateVssBackupComponents(); }
  ~Sut() {
    bc->Release();
    bc.reset();
  }
  VssBench bench;
  std::shared_ptr<BC> bc;
  std::shared_ptr<vss::Async> last;
  std::set<std::string> accepted;  ///< calls that returned S_OK (coverage)

  // The ids AddComponent / SetBackupSucceeded need (null ids before the metadata is known).
  std::pair<vss::VssId, vss::VssId> ids(int writer) {
    unsigned count = 0;
    if (bc->GetWriterMetadataCount(&count).succeeded())
      for (unsigned i = 0; i < count; ++i) {
        vss::VssId instance;
        vss::WriterMetadata md;
        if (bc->GetWriterMetadata(i, &instance, &md).succeeded() && md.name == GeneratedWorld::writer_name(static_cast<std::size_t>(writer)))
          return {md.instance_id, md.writer_id};
      }
    return {vss::VssId::null(), vss::VssId::named(GeneratedWorld::writer_name(static_cast<std::size_t>(writer)))};
  }
  HResult Async(HResult (BC::*method)(std::shared_ptr<vss::Async>*)) {
    std::shared_ptr<vss::Async> a;
    const HResult r = ((*bc).*method)(&a);
    if (r.succeeded() && a) last = a;
    return r;
  }
};

using Cmd = rc::state::Command<Model, Sut>;

// A call whose result the model predicts and whose effect on the model is `effect` when it succeeds.
struct Call : Cmd {
  std::string name;
  void show(std::ostream& os) const override { os << name; }
};

#define VSSFAULT_CALL(NAME, EXPECT, EFFECT, INVOKE)                                   \
  struct NAME : Call {                                                                \
    NAME() { name = #NAME; }                                                          \
    static HResult expected(const Model& m) { EXPECT }                                \
    void apply(Model& m) const override {                                             \
      if (expected(m) == hr::S_OK) { EFFECT }                                         \
    }                                                                                 \
    void run(const Model& m, Sut& sut) const override {                               \
      const HResult got = [&] { INVOKE }();                                           \
      RC_ASSERT(got == expected(m));                                                  \
      if (got == hr::S_OK) sut.accepted.insert(name);                                 \
    }                                                                                 \
  };

const HResult kBad = hr::VSS_E_BAD_STATE;

VSSFAULT_CALL(InitializeForBackup, return m.phase == Ph::kNew ? hr::S_OK : kBad;, m.phase = Ph::kBackup;,
              return sut.bc->InitializeForBackup();)
VSSFAULT_CALL(InitializeForRestore, return m.phase == Ph::kNew ? hr::S_OK : kBad;, m.phase = Ph::kRestore;,
              return sut.bc->InitializeForRestore("<BackupComponents/>");)
VSSFAULT_CALL(SetContext,
              return m.phase == Ph::kBackup && !m.context_set && !m.metadata_started ? hr::S_OK : kBad;,
              m.context_set = true;, return sut.bc->SetContext(vss::ctx::kBackup);)
VSSFAULT_CALL(SetBackupState,
              return (m.phase == Ph::kBackup || m.phase == Ph::kSetOpen) && !m.prepare_started ? hr::S_OK : kBad;,
              m.backup_state_set = true;, return sut.bc->SetBackupState(true, false, vss::BackupType::kFull);)
VSSFAULT_CALL(GatherWriterMetadata,
              return (m.phase == Ph::kBackup || m.phase == Ph::kRestore) && !m.pending && !m.metadata_started
                         ? hr::S_OK : kBad;,
              m.metadata_started = true; m.started("GatherWriterMetadata");,
              return sut.Async(&BC::GatherWriterMetadata);)
VSSFAULT_CALL(GetWriterMetadataCount, return backup_or_restore(m.phase) && m.metadata_done ? hr::S_OK : kBad;, ,
              unsigned n = 0; return sut.bc->GetWriterMetadataCount(&n);)
VSSFAULT_CALL(StartSnapshotSet, return m.phase == Ph::kBackup ? hr::S_OK : kBad;,
              m.phase = Ph::kSetOpen; m.set_started = true;, vss::VssId id; return sut.bc->StartSnapshotSet(&id);)
VSSFAULT_CALL(PrepareForBackup,
              return m.phase == Ph::kSetOpen && !m.pending && m.backup_state_set && m.metadata_done &&
                             !m.prepare_started ? hr::S_OK : kBad;,
              m.prepare_started = true; m.started("PrepareForBackup");, return sut.Async(&BC::PrepareForBackup);)
VSSFAULT_CALL(DoSnapshotSet,
              return m.phase == Ph::kSetOpen && !m.pending && m.metadata_done && m.prepare_done ? hr::S_OK : kBad;,
              m.phase = Ph::kCreating; m.started("DoSnapshotSet");, return sut.Async(&BC::DoSnapshotSet);)
VSSFAULT_CALL(GatherWriterStatus, return backup_or_restore(m.phase) && !m.pending && m.metadata_done ? hr::S_OK : kBad;,
              m.started("GatherWriterStatus");, return sut.Async(&BC::GatherWriterStatus);)
VSSFAULT_CALL(GetWriterStatusCount, return backup_or_restore(m.phase) && m.status ? hr::S_OK : kBad;, ,
              unsigned n = 0; return sut.bc->GetWriterStatusCount(&n);)
VSSFAULT_CALL(FreeWriterStatus, return backup_or_restore(m.phase) && m.status ? hr::S_OK : kBad;, m.status = false;,
              return sut.bc->FreeWriterStatus();)
VSSFAULT_CALL(BackupComplete, return m.phase == Ph::kCreated && !m.pending ? hr::S_OK : kBad;,
              m.phase = Ph::kCompleted; m.started("BackupComplete");, return sut.Async(&BC::BackupComplete);)
VSSFAULT_CALL(PreRestore,
              return m.phase == Ph::kRestore && !m.pending && m.metadata_done && !m.prerestore_started ? hr::S_OK : kBad;,
              m.prerestore_started = true; m.started("PreRestore");, return sut.Async(&BC::PreRestore);)
VSSFAULT_CALL(PostRestore,
              return m.phase == Ph::kRestore && !m.pending && m.prerestore_done && !m.postrestore_started ? hr::S_OK
                                                                                                        : kBad;,
              m.postrestore_started = true; m.started("PostRestore");, return sut.Async(&BC::PostRestore);)

// [AB]: BAD_STATE only when not initialized (and on a restore object [ABRT]); otherwise S_OK, ignored
// when nothing is under way; under way it cancels the running operation and aborts.
struct AbortBackup : Call {
  AbortBackup() { name = "AbortBackup"; }
  static bool under_way(const Model& m) {
    return (m.set_started || m.prepare_started) && !m.aborted && !(m.phase == Ph::kCompleted && !m.pending);
  }
  void apply(Model& m) const override {
    if (!any_backup(m.phase) || !under_way(m)) return;
    m.cancel();
    m.aborted = true;
    m.phase = Ph::kAborted;
  }
  void run(const Model& m, Sut& sut) const override {
    RC_ASSERT(sut.bc->AbortBackup() == (any_backup(m.phase) ? hr::S_OK : kBad));
  }
};

struct Release : Call {
  Release() { name = "Release"; }
  void apply(Model& m) const override {
    m.cancel();
    m.phase = Ph::kReleased;
  }
  void run(const Model&, Sut& sut) const override { RC_ASSERT(sut.bc->Release() == hr::S_OK); }
};

// Waits on the last operation handle and reads QueryStatus [AW][AQS] (D4).
struct Wait : Call {
  Wait() { name = "Wait"; }
  void checkPreconditions(const Model& m) const override { RC_PRE(m.has_async); }
  void apply(Model& m) const override { m.finish(); }
  void run(const Model& m, Sut& sut) const override {
    RC_ASSERT(sut.last->Wait() == hr::S_OK);
    HResult status;
    RC_ASSERT(sut.last->QueryStatus(&status, nullptr) == hr::S_OK);
    RC_ASSERT(status == (m.last_cancelled && !m.pending ? hr::VSS_S_ASYNC_CANCELLED : hr::VSS_S_ASYNC_FINISHED));
  }
};

struct AddComponent : Call {
  int c;
  AddComponent() : AddComponent(*rc::gen::inRange(0, 3)) {}
  explicit AddComponent(int component) : c(component) { name = "AddComponent(" + std::to_string(c) + ")"; }
  HResult expected(const Model& m) const {
    if (m.phase != Ph::kBackup || !m.metadata_done) return kBad;
    return m.components.count(c) ? hr::VSS_E_OBJECT_ALREADY_EXISTS : hr::S_OK;
  }
  void apply(Model& m) const override {
    if (expected(m) == hr::S_OK) m.components.insert(c);
  }
  void run(const Model& m, Sut& sut) const override {
    const auto [instance, writer] = sut.ids(kComponents[c].writer);
    RC_ASSERT(sut.bc->AddComponent(instance, writer, vss::ComponentType::kFileGroup,
                                   GeneratedWorld::writer_name(static_cast<std::size_t>(kComponents[c].writer)),
                                   kComponents[c].name) == expected(m));
  }
};

struct AddToSnapshotSet : Call {
  int v;
  AddToSnapshotSet() : AddToSnapshotSet(*rc::gen::inRange(0, 2)) {}
  explicit AddToSnapshotSet(int volume) : v(volume) { name = "AddToSnapshotSet(" + std::to_string(v) + ")"; }
  HResult expected(const Model& m) const {
    if (m.phase != Ph::kSetOpen) return kBad;
    return m.volumes.count(v) ? hr::VSS_E_OBJECT_ALREADY_EXISTS : hr::S_OK;
  }
  void apply(Model& m) const override {
    if (expected(m) == hr::S_OK) m.volumes.insert(v);
  }
  void run(const Model& m, Sut& sut) const override {
    vss::VssId snapshot;
    RC_ASSERT(sut.bc->AddToSnapshotSet(GeneratedWorld::provider_volume(0, static_cast<std::size_t>(v)),
                                       vss::VssId::null(), &snapshot) == expected(m));
  }
};

struct SetBackupSucceeded : Call {
  int c;
  SetBackupSucceeded() : SetBackupSucceeded(*rc::gen::inRange(0, 3)) {}
  explicit SetBackupSucceeded(int component) : c(component) {
    name = "SetBackupSucceeded(" + std::to_string(c) + ")";
  }
  HResult expected(const Model& m) const {
    if (m.phase != Ph::kCreated) return kBad;
    return m.components.count(c) ? hr::S_OK : hr::VSS_E_OBJECT_NOT_FOUND;
  }
  void run(const Model& m, Sut& sut) const override {
    const auto [instance, writer] = sut.ids(kComponents[c].writer);
    RC_ASSERT(sut.bc->SetBackupSucceeded(instance, writer, vss::ComponentType::kFileGroup,
                                         GeneratedWorld::writer_name(static_cast<std::size_t>(kComponents[c].writer)),
                                         kComponents[c].name, true) == expected(m));
  }
};

// The documented next call for the model's state (§3.1, §3.6), so that random sequences reach the
// later phases often; the random calls around it test everything else.
std::shared_ptr<const Cmd> next_step(const Model& m) {
  auto make = [](auto cmd) -> std::shared_ptr<const Cmd> { return std::make_shared<decltype(cmd)>(cmd); };
  if (m.pending) return make(Wait());
  switch (m.phase) {
    case Ph::kNew: return make(InitializeForBackup());
    case Ph::kBackup:
      if (!m.backup_state_set) return make(SetBackupState());
      if (!m.metadata_started) return make(GatherWriterMetadata());
      for (int c = 0; c < 3; ++c)
        if (!m.components.count(c)) return make(AddComponent(c));
      return make(StartSnapshotSet());
    case Ph::kSetOpen:
      if (m.volumes.empty()) return make(AddToSnapshotSet(0));
      if (!m.prepare_started) return make(PrepareForBackup());
      return make(DoSnapshotSet());
    case Ph::kCreated: return make(BackupComplete());
    case Ph::kRestore:
      if (!m.metadata_started) return make(GatherWriterMetadata());
      if (!m.prerestore_started) return make(PreRestore());
      return make(PostRestore());
    default: return make(Release());
  }
}

}  // namespace

namespace props {

void RequesterStateMachine(const Breakage& b) {
  Sut sut(b.vss);
  const auto any = rc::state::gen::execOneOfWithArgs<
      InitializeForBackup, InitializeForRestore, SetContext, SetBackupState, GatherWriterMetadata,
      GetWriterMetadataCount, AddComponent, StartSnapshotSet, AddToSnapshotSet, PrepareForBackup, DoSnapshotSet,
      GatherWriterStatus, GetWriterStatusCount, FreeWriterStatus, SetBackupSucceeded, BackupComplete, AbortBackup,
      Release, PreRestore, PostRestore, Wait>();
  rc::state::check(Model{}, sut, [&any](const Model& m) {
    return rc::gen::weightedOneOf<std::shared_ptr<const Cmd>>({{2, rc::gen::just(next_step(m))}, {1, any()}});
  });
  RC_CLASSIFY(sut.accepted.count("DoSnapshotSet"), "DoSnapshotSet accepted");
  RC_CLASSIFY(sut.accepted.count("BackupComplete"), "BackupComplete accepted");
  RC_CLASSIFY(sut.accepted.count("PostRestore"), "PostRestore accepted");
}

}  // namespace props
}  // namespace vssfault::properties

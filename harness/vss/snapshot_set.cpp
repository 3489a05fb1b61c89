// Snapshot-set creation: StartSnapshotSet (the machine-wide lock [S4][SSS]), AddToSnapshotSet (provider
// selection [ATS][SCCP], BeginPrepareSnapshot D16) and DoSnapshotSet's pipeline (§5.2, D16, D17): writer
// events interleaved with provider calls, flush-and-hold with its flush and hold windows, and the abort
// path with no partial commit [S4].
#include <algorithm>

#include "dispatch.h"
#include "requester.h"

namespace vssfault::vss {

namespace {

using detail::Engine;

// Whether `entry`'s provider supports `volume`. A provider error is returned; "no" is S_OK with false.
HResult supports(Engine& e, Engine::ProviderEntry& entry, const std::string& volume, std::int32_t context,
                 bool* yes) {
  Provider& p = *entry.provider;
  *yes = false;
  if (p.info().type == ProviderType::kHardware) {
    const auto luns = e.LunsOf(volume);
    return e.CallProvider(p, ProviderMethod::kAreLunsSupported,
                          [&] { return p.AreLunsSupported(context, luns, yes); });
  }
  return e.CallProvider(p, ProviderMethod::kIsVolumeSupported, [&] { return p.IsVolumeSupported(volume, yes); });
}

}  // namespace

HResult Requester::StartSnapshotSet(VssId* pSnapshotSetId) {
  if (auto r = Enter(Method::kStartSnapshotSet)) return Done(Method::kStartSnapshotSet, *r);
  if (!pSnapshotSetId) return Done(Method::kStartSnapshotSet, hr::E_INVALIDARG);
  engine.NoteAttempt(id(), client);  // a new shadow-copy attempt: retry guidance [S1][S2][DSS]
  if (engine.creating && !engine.Broken(broken::kNoCreationLock))  // [S4][SSS][STSP]: one creation at a time
    return Done(Method::kStartSnapshotSet, hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS,
                {{"holder", "requester:" + std::to_string(engine.creating->requester)}});
  set_id = VssId::named("snapshot-set/" + std::to_string(++engine.set_counter));
  engine.creating.emplace();
  engine.creating->id = set_id;
  engine.creating->requester = id();
  engine.creating->context = context;
  phase = Phase::kSetOpen;
  *pSnapshotSetId = set_id;
  return Done(Method::kStartSnapshotSet, hr::S_OK, {{"set", set_id.to_string()}});
}

HResult Requester::AddToSnapshotSet(std::string_view volume_name, VssId providerId, VssId* pidSnapshot) {
  const std::string volume(volume_name);
  const auto done = [&](HResult r, std::string_view provider = "-") {
    return Done(Method::kAddToSnapshotSet, r, {{"volume", volume}, {"provider", provider}});
  };
  if (auto r = Enter(Method::kAddToSnapshotSet)) return done(*r);
  if (!pidSnapshot || volume.empty()) return done(hr::E_INVALIDARG);
  if (!engine.creating || engine.creating->requester != id() || engine.creating->fixed) return done(hr::VSS_E_BAD_STATE);
  detail::CreationSet& set = *engine.creating;
  if (engine.volumes.find(volume) == engine.volumes.end()) return done(hr::VSS_E_OBJECT_NOT_FOUND);
  if (set.members.size() >= engine.config.max_volumes_per_set) return done(hr::VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED);
  const auto volume_of = [](const detail::CreationSet::Member& m) -> const std::string& { return m.volume; };
  if (set.member_index.find(set.members, volume, volume_of) != detail::NameIndex::npos)
    return done(hr::VSS_E_OBJECT_ALREADY_EXISTS);

  Engine::ProviderEntry* chosen = nullptr;
  if (!providerId.is_null()) {
    chosen = engine.FindProvider(providerId);
    if (!chosen) return done(hr::VSS_E_PROVIDER_NOT_REGISTERED);
    bool yes = false;
    const HResult r = supports(engine, *chosen, volume, context, &yes);
    if (r.failed()) return done(r, chosen->provider->info().name);
    if (!yes) return done(hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER, chosen->provider->info().name);
  } else {
    // [ATS][SCCP]: a hardware provider that supports the volume, else a software one, else the system one.
    // Among several of a kind: registration order (the docs leave it open).
    for (ProviderType kind : {ProviderType::kHardware, ProviderType::kSoftware, ProviderType::kSystem}) {
      for (Engine::ProviderEntry* entry : engine.ProvidersOfKind(kind)) {
        bool yes = false;
        if (supports(engine, *entry, volume, context, &yes).succeeded() && yes) {
          chosen = entry;
          break;
        }
      }
      if (chosen) break;
    }
    if (!chosen) return done(hr::VSS_E_VOLUME_NOT_SUPPORTED);
  }

  Provider& p = *chosen->provider;
  const VssId snapshot_id = VssId::named(set.id.to_string() + "/" + volume);
  const HResult begun =
      p.info().type == ProviderType::kHardware
          ? engine.CallProvider(p, ProviderMethod::kBeginPrepareSnapshot,
                                [&] { return p.BeginPrepareSnapshotLuns(set.id, snapshot_id, context, engine.LunsOf(volume)); })
          : engine.CallProvider(p, ProviderMethod::kBeginPrepareSnapshot,
                                [&] { return p.BeginPrepareSnapshot(set.id, snapshot_id, volume, context); });
  if (begun.failed()) return done(begun, p.info().name);  // D16: the provider's error is AddToSnapshotSet's
  set.members.push_back({snapshot_id, volume, p.info().id});
  if (std::find(set.providers.begin(), set.providers.end(), p.info().id) == set.providers.end())
    set.providers.push_back(p.info().id);
  *pidSnapshot = snapshot_id;
  return done(hr::S_OK, p.info().name);
}

namespace {

// The DoSnapshotSet pipeline of one requester. Steps are queued on the operation; a failure replaces the
// remaining steps with the abort path.
class Creation {
 public:
  Creation(Requester& r, detail::Operation& op) : r_(r), e_(r.engine), op_(op), id_(r.set_id) {}

  void Build() {
    const bool writers = !r_.writerless();  // [SCD]: no writer events in writer-less contexts
    if (writers) Step("PrepareForSnapshot", [this] { detail::QueueEvent(r_, op_, WriterEvent::kPrepareForSnapshot); });
    Step("EndPrepareSnapshots", [this] { EachProvider(ProviderMethod::kEndPrepareSnapshots); });
    if (writers) Step("Freeze", [this] { detail::QueueEvent(r_, op_, WriterEvent::kFreeze); });
    Step("PreCommitSnapshots", [this] { EachProvider(ProviderMethod::kPreCommitSnapshots); });
    Step("FlushAndHold", [this] { FlushAndHold(); });
    Step("CommitSnapshots", [this] { Commit(); });
    Step("PostCommitSnapshots", [this] { EachProvider(ProviderMethod::kPostCommitSnapshots); });
    if (writers) Step("Thaw", [this] { detail::QueueEvent(r_, op_, WriterEvent::kThaw); });
    Step("PreFinalCommitSnapshots", [this] { EachProvider(ProviderMethod::kPreFinalCommitSnapshots); });
    if (writers) Step("PostSnapshot", [this] { detail::QueueEvent(r_, op_, WriterEvent::kPostSnapshot); });
    Step("PostFinalCommitSnapshots", [this] { EachProvider(ProviderMethod::kPostFinalCommitSnapshots); });
    Step("GetTargetLuns", [this] { TargetLuns(); });
    Step("Complete", [this] { Complete(); });
    op_.on_cancel = [this] { Fail(hr::VSS_S_ASYNC_CANCELLED); };
  }

 private:
  // Every step first checks that the set still exists (a destroyed requester ends it early).
  std::function<void()> Guard(std::function<void()> fn) {
    return [this, fn = std::move(fn)] {
      if (Alive()) return fn();
      op_.steps.clear();
      if (!op_.result) op_.result = hr::VSS_E_UNEXPECTED;
    };
  }
  void Step(std::string label, std::function<void()> fn) { op_.steps.emplace_back(std::move(label), Guard(std::move(fn))); }
  void StepFront(std::string label, std::function<void()> fn) {
    op_.steps.emplace_front(std::move(label), Guard(std::move(fn)));
  }
  detail::CreationSet& set() { return *e_.creating; }
  bool Alive() const { return e_.creating && e_.creating->id == id_; }

  HResult Call(Provider& p, ProviderMethod m) {
    const VssId id = set().id;
    const auto count = static_cast<std::int32_t>(set().members.size());
    switch (m) {
      case ProviderMethod::kEndPrepareSnapshots:
        set().end_prepared.insert(p.info().id);
        return e_.CallProvider(p, m, [&] { return p.EndPrepareSnapshots(id); });
      case ProviderMethod::kPreCommitSnapshots: return e_.CallProvider(p, m, [&] { return p.PreCommitSnapshots(id); });
      case ProviderMethod::kCommitSnapshots: return e_.CallProvider(p, m, [&] { return p.CommitSnapshots(id); });
      case ProviderMethod::kPostCommitSnapshots:
        return e_.CallProvider(p, m, [&] { return p.PostCommitSnapshots(id, count); });
      case ProviderMethod::kPreFinalCommitSnapshots:
        return e_.CallProvider(p, m, [&] { return p.PreFinalCommitSnapshots(id); });
      case ProviderMethod::kPostFinalCommitSnapshots:
        return e_.CallProvider(p, m, [&] { return p.PostFinalCommitSnapshots(id); });
      case ProviderMethod::kAbortSnapshots: return e_.CallProvider(p, m, [&] { return p.AbortSnapshots(id); });
      default: return hr::S_OK;
    }
  }

  std::vector<Provider*> Providers() {
    std::vector<Provider*> out;
    for (VssId id : set().providers)
      if (auto* entry = e_.FindProvider(id)) out.push_back(entry->provider.get());
    return out;
  }

  // Calls `m` on every provider of the set in order; the first failure fails the set [S4].
  void EachProvider(ProviderMethod m) {
    for (Provider* p : Providers()) {
      const HResult r = Call(*p, m);
      if (r.failed()) return Fail(r);
    }
  }

  // [SCCP] step 2: flush and hold writes on all volumes at once. The flush takes as long as the slowest
  // volume; past Config::flush_timeout it fails with VSS_E_FLUSH_WRITES_TIMEOUT (D8).
  void FlushAndHold() {
    e_.SetFrozen(true, "flush-and-hold");
    Duration flush{};
    for (const auto& m : set().members) flush = std::max(flush, e_.volumes.at(m.volume).options.flush_duration);
    e_.Record("vss", "flush", {{"set", set().id.to_string()}, {"duration", flush.to_string()},
                               {"timeout", e_.config.flush_timeout.to_string()}});
    if (flush > e_.config.flush_timeout) {
      op_.next_delay = e_.config.flush_timeout;
      StepFront("FlushTimeout", [this] { Fail(hr::VSS_E_FLUSH_WRITES_TIMEOUT); });
      return;
    }
    op_.next_delay = flush;
    StepFront("Hold", [this] {
      // [SCCP][CS][RBSP]: the hold is cancelled if the release does not come within the hold window.
      set().hold_timer = e_.queue.schedule_after(e_.config.hold_timeout, "vss:hold-window", [this] {
        if (!e_.creating) return;
        set().hold_timer_armed = false;
        set().hold_expired = true;
        e_.Record("vss", "hold-window-expired", {{"set", set().id.to_string()},
                                                 {"window", e_.config.hold_timeout.to_string()}});
        e_.SetFrozen(false, "hold-window-expired");
      });
      set().hold_timer_armed = true;
      e_.Record("vss", "hold", {{"set", set().id.to_string()}});
    });
  }

  // CommitSnapshots on every provider inside the hold window; release right after the last [SCCP] step 4.
  void Commit() {
    for (Provider* p : Providers()) {
      const HResult r = Call(*p, ProviderMethod::kCommitSnapshots);
      if (set().hold_expired) return Fail(hr::VSS_E_HOLD_WRITES_TIMEOUT);
      if (r.failed()) return Fail(r);
    }
    if (set().hold_expired) return Fail(hr::VSS_E_HOLD_WRITES_TIMEOUT);
    if (set().hold_timer_armed) {
      e_.queue.cancel(set().hold_timer);
      set().hold_timer_armed = false;
    }
    if (e_.Broken(broken::kReleaseAfterPostCommit)) {  // after the PostCommitSnapshots step, the next one
      op_.steps.insert(op_.steps.begin() + std::min<std::ptrdiff_t>(1, std::ssize(op_.steps)),
                       {"Release", Guard([this] { e_.SetFrozen(false, "release"); })});
      return;
    }
    e_.SetFrozen(false, "release");
  }

  void TargetLuns() {
    for (Provider* p : Providers()) {
      if (p->info().type != ProviderType::kHardware) continue;
      std::vector<std::string> source;
      for (const auto& m : set().members)
        if (m.provider_id == p->info().id)
          for (auto& lun : e_.LunsOf(m.volume)) source.push_back(lun);
      std::vector<std::string> target;
      const HResult r = e_.CallProvider(*p, ProviderMethod::kGetTargetLuns,
                                        [&] { return p->GetTargetLuns(source, &target); });
      if (r.failed()) return Fail(r);
    }
  }

  void Complete() {
    if (e_.hooks) {
      if (auto forced = e_.hooks->OnAsyncComplete(r_.id(), "DoSnapshotSet", hr::S_OK)) {
        e_.Record("vss", "fault", {{"site", "async-complete"}, {"method", "DoSnapshotSet"}, {"code", forced->name()}});
        if (forced->failed()) return Fail(*forced);
      }
    }
    for (const auto& m : set().members)
      e_.snapshots.push_back(SnapshotInfo{m.snapshot_id, set().id, m.volume, m.provider_id, set().context,
                                          e_.clock.now()});
    e_.Record("vss", "snapshot-set-created",
              {{"set", set().id.to_string()}, {"snapshots", std::to_string(set().members.size())}});
    r_.snapshot_succeeded = true;
    r_.phase = Phase::kCreated;
    e_.EndCreation("created");
    e_.Finish(op_, hr::S_OK);
  }

  // No partial commit [S4]: writes released, Abort to the writers past PrepareForSnapshot [ABRT][ONAB],
  // AbortSnapshots to every provider EndPrepareSnapshots was called on [AS][STSP], no snapshot survives.
  void Fail(HResult code) {
    if (failing_) return;
    failing_ = true;
    if (!Alive()) {
      op_.steps.clear();
      return;
    }
    e_.Record("vss", "snapshot-set-failed", {{"set", set().id.to_string()}, {"code", code.name()}});
    op_.steps.clear();
    op_.next_delay = Duration();
    if (set().hold_timer_armed) {
      e_.queue.cancel(set().hold_timer);
      set().hold_timer_armed = false;
    }
    e_.SetFrozen(false, "abort");
    const std::string why = "DoSnapshotSet failed: " + code.name();
    Step("Abort", [this, why] { detail::QueueAborts(r_, op_, why); });
    Step("AbortSnapshots", [this] {
      for (Provider* p : Providers())
        if (set().end_prepared.count(p->info().id) != 0) Call(*p, ProviderMethod::kAbortSnapshots);
    });
    Step("Failed", [this, code] {
      e_.DeleteSnapshotsOf(set().id, false, "abort");
      if (e_.Broken(broken::kCommitOneVolumeOfFailedSet) && !set().members.empty()) {
        const auto& m = set().members.front();
        e_.snapshots.push_back(SnapshotInfo{m.snapshot_id, set().id, m.volume, m.provider_id, set().context,
                                            e_.clock.now()});
      }
      r_.phase = Phase::kCreateFailed;
      e_.EndCreation("failed");
      e_.Finish(op_, code);
    });
  }

  Requester& r_;
  Engine& e_;
  detail::Operation& op_;
  VssId id_;
  bool failing_ = false;
};

}  // namespace

HResult Requester::DoSnapshotSet(std::shared_ptr<Async>* ppAsync) {
  if (auto r = Enter(Method::kDoSnapshotSet)) return Done(Method::kDoSnapshotSet, *r);
  if (!ppAsync) return Done(Method::kDoSnapshotSet, hr::E_INVALIDARG);
  // [DSS][SCD]: "the prerequisite calls for a given shadow copy context have not been made": writer
  // contexts need GatherWriterMetadata and a completed PrepareForBackup.
  if (!writerless() && (!metadata_done || !prepare_done))
    return Done(Method::kDoSnapshotSet, hr::VSS_E_BAD_STATE);
  if (!engine.creating || engine.creating->requester != id()) return Done(Method::kDoSnapshotSet, hr::VSS_E_BAD_STATE);
  engine.creating->fixed = true;  // [SCCP]: the set is fixed once DoSnapshotSet is called
  phase = Phase::kCreating;
  auto op = std::make_shared<detail::Operation>();
  auto creation = std::make_shared<Creation>(*this, *op);
  creation->Build();
  op->on_settled.push_back([creation] {});  // keeps the pipeline alive exactly as long as the operation runs
  return Launch(Method::kDoSnapshotSet, op, ppAsync);
}

}  // namespace vssfault::vss

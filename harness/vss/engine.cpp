#include "engine.h"

#include <algorithm>

#include "requester.h"
#include "vssfault/codes/catalog.h"

namespace vssfault::vss::detail {

namespace {

// The built-in system provider: Microsoft's software provider id [PRL]; supports every volume whose
// VolumeOptions::system_provider_supports is set.
class SystemProvider : public IdealProvider {
 public:
  explicit SystemProvider(Engine& e)
      : IdealProvider(ProviderInfo{System::SystemProviderId(), "Microsoft Software Shadow Copy provider 1.0",
                                   ProviderType::kSystem}),
        engine_(e) {}
  HResult IsVolumeSupported(std::string_view volume, bool* supported) override {
    if (!supported) return hr::E_INVALIDARG;
    auto it = engine_.volumes.find(volume);
    *supported = it != engine_.volumes.end() && it->second.options.system_provider_supports;
    return hr::S_OK;
  }

 private:
  Engine& engine_;
};

}  // namespace

Engine::Engine(System& sys, VirtualClock& c, EventQueue& q, vssfault::Trace& t, Rng& rng, Config cfg)
    : system(sys),
      clock(c),
      queue(q),
      trace(t),
      config(cfg),
      event_log(c, t),
      conformance(c, t),
      dispatch_rng(rng.split("vss.dispatch")) {
  if (config.register_system_provider) {
    system_provider = std::make_shared<SystemProvider>(*this);
    Register(system_provider);
  }
}

Engine::~Engine() = default;

void Engine::Record(std::string actor, std::string event,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  trace.add(clock.now(), std::move(actor), std::move(event), fields);
}

Rng& Engine::ProcessWideRng() {
  static Rng rng(0x5eed);
  return rng;
}

void Engine::RunFor(Duration d) {
  if (d < Duration()) d = Duration();
  queue.run_until(clock.now() + d);
}

std::vector<std::string> Engine::LunsOf(const std::string& volume) const {
  auto it = volumes.find(volume);
  if (it == volumes.end() || it->second.options.luns.empty()) return {volume};
  return it->second.options.luns;
}

Writer* Engine::FindWriter(VssId instance_id) const {
  const std::size_t i = writer_index.find(writers, instance_id, [](const Writer* w) { return w->instance_id(); });
  return i == IdIndex::npos ? nullptr : writers[i];
}

Requester* Engine::RequesterById(int id) const {
  auto it = requesters.find(id);
  return it == requesters.end() ? nullptr : it->second;
}

void Engine::SetFrozen(bool on, std::string_view why) {
  if (frozen == on) return;
  frozen = on;
  Record("vss", on ? "volumes-frozen" : "volumes-released", {{"why", why}});
}

void Engine::EndCreation(std::string_view why) {
  if (!creating) return;
  if (creating->hold_timer_armed) {
    queue.cancel(creating->hold_timer);
    creating->hold_timer_armed = false;
  }
  SetFrozen(false, why);
  for (VssId p : creating->vetoed) {
    if (creating->logged.count(p) != 0) continue;
    const ProviderEntry* e = FindProvider(p);
    conformance.Report(rules::kProviderVetoWithoutLog, e ? e->actor : "provider:?",
                       "VSS_E_PROVIDER_VETO for set " + creating->id.to_string() + " with no event log entry");
  }
  Record("vss", "creation-ended",
        {{"set", creating->id.to_string()}, {"requester", std::to_string(creating->requester)}, {"why", why}});
  creating.reset();
}

void Engine::DeleteSnapshotsOf(VssId set_id, bool keep_persistent, std::string_view why) {
  if (set_id.is_null()) return;
  auto doomed = [&](const SnapshotInfo& s) {
    return s.snapshot_set_id == set_id && !(keep_persistent && (s.context & ctx::kAttrPersistent) != 0);
  };
  for (const auto& s : snapshots)
    if (doomed(s)) Record("vss", "snapshot-deleted", {{"snapshot", s.snapshot_id.to_string()}, {"why", why}});
  snapshots.erase(std::remove_if(snapshots.begin(), snapshots.end(), doomed), snapshots.end());
}

// --- operations ---

void Engine::Start(const std::shared_ptr<Operation>& op) {
  queue.schedule_after(Duration(), "vss:" + op->method, [this, op] { Advance(op); });
}

void Engine::Advance(const std::shared_ptr<Operation>& op) {
  if (op->settled) return;
  if (op->cancel_requested && !op->cancel_handled) {
    op->cancel_handled = true;
    if (op->on_cancel) op->on_cancel();
    else op->steps.clear();
  }
  if (op->steps.empty()) {
    op->settled = true;
    if (!op->result) op->result = hr::S_OK;
    Record("requester:" + std::to_string(op->requester), "async-settled",
          {{"method", op->method}, {"result", op->result->name()}});
    auto callbacks = std::move(op->on_settled);
    for (auto& cb : callbacks) cb();
    return;
  }
  auto step = std::move(op->steps.front());
  op->steps.pop_front();
  ++op->in_step;
  step.second();
  --op->in_step;
  const Duration delay = op->next_delay;
  op->next_delay = Duration();
  queue.schedule_after(delay, "vss:" + op->method, [this, op] { Advance(op); });
}

void Engine::Finish(Operation& op, HResult result) {
  if (hooks && op.method != "DoSnapshotSet") {
    if (auto forced = hooks->OnAsyncComplete(op.requester, op.method, result)) {
      Record("vss", "fault", {{"site", "async-complete"}, {"method", op.method}, {"code", forced->name()}});
      result = *forced;
    }
  }
  if (!op.result) op.result = result;
}

// --- retry guidance (D21) ---

void Engine::NoteReported(int requester, const std::string& client, HResult code) {
  const CodeInfo* info = find_code(code);
  if (!info || info->retry != Retry::kTenMinutesThreeTimes) return;
  if (Requester* r = RequesterById(requester)) r->guided_failure_reported = true;
  ClientRetry& c = clients[client];
  if (c.pending && c.pending_from == requester) return;
  c.pending = true;
  c.pending_from = requester;
  c.failure_time = clock.now();
  c.code = code;
  Record("vss", "retry-guided-failure",
        {{"client", client}, {"requester", std::to_string(requester)}, {"code", code.name()}});
}

void Engine::NoteAttempt(int requester, const std::string& client) {
  ClientRetry& c = clients[client];
  if (!c.pending || c.pending_from == requester) return;
  c.pending = false;
  ++c.retries;
  const std::string actor = "requester:" + std::to_string(requester);
  const Duration waited = clock.now() - c.failure_time;
  if (waited < config.retry_delay)
    conformance.Report(rules::kRetryTooSoon, actor,
                       "retried " + waited.to_string() + " after " + c.code.name() + " (guidance: wait " +
                           config.retry_delay.to_string() + ")");
  if (c.retries > config.max_retries)
    conformance.Report(rules::kRetryTooMany, actor,
                       "retry " + std::to_string(c.retries) + " after " + c.code.name() + " (guidance: up to " +
                           std::to_string(config.max_retries) + " times)");
}

void Engine::NoteSuccess(const std::string& client) {
  ClientRetry& c = clients[client];
  c.pending = false;
  c.retries = 0;
}

// --- writers ---

HResult Engine::Subscribe(Writer& w, std::uint32_t flags) {
  if (!w.initialized()) return hr::VSS_E_UNEXPECTED;
  if (w.subscribed()) return hr::VSS_E_WRITER_ALREADY_SUBSCRIBED;
  ++instance_counter;
  w.instance_id_ = VssId::named("writer-instance/" + w.name() + "/" + std::to_string(instance_counter));
  w.subscribed_ = true;
  w.event_flags_ = flags;
  writers.push_back(&w);
  Record(w.actor(), "Subscribe", {{"instance", w.instance_id_.to_string()}, {"result", "S_OK"}});
  return hr::S_OK;
}

HResult Engine::Unsubscribe(Writer& w) {
  if (!w.subscribed()) return hr::VSS_E_UNEXPECTED;
  writers.erase(std::remove(writers.begin(), writers.end(), &w), writers.end());
  w.subscribed_ = false;
  Record(w.actor(), "Unsubscribe", {{"result", "S_OK"}});
  return hr::S_OK;
}

}  // namespace vssfault::vss::detail

namespace vssfault::vss {

// --- System: a thin facade over the engine ---

System::System(VirtualClock& clock, EventQueue& queue, Trace& trace, Rng& rng, Config config)
    : engine_(std::make_unique<detail::Engine>(*this, clock, queue, trace, rng, config)) {}

System::~System() = default;

const Config& System::config() const { return engine_->config; }
Config& System::mutable_config() { return engine_->config; }
VirtualClock& System::clock() { return engine_->clock; }
EventQueue& System::queue() { return engine_->queue; }
Trace& System::trace() { return engine_->trace; }
EventLog& System::event_log() { return engine_->event_log; }
const EventLog& System::event_log() const { return engine_->event_log; }
Conformance& System::conformance() { return engine_->conformance; }
const Conformance& System::conformance() const { return engine_->conformance; }
void System::SetHooks(Hooks* hooks) { engine_->hooks = hooks; }

HResult System::AddVolume(std::string name, VolumeOptions options) {
  if (name.empty()) return hr::E_INVALIDARG;
  if (engine_->volumes.count(name) != 0) return hr::VSS_E_OBJECT_ALREADY_EXISTS;
  engine_->Record("vss", "AddVolume", {{"volume", name}, {"flush", options.flush_duration.to_string()}});
  engine_->volumes.emplace(name, detail::Engine::Volume{name, std::move(options)});
  return hr::S_OK;
}

bool System::HasVolume(std::string_view name) const { return engine_->volumes.find(name) != engine_->volumes.end(); }

bool System::SetFlushDuration(std::string_view volume, Duration d) {
  auto it = engine_->volumes.find(volume);
  if (it == engine_->volumes.end()) return false;
  it->second.options.flush_duration = d;
  return true;
}

HResult System::RegisterProvider(std::shared_ptr<Provider> provider) { return engine_->Register(std::move(provider)); }
HResult System::UnregisterProvider(VssId id) { return engine_->Unregister(id); }

std::shared_ptr<Provider> System::FindProvider(VssId id) const {
  auto* e = engine_->FindProvider(id);
  return e ? e->provider : nullptr;
}

std::vector<std::shared_ptr<Provider>> System::providers() const {
  std::vector<std::shared_ptr<Provider>> out;
  for (const auto& e : engine_->providers) out.push_back(e->provider);
  return out;
}

VssId System::SystemProviderId() {
  // {B5946137-7B9F-4925-AF80-51ABD60B20D5}, the Microsoft Software Shadow Copy provider.
  return VssId{0xB59461377B9F4925ULL, 0xAF8051ABD60B20D5ULL};
}

std::vector<Writer*> System::writers() const { return engine_->writers; }

Writer* System::FindWriter(std::string_view name) const {
  for (Writer* w : engine_->writers)
    if (w->name() == name) return w;
  return nullptr;
}

std::shared_ptr<BackupComponents> System::CreateVssBackupComponents(std::string client) {
  const int id = ++engine_->requester_counter;
  auto r = std::make_shared<Requester>(*engine_, id, std::move(client));
  engine_->Record(r->actor(), "CreateVssBackupComponents", {{"client", r->client}, {"result", "S_OK"}});
  return r;
}

void System::RunFor(Duration d) { engine_->RunFor(d); }
void System::RunUntilIdle() { engine_->queue.run_all(); }

bool System::snapshot_set_in_progress() const { return engine_->creating.has_value(); }
int System::creating_requester() const { return engine_->creating ? engine_->creating->requester : 0; }
bool System::volumes_frozen() const { return engine_->frozen; }
std::vector<SnapshotInfo> System::snapshots() const { return engine_->snapshots; }

}  // namespace vssfault::vss

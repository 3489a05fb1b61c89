// The requester object's common machinery: entry checks, tracing, launching operations, AbortBackup and
// Release [AB][ABRT][OBT][BSD].
#include "requester.h"

#include "async_impl.h"
#include "dispatch.h"

namespace vssfault::vss {

Requester::Requester(detail::Engine& e, int id, std::string client_name)
    : engine(e), client(std::move(client_name)), id_(id) {
  engine.requesters[id_] = this;
}

Requester::~Requester() {
  Release();
  if (pending && !pending->settled) {
    // Destroyed while its own operation runs (Release was deferred): finish the release now and make sure
    // no step of the operation ever touches this object again.
    if (phase != Phase::kReleased) FinishRelease();
    pending->steps.clear();
    pending->on_settled.clear();
    pending->on_cancel = nullptr;
  }
  for (auto& sw : writers)
    if (sw.freeze_timer_armed) engine.queue.cancel(sw.freeze_timer);
  if (engine.creating && engine.creating->requester == id_) engine.EndCreation("requester-destroyed");
  engine.requesters.erase(id_);
}

detail::SessionWriter* Requester::FindSessionWriter(VssId instance_id) {
  const std::size_t i = session_writer_index.find(
      writers, instance_id, [](const detail::SessionWriter& sw) { return sw.instance_id; });
  return i == detail::IdIndex::npos ? nullptr : &writers[i];
}

const std::vector<detail::ComponentRecord*>& Requester::ComponentsOfInstance(VssId instance) {
  // Per writer, so that selecting and looking up components is linear in their number, not quadratic.
  if (components.size() < components_indexed) {  // never happens (append-only), but never serve stale data
    components_by_instance.clear();
    components_indexed = 0;
  }
  for (; components_indexed < components.size(); ++components_indexed) {
    detail::ComponentRecord& c = components[components_indexed];
    components_by_instance[c.instance_id].push_back(&c);
  }
  return components_by_instance[instance];
}

std::vector<detail::ComponentRecord*> Requester::ComponentsOf(const detail::SessionWriter& sw) {
  std::vector<detail::ComponentRecord*> out;
  for (detail::ComponentRecord* c : ComponentsOfInstance(sw.instance_id))
    if (c->selected) out.push_back(c);
  return out;
}

std::optional<HResult> Requester::Enter(Method m) {
  if (engine.hooks) {
    if (auto forced = engine.hooks->OnRequesterCall(id_, method_name(m))) {
      engine.Record("vss", "fault",
                    {{"site", "requester-call"}, {"requester", std::to_string(id_)}, {"method", method_name(m)},
                     {"code", forced->name()}});
      return forced;
    }
  }
  if (!method_allowed(m, phase) && !(m == Method::kBackupComplete && engine.Broken(broken::kBackupCompleteAnyPhase)))
    return hr::VSS_E_BAD_STATE;
  if (method_rule(m).starts_async && pending_busy()) return hr::VSS_E_BAD_STATE;
  return std::nullopt;
}

HResult Requester::Done(Method m, HResult result,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  TraceRecord rec{engine.clock.now(), actor(), std::string(method_name(m)), {}};
  rec.fields.reserve(fields.size() + 2);
  for (const auto& [k, v] : fields) rec.fields.push_back({std::string(k), std::string(v)});
  rec.fields.push_back({"phase", std::string(phase_name(phase))});
  rec.fields.push_back({"result", result.name()});
  engine.trace.add(std::move(rec));
  return result;
}

HResult Requester::Launch(Method m, std::shared_ptr<detail::Operation> op, std::shared_ptr<Async>* ppAsync) {
  op->requester = id_;
  op->method = std::string(method_name(m));
  pending = op;
  *ppAsync = std::make_shared<detail::AsyncImpl>(engine, op, client);
  engine.Start(op);
  return Done(m, hr::S_OK);
}

void Requester::DeliverAbortEvents(std::string_view why) {
  detail::DeliverToAll(
      *this, WriterEvent::kAbort,
      [this](const detail::SessionWriter& sw) { return detail::OwedAbort(engine, sw, WriterEvent::kPrepareForBackup); },
      why);
}

// [AB]: BAD_STATE only when not initialized; "If AbortBackup is called and no shadow copy or backup
// operations are underway, it is ignored". The Abort event goes to every writer that received
// PrepareForBackup and has not had PostSnapshot or an Abort [ABRT][ONAB].
HResult Requester::AbortBackup() {
  if (auto r = Enter(Method::kAbortBackup)) return Done(Method::kAbortBackup, *r);
  const bool under_way = (!set_id.is_null() || prepare_started) && !aborted &&
                         !(phase == Phase::kCompleted && !pending_busy());
  if (!under_way) return Done(Method::kAbortBackup, hr::S_OK, {{"ignored", "true"}});
  auto abort_now = [this] {
    aborted = true;
    phase = Phase::kAborted;
    DeliverAbortEvents("AbortBackup");
    engine.DeleteSnapshotsOf(set_id, true, "AbortBackup");
    if (engine.creating && engine.creating->requester == id_) engine.EndCreation("AbortBackup");
  };
  if (pending_busy()) {
    if (!pending->result) {
      pending->cancel_requested = true;
      pending->result = hr::VSS_S_ASYNC_CANCELLED;
    }
    if (pending->in_step > 0) {  // called from inside the operation: abort once it has wound down
      pending->on_settled.push_back(abort_now);
      return Done(Method::kAbortBackup, hr::S_OK, {{"deferred", "true"}});
    }
    while (!pending->settled && engine.queue.run_next()) {
    }
  }
  abort_now();
  return Done(Method::kAbortBackup, hr::S_OK);
}

HResult Requester::Release() {
  if (released_) return Done(Method::kRelease, hr::S_OK, {{"again", "true"}});
  released_ = true;
  if (pending_busy()) {
    if (!pending->result) {
      pending->cancel_requested = true;
      pending->result = hr::VSS_S_ASYNC_CANCELLED;
    }
    if (pending->in_step > 0) {
      pending->on_settled.push_back([this] { FinishRelease(); });
      return Done(Method::kRelease, hr::S_OK, {{"deferred", "true"}});
    }
    while (!pending->settled && engine.queue.run_next()) {
    }
  }
  FinishRelease();
  return Done(Method::kRelease, hr::S_OK);
}

void Requester::FinishRelease() {
  if (phase == Phase::kReleased) return;
  const bool backup = phase != Phase::kNew && phase != Phase::kRestore;
  // [AB]: AbortBackup must be called if the backup terminates after StartSnapshotSet; [ABRT]: release without
  // it is fine before PrepareForBackup is generated or when PrepareForBackup failed.
  if (backup && !set_id.is_null() && !aborted && phase != Phase::kCompleted && !prepare_failed)
    engine.conformance.Report(rules::kReleaseWithoutAbort, actor(),
                              "released in phase " + std::string(phase_name(phase)) +
                                  " after StartSnapshotSet without AbortBackup");
  if (backup) {  // D19: BackupShutdown on any release, to every writer that took part [BSD]
    detail::DeliverToAll(
        *this, WriterEvent::kBackupShutdown, [](const detail::SessionWriter& sw) { return sw.got_prepare_backup; },
        "release");
  }
  engine.DeleteSnapshotsOf(set_id, true, "release");  // [OBT]: non-persistent shadow copies end with the object
  if (engine.creating && engine.creating->requester == id_) engine.EndCreation("release");
  if (snapshot_succeeded && !guided_failure_reported) engine.NoteSuccess(client);
  phase = Phase::kReleased;
}

}  // namespace vssfault::vss

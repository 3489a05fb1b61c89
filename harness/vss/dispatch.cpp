#include "dispatch.h"

#include <algorithm>

#include "requester.h"
#include "writer_events.h"

namespace vssfault::vss::detail {

namespace {

// Freeze goes to FRONT_END writers, then BACK_END, then SYSTEM [VAL]. SYSTEM_RM freezes with SYSTEM;
// UNKNOWN and AUTO with FRONT_END (the default level [INIT]).
int freeze_rank(ApplicationLevel l) {
  switch (l) {
    case ApplicationLevel::kBackEnd: return 1;
    case ApplicationLevel::kSystem:
    case ApplicationLevel::kSystemRm: return 2;
    default: return 0;
  }
}

bool eligible(const SessionWriter& sw, WriterEvent ev) {
  if (!sw.selected || sw.excluded) return false;
  switch (ev) {
    case WriterEvent::kPrepareForBackup: return true;
    case WriterEvent::kPrepareForSnapshot: return true;
    case WriterEvent::kFreeze: return sw.got_prepare_snapshot;
    case WriterEvent::kThaw: return sw.got_freeze;
    case WriterEvent::kPostSnapshot: return sw.got_thaw;
    case WriterEvent::kBackupComplete: return sw.got_post_snapshot;
    case WriterEvent::kPreRestore:
    case WriterEvent::kPostRestore: return true;
    default: return false;
  }
}

std::vector<VssId> ordered(Requester& r, WriterEvent ev, const std::function<bool(const SessionWriter&)>& pick) {
  std::vector<VssId> order;
  for (const auto& sw : r.writers)
    if (pick(sw)) order.push_back(sw.instance_id);
  r.engine.Shuffle(order);
  if (ev == WriterEvent::kFreeze && !r.engine.Broken(broken::kUnorderedFreeze)) {
    std::stable_sort(order.begin(), order.end(), [&](VssId a, VssId b) {
      const Writer* wa = r.engine.FindWriter(a);
      const Writer* wb = r.engine.FindWriter(b);
      return (wa ? freeze_rank(wa->level()) : 0) < (wb ? freeze_rank(wb->level()) : 0);
    });
  }
  std::string names;
  for (VssId id : order) {
    if (!names.empty()) names += ',';
    const SessionWriter* sw = r.FindSessionWriter(id);
    names += sw ? sw->name : id.to_string();
  }
  r.engine.Record("vss", "dispatch",
                  {{"requester", std::to_string(r.id())}, {"event", writer_event_name(ev)}, {"order", names}});
  return order;
}

void flush_pending_aborts(Engine& e, Writer& w);

void apply(Requester& r, SessionWriter& sw, Writer& w, WriterEvent ev, const HandlerOutcome& out) {
  if (out.not_responding || ev == WriterEvent::kIdentify) return;  // D15: the timer set the status
  WriterStatus& st = Engine::status_of(w);
  if (ev == WriterEvent::kAbort) {  // D7: no FAILED_AT_ABORT; keep the state, record the code
    if (out.failure_set) {
      st.failure = out.failure;
      st.application = out.application;
      st.message = out.message;
    }
    // D7: a writer that had not failed and fails OnAbort inside the freeze window (after Freeze, before
    // Thaw) is recorded as FAILED_AT_FREEZE; elsewhere its state is left as it was.
    const bool abort_failed = !out.result || (out.failure_set && out.failure.failed());
    if (abort_failed && !sw.failed && st.state == WriterState::kWaitingForThaw) {
      st.state = WriterState::kFailedAtFreeze;
      if (!(out.failure_set && out.failure.failed())) st.failure = hr::VSS_E_WRITERERROR_NONRETRYABLE;
      sw.failed = true;
      r.engine.Record("vss", "writer-failed",
                      {{"writer", w.name()}, {"event", writer_event_name(ev)},
                       {"state", writer_state_name(st.state)}, {"code", st.failure.name()},
                       {"fatal", out.result ? "false" : "true"}});
    }
    return;
  }
  if (sw.timed_out && ev == WriterEvent::kFreeze) return;  // VSS already failed it (window expired)
  const WriterEventRow& row = writer_event_row(ev);
  const bool fatal = !out.result;
  const bool coded = out.failure_set && out.failure.failed();
  if (fatal || coded) {
    // The first failure of the session decides the status (D5): a writer that already failed (a
    // non-fatal code at PrepareForSnapshot, say) keeps FAILED_AT_X and its code when it fails again.
    if (!sw.failed || r.engine.Broken(broken::kFailedStateNotSticky)) {
      if (row.on_failure) st.state = *row.on_failure;
      // A handler that returns false without a code is reported as a non-retryable failure.
      st.failure = coded ? out.failure : hr::VSS_E_WRITERERROR_NONRETRYABLE;
      st.application = out.failure_set ? out.application : HResult{};
      st.message = out.failure_set ? out.message : std::string();
    }
    sw.failed = true;
    r.engine.Record("vss", "writer-failed",
                    {{"writer", w.name()}, {"event", writer_event_name(ev)},
                     {"state", writer_state_name(st.state)}, {"code", st.failure.name()},
                     {"fatal", fatal ? "true" : "false"}});
    if (fatal) {
      if (row.abort_on_fatal) DeliverAbort(r, sw, "veto");  // D9: Freeze / Thaw returning false
      sw.excluded = true;
    }
    return;
  }
  if (out.failure_set) {  // SetWriterFailureEx(S_OK, hrApplication, message)
    st.failure = out.failure;
    st.application = out.application;
    st.message = out.message;
  }
  if ((!sw.failed || r.engine.Broken(broken::kFailedStateNotSticky)) && row.on_success) st.state = *row.on_success;
}

void deliver_abort_now(Requester& r, SessionWriter& sw, Writer& w, std::string_view why) {
  r.engine.Record("vss", "abort", {{"requester", std::to_string(r.id())}, {"writer", w.name()}, {"why", why}});
  const HandlerOutcome out =
      r.engine.InvokeHandler(w, r.id(), &sw, WriterEvent::kAbort, [&w] { return w.OnAbort(); });
  apply(r, sw, w, WriterEvent::kAbort, out);
  flush_pending_aborts(r.engine, w);
}

void flush_pending_aborts(Engine& e, Writer& w) {
  if (w.in_handler()) return;
  std::vector<int> ids;
  for (const auto& entry : e.requesters) ids.push_back(entry.first);
  const VssId instance = w.instance_id();
  for (int id : ids) {
    Requester* r = e.RequesterById(id);
    if (!r) continue;
    SessionWriter* sw = r->FindSessionWriter(instance);
    if (!sw || !sw->abort_pending || w.in_handler()) continue;
    sw->abort_pending = false;
    deliver_abort_now(*r, *sw, w, "deferred");
  }
}

void freeze_window_expired(Engine& e, int requester, VssId instance) {
  Requester* r = e.RequesterById(requester);
  SessionWriter* sw = r ? r->FindSessionWriter(instance) : nullptr;
  if (!sw) return;
  sw->freeze_timer_armed = false;
  if (sw->got_thaw || sw->aborted) return;
  Writer* w = e.FindWriter(instance);
  // [INIT][ONFR]: Thaw not received within dwTimeoutFreeze → Abort; the writer shows FAILED_AT_FREEZE with
  // VSS_E_WRITERERROR_TIMEOUT [KB915331][S3].
  e.Record("vss", "freeze-window-expired",
           {{"requester", std::to_string(requester)}, {"writer", sw->name},
            {"window", w ? w->timeout_freeze().to_string() : std::string("?")}});
  // A writer that already failed in this session keeps that first failure's status (D5).
  if (w && (!sw->failed || e.Broken(broken::kFailedStateNotSticky))) {
    Engine::status_of(*w) = WriterStatus{WriterState::kFailedAtFreeze, hr::VSS_E_WRITERERROR_TIMEOUT, HResult{}, {}};
  }
  sw->failed = true;
  sw->timed_out = true;
  DeliverAbort(*r, *sw, "freeze-window");
}

}  // namespace

bool AbortForbidden(const Engine& e, const SessionWriter& sw) {
  // One Abort per session; never after PostSnapshot [ONAB].
  return sw.aborted || (sw.got_post_snapshot && !e.Broken(broken::kAbortAfterPostSnapshot));
}

bool OwedAbort(const Engine& e, const SessionWriter& sw, WriterEvent since) {
  const bool received = since == WriterEvent::kPrepareForBackup ? sw.got_prepare_backup : sw.got_prepare_snapshot;
  return received && !AbortForbidden(e, sw);
}

void DeliverAbort(Requester& r, SessionWriter& sw, std::string_view why) {
  if (AbortForbidden(r.engine, sw)) return;
  sw.aborted = true;
  sw.excluded = true;
  if (sw.freeze_timer_armed) {
    r.engine.queue.cancel(sw.freeze_timer);
    sw.freeze_timer_armed = false;
  }
  Writer* w = r.engine.FindWriter(sw.instance_id);
  if (!w) return;
  if (w->in_handler()) {
    sw.abort_pending = true;
    r.engine.Record("vss", "abort-deferred", {{"writer", w->name()}, {"why", why}});
    return;
  }
  deliver_abort_now(r, sw, *w, why);
}

void DeliverEvent(Requester& r, SessionWriter& sw, WriterEvent ev) {
  Engine& e = r.engine;
  Writer* w = e.FindWriter(sw.instance_id);
  if (!w) {
    e.Record("vss", "writer-gone", {{"writer", sw.name}, {"event", writer_event_name(ev)}});
    sw.excluded = true;
    sw.not_responding = true;
    return;
  }
  switch (ev) {
    case WriterEvent::kPrepareForBackup:
      sw.got_prepare_backup = true;
      sw.failed = false;
      Engine::status_of(*w) = WriterStatus{};  // D18: the next PrepareForBackup resets the status
      break;
    case WriterEvent::kPrepareForSnapshot: sw.got_prepare_snapshot = true; break;
    case WriterEvent::kFreeze: {
      sw.got_freeze = true;
      if (e.Broken(broken::kNoFreezeTimer)) break;
      const VssId instance = sw.instance_id;
      const int rid = r.id();
      sw.freeze_timer = e.queue.schedule_after(w->timeout_freeze(), "vss:freeze-window",
                                               [&e, rid, instance] { freeze_window_expired(e, rid, instance); });
      sw.freeze_timer_armed = true;
      break;
    }
    case WriterEvent::kThaw:
      sw.got_thaw = true;
      if (sw.freeze_timer_armed) {
        e.queue.cancel(sw.freeze_timer);
        sw.freeze_timer_armed = false;
      }
      break;
    case WriterEvent::kPostSnapshot: sw.got_post_snapshot = true; break;
    default: break;
  }
  WriterComponents components;
  for (ComponentRecord* rec : r.ComponentsOf(sw)) Engine::add_component(components, *w, *rec);
  WriterComponents* arg = r.select_components ? &components : nullptr;
  const VssId shutdown_set = r.snapshot_succeeded ? r.set_id : VssId::null();  // [ONBS]
  auto call = [&]() -> bool {
    switch (ev) {
      case WriterEvent::kPrepareForBackup: return w->OnPrepareBackup(arg);
      case WriterEvent::kPrepareForSnapshot: return w->OnPrepareSnapshot();
      case WriterEvent::kFreeze: return w->OnFreeze();
      case WriterEvent::kThaw: return w->OnThaw();
      case WriterEvent::kPostSnapshot: return w->OnPostSnapshot(arg);
      case WriterEvent::kBackupComplete: return w->OnBackupComplete(arg);
      case WriterEvent::kBackupShutdown: return w->OnBackupShutdown(shutdown_set);
      case WriterEvent::kPreRestore: return w->OnPreRestore(arg);
      case WriterEvent::kPostRestore: return w->OnPostRestore(arg);
      default: return true;
    }
  };
  const HandlerOutcome out = e.InvokeHandler(*w, r.id(), &sw, ev, call);
  apply(r, sw, *w, ev, out);
  flush_pending_aborts(e, *w);
}

void QueueEvent(Requester& r, Operation& op, WriterEvent ev) {
  const auto order = ordered(r, ev, [ev](const SessionWriter& sw) { return eligible(sw, ev); });
  Requester* rp = &r;
  auto vetoed = std::make_shared<bool>(false);  // a writer of this event failed fatally
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const VssId instance = *it;
    op.steps.emplace_front(std::string(writer_event_name(ev)), [rp, instance, ev, vetoed] {
      SessionWriter* sw = rp->FindSessionWriter(instance);
      if (!sw || !eligible(*sw, ev)) return;
      if (*vetoed && rp->engine.Broken(broken::kStopEventAfterVeto)) return;
      DeliverEvent(*rp, *sw, ev);
      if (sw->excluded) *vetoed = true;
    });
  }
}

void QueueAborts(Requester& r, Operation& op, std::string_view why) {
  const auto order = ordered(r, WriterEvent::kAbort, [&r](const SessionWriter& sw) {
    return OwedAbort(r.engine, sw, WriterEvent::kPrepareForSnapshot);
  });
  Requester* rp = &r;
  const std::string reason(why);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const VssId instance = *it;
    op.steps.emplace_front("Abort", [rp, instance, reason] {
      if (SessionWriter* sw = rp->FindSessionWriter(instance)) DeliverAbort(*rp, *sw, reason);
    });
  }
}

void DeliverToAll(Requester& r, WriterEvent ev, const std::function<bool(const SessionWriter&)>& pick,
                  std::string_view why) {
  for (VssId instance : ordered(r, ev, pick)) {
    SessionWriter* sw = r.FindSessionWriter(instance);
    if (!sw || !pick(*sw)) continue;
    if (ev == WriterEvent::kAbort) DeliverAbort(r, *sw, why);
    else DeliverEvent(r, *sw, ev);
  }
}

}  // namespace vssfault::vss::detail

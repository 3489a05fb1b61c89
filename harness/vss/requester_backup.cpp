// Backup initialization, discovery, component selection, PrepareForBackup and BackupComplete
// (semantics.md §3.1–3.2, §7.1; D2, D3).
#include <algorithm>
#include <map>

#include "dispatch.h"
#include "requester.h"

namespace vssfault::vss {

namespace {
// SetContext's accepted values [SCTX][H:vss.h:108-116]; VSS_CTX_ALL is a query context, not a backup one.
constexpr std::int32_t kBackupContexts[] = {ctx::kBackup,      ctx::kFileShareBackup,   ctx::kNasRollback,
                                            ctx::kAppRollback, ctx::kClientAccessible, ctx::kClientAccessibleWriters};
}  // namespace

HResult Requester::InitializeForBackup(std::string_view) {
  if (auto r = Enter(Method::kInitializeForBackup)) return Done(Method::kInitializeForBackup, *r);
  phase = Phase::kBackup;
  return Done(Method::kInitializeForBackup, hr::S_OK);
}

HResult Requester::SetContext(std::int32_t lContext) {
  const std::string value = std::to_string(lContext);
  if (auto r = Enter(Method::kSetContext)) return Done(Method::kSetContext, *r, {{"context", value}});
  // "Callable once, before most VSS functions" [SCTX][OBI].
  if (context_set || metadata_started) return Done(Method::kSetContext, hr::VSS_E_BAD_STATE, {{"context", value}});
  if (std::find(std::begin(kBackupContexts), std::end(kBackupContexts), lContext) == std::end(kBackupContexts))
    return Done(Method::kSetContext, hr::E_INVALIDARG, {{"context", value}});
  context = lContext;
  context_set = true;
  return Done(Method::kSetContext, hr::S_OK, {{"context", value}});
}

HResult Requester::SetBackupState(bool bSelectComponents, bool, BackupType type, bool) {
  if (auto r = Enter(Method::kSetBackupState)) return Done(Method::kSetBackupState, *r);
  if (prepare_started) return Done(Method::kSetBackupState, hr::VSS_E_BAD_STATE);  // D2
  if (static_cast<int>(type) < 0 || static_cast<int>(type) > static_cast<int>(BackupType::kOther))
    return Done(Method::kSetBackupState, hr::E_INVALIDARG);
  select_components = bSelectComponents;
  backup_type = type;
  backup_state_set = true;
  return Done(Method::kSetBackupState, hr::S_OK, {{"select_components", bSelectComponents ? "true" : "false"}});
}

HResult Requester::GatherWriterMetadata(std::shared_ptr<Async>* ppAsync) {
  if (auto r = Enter(Method::kGatherWriterMetadata)) return Done(Method::kGatherWriterMetadata, *r);
  if (!ppAsync) return Done(Method::kGatherWriterMetadata, hr::E_INVALIDARG);
  if (metadata_started) return Done(Method::kGatherWriterMetadata, hr::VSS_E_BAD_STATE);  // once [GWM]
  metadata_started = true;
  auto op = std::make_shared<detail::Operation>();
  detail::Operation* opp = op.get();
  const std::uint32_t flag = restore() ? subscribe::kRestoreEvents : subscribe::kBackupEvents;
  op->steps.emplace_back("Identify", [this, opp, flag] {
    std::vector<VssId> candidates;
    for (Writer* w : engine.writers)
      if (w->event_flags() & flag) candidates.push_back(w->instance_id());
    engine.Shuffle(candidates);
    std::string names;
    for (VssId id : candidates) {
      if (Writer* w = engine.FindWriter(id)) names += (names.empty() ? "" : ",") + w->name();
    }
    engine.Record("vss", "dispatch", {{"requester", std::to_string(id())}, {"event", "Identify"}, {"order", names}});
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
      const VssId instance = *it;
      opp->steps.emplace_front("Identify", [this, instance] {
        Writer* w = engine.FindWriter(instance);
        if (!w) return;
        CreateWriterMetadata md;
        const auto out = engine.InvokeHandler(*w, id(), nullptr, WriterEvent::kIdentify,
                                              [&] { return w->OnIdentify(&md); });
        if (!out.result || out.not_responding) {  // absent from the metadata and status lists [OBI][DWS]
          engine.Record("vss", "identify-failed", {{"requester", std::to_string(id())}, {"writer", w->name()}});
          return;
        }
        detail::SessionWriter sw;
        sw.instance_id = instance;
        sw.name = w->name();
        sw.metadata = WriterMetadata{instance,      w->writer_id(), w->name(), w->instance_name(),
                                     w->usage(),    w->source(),    w->level(), md.components()};
        writers.push_back(std::move(sw));
      });
    }
  });
  op->steps.emplace_back("Complete", [this, opp] {
    // The metadata list is in subscription order, whatever order Identify was answered in.
    std::map<VssId, std::size_t> subscription_rank;
    for (std::size_t i = 0; i < engine.writers.size(); ++i)
      subscription_rank.emplace(engine.writers[i]->instance_id(), i);
    auto rank = [&](const detail::SessionWriter& sw) {
      const auto it = subscription_rank.find(sw.instance_id);
      return it == subscription_rank.end() ? engine.writers.size() : it->second;
    };
    std::stable_sort(writers.begin(), writers.end(),
                     [&](const detail::SessionWriter& a, const detail::SessionWriter& b) { return rank(a) < rank(b); });
    metadata_done = true;
    engine.Finish(*opp, hr::S_OK);
  });
  return Launch(Method::kGatherWriterMetadata, op, ppAsync);
}

HResult Requester::AddComponent(VssId instanceId, VssId writerId, ComponentType ct, std::string_view path,
                                std::string_view name) {
  const std::string n(name);
  if (auto r = Enter(Method::kAddComponent)) return Done(Method::kAddComponent, *r, {{"component", n}});
  if (writerless() || !metadata_done) return Done(Method::kAddComponent, hr::VSS_E_BAD_STATE, {{"component", n}});
  if (name.empty()) return Done(Method::kAddComponent, hr::E_INVALIDARG, {{"component", n}});
  detail::SessionWriter* sw = FindSessionWriter(instanceId);
  const bool known = sw && sw->metadata.writer_id == writerId &&
                     std::any_of(sw->metadata.components.begin(), sw->metadata.components.end(),
                                 [&](const auto& c) { return c.logical_path == path && c.name == name; });
  if (!known) return Done(Method::kAddComponent, hr::VSS_E_OBJECT_NOT_FOUND, {{"component", n}});
  for (const detail::ComponentRecord* c : ComponentsOfInstance(instanceId))
    if (c->logical_path == path && c->name == name)
      return Done(Method::kAddComponent, hr::VSS_E_OBJECT_ALREADY_EXISTS, {{"component", n}});
  components.push_back(detail::ComponentRecord::Make(writerId, instanceId, ct, path, n));
  component_views.emplace_back(*this, components.back());
  return Done(Method::kAddComponent, hr::S_OK, {{"writer", sw->name}, {"component", n}});
}

HResult Requester::PrepareForBackup(std::shared_ptr<Async>* ppAsync) {
  const HResult result = StartPrepareForBackup(ppAsync);
  // [ABRT]: "if PrepareForBackup fails, the requester may release without an Abort".
  if (result.failed() && !prepare_started && phase == Phase::kSetOpen) prepare_failed = true;
  return result;
}

HResult Requester::StartPrepareForBackup(std::shared_ptr<Async>* ppAsync) {
  if (auto r = Enter(Method::kPrepareForBackup)) return Done(Method::kPrepareForBackup, *r);
  if (!ppAsync) return Done(Method::kPrepareForBackup, hr::E_INVALIDARG);
  // D3: writer-less contexts; D2: SetBackupState first; the event needs the writers (GatherWriterMetadata).
  if (writerless() || !backup_state_set || !metadata_done || prepare_started)
    return Done(Method::kPrepareForBackup, hr::VSS_E_BAD_STATE);
  prepare_started = true;
  // [OBD]: in component mode a writer none of whose components is selected does not take part.
  for (auto& sw : writers) sw.selected = !select_components || !ComponentsOf(sw).empty();
  auto op = std::make_shared<detail::Operation>();
  detail::Operation* opp = op.get();
  op->on_cancel = [this, opp] {
    opp->steps.clear();
    prepare_failed = true;
  };
  op->steps.emplace_back("PrepareForBackup",
                         [this, opp] { detail::QueueEvent(*this, *opp, WriterEvent::kPrepareForBackup); });
  op->steps.emplace_back("Complete", [this, opp] {
    engine.Finish(*opp, hr::S_OK);
    prepare_done = opp->result && *opp->result == hr::S_OK;
    prepare_failed = !prepare_done;
  });
  return Launch(Method::kPrepareForBackup, op, ppAsync);
}

HResult Requester::SetBackupSucceeded(VssId instanceId, VssId writerId, ComponentType, std::string_view path,
                                      std::string_view name, bool bSucceeded) {
  const std::string n(name);
  if (auto r = Enter(Method::kSetBackupSucceeded)) return Done(Method::kSetBackupSucceeded, *r, {{"component", n}});
  for (detail::ComponentRecord* rec : ComponentsOfInstance(instanceId)) {
    detail::ComponentRecord& c = *rec;
    if (c.writer_id == writerId && c.logical_path == path && c.name == name) {
      c.backup_succeeded = bSucceeded;
      return Done(Method::kSetBackupSucceeded, hr::S_OK, {{"component", n}, {"succeeded", bSucceeded ? "true" : "false"}});
    }
  }
  return Done(Method::kSetBackupSucceeded, hr::VSS_E_OBJECT_NOT_FOUND, {{"component", n}});
}

HResult Requester::BackupComplete(std::shared_ptr<Async>* ppAsync) {
  if (phase == Phase::kCreateFailed)  // [BC]: "Do not call if DoSnapshotSet failed"
    engine.conformance.Report(rules::kBackupCompleteAfterFailedSnapshot, actor(),
                              "BackupComplete after DoSnapshotSet failed");
  if (auto r = Enter(Method::kBackupComplete)) return Done(Method::kBackupComplete, *r);
  if (!ppAsync) return Done(Method::kBackupComplete, hr::E_INVALIDARG);
  if (writerless()) return Done(Method::kBackupComplete, hr::VSS_E_BAD_STATE);  // D3
  if (select_components) {
    for (const auto& c : components)
      if (c.selected && !c.backup_succeeded)
        engine.conformance.Report(rules::kBackupCompleteWithoutSucceeded, actor(),
                                  "no SetBackupSucceeded for component " + c.logical_path + "\\" + c.name);
  }
  phase = Phase::kCompleted;
  auto op = std::make_shared<detail::Operation>();
  detail::Operation* opp = op.get();
  op->steps.emplace_back("BackupComplete",
                         [this, opp] { detail::QueueEvent(*this, *opp, WriterEvent::kBackupComplete); });
  op->steps.emplace_back("Complete", [this, opp] {
    complete_done = true;
    engine.Finish(*opp, hr::S_OK);
  });
  return Launch(Method::kBackupComplete, op, ppAsync);
}

}  // namespace vssfault::vss

// The restore sequence (semantics.md §3.6, [ORI][OPR][ORC][PRE][POSTR]).
#include <algorithm>

#include "dispatch.h"
#include "requester.h"

namespace vssfault::vss {

HResult Requester::InitializeForRestore(std::string_view bstrXml) {
  if (auto r = Enter(Method::kInitializeForRestore)) return Done(Method::kInitializeForRestore, *r);
  // The stored Backup Components Document is required; the model does not parse it.
  if (bstrXml.empty()) return Done(Method::kInitializeForRestore, hr::E_INVALIDARG);
  phase = Phase::kRestore;
  select_components = true;  // a restore is always by component [OPR]
  return Done(Method::kInitializeForRestore, hr::S_OK);
}

HResult Requester::SetSelectedForRestore(VssId writerId, ComponentType ct, std::string_view path,
                                         std::string_view name, bool selected) {
  const std::string n(name);
  if (auto r = Enter(Method::kSetSelectedForRestore)) return Done(Method::kSetSelectedForRestore, *r, {{"component", n}});
  if (!metadata_done || prerestore_started) return Done(Method::kSetSelectedForRestore, hr::VSS_E_BAD_STATE, {{"component", n}});
  // [OPR]: selecting a writer that is not running gives VSS_E_OBJECT_NOT_FOUND.
  detail::SessionWriter* sw = nullptr;
  for (auto& w : writers)
    if (w.metadata.writer_id == writerId && engine.FindWriter(w.instance_id)) sw = &w;
  const bool known = sw && std::any_of(sw->metadata.components.begin(), sw->metadata.components.end(),
                                       [&](const auto& c) { return c.logical_path == path && c.name == name; });
  if (!known) return Done(Method::kSetSelectedForRestore, hr::VSS_E_OBJECT_NOT_FOUND, {{"component", n}});
  for (auto& c : components) {
    if (c.instance_id == sw->instance_id && c.logical_path == path && c.name == name) {
      c.selected = selected;
      return Done(Method::kSetSelectedForRestore, hr::S_OK, {{"component", n}});
    }
  }
  components.push_back(detail::ComponentRecord::Make(writerId, sw->instance_id, ct, path, n));
  components.back().selected = selected;
  component_views.emplace_back(*this, components.back());
  return Done(Method::kSetSelectedForRestore, hr::S_OK, {{"writer", sw->name}, {"component", n}});
}

HResult Requester::PreRestore(std::shared_ptr<Async>* ppAsync) {
  if (auto r = Enter(Method::kPreRestore)) return Done(Method::kPreRestore, *r);
  if (!ppAsync) return Done(Method::kPreRestore, hr::E_INVALIDARG);
  if (!metadata_done || prerestore_started) return Done(Method::kPreRestore, hr::VSS_E_BAD_STATE);
  prerestore_started = true;
  // [OPR]: a running writer with nothing selected receives no further events of the restore.
  for (auto& sw : writers) sw.selected = !ComponentsOf(sw).empty();
  auto op = std::make_shared<detail::Operation>();
  detail::Operation* opp = op.get();
  op->steps.emplace_back("PreRestore", [this, opp] { detail::QueueEvent(*this, *opp, WriterEvent::kPreRestore); });
  op->steps.emplace_back("Complete", [this, opp] {
    prerestore_done = true;
    engine.Finish(*opp, hr::S_OK);
  });
  return Launch(Method::kPreRestore, op, ppAsync);
}

HResult Requester::PostRestore(std::shared_ptr<Async>* ppAsync) {
  if (auto r = Enter(Method::kPostRestore)) return Done(Method::kPostRestore, *r);
  if (!ppAsync) return Done(Method::kPostRestore, hr::E_INVALIDARG);
  if (!prerestore_done || postrestore_started) return Done(Method::kPostRestore, hr::VSS_E_BAD_STATE);
  postrestore_started = true;
  auto op = std::make_shared<detail::Operation>();
  detail::Operation* opp = op.get();
  op->steps.emplace_back("PostRestore", [this, opp] { detail::QueueEvent(*this, *opp, WriterEvent::kPostRestore); });
  op->steps.emplace_back("Complete", [this, opp] { engine.Finish(*opp, hr::S_OK); });
  return Launch(Method::kPostRestore, op, ppAsync);
}

}  // namespace vssfault::vss

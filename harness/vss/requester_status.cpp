// Metadata and status queries, and the per-component failure accessor (semantics.md §4.6, [S1][GWS]
// [GWSC][GWST][GWSX][FWS]).
#include "requester.h"

namespace vssfault::vss {

HResult Requester::GetWriterMetadataCount(unsigned* pcWriters) {
  if (auto r = Enter(Method::kGetWriterMetadataCount)) return Done(Method::kGetWriterMetadataCount, *r);
  if (!pcWriters) return Done(Method::kGetWriterMetadataCount, hr::E_INVALIDARG);
  if (!metadata_done) return Done(Method::kGetWriterMetadataCount, hr::VSS_E_BAD_STATE);
  *pcWriters = static_cast<unsigned>(writers.size());
  return Done(Method::kGetWriterMetadataCount, hr::S_OK, {{"count", std::to_string(writers.size())}});
}

HResult Requester::GetWriterMetadata(unsigned i, VssId* pidInstance, WriterMetadata* pMetadata) {
  if (auto r = Enter(Method::kGetWriterMetadata)) return Done(Method::kGetWriterMetadata, *r);
  if (!pidInstance || !pMetadata) return Done(Method::kGetWriterMetadata, hr::E_INVALIDARG);
  if (!metadata_done) return Done(Method::kGetWriterMetadata, hr::VSS_E_BAD_STATE);
  if (i >= writers.size()) return Done(Method::kGetWriterMetadata, hr::VSS_E_OBJECT_NOT_FOUND);
  *pidInstance = writers[i].instance_id;
  *pMetadata = writers[i].metadata;
  return Done(Method::kGetWriterMetadata, hr::S_OK, {{"writer", writers[i].name}});
}

HResult Requester::GatherWriterStatus(std::shared_ptr<Async>* ppAsync) {
  if (auto r = Enter(Method::kGatherWriterStatus)) return Done(Method::kGatherWriterStatus, *r);
  if (!ppAsync) return Done(Method::kGatherWriterStatus, hr::E_INVALIDARG);
  if (!metadata_done) return Done(Method::kGatherWriterStatus, hr::VSS_E_BAD_STATE);
  auto op = std::make_shared<detail::Operation>();
  detail::Operation* opp = op.get();
  op->steps.emplace_back("GatherWriterStatus", [this, opp] {
    // Only writers whose Identify succeeded are listed [DWS]; each shows its last status (D18).
    std::vector<StatusRow> rows;
    for (const auto& sw : writers) {
      StatusRow row{sw.instance_id, sw.metadata.writer_id, sw.name, {}};
      if (const Writer* w = engine.FindWriter(sw.instance_id)) {
        row.status = w->status();
        if (engine.hooks)
          if (auto forced = engine.hooks->OnWriterStatus(id(), *w)) {
            engine.Record("vss", "fault", {{"site", "writer-status"}, {"writer", sw.name}, {"code", forced->name()}});
            row.status.failure = *forced;
          }
      } else {  // the writer went away (unsubscribed): VSS cannot reach it
        row.status = WriterStatus{WriterState::kUnknown, hr::VSS_E_WRITER_NOT_RESPONDING, HResult{}, {}};
      }
      rows.push_back(std::move(row));
    }
    status = std::move(rows);
    engine.Finish(*opp, hr::S_OK);
  });
  return Launch(Method::kGatherWriterStatus, op, ppAsync);
}

HResult Requester::GetWriterStatusCount(unsigned* pcWriters) {
  if (auto r = Enter(Method::kGetWriterStatusCount)) return Done(Method::kGetWriterStatusCount, *r);
  if (!pcWriters) return Done(Method::kGetWriterStatusCount, hr::E_INVALIDARG);
  if (!status) return Done(Method::kGetWriterStatusCount, hr::VSS_E_BAD_STATE);  // needs GatherWriterStatus [GWSC]
  *pcWriters = static_cast<unsigned>(status->size());
  return Done(Method::kGetWriterStatusCount, hr::S_OK, {{"count", std::to_string(status->size())}});
}

HResult Requester::GetWriterStatus(unsigned i, VssId* pidInstance, VssId* pidWriter, std::string* pbstrWriter,
                                   WriterState* pnStatus, HResult* phResultFailure) {
  if (auto r = Enter(Method::kGetWriterStatus)) return Done(Method::kGetWriterStatus, *r);
  if (!pidInstance || !pidWriter || !pbstrWriter || !pnStatus || !phResultFailure)
    return Done(Method::kGetWriterStatus, hr::E_INVALIDARG);
  if (!status) return Done(Method::kGetWriterStatus, hr::VSS_E_BAD_STATE);
  if (i >= status->size()) return Done(Method::kGetWriterStatus, hr::VSS_E_OBJECT_NOT_FOUND);
  const StatusRow& row = (*status)[i];
  *pidInstance = row.instance_id;
  *pidWriter = row.writer_id;
  *pbstrWriter = row.name;
  *pnStatus = row.status.state;
  *phResultFailure = row.status.failure;
  engine.NoteReported(id(), client, row.status.failure);
  return Done(Method::kGetWriterStatus, hr::S_OK,
              {{"writer", row.name}, {"state", writer_state_name(row.status.state)},
               {"failure", row.status.failure.name()}});
}

HResult Requester::GetWriterStatusEx(unsigned i, VssId* pidInstance, VssId* pidWriter, std::string* pbstrWriter,
                                     WriterState* pnStatus, HResult* phrFailureWriter, HResult* phrApplication,
                                     std::string* pbstrApplicationMessage) {
  if (auto r = Enter(Method::kGetWriterStatusEx)) return Done(Method::kGetWriterStatusEx, *r);
  // [GWSX]: phrApplication and pbstrApplicationMessage may be NULL; the others may not.
  if (!pidInstance || !pidWriter || !pbstrWriter || !pnStatus || !phrFailureWriter)
    return Done(Method::kGetWriterStatusEx, hr::E_INVALIDARG);
  if (!status) return Done(Method::kGetWriterStatusEx, hr::VSS_E_BAD_STATE);
  if (i >= status->size()) return Done(Method::kGetWriterStatusEx, hr::VSS_E_OBJECT_NOT_FOUND);
  const StatusRow& row = (*status)[i];
  *pidInstance = row.instance_id;
  *pidWriter = row.writer_id;
  *pbstrWriter = row.name;
  *pnStatus = row.status.state;
  *phrFailureWriter = row.status.failure;
  if (phrApplication) *phrApplication = row.status.application;
  if (pbstrApplicationMessage) *pbstrApplicationMessage = row.status.message;
  engine.NoteReported(id(), client, row.status.failure);
  return Done(Method::kGetWriterStatusEx, hr::S_OK,
              {{"writer", row.name}, {"state", writer_state_name(row.status.state)},
               {"failure", row.status.failure.name()}, {"application", row.status.application.name()}});
}

HResult Requester::FreeWriterStatus() {
  if (auto r = Enter(Method::kFreeWriterStatus)) return Done(Method::kFreeWriterStatus, *r);
  if (!status) return Done(Method::kFreeWriterStatus, hr::VSS_E_BAD_STATE);
  status.reset();
  return Done(Method::kFreeWriterStatus, hr::S_OK);
}

HResult Requester::GetComponent(VssId writerId, std::string_view path, std::string_view name,
                                Component** ppComponent) {
  const std::string n(name);
  if (auto r = Enter(Method::kGetComponent)) return Done(Method::kGetComponent, *r, {{"component", n}});
  if (!ppComponent) return Done(Method::kGetComponent, hr::E_INVALIDARG, {{"component", n}});
  for (auto& view : component_views) {
    const auto& rec = view.record();
    if (rec.writer_id == writerId && rec.logical_path == path && rec.name == name) {
      *ppComponent = &view;
      return Done(Method::kGetComponent, hr::S_OK, {{"component", n}});
    }
  }
  return Done(Method::kGetComponent, hr::VSS_E_OBJECT_NOT_FOUND, {{"component", n}});
}

// [S1]: all four out-parameters required; VSS_E_BAD_STATE when the object is not initialized, during a
// restore, or out of sequence (before PrepareForBackup has completed). A component of a writer VSS found
// not responding (or whose status is unavailable) reports that code [S1][GWST].
HResult ComponentView::GetFailure(HResult* phr, HResult* phrApplication, std::string* pbstrApplicationMessage,
                                  std::uint32_t* pdwReserved) {
  Requester& r = *owner_;
  auto done = [&](HResult result) {
    r.engine.Record(r.actor(), "GetFailure",
                    {{"component", record_->name}, {"phase", phase_name(r.phase)},
                     {"failure", result == hr::S_OK && phr ? phr->name() : std::string("-")},
                     {"result", result.name()}});
    return result;
  };
  // A failure inside VSS itself (E_OUTOFMEMORY [S1]): the call returns it at once, traced as Enter does.
  if (r.engine.hooks) {
    if (auto forced = r.engine.hooks->OnRequesterCall(r.id(), "GetFailure")) {
      r.engine.Record("vss", "fault",
                      {{"site", "requester-call"}, {"requester", std::to_string(r.id())}, {"method", "GetFailure"},
                       {"code", forced->name()}});
      return done(*forced);
    }
  }
  if (!phr || !phrApplication || !pbstrApplicationMessage || !pdwReserved) return done(hr::E_INVALIDARG);
  if (r.phase == Phase::kNew || r.phase == Phase::kRestore || r.phase == Phase::kReleased || !r.prepare_done)
    return done(hr::VSS_E_BAD_STATE);
  *phr = HResult{};
  *phrApplication = HResult{};
  pbstrApplicationMessage->clear();
  *pdwReserved = 0;
  if (record_->has_failure) {
    *phr = record_->failure;
    *phrApplication = record_->application;
    *pbstrApplicationMessage = record_->message;
  } else if (const detail::SessionWriter* sw = r.FindSessionWriter(record_->instance_id); sw && sw->not_responding) {
    *phr = hr::VSS_E_WRITER_NOT_RESPONDING;
  } else if (r.status) {
    for (const auto& row : *r.status)
      if (row.instance_id == record_->instance_id && row.status.failure == hr::VSS_E_WRITER_STATUS_NOT_AVAILABLE)
        *phr = hr::VSS_E_WRITER_STATUS_NOT_AVAILABLE;
  }
  r.engine.NoteReported(r.id(), r.client, *phr);
  return done(hr::S_OK);
}

}  // namespace vssfault::vss

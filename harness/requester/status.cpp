// The reference requester's writer-status checks [DWS][GWSX] and component failures [S1].
#include <algorithm>

#include "session.h"
#include "vssfault/requester/reference_requester.h"

namespace vssfault::requester::detail {

using BC = vss::BackupComponents;

bool Session::CheckStatus(std::string_view after, bool decide) {
  auto failed_call = [&](std::string_view what, HResult r) {
    if (decide) return Step(what, r, what == "GatherWriterStatus");
    attempt_.reason = std::string(what) + " after " + std::string(after) + " returned " + r.name();
    return true;
  };
  const HResult gathered = RunAsync(&BC::GatherWriterStatus);
  if (gathered != hr::S_OK) return failed_call("GatherWriterStatus", gathered);
  unsigned count = 0;
  if (const HResult r = bc_->GetWriterStatusCount(&count); r.failed()) return failed_call("GetWriterStatusCount", r);

  std::vector<WriterStatusEntry> now;
  for (unsigned i = 0; i < count; ++i) {
    WriterStatusEntry e;
    e.after = std::string(after);
    vss::VssId writer_id;
    const HResult r = bc_->GetWriterStatusEx(i, &e.instance, &writer_id, &e.writer, &e.state, &e.failure,
                                            &e.application, &e.message);
    if (r.failed()) return failed_call("GetWriterStatusEx", r);
    now.push_back(std::move(e));
  }
  bc_->FreeWriterStatus();
  attempt_.statuses.insert(attempt_.statuses.end(), now.begin(), now.end());

  // Status may reflect an earlier operation [DWS]: only writers taking part in this backup count.
  std::vector<HResult> codes;
  std::string failing;
  for (const auto& e : now) {
    if (!e.failed() || selected_writers_.count(e.instance) == 0) continue;
    failing += (failing.empty() ? "" : ", ") + e.writer + " " + std::string(vss::writer_state_name(e.state)) +
               " " + e.failure.name();
    for (auto& s : selected_) {
      if (s.instance == e.instance) s.failed = true;
    }
    if (e.failure == hr::VSS_E_WRITERERROR_PARTIAL_FAILURE) {
      // "the requester should use IVssComponentEx2::GetFailure to retrieve the component-level errors" [GWSX]
      const std::vector<HResult> parts = ReadComponentFailures(after, e);
      codes.insert(codes.end(), parts.begin(), parts.end());
      if (parts.empty()) codes.push_back(e.failure);
    } else {
      codes.push_back(e.failure);
    }
  }
  if (codes.empty()) return true;
  if (!decide) {
    attempt_.reason = "writer failure after " + std::string(after) + " recorded: " + failing;
    return true;
  }
  if (policy_.accept_vetoes) {
    // [WEV]: "The requester can accept the veto or continue with the backup, ignoring the veto".
    attempt_.vetoes_accepted = true;
    return true;
  }
  const auto not_guided = std::find_if(codes.begin(), codes.end(), [](HResult c) { return !retry_guided(c); });
  if (not_guided == codes.end()) {
    Stop(after, codes.front(), true, Verdict::kRetry,
         "writer failure after " + std::string(after) + " (" + failing + "): the documented guidance is to wait and retry");
  } else {
    Stop(after, *not_guided, true, Verdict::kGiveUp,
         "writer failure after " + std::string(after) + " (" + failing + "): " + not_guided->name() +
             " has no retry guidance, giving up");
  }
  return false;
}

std::vector<HResult> Session::ReadComponentFailures(std::string_view after, const WriterStatusEntry& status) {
  std::vector<HResult> failed;
  for (const auto& s : selected_) {
    if (s.instance != status.instance) continue;
    ComponentFailureEntry e;
    e.after = std::string(after);
    e.writer = s.writer;
    e.logical_path = s.info.logical_path;
    e.component = s.info.name;
    vss::Component* component = nullptr;
    e.get_failure = bc_->GetComponent(s.writer_id, s.info.logical_path, s.info.name, &component);
    if (e.get_failure.succeeded() && component != nullptr) {
      std::uint32_t reserved = 0;
      e.get_failure = component->GetFailure(&e.failure, &e.application, &e.message, &reserved);
    }
    if (e.failure.failed()) failed.push_back(e.failure);
    attempt_.component_failures.push_back(std::move(e));
  }
  return failed;
}

bool Session::MarkSucceeded() {
  for (const auto& s : selected_) {
    const HResult r = bc_->SetBackupSucceeded(s.instance, s.writer_id, s.info.type, s.info.logical_path,
                                              s.info.name, !s.failed);
    if (!Step("SetBackupSucceeded", r)) return false;
  }
  return true;
}

}  // namespace vssfault::requester::detail

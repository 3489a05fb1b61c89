#include "trace_facts.h"

#include <map>

#include "vssfault/codes/catalog.h"

namespace vssfault::properties::facts {

std::optional<HResult> code_of(std::string_view text) {
  if (text.empty() || text == "-" || text == "threw") return std::nullopt;
  return parse_code(text);
}

std::optional<vss::WriterEvent> event_of_handler(std::string_view handler) {
  for (int e = 0; e <= static_cast<int>(vss::WriterEvent::kAbort); ++e) {
    const auto ev = static_cast<vss::WriterEvent>(e);
    if (vss::writer_handler_name(ev) == handler) return ev;
  }
  return std::nullopt;
}

std::optional<vss::ProviderMethod> method_of(std::string_view name) {
  for (int m = 0; m <= static_cast<int>(vss::ProviderMethod::kGetTargetLuns); ++m) {
    const auto pm = static_cast<vss::ProviderMethod>(m);
    if (vss::provider_method_name(pm) == name) return pm;
  }
  return std::nullopt;
}

int freeze_rank(vss::ApplicationLevel level) {
  switch (level) {
    case vss::ApplicationLevel::kBackEnd: return 1;
    case vss::ApplicationLevel::kSystem:
    case vss::ApplicationLevel::kSystemRm: return 2;
    default: return 0;
  }
}

std::optional<vss::WriterState> failed_state(vss::WriterEvent e) {
  using S = vss::WriterState;
  switch (e) {
    case vss::WriterEvent::kPrepareForBackup: return S::kFailedAtPrepareBackup;
    case vss::WriterEvent::kPrepareForSnapshot: return S::kFailedAtPrepareSnapshot;
    case vss::WriterEvent::kFreeze: return S::kFailedAtFreeze;
    case vss::WriterEvent::kThaw: return S::kFailedAtThaw;
    case vss::WriterEvent::kPostSnapshot: return S::kFailedAtPostSnapshot;
    case vss::WriterEvent::kBackupComplete: return S::kFailedAtBackupComplete;
    case vss::WriterEvent::kBackupShutdown: return S::kFailedAtBackupShutdown;
    case vss::WriterEvent::kPreRestore: return S::kFailedAtPreRestore;
    case vss::WriterEvent::kPostRestore: return S::kFailedAtPostRestore;
    default: return std::nullopt;
  }
}

std::vector<HandlerCall> handler_calls(const std::vector<TraceRecord>& trace) {
  std::vector<HandlerCall> out;
  std::map<std::string, std::vector<std::size_t>> open;  // writer actor → stack of indices into out
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const TraceRecord& r = trace[i];
    if (r.actor.rfind("writer:", 0) != 0) continue;
    if (r.event == "not-responding") {
      auto& stack = open[r.actor];
      if (!stack.empty()) out[stack.back()].not_responding = true;
      continue;
    }
    const auto ev = event_of_handler(r.event);
    if (!ev) continue;
    auto& stack = open[r.actor];
    if (r.field("phase") == "begin") {
      HandlerCall c;
      c.begin = i;
      c.time = r.time;
      c.requester = std::stoi(std::string(r.field("requester")));
      c.writer = r.actor.substr(7);
      c.event = *ev;
      stack.push_back(out.size());
      out.push_back(std::move(c));
    } else if (r.field("phase") == "end" && !stack.empty()) {
      HandlerCall& c = out[stack.back()];
      stack.pop_back();
      c.end = i;
      c.threw = r.field("result") == "threw";
      c.result = r.field("result") == "true";
      c.failure = code_of(r.field("failure"));
    }
  }
  return out;
}

std::vector<ProviderCall> provider_calls(const std::vector<TraceRecord>& trace) {
  std::vector<ProviderCall> out;
  std::map<std::string, std::vector<std::size_t>> open;
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const TraceRecord& r = trace[i];
    if (r.actor.rfind("provider:", 0) != 0) continue;
    const auto m = method_of(r.event);
    if (!m) continue;
    auto& stack = open[r.actor];
    if (r.field("phase") == "begin") {
      ProviderCall c;
      c.begin = i;
      c.time = r.time;
      c.provider = r.actor.substr(9);
      c.method = *m;
      stack.push_back(out.size());
      out.push_back(std::move(c));
    } else if (r.field("phase") == "end" && !stack.empty()) {
      ProviderCall& c = out[stack.back()];
      stack.pop_back();
      c.end = i;
      c.threw = r.field("result") == "threw";
      c.raw = c.threw ? hr::E_UNEXPECTED : code_of(r.field("result")).value_or(HResult{});
    }
  }
  return out;
}

std::vector<Creation> creations(const std::vector<TraceRecord>& trace) {
  std::vector<Creation> out;
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const TraceRecord& r = trace[i];
    if (r.event == "StartSnapshotSet" && r.actor.rfind("requester:", 0) == 0 && r.field("result") == "S_OK") {
      Creation c;
      c.set = std::string(r.field("set"));
      c.requester = std::stoi(r.actor.substr(10));
      c.start = i;
      out.push_back(std::move(c));
      continue;
    }
    if (r.actor.rfind("requester:", 0) == 0 && r.event == "DoSnapshotSet" && r.field("result") == "S_OK") {
      const int requester = std::stoi(r.actor.substr(10));
      for (auto& c : out)
        if (c.requester == requester && c.end == kNone && c.dss == kNone) c.dss = i;
      continue;
    }
    if (r.actor != "vss") continue;
    const std::string_view set = r.field("set");
    for (auto& c : out) {
      if (c.set != set || c.end != kNone) continue;
      if (r.event == "creation-ended") c.end = i;
      if (r.event == "snapshot-set-created") c.created = true;
      if (r.event == "snapshot-set-failed") {
        c.failed = true;
        c.failed_code = std::string(r.field("code"));
        c.failed_at = i;
      }
      if (r.event == "hold-window-expired") c.hold_expired_at = i;
    }
  }
  for (auto& c : out)
    if (c.end == kNone) c.end = trace.size();
  return out;
}

std::size_t find(const std::vector<TraceRecord>& trace, std::string_view actor, std::string_view event,
                 std::size_t from) {
  for (std::size_t i = from; i < trace.size(); ++i)
    if (trace[i].actor == actor && trace[i].event == event) return i;
  return kNone;
}

}  // namespace vssfault::properties::facts

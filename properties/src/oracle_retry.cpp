// Oracles of the retry guidance and the order-independent summary used by the determinism property.
#include <algorithm>
#include <map>
#include <sstream>

#include "trace_facts.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/properties/oracles.h"
#include "vssfault/vss/conformance.h"

namespace vssfault::properties {
namespace {

// The documented retry guidance [S1][S2][DSS][SSS][WEV] (D21), read from the catalog.
bool guided(HResult hr) {
  const CodeInfo* info = find_code(hr);
  return info && (info->retry == Retry::kTenMinutesThreeTimes || info->retry == Retry::kWaitAndRetry);
}

// Whether requester `id`'s trace mentions `code` as a result, a writer failure or a component failure.
bool seen_by(const std::vector<TraceRecord>& trace, int id, HResult code) {
  const std::string actor = "requester:" + std::to_string(id);
  const std::string name = code.name();
  for (const auto& r : trace) {
    if (r.actor != actor) continue;
    for (const auto& f : r.fields)
      if ((f.key == "result" || f.key == "failure" || f.key == "code") && f.value == name) return true;
  }
  return false;
}

}  // namespace

Problems CheckRetries(const GeneratedWorld& /*world*/, const VssObservation& obs) {
  Problems out;
  if (!obs.backup) return out;
  const auto& attempts = obs.backup->attempts;
  if (attempts.size() > 4)
    out.push_back("retry: " + std::to_string(attempts.size() - 1) + " retries (at most three [S1][S2][DSS])");
  // Release of each attempt's object, creation of the next one, from the trace.
  std::map<int, Instant> released, created;
  for (const auto& r : obs.trace) {
    if (r.actor.rfind("requester:", 0) != 0) continue;
    const int id = std::stoi(r.actor.substr(10));
    if (r.event == "Release" && released.count(id) == 0) released[id] = r.time;
    if (r.event == "CreateVssBackupComponents") created[id] = r.time;
  }
  for (std::size_t i = 0; i + 1 < attempts.size(); ++i) {
    const requester::Attempt& a = attempts[i];
    const requester::Attempt& next = attempts[i + 1];
    const std::string at = "retry: attempt " + std::to_string(a.number) + " (" + a.failed_step + " " + a.hr.name() + ")";
    if (a.verdict != requester::Verdict::kRetry || !guided(a.hr))
      out.push_back(at + " was retried although " + a.hr.name() + " has no retry guidance");
    else if (!seen_by(obs.trace, a.requester, a.hr))
      out.push_back(at + " was retried for " + a.hr.name() + ", which requester:" + std::to_string(a.requester) +
                    " never received");
    if (released.count(a.requester) && created.count(next.requester)) {
      const Duration waited = created[next.requester] - released[a.requester];
      if (waited < Duration::minutes(10))
        out.push_back(at + " was retried after " + waited.to_string() + " (at least 10m [S1][S2][DSS])");
    } else {
      out.push_back(at + ": no Release / CreateVssBackupComponents record");
    }
  }
  for (const auto& v : obs.violations)
    if (v.rule == vss::rules::kRetryTooSoon || v.rule == vss::rules::kRetryTooMany)
      out.push_back("retry: the model reported " + v.rule + ": " + v.detail);
  return out;
}

std::string OrderIndependentSummary(const VssObservation& obs) {
  std::ostringstream os;
  for (HResult r : obs.register_results) os << "register " << r.name() << "\n";
  for (HResult r : obs.unregister_results) os << "unregister " << r.name() << "\n";
  for (const auto& c : obs.calls) os << c.method << "(" << c.detail << ") " << c.hr.name() << "\n";
  if (obs.dss_result) os << "DoSnapshotSet " << obs.dss_result->name() << "\n";
  for (const auto& s : obs.statuses) {
    os << "status after " << s.after << ":";
    for (const auto& r : s.rows)
      os << " " << r.writer << "=" << vss::writer_state_name(r.state) << "/" << r.failure.name() << "/"
         << r.application.name() << "/" << r.message;
    for (const auto& c : s.components) os << " " << c.writer << "\\" << c.component << "=" << c.failure.name();
    os << "\n";
  }
  os << "snapshots " << obs.snapshots_after_dss.size() << " " << obs.snapshots_at_end.size() << "\n";
  std::vector<std::string> log, violations;
  for (const auto& e : obs.event_log)
    log.push_back(e.source + " " + e.method + " " + e.code.name() + (e.while_frozen ? " frozen" : ""));
  for (const auto& v : obs.violations) violations.push_back(v.rule + " " + v.actor);
  std::sort(log.begin(), log.end());
  std::sort(violations.begin(), violations.end());
  for (const auto& l : log) os << "log " << l << "\n";
  for (const auto& v : violations) os << "violation " << v << "\n";
  return os.str();
}

}  // namespace vssfault::properties

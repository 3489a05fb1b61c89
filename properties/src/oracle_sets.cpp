// Oracles of the snapshot-set properties: no partial commit, provider-code translation, no logging
// while frozen.
#include <algorithm>
#include <map>

#include "trace_facts.h"
#include "vssfault/properties/oracles.h"
#include "vssfault/vss/conformance.h"

namespace vssfault::properties {
namespace {

using facts::kNone;
using vss::ProviderMethod;

bool pipeline(ProviderMethod m) {
  switch (m) {
    case ProviderMethod::kEndPrepareSnapshots:
    case ProviderMethod::kPreCommitSnapshots:
    case ProviderMethod::kCommitSnapshots:
    case ProviderMethod::kPostCommitSnapshots:
    case ProviderMethod::kPreFinalCommitSnapshots:
    case ProviderMethod::kPostFinalCommitSnapshots:
    case ProviderMethod::kGetTargetLuns:
      return true;
    default:
      return false;
  }
}

// What VSS makes of a provider's return: the code, or the translation of an unexpected one [S4].
bool effective_failure(const facts::ProviderCall& c) {
  return c.threw || c.raw.failed() || !vss::provider_code_valid(c.method, c.raw);
}

const VolumeSpec* volume_spec(const GeneratedWorld& w, const std::string& name) {
  for (std::size_t p = 0; p < w.providers.size(); ++p)
    for (std::size_t j = 0; j < w.providers[p].volumes.size(); ++j)
      if (GeneratedWorld::provider_volume(p, j) == name) return &w.providers[p].volumes[j];
  for (std::size_t j = 0; j < w.system_volumes.size(); ++j)
    if (GeneratedWorld::system_volume(j) == name) return &w.system_volumes[j];
  return nullptr;
}

const facts::Creation* creation_of(const std::vector<facts::Creation>& all, const vss::VssId& set) {
  for (const auto& c : all)
    if (c.set == set.to_string()) return &c;
  return nullptr;
}

std::string n(std::size_t v) { return std::to_string(v); }

}  // namespace

Problems CheckWholeSet(const GeneratedWorld& world, const VssObservation& obs) {
  Problems out;
  if (!obs.dss_result) return out;  // DoSnapshotSet never ran
  const auto all = facts::creations(obs.trace);
  const facts::Creation* seg = creation_of(all, obs.set_id);
  if (!seg || seg->dss == kNone) return {"whole-set: no creation record for the set DoSnapshotSet ran on"};
  const bool failed = obs.dss_result->failed() || *obs.dss_result != hr::S_OK;

  // Members: the volumes AddToSnapshotSet accepted; their slowest flush [SCCP] (D8).
  std::vector<std::string> members;
  Duration flush{};
  for (const auto* c : obs.calls_of("AddToSnapshotSet"))
    if (c->hr == hr::S_OK) {
      members.push_back(c->detail);
      if (const VolumeSpec* v = volume_spec(world, c->detail)) flush = std::max(flush, v->flush);
    }

  std::map<std::string, int> end_prepared, aborted;
  std::string provider_failure;
  for (const auto& c : facts::provider_calls(obs.trace)) {
    if (c.begin < seg->dss || c.begin > seg->end) continue;
    if (c.method == ProviderMethod::kEndPrepareSnapshots) ++end_prepared[c.provider];
    if (c.method == ProviderMethod::kAbortSnapshots) ++aborted[c.provider];
    if (pipeline(c.method) && effective_failure(c) && provider_failure.empty())
      provider_failure = c.provider + " " + std::string(vss::provider_method_name(c.method)) + " returned " +
                         (c.threw ? std::string("an exception") : c.raw.name());
  }
  if (provider_failure.empty() && seg->hold_expired_at != kNone) provider_failure = "the hold window expired";
  if (provider_failure.empty() && flush > Duration::seconds(10) && !members.empty())
    provider_failure = "the flush took " + flush.to_string();

  if (!provider_failure.empty() && !failed)
    out.push_back("whole-set: " + provider_failure + " but DoSnapshotSet succeeded");
  const std::string set = obs.set_id.to_string();
  auto count_set = [&](const std::vector<vss::SnapshotInfo>& snaps) {
    return static_cast<std::size_t>(std::count_if(snaps.begin(), snaps.end(), [&](const vss::SnapshotInfo& s) {
      return s.snapshot_set_id == obs.set_id;
    }));
  };
  if (failed) {
    if (const std::size_t k = count_set(obs.snapshots_after_dss); k != 0)
      out.push_back("whole-set: DoSnapshotSet failed with " + obs.dss_result->name() + " but " + n(k) +
                    " shadow copies of set " + set + " exist when it returns");
    if (const std::size_t k = count_set(obs.snapshots_at_end); k != 0)
      out.push_back("whole-set: " + n(k) + " shadow copies of the failed set " + set + " survive the run");
    for (const auto& [p, k] : end_prepared)
      if (aborted[p] != 1)
        out.push_back("whole-set: provider " + p + " reached EndPrepareSnapshots but got " + n(static_cast<std::size_t>(aborted[p])) +
                      " AbortSnapshots calls");
    for (const auto& [p, k] : aborted)
      if (k != 0 && end_prepared.count(p) == 0)
        out.push_back("whole-set: provider " + p + " got AbortSnapshots without EndPrepareSnapshots [AS]");
  } else {
    if (const std::size_t k = count_set(obs.snapshots_after_dss); k != members.size())
      out.push_back("whole-set: DoSnapshotSet succeeded with " + n(members.size()) + " volumes but " + n(k) +
                    " shadow copies exist");
    for (const auto& [p, k] : aborted)
      if (k != 0) out.push_back("whole-set: provider " + p + " got AbortSnapshots for a set that was created");
  }
  return out;
}

Problems CheckTranslation(const GeneratedWorld& world, const VssObservation& obs) {
  Problems out;
  // The one provider fault of the world.
  std::size_t p = 0;
  const ProviderFaultSpec* fault = nullptr;
  for (std::size_t i = 0; i < world.providers.size(); ++i)
    for (const auto& f : world.providers[i].faults) {
      if (fault) return {"translation: the world has more than one provider fault"};
      fault = &f;
      p = i;
    }
  if (!fault || !fault->action.code) return out;
  const ProviderMethod m = fault->method;
  const HResult c = *fault->action.code;
  const std::string name = GeneratedWorld::provider_name(p);
  const std::string method(vss::provider_method_name(m));
  const bool valid = vss::provider_code_valid(m, c, m == ProviderMethod::kOnUnload);
  const bool translated = vss::provider_code_translated(m);
  const HResult expected = valid || !translated ? c : hr::VSS_E_UNEXPECTED_PROVIDER_ERROR;
  const std::string what = name + " " + method + " returned " + c.name();

  std::size_t calls = 0;
  for (const auto& call : facts::provider_calls(obs.trace))
    if (call.provider == name && call.method == m) ++calls;
  std::size_t entries = 0;
  for (const auto& e : obs.event_log) {
    if (e.source != "VSS" || e.method != method || e.message.find(name) == std::string::npos) continue;
    ++entries;
    if (e.code != c) out.push_back("translation: the VSS entry for " + what + " reports " + e.code.name());
  }
  if (translated && !valid) {
    if (entries != calls)
      out.push_back("translation: " + what + " in " + n(calls) + " calls, VSS logged " + n(entries) +
                    " entries naming provider and method (one per call expected)");
  } else if (entries != 0) {
    out.push_back("translation: VSS logged " + n(entries) + " entries for " + what + " (none expected: " +
                  (valid ? "a valid code" : "a method VSS never translates") + ")");
  }

  // Where the code reaches the requester.
  auto volumes_of_p = [&] {
    std::vector<const CallResult*> out_calls;
    for (const auto* call : obs.calls_of("AddToSnapshotSet"))
      if (call->detail.rfind(name + "V", 0) == 0) out_calls.push_back(call);
    return out_calls;
  };
  const HResult surfaced = expected.failed() ? expected : hr::S_OK;
  switch (m) {
    case ProviderMethod::kOnLoad:
      if (obs.register_results.size() > p && obs.register_results[p] != expected)
        out.push_back("translation: " + what + "; RegisterProvider returned " + obs.register_results[p].name() +
                      ", expected " + expected.name());
      break;
    case ProviderMethod::kIsVolumeSupported:
    case ProviderMethod::kAreLunsSupported:
    case ProviderMethod::kBeginPrepareSnapshot:
      for (const auto* call : volumes_of_p())
        if (call->hr != surfaced)
          out.push_back("translation: " + what + "; AddToSnapshotSet(" + call->detail + ") returned " +
                        call->hr.name() + ", expected " + surfaced.name());
      break;
    case ProviderMethod::kAbortSnapshots:
    case ProviderMethod::kOnUnload: {
      // Never surfaced [S4]: the set fails with what made it abort (the slow flush), nothing after it
      // fails, and VSS_E_UNEXPECTED_PROVIDER_ERROR appears nowhere.
      bool after = false;
      for (const auto& call : obs.calls) {
        if (call.hr == hr::VSS_E_UNEXPECTED_PROVIDER_ERROR || (after && call.hr.failed()))
          out.push_back("translation: " + what + " (never surfaced [S4]) but " + call.method + " returned " +
                        call.hr.name());
        after = after || call.method == "DoSnapshotSet.async";
      }
      if (m == ProviderMethod::kAbortSnapshots && calls != 0 && obs.dss_result &&
          *obs.dss_result != hr::VSS_E_FLUSH_WRITES_TIMEOUT)
        out.push_back("translation: " + what + "; DoSnapshotSet's result was " + obs.dss_result->name() +
                      ", expected the flush timeout that made it abort");
      if (m == ProviderMethod::kOnUnload && obs.unregister_results.size() > p &&
          obs.unregister_results[p] != hr::S_OK)
        out.push_back("translation: " + what + "; UnregisterProvider returned " + obs.unregister_results[p].name());
      break;
    }
    default: {  // the DoSnapshotSet pipeline
      bool member = false;
      for (const auto* call : volumes_of_p()) member = member || call->hr == hr::S_OK;
      if (member && calls != 0 && obs.dss_result && *obs.dss_result != surfaced)
        out.push_back("translation: " + what + "; DoSnapshotSet's result was " + obs.dss_result->name() +
                      ", expected " + surfaced.name());
    }
  }
  return out;
}

Problems CheckFreezeLogging(const GeneratedWorld& world, const VssObservation& obs) {
  Problems out;
  // Frozen intervals by trace index, from the provider calls alone: after the set's last
  // PreCommitSnapshots returned, up to the last CommitSnapshots' return, the hold window's expiry or the
  // set's failure, whichever comes first [SCCP][CS].
  struct Interval {
    std::size_t from, to;
  };
  std::vector<Interval> frozen;
  const auto calls = facts::provider_calls(obs.trace);
  for (const auto& seg : facts::creations(obs.trace)) {
    if (seg.dss == kNone) continue;
    std::size_t from = kNone, commit = kNone;
    for (const auto& c : calls) {
      if (c.begin < seg.dss || c.end == kNone || c.end > seg.end) continue;
      if (c.method == ProviderMethod::kPreCommitSnapshots && (from == kNone || c.end > from)) from = c.end;
      if (c.method == ProviderMethod::kCommitSnapshots && (commit == kNone || c.end > commit)) commit = c.end;
    }
    if (from == kNone) continue;
    std::size_t to = std::min({commit, seg.hold_expired_at, seg.failed_at, seg.end});
    if (to != kNone && to > from) frozen.push_back({from, to});
  }
  bool well_behaved = true;
  for (const auto& p : world.providers)
    for (const auto& f : p.faults)
      if (f.action.log && f.method == ProviderMethod::kCommitSnapshots) well_behaved = false;

  std::map<std::string, std::size_t> frozen_entries;
  for (std::size_t i = 0; i < obs.trace.size(); ++i) {
    const TraceRecord& r = obs.trace[i];
    if (r.actor != "eventlog" || r.event != "write" || r.field("source") == "VSS") continue;
    const bool inside = std::any_of(frozen.begin(), frozen.end(), [i](const Interval& f) { return i > f.from && i < f.to; });
    const bool marked = r.field("frozen") == "true";
    const std::string who = std::string(r.field("source")) + " " + std::string(r.field("method"));
    if (marked != inside)
      out.push_back("freeze-log: " + who + " wrote at " + r.time.to_string() + (inside ? " inside" : " outside") +
                    " the frozen interval but the model marked it " + (marked ? "frozen" : "not frozen"));
    if (marked) ++frozen_entries["provider:" + std::string(r.field("source"))];
    if (marked && well_behaved)
      out.push_back("freeze-log: a well-behaved provider (" + who + ") logged while the volumes were frozen");
  }
  std::map<std::string, std::size_t> reported;
  for (const auto& v : obs.violations)
    if (v.rule == vss::rules::kProviderLoggedWhileFrozen) ++reported[v.actor];
  if (well_behaved && !reported.empty())
    out.push_back("freeze-log: provider.logged-while-frozen reported for a world whose providers never log in CommitSnapshots");
  for (const auto& [actor, k] : frozen_entries)
    if (reported[actor] != k)
      out.push_back("freeze-log: " + actor + " logged " + n(k) + " times while frozen, reported " + n(reported[actor]));
  for (const auto& [actor, k] : reported)
    if (frozen_entries[actor] != k)
      out.push_back("freeze-log: " + actor + " reported " + n(k) + " times, frozen entries " + n(frozen_entries[actor]));
  return out;
}

}  // namespace vssfault::properties

#include "vssfault/runner/observe.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "check_expectations.h"
#include "convert.h"
#include "drivers.h"
#include "run_guard.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/scenario/emit.h"
#include "world.h"

namespace vssfault::runner {
namespace {

template <class T>
scenario::Located<T> observed_value(T value) {
  return scenario::Located<T>{std::move(value), {}};
}

// The same readings as check_expectations.cpp, kept as values.
scenario::Expectations record(detail::World& w, const detail::DriverResult& d) {
  scenario::Expectations e;
  if (d.result) e.result = observed_value(*d.result);
  if (d.outcome) {
    if (auto o = scenario::from_name<scenario::RequesterOutcome>(*d.outcome)) e.outcome = observed_value(*o);
  }
  if (d.attempts) e.attempts = observed_value<std::uint64_t>(*d.attempts);
  for (const auto& sw : w.scn.writers) {
    const detail::ScenarioWriter* writer = w.find_writer(sw.name.value);
    if (writer == nullptr) continue;
    const vss::WriterStatus& st = writer->status();
    scenario::WriterExpectation we;
    we.writer = sw.name;
    if (auto s = scenario::from_name<scenario::WriterState>(vss::writer_state_name(st.state))) we.state = observed_value(*s);
    we.code = observed_value(st.failure);
    we.application_code = observed_value(st.application);
    we.message = observed_value(st.message);
    for (const auto& c : sw.components) {
      const auto it = d.components.find({sw.name.value, c.name.value});
      if (it == d.components.end() || it->second.returned != hr::S_OK) continue;
      scenario::ComponentExpectation ce;
      ce.component = c.name;
      ce.code = observed_value(it->second.code);
      ce.application_code = observed_value(it->second.application);
      ce.message = observed_value(it->second.message);
      we.components.push_back(std::move(ce));
    }
    e.writers.push_back(std::move(we));
  }
  // The event log, each entry placed relative to the freeze windows like the checker does.
  std::vector<scenario::EventLogExpectation> log;
  if (w.system) {
    const auto& entries = w.system->event_log().entries();
    bool ever_frozen = false;
    std::size_t k = 0;
    for (const auto& rec : w.trace.records()) {
      if (rec.actor == "vss" && rec.event == "volumes-frozen") ever_frozen = true;
      if (rec.actor != "eventlog" || rec.event != "write" || k >= entries.size()) continue;
      const auto& a = entries[k++];
      scenario::EventLogExpectation x;
      x.source = observed_value(a.source);
      x.method = observed_value(a.method);
      x.code = observed_value(a.code);
      x.when = observed_value(a.while_frozen  ? scenario::FreezePhase::kWhileFrozen
                  : ever_frozen ? scenario::FreezePhase::kAfterThaw
                                : scenario::FreezePhase::kBeforeFreeze);
      log.push_back(std::move(x));
    }
  }
  e.event_log = observed_value(std::move(log));
  const bool created = std::any_of(w.trace.records().begin(), w.trace.records().end(), [](const TraceRecord& r) {
    return r.actor == "vss" && r.event == "snapshot-set-created";
  });
  const bool present = created || (w.system && !w.system->snapshots().empty());
  e.snapshots = observed_value(present ? scenario::SnapshotPresence::kPresent : scenario::SnapshotPresence::kAbsent);
  for (const auto& sj : w.scn.jobs) {
    bits::Job* job = w.find_job(sj.name.value);
    if (job == nullptr) continue;
    scenario::JobExpectation je;
    je.job = sj.name;
    if (auto s = scenario::from_name<scenario::JobState>(detail::job_state_name(job->state()))) je.state = observed_value(*s);
    std::shared_ptr<const bits::Error> error;
    scenario::JobErrorExpectation x;
    if (job->GetError(&error) != hr::S_OK || !error) {
      x.none = true;
    } else if (auto c = scenario::from_name<scenario::ErrorContext>(detail::error_context_name(error->context()))) {
      x.context = *c;
      x.code = error->code();
    } else {
      x.none = true;
    }
    je.error = observed_value(x);
    je.error_count = observed_value<std::uint64_t>(job->error_count());
    std::map<std::string, std::uint64_t, std::less<>> counts;
    for (const auto& rec : w.trace.records()) {
      if (rec.actor == job->actor() && rec.event == "notify") ++counts[std::string(rec.field("callback"))];
    }
    scenario::CallbackCounts cc;
    cc.job_transferred = observed_value(counts["JobTransferred"]);
    cc.job_error = observed_value(counts["JobError"]);
    cc.job_modification = observed_value(counts["JobModification"]);
    je.callbacks = cc;
    e.jobs.push_back(std::move(je));
  }
  std::set<std::string> rules;
  if (w.system) {
    for (const auto& v : w.system->conformance().violations()) rules.insert(v.rule);
  }
  if (w.service) {
    for (const auto& v : w.service->checker().violations()) rules.insert(v.rule);
  }
  std::vector<scenario::Located<std::string>> ids;
  for (const auto& r : rules) ids.push_back(observed_value(r));
  e.violations = observed_value(std::move(ids));
  return e;
}

}  // namespace

Observed observe_scenario(const scenario::Scenario& s, const RunOptions& options) {
  Observed o;
  ScenarioResult& r = o.result;
  r.file = s.mark.file;
  r.name = s.name.value;
  r.seed = options.seed ? *options.seed : s.seed.value;
  r.scenario_hash = fnv1a64(scenario::to_yaml(s));
  r.reproduce = reproduce_command(r.file, r.seed);
  try {
    detail::World w(s, r.seed, options.limits, options.broken);
    if (!w.plan_problems.empty()) {
      r.outcome = Outcome::kInvalid;
      r.messages = w.plan_problems;
      return o;
    }
    try {
      const detail::DriverResult d = detail::drive(w);
      w.guard.check();
      if (w.guard.tripped()) {
        r.outcome = Outcome::kError;
        r.messages.push_back(w.guard.reason());
      } else {
        r.mismatches = detail::check_expectations(w, d);
        r.outcome = r.mismatches.empty() ? Outcome::kPassed : Outcome::kFailed;
        o.expect = record(w, d);
      }
    } catch (const detail::RunawayStop&) {
      r.outcome = Outcome::kError;
      r.messages.push_back(w.guard.reason());
    }
    r.virtual_time = w.clock.now();
    r.trace_hash = w.trace.hash();
    r.trace = std::move(w.trace);
  } catch (const std::exception& e) {
    o.expect.reset();
    r.outcome = Outcome::kError;
    r.messages.push_back(std::string("the scenario stopped with an exception: ") + e.what());
  }
  return o;
}

}  // namespace vssfault::runner

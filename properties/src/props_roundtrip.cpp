// Round trip of the scenario format: a generated world as a scenario (to_scenario) → YAML
// (scenario::to_yaml) → loader → the same scenario, the same text, and the same run (trace hash).
#include <regex>
#include <sstream>

#include "vssfault/properties/generators.h"
#include "vssfault/properties/properties.h"
#include "vssfault/properties/to_scenario.h"
#include "vssfault/runner/run.h"
#include "vssfault/scenario/emit.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::properties {

namespace {

// Some generated worlds never settle: a network outage at every connect keeps a BITS job retrying for
// ever (the no-progress timer does not run while the network is down, docs/semantics.md "BITS model").
// The generated-world runner stops at its horizon (at most 2 days, bits_run.cpp); the scenario runs
// stop at the same virtual-time limit, and such a stop is compared like any other end of the run.
constexpr Duration kRoundTripHorizon = Duration::days(2);

runner::RunOptions roundtrip_options(const Breakage& b) {
  runner::RunOptions o;
  o.broken = runner::BrokenModel{b.vss, b.bits, b.requester};
  o.limits.max_virtual_time = kRoundTripHorizon;
  return o;
}

// A run that ended: passed or failed its (empty) expectations, or stopped at the virtual-time limit.
bool ran(const runner::ScenarioResult& r) {
  if (r.outcome != runner::Outcome::kError && r.outcome != runner::Outcome::kInvalid) return true;
  return r.outcome == runner::Outcome::kError && r.messages.size() == 1 &&
         r.messages.front().starts_with("runaway: stopped at the virtual-time limit");
}

// The trace without the fault records' `origin` field: the file position of the fault ("file:line:col"),
// also quoted as "at file:line:col" in injected-fault texts, which a scenario built in memory does not
// have (provenance, not behaviour).
std::vector<std::string> behaviour(const Trace& t) {
  std::vector<std::string> out;
  for (TraceRecord r : t.records()) {
    std::erase_if(r.fields, [](const TraceField& f) { return f.key == "origin"; });
    static const std::regex position(R"(at [^ "]*:[0-9]+:[0-9]+)");
    for (TraceField& f : r.fields) f.value = std::regex_replace(f.value, position, "at <position>");
    out.push_back(r.canonical());
  }
  return out;
}

}  // namespace

std::vector<std::string> CheckRoundTrip(const GeneratedWorld& world, const Breakage& b) {
  std::vector<std::string> problems;
  const ScenarioConversion conv = to_scenario(world, "round-trip");
  const std::string yaml = scenario::to_yaml(conv.scenario);
  const scenario::LoadResult loaded = scenario::load_scenario_text(yaml, "round-trip.yaml");
  if (!loaded.ok()) {
    std::ostringstream os;
    for (const auto& d : loaded.diagnostics.sorted()) os << "\n  " << d.to_string();
    problems.push_back("round-trip: the emitted YAML does not load:" + os.str() + "\n" + yaml);
    return problems;
  }
  const std::string again = scenario::to_yaml(*loaded.scenario);
  if (again != yaml) problems.push_back("round-trip: emitting the loaded scenario gives other text:\n" + again);
  const runner::ScenarioResult first = runner::run_scenario(conv.scenario, roundtrip_options(b));
  const runner::ScenarioResult second = runner::run_scenario(*loaded.scenario, roundtrip_options(b));
  if (!ran(first)) {
    std::string m;
    for (const auto& x : first.messages) m += "\n  " + x;
    problems.push_back("round-trip: the generated scenario does not run (" +
                       std::string(runner::outcome_name(first.outcome)) + "):" + m);
  }
  // The same run: the same outcome and the same trace, record for record, but for the faults' file
  // positions; and a third run of the loaded scenario has its trace hash (same text, same hash).
  const std::vector<std::string> a = behaviour(first.trace), c = behaviour(second.trace);
  if (first.outcome != second.outcome || a != c) {
    std::size_t at = 0;
    while (at < a.size() && at < c.size() && a[at] == c[at]) ++at;
    problems.push_back("round-trip: the loaded scenario runs differently (" +
                       std::string(runner::outcome_name(first.outcome)) + " vs " +
                       std::string(runner::outcome_name(second.outcome)) + "), first difference at record " +
                       std::to_string(at) + ":\n  " + (at < a.size() ? a[at] : "(end)") + "\n  " +
                       (at < c.size() ? c[at] : "(end)"));
  }
  const runner::ScenarioResult third = runner::run_scenario(*loaded.scenario, roundtrip_options(b));
  if (third.trace_hash != second.trace_hash) {
    problems.push_back("round-trip: two runs of the loaded scenario differ: trace hash " +
                       std::to_string(second.trace_hash) + " vs " + std::to_string(third.trace_hash));
  }
  return problems;
}

namespace props {

void ScenarioRoundTrip(const Breakage& b) {
  const GeneratedWorld w = *rc::gen::oneOf(gen::vssWorld(), gen::bitsWorld());
  note_world(w);
  RC_ASSERT(CheckRoundTrip(w, b) == std::vector<std::string>{});
}

}  // namespace props
}  // namespace vssfault::properties

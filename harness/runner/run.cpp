#include "vssfault/runner/run.h"

#include "check_expectations.h"
#include "drivers.h"
#include "run_guard.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/scenario/emit.h"
#include "vssfault/scenario/loader.h"
#include "world.h"

namespace vssfault::runner {
namespace {

/// Moves the trace out (records the world's destructors add after this are not part of the run).
void finish(ScenarioResult& r, detail::World& w) {
  r.virtual_time = w.clock.now();
  r.trace_hash = w.trace.hash();
  r.trace = std::move(w.trace);
  for (const auto& writer : w.writers)
    r.final_writer_states.emplace_back(vss::writer_state_name(writer->status().state));
}

/// A fault the injectors cannot carry out, at the fault's position: the problem texts name the plan entry
/// and its origin ("writer[0] (file:3:5): ..."), which is the fault's mark.
std::string plan_problem_message(const scenario::Scenario& s, const std::string& problem) {
  for (const auto& f : s.faults) {
    const std::string origin = f.mark.to_string();
    const std::string tag = " (" + origin + "): ";
    const auto at = problem.find(tag);
    if (at != std::string::npos) {
      return origin + ": error: the fault plan cannot be carried out: " + problem.substr(at + tag.size());
    }
  }
  return s.mark.file + ": error: the fault plan cannot be carried out: " + problem;
}

/// Builds, drives and checks; any exception leaves with whatever the world had traced so far in `r`.
void run_world(const scenario::Scenario& s, const RunOptions& options, ScenarioResult& r) {
  detail::World w(s, r.seed, options.limits, options.broken);
  if (!w.plan_problems.empty()) {
    r.outcome = Outcome::kInvalid;
    for (const auto& p : w.plan_problems) r.messages.push_back(plan_problem_message(s, p));
    return;
  }
  try {
    if (options.before_driver) options.before_driver(w.trace, w.queue);
    const detail::DriverResult d = detail::drive(w);
    w.guard.check();
    if (w.guard.tripped()) {
      r.outcome = Outcome::kError;
      r.messages.push_back(w.guard.reason());
    } else {
      r.mismatches = detail::check_expectations(w, d);
      r.outcome = r.mismatches.empty() ? Outcome::kPassed : Outcome::kFailed;
    }
  } catch (const detail::RunawayStop&) {
    r.outcome = Outcome::kError;
    r.messages.push_back(w.guard.reason());
  } catch (...) {
    finish(r, w);
    throw;
  }
  finish(r, w);
}

std::string describe_current_exception() {
  try {
    throw;
  } catch (const std::exception& e) {
    return std::string("exception: ") + e.what();
  } catch (...) {
    return "exception of an unknown type (not derived from std::exception)";
  }
}

}  // namespace

std::string reproduce_command(const std::string& file, std::uint64_t seed) {
  const bool plain = !file.empty() && file.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+,=") ==
                                          std::string::npos;
  std::string quoted = file;
  if (!plain) {
    quoted = "'";
    for (char c : file) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
  }
  return "vssfault run " + quoted + " --seed " + std::to_string(seed);
}

ScenarioResult run_scenario(const scenario::Scenario& s, const RunOptions& options) {
  ScenarioResult r;
  r.file = s.mark.file;
  r.name = s.name.value;
  r.seed = options.seed ? *options.seed : s.seed.value;
  r.scenario_hash = fnv1a64(scenario::to_yaml(s));
  r.reproduce = reproduce_command(r.file, r.seed);
  try {
    run_world(s, options, r);
  } catch (...) {
    r.outcome = Outcome::kError;
    r.mismatches.clear();
    r.messages.push_back("the scenario stopped with an " + describe_current_exception());
  }
  return r;
}

ScenarioResult run_file(const std::string& path, const RunOptions& options) {
  scenario::LoadResult loaded;
  const auto bytes = scenario::read_scenario_bytes(path, options.load_limits, loaded.diagnostics);
  if (bytes) loaded = scenario::load_scenario_text(*bytes, path, options.load_limits);
  if (!loaded.ok()) {
    ScenarioResult r;
    r.file = path;
    r.outcome = Outcome::kInvalid;
    for (const auto& d : loaded.diagnostics.sorted()) r.messages.push_back(d.to_string());
    return r;
  }
  ScenarioResult r = run_scenario(*loaded.scenario, options);
  r.file = path;
  r.scenario_hash = fnv1a64(*bytes);
  return r;
}

ScenarioResult run_file_twice(const std::string& path, const RunOptions& options) {
  ScenarioResult first = run_file(path, options);
  if (first.outcome == Outcome::kInvalid || first.outcome == Outcome::kError) return first;
  const ScenarioResult second = run_file(path, options);
  const long at = first_difference(first.trace, second.trace);
  if (at < 0 && first.trace_hash == second.trace_hash && first.outcome == second.outcome) return first;
  const auto& a = first.trace.records();
  const auto& b = second.trace.records();
  const auto record = [](const std::vector<TraceRecord>& rs, long i) {
    return i >= 0 && static_cast<std::size_t>(i) < rs.size() ? rs[static_cast<std::size_t>(i)].canonical()
                                                             : std::string("(end of trace)");
  };
  Mismatch m;
  if (at >= 0) {
    m.what = "determinism: trace record #" + std::to_string(at) + " differs between two runs with seed " +
             std::to_string(first.seed);
    m.expected = record(a, at);
    m.actual = record(b, at);
  } else {
    m.what = "determinism: the same trace gave different outcomes";
    m.expected = std::string(outcome_name(first.outcome));
    m.actual = std::string(outcome_name(second.outcome));
  }
  m.origin = path;
  m.trace_index = at;
  first.outcome = Outcome::kFailed;
  first.mismatches.insert(first.mismatches.begin(), std::move(m));
  return first;
}

}  // namespace vssfault::runner

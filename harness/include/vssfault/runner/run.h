#pragma once
/// Running scenarios. Each run builds a fresh deterministic world from the scenario — one kernel (clock,
/// event queue, trace, Rng(seed)), a vss::System with MockWriters and MockProviders carrying the fault
/// plan, a bits::Service behind a fault-injecting transport — drives it with the scenario's driver and
/// checks every expectation. Nothing escapes a run: an exception anywhere inside it is the scenario's
/// error, and a runaway run stops at the limits below.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/runner/result.h"
#include "vssfault/scenario/loader.h"
#include "vssfault/scenario/scenario.h"

namespace vssfault::runner {

/// Where a runaway run (endless retries, an event storm) is stopped and reported as an error.
struct Limits {
  Duration max_virtual_time = Duration::days(400);  ///< no event runs past this instant
  std::uint64_t max_events = 10'000'000;           ///< events the queue may run
  /// Trace records the run may write. A record takes a few hundred bytes, so this keeps a storm's
  /// memory near 1 GiB; a 14-day BITS run retrying every 5 s writes about 1.2 million.
  std::uint64_t max_trace_records = 2'000'000;
};

/// Deliberately broken model variants (vss::broken, bits::broken, requester::broken flags), FOR TESTING
/// THE PROPERTIES ONLY: `vssfault explore --break` / `vssfault run --break` (hidden flags) replay a broken
/// variant's counterexample (docs/semantics.md, "Properties"). 0 in every real run.
struct BrokenModel {
  std::uint32_t vss = 0;
  std::uint32_t bits = 0;
  std::uint32_t requester = 0;
};

struct RunOptions {
  /// Replaces the scenario's seed (`vssfault run --seed N`).
  std::optional<std::uint64_t> seed;
  Limits limits;
  /// What loading a file may cost (run_file); the `--max-file-size`... flags.
  scenario::Limits load_limits;
  /// Test-only broken variants of the models (see BrokenModel); none by default.
  BrokenModel broken;
  /// Test-only instrumentation (the CLI never sets it): called once the world is built, just before the
  /// driver starts, with the run's trace and queue. Tests use it to break a run on purpose (throw,
  /// schedule an event storm, add a record that differs between runs).
  std::function<void(Trace&, EventQueue&)> before_driver;
};

/// Runs one loaded scenario. The result's file is the scenario's mark file; its scenario_hash is the
/// FNV-1a 64 of the scenario's canonical text (scenario::to_yaml), since there are no file bytes.
/// Outcome kPassed or kFailed (mismatches, each with origin and trace index), or kError (an exception,
/// or a limit reached; messages say which).
ScenarioResult run_scenario(const scenario::Scenario& s, const RunOptions& options);

/// Loads and runs the file at `path` (read once, with options.load_limits). An invalid file gives kInvalid
/// with every diagnostic as a message ("file:line:col: error: ..."). scenario_hash is the FNV-1a 64 of
/// the file's bytes.
ScenarioResult run_file(const std::string& path, const RunOptions& options);

/// run_file twice with the same options; when the two traces differ the result is kFailed with one
/// mismatch "determinism" naming the first differing record (expected: the first run's, actual: the
/// second's). Invalid and errored runs are returned as they are.
ScenarioResult run_file_twice(const std::string& path, const RunOptions& options);

/// `vssfault run FILE --seed N`, with FILE quoted for a POSIX shell when it needs to be.
std::string reproduce_command(const std::string& file, std::uint64_t seed);

}  // namespace vssfault::runner

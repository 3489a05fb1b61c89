#pragma once
/// Recording what a run ended with as a scenario `expect:` section: the values the expectation checker
/// compares (check_expectations), read from the finished world instead of compared. `vssfault explore`
/// uses it to write a counterexample that `vssfault run` checks: the expectations are what the unbroken
/// model does with the scenario, so a broken variant that changes any observable fails the run.
#include <optional>

#include "vssfault/runner/result.h"
#include "vssfault/runner/run.h"
#include "vssfault/scenario/expectations.h"
#include "vssfault/scenario/scenario.h"

namespace vssfault::runner {

struct Observed {
  /// The run as run_scenario reports it (expectations of `s` checked as usual).
  ScenarioResult result;
  /// Unset when the run did not finish (invalid fault plan, a limit, an exception). Otherwise: result,
  /// outcome and attempts (reference requester), every writer's state, code, application_code and message
  /// with the GetFailure results the driver read, the whole event log with `when`, snapshots, every job's
  /// state, error, error_count and callback counts, and the violation ids (empty list: none).
  std::optional<scenario::Expectations> expect;
};

/// Runs `s` once (like run_scenario, same options) and records what it ended with.
Observed observe_scenario(const scenario::Scenario& s, const RunOptions& options);

}  // namespace vssfault::runner

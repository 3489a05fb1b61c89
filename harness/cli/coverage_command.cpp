// `vssfault coverage PATH... [--json] [--min PERCENT]`: runs the scenarios and reports which cells of the
// documented failure space (vssfault/coverage/coverage.h) their runs reached, as a table or as JSON.
// Exit 0, 1 when the total is below --min, 2 for a bad command line or an invalid scenario file (each
// reported with its diagnostics; the valid files are still measured).
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "limit_flags.h"
#include "vssfault/coverage/coverage.h"
#include "vssfault/runner/paths.h"
#include "vssfault/runner/run.h"

namespace vssfault::cli {
namespace {

struct CoverageOptions {
  std::vector<std::string> paths;
  bool json = false;
  std::optional<double> min;
  scenario::Limits load_limits;
};

int run(const CoverageOptions& o) {
  if (o.min && (*o.min < 0.0 || *o.min > 100.0)) {
    std::cerr << "vssfault coverage: --min: expected a percentage from 0 to 100, found " << *o.min << "\n";
    return kExitBadInput;
  }
  runner::RunOptions options;
  options.load_limits = o.load_limits;
  const runner::CollectedPaths collected = runner::collect_scenario_files(o.paths);
  bool bad_input = false;
  for (const auto& e : collected.errors) {
    std::cerr << e << "\n";
    bad_input = true;
  }
  coverage::Report report = coverage::start(coverage::documented_space());
  for (const auto& file : collected.files) {
    const runner::ScenarioResult r = runner::run_file(file, options);
    if (r.outcome == runner::Outcome::kInvalid) {
      for (const auto& m : r.messages) std::cerr << m << "\n";
      bad_input = true;
      continue;
    }
    coverage::add_run(report, r);
  }
  std::cout << (o.json ? coverage::to_json(report) : coverage::to_text(report));
  if (bad_input) return kExitBadInput;
  if (o.min && report.percent() < *o.min) {
    std::cerr << "vssfault coverage: " << report.reached() << " of " << report.cells() << " cells reached ("
              << report.percent() << " %), below --min " << *o.min << "\n";
    return kExitCheckFailed;
  }
  return kExitOk;
}

const Registration kRegistration{
    "coverage", "Run scenarios and report which cells of the documented failure space they reach",
    [](CLI::App& sub) {
      auto o = std::make_shared<CoverageOptions>();
      sub.add_option("PATH", o->paths, "Scenario files or directories")->required();
      sub.add_flag("--json", o->json, "Print the report as JSON instead of a table");
      sub.add_option("--min", o->min, "Exit 1 when less than this percentage of the cells is reached (0-100)");
      add_limit_flags(sub, o->load_limits);
      return [o] { return run(*o); };
    }};

}  // namespace
}  // namespace vssfault::cli

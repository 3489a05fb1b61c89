// `vssfault run PATH...`: runs scenario files (directories are searched recursively, files sorted), one
// line per scenario ("PASS  name  virtual-time  trace-hash"), the details of every scenario that did not
// pass, a fingerprint and a summary. Exit 0 when every scenario passed, 1 when one failed or stopped with
// an error, 2 when a file is invalid (the valid ones still run) or the command line is.
#include <fnmatch.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "break_variants.h"
#include "command.h"
#include "limit_flags.h"
#include "timeline_output.h"
#include "vssfault/runner/atomic_file.h"
#include "vssfault/runner/paths.h"
#include "vssfault/runner/report_text.h"
#include "vssfault/runner/reports.h"
#include "vssfault/runner/run.h"
#include "vssfault/runner/sharding.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::cli {
namespace {

struct RunCommandOptions {
  std::vector<std::string> paths;
  std::optional<std::uint64_t> seed;
  std::string filter;
  bool trace = false;
  std::string junit;
  std::string json;
  bool check_determinism = false;
  std::string max_virtual_time;
  std::optional<std::uint64_t> max_events;
  std::optional<std::uint64_t> max_trace_records;
  scenario::Limits load_limits;
  TimelineOutput timeline;
  std::string break_variant;  ///< hidden, test-only (break_variants.h)
  std::string shard;          ///< --shard INDEX/TOTAL; overrides the sharding environment variables
};

bool glob_matches(const std::string& pattern, const std::string& text) {
  return ::fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

/// --filter matches the file path or, for a file that loads, the scenario's name.
bool selected(const RunCommandOptions& o, const std::string& file) {
  if (o.filter.empty() || glob_matches(o.filter, file)) return true;
  const auto loaded = scenario::load_scenario_file(file, o.load_limits);
  return loaded.ok() && glob_matches(o.filter, loaded.scenario->name.value);
}

/// Creates the missing directories above report file `path` ("" when there is nothing to do or it worked,
/// else a message naming the directory and the system error).
std::string make_parent_directories(const std::string& path) {
  if (path.empty()) return {};
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) return {};
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return path + ": cannot create its directory " + dir.string() + ": " + ec.message();
  return {};
}

runner::ScenarioResult path_error(const std::string& message) {
  runner::ScenarioResult r;
  r.file = message.substr(0, message.find(": error: "));
  r.outcome = runner::Outcome::kInvalid;
  r.messages.push_back(message);
  return r;
}

int run(RunCommandOptions& o) {
  runner::RunOptions options;
  options.seed = o.seed;
  options.load_limits = o.load_limits;
  if (!o.break_variant.empty()) {
    const BreakVariant* v = find_break_variant(o.break_variant);
    if (v == nullptr) {
      std::cerr << "vssfault run: --break '" << o.break_variant << "': no such variant; expected one of "
                << break_variant_names() << "\n";
      return kExitBadInput;
    }
    options.broken = v->model;
  }
  if (!o.max_virtual_time.empty()) {
    const DurationParse parsed = parse_duration(o.max_virtual_time);
    if (!parsed.value) {
      std::cerr << "vssfault run: --max-virtual-time '" << o.max_virtual_time << "': " << parsed.error << "\n";
      return kExitBadInput;
    }
    options.limits.max_virtual_time = *parsed.value;
  }
  if (o.max_events) options.limits.max_events = *o.max_events;
  if (o.max_trace_records) options.limits.max_trace_records = *o.max_trace_records;

  const runner::ShardFromEnv shard = o.shard.empty() ? runner::shard_from_env() : runner::parse_shard(o.shard);
  if (!shard.error.empty()) {
    std::cerr << "vssfault run: " << shard.error << "\n";
    return kExitBadInput;
  }
  if (!shard.status_file.empty()) std::ofstream(shard.status_file, std::ios::app);

  const runner::CollectedPaths collected = runner::collect_scenario_files(o.paths);
  std::vector<runner::ScenarioResult> results;
  for (const auto& e : collected.errors) {
    results.push_back(path_error(e));
    std::cout << runner::result_line(results.back()) << "\n" << runner::result_details(results.back());
  }
  std::vector<std::string> chosen;
  std::size_t position = 0;
  for (const auto& file : collected.files) {
    if (!selected(o, file)) continue;
    if (shard.shard && !shard.shard->owns(position++)) continue;
    chosen.push_back(file);
  }
  // The reports' directories are made before the run (as `mkdir -p`), so a missing one is not found out
  // only after every scenario has run.
  for (const std::string& report : {o.junit, o.json}) {
    if (const std::string error = make_parent_directories(report); !error.empty()) {
      std::cerr << "vssfault run: " << error << "\n";
      return kExitBadInput;
    }
  }
  if (o.timeline.enabled()) {
    if (const std::string error = o.timeline.plan(chosen.size()); !error.empty()) {
      std::cerr << "vssfault run: " << error << "\n";
      return kExitBadInput;
    }
  }
  int timeline_exit = kExitOk;
  for (const auto& file : chosen) {
    runner::ScenarioResult r =
        o.check_determinism ? runner::run_file_twice(file, options) : runner::run_file(file, options);
    std::cout << runner::result_line(r) << "\n" << runner::result_details(r);
    if (o.trace && r.outcome != runner::Outcome::kInvalid) {
      std::cout << "  trace (" << r.trace.size() << " records):\n" << runner::trace_listing(r.trace, "    ");
    }
    std::cout.flush();
    if (o.timeline.enabled() && r.outcome != runner::Outcome::kInvalid) {
      if (const std::string error = o.timeline.write(r); !error.empty()) {
        std::cerr << "vssfault run: " << error << "\n";
        timeline_exit = kExitBadInput;
      }
    }
    r.trace.clear();  // the reports do not need it; a directory of long runs would
    results.push_back(std::move(r));
  }
  std::vector<runner::ScenarioResult> ran;
  for (const auto& r : results) {
    if (r.outcome != runner::Outcome::kInvalid) ran.push_back(r);
  }
  if (!ran.empty()) std::cout << runner::fingerprint_line(ran) << "\n";
  std::cout << runner::summary_line(results) << "\n";

  int exit_code = timeline_exit;
  for (const auto& r : results) {
    if (r.outcome == runner::Outcome::kInvalid) exit_code = kExitBadInput;
    if ((r.outcome == runner::Outcome::kFailed || r.outcome == runner::Outcome::kError) && exit_code == kExitOk) {
      exit_code = kExitCheckFailed;
    }
  }
  for (const auto& [path, text] : {std::pair{o.junit, &runner::junit_xml}, std::pair{o.json, &runner::json_report}}) {
    if (path.empty()) continue;
    const std::string error = runner::write_file_atomically(path, text(results));
    if (!error.empty()) {
      std::cerr << "vssfault run: " << error << "\n";
      exit_code = kExitBadInput;
    }
  }
  return exit_code;
}

const Registration kRegistration{
    "run", "Run scenario files (directories are searched for *.yaml, *.yml) and check their expectations",
    [](CLI::App& sub) {
      auto o = std::make_shared<RunCommandOptions>();
      sub.add_option("PATH", o->paths, "Scenario files or directories")->required();
      sub.add_option("--seed", o->seed, "Run with this seed instead of each scenario's own");
      // Hidden (group ""): a deliberately broken model, for replaying `vssfault explore --break` files.
      sub.add_option("--break", o->break_variant, "Test only: run a broken model variant")->group("");
      sub.add_option("--filter", o->filter, "Only scenarios whose file path or name matches this glob");
      sub.add_flag("--trace", o->trace, "Print every scenario's whole trace");
      sub.add_option("--junit", o->junit, "Write a JUnit XML report to this file (missing directories are created)");
      sub.add_option("--json", o->json, "Write a JSON report to this file (missing directories are created)");
      sub.add_option("--shard", o->shard,
                     "Run only shard INDEX/TOTAL of the selected scenarios (0-based, round robin in path order; "
                     "default: GTEST_TOTAL_SHARDS/GTEST_SHARD_INDEX or TEST_TOTAL_SHARDS/TEST_SHARD_INDEX)")
          ->type_name("INDEX/TOTAL");
      sub.add_flag("--check-determinism", o->check_determinism,
                   "Run each scenario twice and report the first trace record that differs");
      sub.add_option("--max-virtual-time", o->max_virtual_time,
                     "Stop a scenario whose virtual time passes this duration (default 400d)")
          ->group("Limits");
      sub.add_option("--max-events", o->max_events, "Stop a scenario after this many events (default 10000000)")
          ->group("Limits");
      sub.add_option("--max-trace-records", o->max_trace_records,
                     "Stop a scenario after this many trace records (default 2000000)")
          ->group("Limits");
      sub.add_option("--timeline", o->timeline.path,
                     "Write each scenario's timeline to this file (one scenario) or directory (one file each)");
      sub.add_option("--timeline-format", o->timeline.format, "html (default; self-contained page) or mermaid")
          ->check(CLI::IsMember({"html", "mermaid"}));
      add_limit_flags(sub, o->load_limits);
      return [o] { return run(*o); };
    }};

}  // namespace
}  // namespace vssfault::cli

// `vssfault explore [--runs N] [--seed S] [--time-budget D] [--save DIR] [--property ID]...`: runs the
// property generators' worlds through the properties' invariants (properties/, RapidCheck's checker and
// shrinking, see vssfault/properties/explore.h), prints a progress line (runs/s, failures) at most once a
// second, and writes each failure, shrunk, as an ordinary scenario file with a header comment giving the
// invariant, the seeds and the harness version. Exit 0 when no invariant failed, 1 when one did, 2 on a
// bad command line or an unwritable --save directory.
//
// The hidden `--break VARIANT` runs a deliberately broken model (break_variants.h). A saved file's
// `expect:` is what the unbroken model does with the scenario (runner::observe_scenario), so
// `vssfault run FILE --break VARIANT` fails with the mismatches the variant causes and `vssfault run FILE`
// passes (docs/semantics.md, "Properties").
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "break_variants.h"
#include "command.h"
#include "vssfault/properties/explore.h"
#include "vssfault/properties/to_scenario.h"
#include "vssfault/runner/atomic_file.h"
#include "vssfault/runner/observe.h"
#include "vssfault/runner/run.h"
#include "vssfault/scenario/emit.h"
#include "vssfault/scenario/loader.h"

#ifndef VSSFAULT_VERSION
#define VSSFAULT_VERSION "unknown"
#endif

namespace vssfault::cli {
namespace {

struct ExploreCommandOptions {
  std::uint64_t runs = 1000;
  std::uint64_t seed = 1;
  std::string time_budget;
  std::string save;
  std::vector<std::string> properties;
  std::uint64_t round_size = 25;
  std::string break_variant;  ///< hidden, test-only
};

int bad(const std::string& message) {
  std::cerr << "vssfault explore: " << message << "\n";
  return kExitBadInput;
}

/// Every line of `text` as a comment line "# <prefix><line>".
std::string commented(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) out += "# " + prefix + line + "\n";
  return out;
}

std::string mismatch_summary(const runner::ScenarioResult& r) {
  std::string out;
  for (const auto& m : r.mismatches) {
    out += "\n  " + m.what + ": expected " + m.expected + ", got " + m.actual;
  }
  for (const auto& m : r.messages) out += "\n  " + m;
  return out;
}

struct Saved {
  std::string path;
  bool reproduced = false;
  std::string note;
};

/// Builds the counterexample's scenario file and checks what `vssfault run` makes of it.
Saved save(const properties::Counterexample& c, std::size_t index, const ExploreCommandOptions& o,
           const runner::BrokenModel& broken, const std::string& dir) {
  Saved out;
  const std::string id(c.property->id);
  const std::string name = "explore-" + id + "-" + std::to_string(o.seed) + "-" + std::to_string(index);
  out.path = (std::filesystem::path(dir) / (name + ".yaml")).string();
  properties::ScenarioConversion conv = properties::to_scenario(c.world, name);
  conv.scenario.mark.file = out.path;

  // The expectations: the unbroken model's answer for this scenario.
  runner::RunOptions clean;
  const runner::Observed observed = runner::observe_scenario(conv.scenario, clean);
  if (observed.expect) conv.scenario.expect = *observed.expect;

  std::ostringstream header;
  header << "# vssfault explore: a counterexample, shrunk by RapidCheck\n";
  header << "# invariant: " << id << " (" << c.property->test << ") " << c.property->source << "\n";
  header << "# failure:\n" << commented(c.description, "  ");
  header << "# seed: vssfault explore --seed " << o.seed << " (RapidCheck seed of the round: " << c.round_seed
         << "); world seed " << c.world.seed << "\n";
  header << "# harness: vssfault " << VSSFAULT_VERSION << "\n";
  if (!o.break_variant.empty()) {
    header << "# broken variant: " << o.break_variant << " (test only): vssfault run " << out.path << " --break "
           << o.break_variant << "\n";
  }
  header << "# expect: what the unbroken model does with this scenario"
         << (observed.expect ? "" : " (not recorded: the unbroken run did not finish)") << "\n";
  if (!conv.dropped.empty()) {
    header << "# not carried over (the scenario format cannot say it):\n";
    for (const auto& d : conv.dropped) header << "#   " << d << "\n";
  }

  const std::string body = scenario::to_yaml(conv.scenario);
  // What `vssfault run` makes of the file: load the text as it will be written, run with and without
  // the variant.
  const scenario::LoadResult loaded = scenario::load_scenario_text(body, out.path);
  std::string verdict;
  if (!loaded.ok()) {
    verdict = "no: the written scenario does not load";
    out.note = verdict;
  } else {
    runner::RunOptions with;
    with.broken = broken;
    const runner::ScenarioResult a = runner::run_scenario(*loaded.scenario, with);
    const runner::ScenarioResult b = runner::run_scenario(*loaded.scenario, clean);
    const bool any_break = broken.vss || broken.bits || broken.requester;
    if (any_break) {
      out.reproduced = a.outcome == runner::Outcome::kFailed && b.outcome == runner::Outcome::kPassed;
      verdict = out.reproduced ? "yes: with the variant `vssfault run` fails (" + std::to_string(a.mismatches.size()) +
                                     " mismatches), without it it passes"
                               : "no: with the variant the run is " + std::string(runner::outcome_name(a.outcome)) +
                                     ", without it " + std::string(runner::outcome_name(b.outcome)) +
                                     " (the failure does not show through the scenario's driver)";
      out.note = a.outcome == runner::Outcome::kFailed ? mismatch_summary(a) : std::string();
    } else {
      verdict = "no: the expectations are the current model's answer; the invariant above is what it breaks";
    }
  }
  header << "# reproduced by vssfault run: " << verdict << "\n";
  const std::string error = runner::write_file_atomically(out.path, header.str() + body);
  if (!error.empty()) {
    out.path.clear();
    out.note = error;
  }
  return out;
}

int run(const ExploreCommandOptions& o) {
  properties::ExploreOptions options;
  options.runs = o.runs;
  options.seed = o.seed;
  options.round_size = o.round_size;
  options.properties = o.properties;
  for (const auto& id : o.properties) {
    const properties::PropertyInfo* p = properties::find_property(id);
    if (p == nullptr || !properties::explorable(*p)) {
      std::string ids;
      for (const auto& q : properties::all_properties())
        if (properties::explorable(q)) ids += (ids.empty() ? "" : ", ") + std::string(q.id);
      return bad("--property '" + id + "': no such explorable property; expected one of " + ids);
    }
  }
  if (!o.time_budget.empty()) {
    const DurationParse parsed = parse_duration(o.time_budget);
    if (!parsed.value) return bad("--time-budget '" + o.time_budget + "': " + parsed.error);
    options.time_budget = std::chrono::duration<double>(static_cast<double>(parsed.value->count_ms()) / 1000.0);
  }
  runner::BrokenModel broken;
  if (!o.break_variant.empty()) {
    const BreakVariant* v = find_break_variant(o.break_variant);
    if (v == nullptr) return bad("--break '" + o.break_variant + "': no such variant; expected one of " + break_variant_names());
    broken = v->model;
    options.breakage.vss = broken.vss;
    options.breakage.bits = broken.bits;
    options.breakage.requester = broken.requester;
  }
  if (!o.save.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(o.save, ec);
    if (ec) return bad("--save '" + o.save + "': " + ec.message());
  }

  double last_print = -1;
  options.progress = [&last_print](const properties::ExploreProgress& p) {
    if (last_print >= 0 && p.seconds - last_print < 1.0) return;
    last_print = p.seconds;
    std::cout << "explore: " << p.runs << " runs, " << std::fixed << std::setprecision(1)
              << (p.seconds > 0 ? static_cast<double>(p.runs) / p.seconds : 0.0) << " runs/s, " << p.failures
              << (p.failures == 1 ? " failure" : " failures") << " (last: " << p.property << ")\n"
              << std::defaultfloat;
    std::cout.flush();
  };
  const properties::ExploreResult result = properties::explore(options);

  int exit_code = result.found.empty() ? kExitOk : kExitCheckFailed;
  for (std::size_t i = 0; i < result.found.size(); ++i) {
    const properties::Counterexample& c = result.found[i];
    std::cout << "FAIL  " << c.property->id << " (" << c.property->test << ") after " << c.cases
              << " passing cases, round seed " << c.round_seed << "\n"
              << commented(c.description, "") ;
    if (o.save.empty()) continue;
    if (!c.has_world) {
      std::cout << "  not saved: the case failed before it drew a world\n";
      continue;
    }
    const Saved s = save(c, i + 1, o, broken, o.save);
    if (s.path.empty()) {
      std::cerr << "vssfault explore: " << s.note << "\n";
      exit_code = kExitBadInput;
      continue;
    }
    std::cout << "  saved " << s.path << (broken.vss || broken.bits || broken.requester
                                               ? (s.reproduced ? " (reproduces with --break " + o.break_variant + ")"
                                                               : " (does NOT reproduce through vssfault run)")
                                               : std::string())
              << s.note << "\n";
  }
  std::cout << "explore: " << result.totals.runs << " runs in " << std::fixed << std::setprecision(1)
            << result.totals.seconds << " s ("
            << (result.totals.seconds > 0 ? static_cast<double>(result.totals.runs) / result.totals.seconds : 0.0)
            << " runs/s), " << result.totals.failures << (result.totals.failures == 1 ? " failure" : " failures")
            << (result.budget_exhausted ? ", time budget reached" : "") << "\n";
  return exit_code;
}

const Registration kRegistration{
    "explore",
    "Run generated worlds through the property invariants; save each failure, shrunk, as a scenario",
    [](CLI::App& sub) {
      auto o = std::make_shared<ExploreCommandOptions>();
      sub.add_option("--runs", o->runs, "Cases to run in all, over every property (default 1000)")
          ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
      sub.add_option("--seed", o->seed, "Seed of the exploration (default 1); the same seed runs the same cases");
      sub.add_option("--time-budget", o->time_budget,
                     "Wall-clock budget of the loop, e.g. 30s, 5m (checked between rounds; never enters a run)");
      sub.add_option("--save", o->save, "Directory to write each failure to, as a scenario file");
      sub.add_option("--property", o->properties, "Only this property id (repeatable; default every explorable one)");
      sub.add_option("--round-size", o->round_size, "Cases per round (default 25)")
          ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000}));
      sub.add_option("--break", o->break_variant, "Test only: explore a broken model variant")->group("");
      return [o] { return run(*o); };
    }};

}  // namespace
}  // namespace vssfault::cli

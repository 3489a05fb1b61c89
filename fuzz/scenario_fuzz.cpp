// libFuzzer target over the whole path a scenario file takes: bytes -> validating loader -> (when
// valid) `show`'s text -> loader again -> a bounded run. Every input must end in a scenario or in
// diagnostics, never in a crash, a hang, a leak or an escaped exception; beyond that it checks what
// the loader promises:
// - every diagnostic has a 1-based position inside the text (line <= lines + 1) and is valid UTF-8
//   (messages quote user text, cut to a bounded length, never in the middle of a character);
// - diagnostics are bounded by the error limit plus the one "too many errors" line;
// - a valid scenario round-trips: its `show` text loads to an equal scenario and prints the same text;
// - two runs of it end with the same outcome and trace hash (any exception inside a run is the
//   runner's to contain: one escaping aborts the fuzzer).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "vssfault/scenario/emit.h"
#include "vssfault/scenario/loader.h"
#ifdef VSSFAULT_FUZZ_RUN
#include "vssfault/runner/run.h"
#endif

namespace {

using namespace vssfault;

[[noreturn]] void fail(std::string_view what, std::string_view text, std::string_view detail) {
  std::cerr << "scenario_fuzz: " << what << "\n--- input\n" << text << "\n--- detail\n" << detail << "\n";
  std::abort();
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

/// Small limits so that one input stays fast; every limit is still exercised by inputs that reach it.
scenario::Limits fuzz_limits() {
  scenario::Limits l;
  l.max_nodes = 20'000;
  l.max_items = 2'000;
  l.max_errors = 50;
  return l;
}

void check_diagnostics(const scenario::LoadResult& r, std::string_view text, const scenario::Limits& limits) {
  const std::size_t lines = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  if (r.diagnostics.size() > limits.max_errors + 1) {
    fail("more diagnostics than the error limit allows", text, std::to_string(r.diagnostics.size()));
  }
  for (const auto& d : r.diagnostics.sorted()) {
    const std::string line = d.to_string();
    if (d.mark.line < 1 || d.mark.column < 1 || static_cast<std::size_t>(d.mark.line) > lines) {
      fail("diagnostic outside the text", text, line);
    }
    if (d.message.empty()) fail("empty diagnostic", text, line);
    if (!valid_utf8(line)) fail("diagnostic is not valid UTF-8", text, line);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const scenario::Limits limits = fuzz_limits();
  const scenario::LoadResult r = scenario::load_scenario_text(text, "fuzz.yaml", limits);
  check_diagnostics(r, text, limits);
  if (!r.ok()) return 0;

  const std::string shown = scenario::to_yaml(*r.scenario);
  const scenario::LoadResult again = scenario::load_scenario_text(shown, "shown.yaml", limits);
  if (!again.ok()) {
    std::ostringstream errors;
    again.diagnostics.print(errors);
    fail("show output does not load", text, shown + "\n" + errors.str());
  }
  if (!(*again.scenario == *r.scenario)) fail("show output loads to a different scenario", text, shown);
  if (scenario::to_yaml(*again.scenario) != shown) fail("show output is not stable", text, shown);

#ifdef VSSFAULT_FUZZ_RUN
  // Small bounds keep one input fast; a run that reaches them ends as an error, which is fine here.
  runner::RunOptions options;
  options.limits.max_virtual_time = Duration::days(30);
  options.limits.max_events = 20'000;
  options.limits.max_trace_records = 20'000;
  const runner::ScenarioResult first = runner::run_scenario(*r.scenario, options);
  const runner::ScenarioResult second = runner::run_scenario(*r.scenario, options);
  if (first.trace_hash != second.trace_hash || first.outcome != second.outcome) {
    fail("two runs of the same scenario and seed differ", text, first.trace.text() + "\n---\n" + second.trace.text());
  }
#endif
  return 0;
}

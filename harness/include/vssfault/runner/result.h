#pragma once
/// The outcome of running one scenario file, as the reports need it.
#include <cstdint>
#include <string>
#include <vector>

#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/trace.h"

namespace vssfault::runner {

/// One expectation that did not hold.
struct Mismatch {
  std::string what;      ///< "writer SqlWriter state"
  std::string expected;  ///< "VSS_WS_FAILED_AT_FREEZE"
  std::string actual;    ///< "VSS_WS_STABLE"
  std::string origin;    ///< "scenarios/x.yaml:12:7", where the expectation is written
  long trace_index = -1; ///< the trace record most related to it, or -1
};

enum class Outcome : std::uint8_t { kPassed, kFailed, kInvalid, kError };

struct ScenarioResult {
  std::string file;
  std::string name;
  Outcome outcome = Outcome::kPassed;
  std::uint64_t seed = 0;
  Duration virtual_time{};
  std::uint64_t trace_hash = Trace::kEmptyHash;
  std::uint64_t scenario_hash = 0;
  std::vector<Mismatch> mismatches;  ///< kFailed
  std::vector<std::string> messages; ///< kInvalid: diagnostics; kError: what went wrong (contained)
  Trace trace;
  /// Each writer's status state at the end of the run (VSS_WS_*, in world order), as GetWriterStatusEx
  /// would report it; the coverage matrix reads it (a state no requester call traced is still reached).
  std::vector<std::string> final_writer_states;
  std::string reproduce;             ///< one command line that reruns exactly this case
};

std::string_view outcome_name(Outcome o);

}  // namespace vssfault::runner

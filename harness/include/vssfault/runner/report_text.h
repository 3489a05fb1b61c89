#pragma once
/// What `vssfault run` prints: the same text for the terminal and for tests that pin it down.
#include <cstddef>
#include <string>
#include <vector>

#include "vssfault/kernel/trace.h"
#include "vssfault/runner/result.h"

namespace vssfault::runner {

/// One line per scenario: "PASS  name  virtual-time  trace-hash" (FAIL, INVALID, ERROR likewise; an
/// invalid file has its path as name and "-" for time and hash, there being no run).
std::string result_line(const ScenarioResult& r);

/// What follows the line of a scenario that did not pass, each line indented by two spaces: every
/// mismatch as "origin: what: expected E, actual A" with the trace around its record, the messages
/// (diagnostics of an invalid file, the reason of an error), and "reproduce: vssfault run FILE --seed N".
/// Empty for a pass.
std::string result_details(const ScenarioResult& r);

/// The records from `index - before` to `index + after`, one per line as "#i <canonical record>",
/// the record at `index` marked with '>', each line starting with `indent`. Empty for an index outside
/// the trace.
std::string trace_excerpt(const Trace& trace, long index, const std::string& indent, std::size_t before = 4,
                          std::size_t after = 2);

/// Every record, "#i <canonical record>" per line, each starting with `indent`.
std::string trace_listing(const Trace& trace, const std::string& indent);

/// "fingerprint: seed=S scenario=0x… trace=0x…" for one scenario; for several, "fingerprint: N scenarios
/// combined=0x…", the FNV-1a 64 of every scenario's "file seed scenario-hash trace-hash" line in order.
std::string fingerprint_line(const std::vector<ScenarioResult>& results);

/// "N passed, N failed", then ", N invalid" and ", N errors" when not zero.
std::string summary_line(const std::vector<ScenarioResult>& results);

}  // namespace vssfault::runner

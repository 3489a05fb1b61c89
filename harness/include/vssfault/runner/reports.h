#pragma once
/// Report files for CI: JUnit XML in the shape GoogleTest writes (so CI systems read it) and JSON.
/// Both are deterministic: no wall-clock times (the `time` attributes are 0; virtual time is reported as
/// a property), results in run order.
#include <string>
#include <vector>

#include "vssfault/runner/result.h"

namespace vssfault::runner {

/// JUnit XML: <testsuites><testsuite name="vssfault"><testcase name=… classname=… file=…> with a
/// <failure message=…> per failed or invalid scenario, <skipped/> for none.
std::string junit_xml(const std::vector<ScenarioResult>& results);
/// JSON: {"scenarios": [{"file", "name", "outcome", "seed", "virtual_time", "trace_hash",
/// "mismatches": [...], "messages": [...], "reproduce"}], "passed": n, "failed": n, "invalid": n, "errors": n}
std::string json_report(const std::vector<ScenarioResult>& results);
/// XML text escaping (&, <, >, ", ' and control characters other than tab/newline dropped).
std::string xml_escape(std::string_view text);

}  // namespace vssfault::runner

#include "vssfault/runner/report_text.h"

#include <algorithm>

#include "vssfault/kernel/rng.h"

namespace vssfault::runner {
namespace {

std::string_view label(Outcome o) {
  switch (o) {
    case Outcome::kPassed: return "PASS";
    case Outcome::kFailed: return "FAIL";
    case Outcome::kInvalid: return "INVALID";
    case Outcome::kError: return "ERROR";
  }
  return "ERROR";
}

}  // namespace

std::string result_line(const ScenarioResult& r) {
  if (r.outcome == Outcome::kInvalid) return std::string(label(r.outcome)) + "  " + r.file + "  -  -";
  return std::string(label(r.outcome)) + "  " + (r.name.empty() ? r.file : r.name) + "  " +
         r.virtual_time.to_string() + "  " + Trace::hash_hex(r.trace_hash);
}

std::string trace_excerpt(const Trace& trace, long index, const std::string& indent, std::size_t before,
                          std::size_t after) {
  const auto& records = trace.records();
  if (index < 0 || static_cast<std::size_t>(index) >= records.size()) return {};
  const auto at = static_cast<std::size_t>(index);
  const std::size_t first = at >= before ? at - before : 0;
  const std::size_t last = std::min(records.size() - 1, at + after);
  std::string out;
  for (std::size_t i = first; i <= last; ++i) {
    out += indent + (i == at ? "> #" : "  #") + std::to_string(i) + " " + records[i].canonical() + "\n";
  }
  return out;
}

std::string trace_listing(const Trace& trace, const std::string& indent) {
  std::string out;
  const auto& records = trace.records();
  for (std::size_t i = 0; i < records.size(); ++i) {
    out += indent + "#" + std::to_string(i) + " " + records[i].canonical() + "\n";
  }
  return out;
}

std::string result_details(const ScenarioResult& r) {
  if (r.outcome == Outcome::kPassed) return {};
  std::string out;
  for (const auto& m : r.mismatches) {
    out += "  " + (m.origin.empty() ? r.file : m.origin) + ": " + m.what + ": expected " + m.expected + ", actual " +
           m.actual + "\n";
    const std::string excerpt = trace_excerpt(r.trace, m.trace_index, "      ");
    if (!excerpt.empty()) out += "    trace around record #" + std::to_string(m.trace_index) + ":\n" + excerpt;
  }
  for (const auto& msg : r.messages) out += "  " + msg + "\n";
  if (r.outcome == Outcome::kError && !r.trace.records().empty()) {
    const long last = static_cast<long>(r.trace.size()) - 1;
    out += "    trace up to where it stopped:\n" + trace_excerpt(r.trace, last, "      ", 6, 0);
  }
  if (!r.reproduce.empty() && r.outcome != Outcome::kInvalid) out += "  reproduce: " + r.reproduce + "\n";
  return out;
}

std::string fingerprint_line(const std::vector<ScenarioResult>& results) {
  if (results.size() == 1) {
    const auto& r = results.front();
    return "fingerprint: seed=" + std::to_string(r.seed) + " scenario=" + Trace::hash_hex(r.scenario_hash) +
           " trace=" + Trace::hash_hex(r.trace_hash);
  }
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64's offset basis (fnv1a64's default)
  for (const auto& r : results) {
    h = fnv1a64(r.file + " " + std::to_string(r.seed) + " " + Trace::hash_hex(r.scenario_hash) + " " +
                    Trace::hash_hex(r.trace_hash) + "\n",
                h);
  }
  return "fingerprint: " + std::to_string(results.size()) + " scenarios combined=" + Trace::hash_hex(h);
}

std::string summary_line(const std::vector<ScenarioResult>& results) {
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const auto& r : results) ++counts[static_cast<int>(r.outcome)];
  std::string out = std::to_string(counts[0]) + " passed, " + std::to_string(counts[1]) + " failed";
  if (counts[2] != 0) out += ", " + std::to_string(counts[2]) + " invalid";
  if (counts[3] != 0) out += ", " + std::to_string(counts[3]) + (counts[3] == 1 ? " error" : " errors");
  return out;
}

}  // namespace vssfault::runner

// Measuring runs against the space, and the two report forms.
#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "vssfault/coverage/coverage.h"

namespace vssfault::coverage {
namespace {

constexpr std::array<std::string_view, kDimensionCount> kNames{
    "writer-failure",  "writer-failure-ex", "component-failure", "provider-return",  "provider-method",
    "writer-state",    "bits-state",        "bits-transition",   "bits-method-state",
};

std::string percent_text(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", p);
  return buf;
}

double ratio(std::size_t reached, std::size_t cells) {
  return cells == 0 ? 100.0 : 100.0 * static_cast<double>(reached) / static_cast<double>(cells);
}

}  // namespace

std::string_view dimension_name(Dimension d) { return kNames[static_cast<std::size_t>(d)]; }

std::string Cell::key() const {
  std::string k(dimension_name(dimension));
  if (!site.empty()) k += " " + site;
  return k + " " + value;
}

std::size_t Report::reached() const {
  std::size_t n = 0;
  for (const auto& [key, files] : reached_by) n += files.empty() ? 0 : 1;
  return n;
}

double Report::percent() const { return ratio(reached(), cells()); }

DimensionTotals Report::totals(Dimension d) const {
  DimensionTotals t;
  for (const Cell& c : space.cells) {
    if (c.dimension != d) continue;
    ++t.cells;
    const auto it = reached_by.find(c.key());
    if (it != reached_by.end() && !it->second.empty()) ++t.reached;
  }
  return t;
}

Report start(Space space) {
  Report r;
  r.space = std::move(space);
  for (const Cell& c : r.space.cells) r.reached_by[c.key()];
  return r;
}

void add_run(Report& r, const runner::ScenarioResult& run) {
  if (run.outcome == runner::Outcome::kInvalid) return;
  ++r.scenarios;
  if (run.outcome != runner::Outcome::kPassed)
    r.not_passed.push_back(run.file + ": " + std::string(runner::outcome_name(run.outcome)));
  std::set<std::string> keys = reached_cells(run.trace);
  for (const std::string& state : run.final_writer_states)  // the model state the run ended with
    keys.insert(Cell{Dimension::kWriterState, "", state, {}}.key());
  for (const std::string& k : keys) {
    const auto it = r.reached_by.find(k);
    if (it == r.reached_by.end()) continue;
    auto& files = it->second;
    files.insert(std::upper_bound(files.begin(), files.end(), run.file), run.file);
    files.erase(std::unique(files.begin(), files.end()), files.end());
  }
}

Report measure(Space space, const std::vector<runner::ScenarioResult>& runs) {
  Report r = start(std::move(space));
  for (const auto& run : runs) add_run(r, run);
  return r;
}

std::string to_text(const Report& r) {
  std::ostringstream os;
  os << "coverage of the documented failure space (" << r.scenarios << " scenarios)\n";
  char line[160];
  std::snprintf(line, sizeof line, "  %-20s %7s %7s %9s\n", "dimension", "cells", "reached", "percent");
  os << line;
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    const DimensionTotals t = r.totals(static_cast<Dimension>(d));
    std::snprintf(line, sizeof line, "  %-20s %7zu %7zu %9s\n", kNames[d].data(), t.cells, t.reached,
                  percent_text(ratio(t.reached, t.cells)).c_str());
    os << line;
  }
  std::snprintf(line, sizeof line, "  %-20s %7zu %7zu %9s\n", "total", r.cells(), r.reached(),
                percent_text(r.percent()).c_str());
  os << line;
  std::size_t missed = r.cells() - r.reached();
  if (missed != 0) {
    os << "missed (" << missed << "):\n";
    for (const Cell& c : r.space.cells)
      if (r.reached_by.at(c.key()).empty()) os << "  " << c.key() << "  [" << c.source << "]\n";
  }
  os << "excluded: " << r.space.excluded.size() << " cells no legal scenario can reach (--json lists them)\n";
  for (const auto& f : r.not_passed) os << "warning: " << f << " (its trace still counts)\n";
  return os.str();
}

std::string to_json(const Report& r) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["cells"] = r.cells();
  j["reached"] = r.reached();
  j["percent"] = r.percent();
  j["scenarios"] = r.scenarios;
  ordered_json dims = ordered_json::array();
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    const DimensionTotals t = r.totals(static_cast<Dimension>(d));
    dims.push_back({{"name", kNames[d]}, {"cells", t.cells}, {"reached", t.reached},
                    {"percent", ratio(t.reached, t.cells)}});
  }
  j["dimensions"] = std::move(dims);
  ordered_json matrix = ordered_json::array();
  for (const Cell& c : r.space.cells) {
    const auto& files = r.reached_by.at(c.key());
    matrix.push_back({{"dimension", dimension_name(c.dimension)}, {"site", c.site}, {"value", c.value},
                      {"source", c.source}, {"reached", !files.empty()}, {"scenarios", files}});
  }
  j["matrix"] = std::move(matrix);
  ordered_json excluded = ordered_json::array();
  for (const Exclusion& e : r.space.excluded)
    excluded.push_back({{"dimension", dimension_name(e.cell.dimension)}, {"site", e.cell.site},
                        {"value", e.cell.value}, {"reason", e.reason}});
  j["excluded"] = std::move(excluded);
  j["not_passed"] = r.not_passed;
  return j.dump(2) + "\n";
}

}  // namespace vssfault::coverage

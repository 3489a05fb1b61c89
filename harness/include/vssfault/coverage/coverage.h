#pragma once
/// The coverage matrix of the documented failure space (`vssfault coverage`). The space is computed from
/// the code catalog (the roles of each code) and the models (the writer-event table, the provider return
/// table, the BITS job states and the §6.4 method x state matrix), never from a hand-written list of
/// cells. A scenario run reaches a cell when its trace shows the model doing it: a writer reporting that
/// code from that handler and VSS accepting it, a provider method returning that code, a writer status in
/// that state, a job entering that state or receiving that call in that state. docs/semantics.md,
/// "Coverage", records what each dimension means and why the excluded cells are excluded.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "vssfault/kernel/trace.h"
#include "vssfault/runner/result.h"

namespace vssfault::coverage {

/// The dimensions of the space, in report order.
enum class Dimension : std::uint8_t {
  kWriterFailure,     ///< SetWriterFailure(code) from a handler [S3]: site = writer event
  kWriterFailureEx,   ///< SetWriterFailureEx(code) from a handler [S2]: site = writer event
  kComponentFailure,  ///< IVssComponentEx2::SetFailure(code) from a handler [SF]: site = writer event
  kProviderReturn,    ///< a provider method returns a code valid for it [S4]: site = method
  kProviderMethod,    ///< a provider method returns a valid failure / an unexpected code [S4]: value valid|unexpected
  kWriterState,       ///< a writer status holds this VSS_WRITER_STATE [VWS]: value = state
  kBitsState,         ///< a job enters this BG_JOB_STATE [LC]: value = state
  kBitsTransition,    ///< a job goes from state site to state value, as the §6.4 matrix lets a method do [LC]
  kBitsMethodState,   ///< a state-changing method (or a setter) is called on a job in state value [§6.4]
};
inline constexpr std::size_t kDimensionCount = 9;
/// "writer-failure", "provider-return", "bits-method-state", ...
std::string_view dimension_name(Dimension d);

/// One cell of the space. `source` is the documentation key(s) the cell comes from.
struct Cell {
  Dimension dimension;
  std::string site;   ///< writer event, provider method, BITS method or from-state; "" when none
  std::string value;  ///< code name, state name, "valid" / "unexpected"
  std::string source;
  /// "writer-failure Freeze VSS_E_WRITERERROR_RETRYABLE": dimension, site (when any) and value.
  std::string key() const;
};

/// A cell of the documented space that no legal scenario can reach, and why.
struct Exclusion {
  Cell cell;
  std::string reason;
};

struct Space {
  std::vector<Cell> cells;          ///< in dimension order, then in model order
  std::vector<Exclusion> excluded;  ///< not counted
};

/// The documented failure space, derived from the catalog and the model tables.
Space documented_space();

/// The keys (Cell::key) of the cells a run's trace shows, whether or not they are in the space.
std::set<std::string> reached_cells(const Trace& trace);

/// One dimension's figures.
struct DimensionTotals {
  std::size_t cells = 0;
  std::size_t reached = 0;
};

/// What a set of runs reached of a space.
struct Report {
  Space space;
  /// For each cell key of the space, the files of the runs that reached it (sorted, empty: missed).
  std::map<std::string, std::vector<std::string>> reached_by;
  std::size_t scenarios = 0;                 ///< runs counted (every run that produced a trace)
  std::vector<std::string> not_passed;       ///< "file: failed" for runs counted that did not pass
  std::size_t cells() const { return space.cells.size(); }
  std::size_t reached() const;
  /// reached / cells in percent (100 for an empty space).
  double percent() const;
  DimensionTotals totals(Dimension d) const;
};

/// A report of `space` with nothing reached yet.
Report start(Space space);
/// Counts one run: the cells its trace reaches, and the writer states it ended with
/// (ScenarioResult::final_writer_states), get its file. Invalid runs (no trace) are not counted (the
/// caller reports their diagnostics); failed and errored runs are, and are listed in not_passed.
void add_run(Report& report, const runner::ScenarioResult& run);
/// start(space), then add_run for each of `runs`.
Report measure(Space space, const std::vector<runner::ScenarioResult>& runs);

/// The text table: one line per dimension with its figures, every missed cell, then the total.
std::string to_text(const Report& report);
/// The JSON report (see docs/semantics.md, "Coverage"): {"cells", "reached", "percent", "scenarios",
/// "dimensions": [{"name", "cells", "reached", "percent"}], "matrix": [{"dimension", "site", "value",
/// "source", "reached", "scenarios": [...]}], "excluded": [{"dimension", "site", "value", "reason"}],
/// "not_passed": [...]}, dumped with 2-space indentation.
std::string to_json(const Report& report);

}  // namespace vssfault::coverage

#pragma once
/// Reading a scenario file: every problem in it is reported at once, each with its position.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vssfault/scenario/diagnostics.h"
#include "vssfault/scenario/scenario.h"

namespace vssfault::scenario {

/// Bounds on what one scenario file may cost to load. Scenario files come from pull requests and run in
/// CI, so a hostile or broken file must end in an error, never in a hang or an exhausted machine.
/// Every limit is reported as an error naming the command-line flag that raises it; the CLI commands
/// that load scenarios (`check`, `show`, `run`) take one flag per field. With the defaults a file costs
/// at most about a second and a few hundred MB (yaml-cpp needs about 66 times the file size).
struct Limits {
  /// Bytes of the file (--max-file-size). Also bounds what aliases and defaults expand to: the loaded
  /// scenario may hold no more text than a file of this size could.
  std::uint64_t max_file_size = 1024 * 1024;
  /// YAML nodes the loader visits, counting an aliased node again at every use (--max-nodes): what
  /// stops an alias bomb ("billion laughs"), whose shared nodes would otherwise be walked exponentially.
  std::uint64_t max_nodes = 100'000;
  /// Levels of nesting (--max-depth), the top-level map being level 1. yaml-cpp refuses more than 500
  /// whatever this says.
  std::uint64_t max_depth = 64;
  /// Items in any one list and entries in any one map (--max-items): writers, volumes, faults, steps...
  std::uint64_t max_items = 10'000;
  /// Errors reported for one file before the loader stops with a last "too many errors" error
  /// (--max-errors).
  std::uint64_t max_errors = 100;
};

struct LoadResult {
  std::optional<Scenario> scenario;  ///< set only when diagnostics is empty
  Diagnostics diagnostics;
  bool ok() const { return scenario.has_value(); }
};

/// Validates and loads `text`; `file` is the name used in marks and messages.
LoadResult load_scenario_text(std::string_view text, const std::string& file, const Limits& limits = {});

/// Reads the file at `path` and loads it; an unreadable file is one diagnostic at line 1, column 1.
/// Marks name the file as `path` was given.
LoadResult load_scenario_file(const std::string& path, const Limits& limits = {});

/// The bytes of the scenario file at `path`, read the way load_scenario_file reads them: only a regular
/// file (a directory, FIFO, socket or device is refused without being opened for a blocking read), and
/// no more than limits.max_file_size bytes. On failure, nullopt and one diagnostic at line 1, column 1
/// added to `diagnostics`. For callers that need the bytes themselves (the runner hashes them).
std::optional<std::string> read_scenario_bytes(const std::string& path, const Limits& limits,
                                               Diagnostics& diagnostics);

}  // namespace vssfault::scenario

#pragma once
/// Reading a scenario file: every problem in it is reported at once, each with its position.
#include <optional>
#include <string>
#include <string_view>

#include "vssfault/scenario/diagnostics.h"
#include "vssfault/scenario/scenario.h"

namespace vssfault::scenario {

struct LoadResult {
  std::optional<Scenario> scenario;  ///< set only when diagnostics is empty
  Diagnostics diagnostics;
  bool ok() const { return scenario.has_value(); }
};

/// Validates and loads `text`; `file` is the name used in marks and messages.
LoadResult load_scenario_text(std::string_view text, const std::string& file);

/// Reads the file at `path` and loads it; an unreadable file is one diagnostic at line 1, column 1.
/// Marks name the file as `path` was given.
LoadResult load_scenario_file(const std::string& path);

}  // namespace vssfault::scenario

#pragma once
/// Turning the PATH… arguments of `vssfault run` / `check` into an ordered list of scenario files.
#include <string>
#include <vector>

namespace vssfault::runner {

struct CollectedPaths {
  std::vector<std::string> files;   ///< scenario files, sorted, each once
  std::vector<std::string> errors;  ///< "PATH: error: …" for arguments or entries that could not be read
};

/// Expands files and directories (recursively) into scenario files (*.yaml, *.yml), sorted by path.
/// A file named explicitly is taken whatever its extension. Directory symlinks are followed, but a
/// directory already visited (by canonical path) is not entered again, so a symlink loop ends with an
/// error naming it instead of recursing. Missing or unreadable paths are errors; hidden entries (".x")
/// inside directories are skipped.
CollectedPaths collect_scenario_files(const std::vector<std::string>& args);

}  // namespace vssfault::runner

// `vssfault check PATH...`: validates scenario files (directories are searched recursively for *.yaml
// and *.yml), prints every error of every file as `file:line:column: error: ...` and a summary line.
// Exit 0 when every file is valid, 2 otherwise. Symbolic links to directories are not followed, so a
// link loop is walked once. The loader's limits (README "Limits and hostile input") have flags.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "limit_flags.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::cli {
namespace {

namespace fs = std::filesystem;

struct CheckOptions {
  std::vector<std::string> paths;
  scenario::Limits limits;
};

bool is_scenario_file(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

/// Every file named or found under a named directory, sorted and without duplicates. A path that is
/// neither is kept, so loading it reports why it cannot be read; so is a *.yaml entry of a directory
/// that is not a directory (a dangling or looping link, a FIFO): reported, never silently skipped.
std::vector<std::string> collect(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (is_scenario_file(it->path()) && !it->is_directory(ec)) files.push_back(it->path().string());
      }
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

int run(const CheckOptions& o) {
  const auto files = collect(o.paths);
  std::size_t errors = 0;
  for (const auto& f : files) {
    const auto result = scenario::load_scenario_file(f, o.limits);
    result.diagnostics.print(std::cout);
    errors += result.diagnostics.size();
  }
  std::cout << plural(files.size(), "file") << ", " << plural(errors, "error") << "\n";
  return errors == 0 ? kExitOk : kExitBadInput;
}

const Registration kRegistration{
    "check", "Validate scenario files (directories are searched for *.yaml, *.yml)", [](CLI::App& sub) {
      auto o = std::make_shared<CheckOptions>();
      sub.add_option("PATH", o->paths, "Scenario files or directories")->required();
      add_limit_flags(sub, o->limits);
      return [o] { return run(*o); };
    }};

}  // namespace
}  // namespace vssfault::cli

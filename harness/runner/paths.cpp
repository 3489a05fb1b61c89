#include "vssfault/runner/paths.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace vssfault::runner {
namespace fs = std::filesystem;
namespace {

bool is_scenario_name(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

bool is_hidden(const fs::path& p) {
  const auto name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void walk(const fs::path& dir, std::set<fs::path>& visited, std::set<std::string>& files,
          std::vector<std::string>& errors) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec) {
    errors.push_back(dir.string() + ": error: cannot resolve directory: " + ec.message());
    return;
  }
  if (!visited.insert(canonical).second) {
    errors.push_back(dir.string() + ": error: directory loop (already visited as " + canonical.string() +
                     "); not entered again");
    return;
  }
  fs::directory_iterator it(dir, ec);
  if (ec) {
    errors.push_back(dir.string() + ": error: cannot read directory: " + ec.message());
    return;
  }
  // Sort the entries so the walk (and so the error order) does not depend on the file system.
  std::vector<fs::path> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors.push_back(dir.string() + ": error: cannot read directory: " + ec.message());
      break;
    }
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) {
    if (is_hidden(entry)) continue;
    std::error_code sec;
    const auto status = fs::status(entry, sec);
    if (sec) {
      if (fs::is_symlink(fs::symlink_status(entry, sec))) {
        errors.push_back(entry.string() + ": error: broken symbolic link");
      } else {
        errors.push_back(entry.string() + ": error: cannot stat: " + sec.message());
      }
      continue;
    }
    if (fs::is_directory(status)) {
      walk(entry, visited, files, errors);
    } else if (fs::is_regular_file(status) && is_scenario_name(entry)) {
      files.insert(entry.lexically_normal().string());
    }
  }
}

}  // namespace

CollectedPaths collect_scenario_files(const std::vector<std::string>& args) {
  CollectedPaths out;
  std::set<std::string> files;
  std::set<fs::path> visited;
  for (const auto& arg : args) {
    const fs::path p(arg);
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back(arg + ": error: no such file or directory");
      continue;
    }
    if (fs::is_directory(status)) {
      walk(p, visited, files, out.errors);
    } else {
      files.insert(p.lexically_normal().string());
    }
  }
  out.files.assign(files.begin(), files.end());
  return out;
}

}  // namespace vssfault::runner

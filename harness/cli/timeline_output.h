#pragma once
// `vssfault run --timeline OUT [--timeline-format html|mermaid]`: where the timelines go. One scenario
// selected and OUT not a directory: OUT is the file. OUT an existing directory or ending in '/': one file
// per scenario inside it (created when missing), named after the scenario file: x.yaml -> x.html (x.mmd),
// x-2.html for a second x.yaml from another directory. Several scenarios and OUT a plain file name:
// refused before anything runs (exit 2), since one file cannot hold them.
#include <filesystem>
#include <set>
#include <string>
#include <system_error>

#include "vssfault/runner/atomic_file.h"
#include "vssfault/runner/result.h"
#include "vssfault/timeline/timeline.h"

namespace vssfault::cli {

class TimelineOutput {
 public:
  std::string path;
  std::string format = "html";

  bool enabled() const { return !path.empty(); }

  /// Decides file or directory mode for `selected` scenarios; returns "" or the error to print.
  std::string plan(std::size_t selected) {
    std::error_code ec;
    directory_ = path.ends_with('/') || std::filesystem::is_directory(path, ec);
    if (directory_ || selected <= 1) return {};
    return "--timeline " + path + ": " + std::to_string(selected) +
           " scenarios selected and one file cannot hold their timelines; give a directory (an existing one, "
           "or a path ending in '/') to write one " + format + " file per scenario, or select one scenario";
  }

  /// Writes the timeline of one run; returns "" or the error to print.
  std::string write(const runner::ScenarioResult& r) {
    timeline::RunInfo info{r.name, r.file, std::string(runner::outcome_name(r.outcome)), r.seed, r.reproduce};
    const timeline::Timeline t = timeline::build_timeline(r.trace, std::move(info));
    const std::string text = format == "mermaid" ? timeline::render_mermaid(t) : timeline::render_html(t);
    std::string target = path;
    if (directory_) {
      std::error_code ec;
      std::filesystem::create_directories(path, ec);
      if (ec) return "--timeline " + path + ": cannot create the directory: " + ec.message();
      target = (std::filesystem::path(path) / file_name(r.file)).string();
    }
    return runner::write_file_atomically(target, text);
  }

 private:
  bool directory_ = false;
  std::set<std::string> used_;

  /// "scenarios/vss-writers/x.yaml" -> "x.html"; a second "x" (another directory) -> "x-2.html".
  std::string file_name(const std::string& file) {
    std::string stem = std::filesystem::path(file).stem().string();
    for (char& c : stem) {
      const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '.' || c == '_';
      if (!keep) c = '_';
    }
    if (stem.empty() || stem.starts_with('.')) stem = "_" + stem;
    const std::string extension = format == "mermaid" ? ".mmd" : ".html";
    std::string name = stem + extension;
    for (int n = 2; used_.count(name) != 0; ++n) name = stem + "-" + std::to_string(n) + extension;
    used_.insert(name);
    return name;
  }
};

}  // namespace vssfault::cli

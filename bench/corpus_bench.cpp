// (d): loading and validating the whole scenario corpus — every *.yaml / *.yml under scenarios/ and
// tests/scenario_files/valid/ — read from disk and loaded again on every iteration.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "vssfault/scenario/loader.h"

namespace vssfault::bench {
namespace {

std::vector<std::string> corpus_files() {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const char* dir : {"scenarios", "tests/scenario_files/valid"}) {
    const fs::path root = fs::path(VSSFAULT_SOURCE_DIR) / dir;
    if (!fs::is_directory(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void BM_d_LoadCorpus(benchmark::State& state) {
  const std::vector<std::string> files = corpus_files();
  if (files.empty()) {
    state.SkipWithError("no scenario files found");
    return;
  }
  for (auto _ : state) {
    for (const auto& file : files) {
      const auto loaded = scenario::load_scenario_file(file);
      if (!loaded.ok()) state.SkipWithError(("invalid corpus file " + file).c_str());
      benchmark::DoNotOptimize(loaded.scenario);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(files.size()));
  state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_d_LoadCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vssfault::bench

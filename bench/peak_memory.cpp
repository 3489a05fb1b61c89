// Peak memory of one big run, measured apart from the benchmarks (whose process holds many worlds'
// allocator high-water marks): builds a world of W writers (one component each), P providers and V
// volumes, backs it up with the reference requester, and prints the process's peak resident set size
// (getrusage ru_maxrss, which Linux reports in KiB).
//
//   vssfault_bench_memory [W] [P] [V] [spread]     (defaults 1000 1000 1000)
//
// Every provider supports every volume (the scale benchmark's shape) unless `spread` is given (provider
// i supports the volumes v with v % P == i: P × V / 2 support queries, each a trace record).
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "vss_world.h"

int main(int argc, char** argv) {
  using namespace vssfault;
  auto arg = [&](int i, int fallback) { return argc > i ? std::atoi(argv[i]) : fallback; };
  const bool spread = argc > 4 && std::string(argv[4]) == "spread";
  const bench::VssShape shape{arg(1, 1000), arg(2, 1000), arg(3, 1000), !spread};
  std::size_t records = 0;
  std::string outcome;
  {
    bench::VssWorld world(shape);
    const auto result = world.Backup();
    outcome = std::string(requester::outcome_name(result.outcome));
    records = world.trace.size();
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("writers=%d providers=%d volumes=%d shape=%s outcome=%s trace_records=%zu peak_rss_kib=%ld "
              "peak_rss_mib=%.1f\n",
              shape.writers, shape.providers, shape.volumes, spread ? "spread" : "all", outcome.c_str(), records,
              usage.ru_maxrss, static_cast<double>(usage.ru_maxrss) / 1024.0);
  return outcome == "succeeded" ? 0 : 1;
}

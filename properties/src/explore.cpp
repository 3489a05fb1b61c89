#include "vssfault/properties/explore.h"

#include <algorithm>
#include <optional>
#include <string>

#include <rapidcheck.h>

#include "vssfault/kernel/rng.h"

namespace vssfault::properties {
namespace {

struct Round {
  bool failed = false;
  std::uint64_t cases = 0;
  std::string description;
  std::optional<GeneratedWorld> world;
};

Round run_round(const PropertyInfo& p, const Breakage& b, std::uint64_t seed, std::uint64_t cases) {
  // The last world of a failing case: RapidCheck accepts every failing shrink and stops when none of the
  // current one's shrinks fails, so the last failing case it ran is the counterexample it reports.
  std::optional<GeneratedWorld> current, last_failing;
  const WorldObserver previous = set_world_observer([&current](const GeneratedWorld& w) { current = w; });
  rc::detail::TestParams params;
  params.seed = seed;
  params.maxSuccess = static_cast<int>(cases);
  params.maxSize = 100;
  params.disableShrinking = false;
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(p.id);
  metadata.description = std::string(p.test);
  const auto result = rc::detail::checkTestable(
      [&] {
        current.reset();
        try {
          p.check(b);
        } catch (...) {
          last_failing = current;
          throw;
        }
      },
      metadata, params);
  set_world_observer(previous);
  Round r;
  if (result.template is<rc::detail::FailureResult>()) {
    const auto& f = result.template get<rc::detail::FailureResult>();
    r.failed = true;
    r.cases = static_cast<std::uint64_t>(f.numSuccess);
    r.description = f.description;
    r.world = last_failing;
  } else if (result.template is<rc::detail::SuccessResult>()) {
    r.cases = static_cast<std::uint64_t>(result.template get<rc::detail::SuccessResult>().numSuccess);
  } else if (result.template is<rc::detail::GaveUpResult>()) {
    r.cases = static_cast<std::uint64_t>(result.template get<rc::detail::GaveUpResult>().numSuccess);
  }
  return r;
}

}  // namespace

bool explorable(const PropertyInfo& p) {
  return p.id != "creation-lock" && p.id != "requester-machine" && p.id != "bits-machine";
}

std::uint64_t round_seed(std::uint64_t seed, std::uint64_t round) {
  return Rng(seed).split("explore.round." + std::to_string(round)).next_u64();
}

ExploreResult explore(const ExploreOptions& o) {
  std::vector<const PropertyInfo*> remaining;
  for (const PropertyInfo& p : all_properties()) {
    if (!explorable(p)) continue;
    if (!o.properties.empty() && std::find(o.properties.begin(), o.properties.end(), p.id) == o.properties.end())
      continue;
    remaining.push_back(&p);
  }
  ExploreResult out;
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start); };
  const std::uint64_t round_size = std::max<std::uint64_t>(1, o.round_size);
  std::uint64_t round = 0;
  std::size_t turn = 0;
  while (out.totals.runs < o.runs && !remaining.empty()) {
    if (o.time_budget && elapsed() >= *o.time_budget) {
      out.budget_exhausted = true;
      break;
    }
    const PropertyInfo& p = *remaining[turn % remaining.size()];
    const std::uint64_t seed = round_seed(o.seed, round++);
    const Round r = run_round(p, o.breakage, seed, std::min(round_size, o.runs - out.totals.runs));
    out.totals.runs += r.cases + (r.failed ? 1 : 0);
    if (r.failed) {
      ++out.totals.failures;
      Counterexample c;
      c.property = &p;
      c.round_seed = seed;
      c.cases = r.cases;
      c.description = r.description;
      c.has_world = r.world.has_value();
      if (r.world) c.world = *r.world;
      out.found.push_back(std::move(c));
      remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(turn % remaining.size()));
    } else {
      ++turn;
    }
    out.totals.seconds = elapsed().count();
    out.totals.property = p.id;
    if (o.progress) o.progress(out.totals);
  }
  out.totals.seconds = elapsed().count();
  return out;
}

}  // namespace vssfault::properties

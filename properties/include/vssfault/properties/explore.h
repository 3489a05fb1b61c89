#pragma once
/// The engine of `vssfault explore`: the properties of properties.h run under RapidCheck's own checker
/// (the same generators, oracles and domain shrinking as the tests), in short rounds so a progress line
/// and a wall-clock budget can be honoured between rounds. A failing property is shrunk by RapidCheck;
/// the shrunk world (the last world of a failing case, see note_world) is kept as the counterexample.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/properties/properties.h"
#include "vssfault/properties/world.h"

namespace vssfault::properties {

/// Whether `vssfault explore` can run the property: it draws a GeneratedWorld (note_world). The
/// creation-lock and the two state-machine properties draw call sequences and are run by the tests only.
bool explorable(const PropertyInfo& p);

struct ExploreProgress {
  std::uint64_t runs = 0;      ///< successful cases plus failing ones (shrinking steps not counted)
  std::uint64_t failures = 0;  ///< counterexamples found
  double seconds = 0;          ///< wall time so far
  std::string_view property;   ///< the property of the round just finished
};

struct Counterexample {
  const PropertyInfo* property = nullptr;
  std::uint64_t round_seed = 0;  ///< RapidCheck's seed for the round that found it
  std::uint64_t cases = 0;       ///< passing cases of that round before the failure
  std::string description;       ///< RapidCheck's failure description (the oracle's problems)
  bool has_world = false;        ///< false: the case failed before its world was drawn
  GeneratedWorld world;          ///< shrunk
};

struct ExploreOptions {
  std::uint64_t runs = 1000;  ///< total cases over all properties
  std::uint64_t seed = 1;
  /// Wall-clock budget of the loop (checked between rounds); unset: none. Never enters a model: every
  /// case runs in virtual time from its own seed, so traces do not depend on it.
  std::optional<std::chrono::duration<double>> time_budget;
  Breakage breakage;
  std::vector<std::string> properties;  ///< ids; empty: every explorable property
  std::uint64_t round_size = 25;        ///< cases per round
  std::function<void(const ExploreProgress&)> progress;  ///< after every round
};

struct ExploreResult {
  ExploreProgress totals;
  std::vector<Counterexample> found;  ///< at most one per property (a failed property is not run again)
  bool budget_exhausted = false;
};

/// The seed of round `round`: SplitMix64 of seed and round, so rounds are independent and reproducible.
std::uint64_t round_seed(std::uint64_t seed, std::uint64_t round);

/// Runs the loop. Properties take turns, one round each; a property that failed is not run again.
ExploreResult explore(const ExploreOptions& options);

}  // namespace vssfault::properties

#pragma once
/// Which hits of a fault site a fault fires on. A "site" is a stable name such as
/// "vss.writer.SqlWriter.OnFreeze" or "bits.job.J1.connect"; its hits are numbered 1, 2, 3, … in the
/// order the model reaches the site. Probabilistic selectors draw from an Rng split by site name
/// (Rng::split), so adding a fault elsewhere never changes whether this one fires.
#include <cstdint>
#include <string>

#include "vssfault/kernel/rng.h"

namespace vssfault {

struct HitSelector {
  enum class Kind : std::uint8_t { kNth, kFirstN, kEvery, kProbability };
  Kind kind = Kind::kEvery;
  std::uint64_t n = 1;  ///< kNth: the hit number (1-based); kFirstN: how many hits
  double p = 1.0;       ///< kProbability: chance per hit, in [0, 1]

  static HitSelector nth(std::uint64_t k) { return {Kind::kNth, k, 1.0}; }
  static HitSelector first(std::uint64_t k) { return {Kind::kFirstN, k, 1.0}; }
  static HitSelector every() { return {Kind::kEvery, 1, 1.0}; }
  static HitSelector probability(double chance) { return {Kind::kProbability, 1, chance}; }

  /// Whether hit number `hit` (1-based) fires. `rng` is consulted only for kProbability, once per call.
  bool fires(std::uint64_t hit, Rng& rng) const {
    switch (kind) {
      case Kind::kNth: return hit == n;
      case Kind::kFirstN: return hit <= n;
      case Kind::kEvery: return true;
      case Kind::kProbability: return rng.chance(p);
    }
    return false;
  }
  /// The largest hit number that can fire, or 0 for "unbounded" (every, probability).
  std::uint64_t last_possible_hit() const {
    return kind == Kind::kNth ? n : kind == Kind::kFirstN ? n : 0;
  }
  /// "nth 3", "first 2", "every", "p=0.25"
  std::string to_string() const;
};

}  // namespace vssfault

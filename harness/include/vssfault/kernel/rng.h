#pragma once
/// The one source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Algorithm (fixed, so any compiler and standard library give the same numbers):
///  - seeding: the 64-bit seed feeds SplitMix64 (Steele, Lea, Flood 2014); its first four outputs are the
///    four state words of xoshiro256** (Blackman, Vigna 2018);
///  - next_u64: xoshiro256** (rotl(s1*5,7)*9, then the standard state update);
///  - below(n): Lemire's multiply-shift with rejection (unbiased), on the full 128-bit product;
///  - chance(p): (next_u64() >> 11) * 2^-53 < p, so p = 0 never fires and p = 1 always does;
///  - split(site): a child generator seeded with SplitMix64(seed_ ^ fnv1a64(site)). Children depend on the
///    parent's seed and the site name only, not on how many numbers the parent has drawn, so adding a
///    fault at one site does not change the numbers another site sees.
/// std::uniform_*_distribution is never used (its output differs between standard libraries).
#include <cstdint>
#include <string_view>

namespace vssfault {

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t seed() const { return seed_; }
  std::uint64_t next_u64();
  /// Uniform in [0, n); n == 0 returns 0.
  std::uint64_t below(std::uint64_t n);
  /// Uniform in [lo, hi] (inclusive); lo > hi returns lo.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  /// True with probability p (clamped to [0, 1]).
  bool chance(double p);
  /// A uniform double in [0, 1) with 53 random bits.
  double unit();
  /// An independent generator for a named site ("vss.writer.SqlWriter.OnFreeze").
  Rng split(std::string_view site) const;

 private:
  std::uint64_t seed_;
  std::uint64_t s_[4];
};

/// FNV-1a 64-bit; used for stable hashes of names and traces.
std::uint64_t fnv1a64(std::string_view text, std::uint64_t basis = 0xcbf29ce484222325ULL);

}  // namespace vssfault

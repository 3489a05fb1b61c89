#include "vssfault/kernel/hit_selector.h"

#include <gtest/gtest.h>

namespace vssfault {
namespace {

std::string pattern(const HitSelector& s, int hits, std::uint64_t seed = 1) {
  Rng rng(seed);
  std::string out;
  for (int h = 1; h <= hits; ++h) out += s.fires(static_cast<std::uint64_t>(h), rng) ? 'X' : '.';
  return out;
}

TEST(HitSelector, NthFiresOnlyOnThatHit) { EXPECT_EQ(pattern(HitSelector::nth(3), 6), "..X..."); }
TEST(HitSelector, FirstNFiresOnTheFirstNHits) { EXPECT_EQ(pattern(HitSelector::first(2), 5), "XX..."); }
TEST(HitSelector, EveryFiresAlways) { EXPECT_EQ(pattern(HitSelector::every(), 4), "XXXX"); }
TEST(HitSelector, ProbabilityIsSeededAndRepeatable) {
  const auto s = HitSelector::probability(0.5);
  EXPECT_EQ(pattern(s, 64, 77), pattern(s, 64, 77));
  EXPECT_NE(pattern(s, 64, 77), pattern(s, 64, 78));
  EXPECT_EQ(pattern(HitSelector::probability(0.0), 8), "........");
  EXPECT_EQ(pattern(HitSelector::probability(1.0), 8), "XXXXXXXX");
}
TEST(HitSelector, LastPossibleHit) {
  EXPECT_EQ(HitSelector::nth(4).last_possible_hit(), 4u);
  EXPECT_EQ(HitSelector::first(2).last_possible_hit(), 2u);
  EXPECT_EQ(HitSelector::every().last_possible_hit(), 0u);
}
TEST(HitSelector, Text) {
  EXPECT_EQ(HitSelector::nth(3).to_string(), "nth 3");
  EXPECT_EQ(HitSelector::first(2).to_string(), "first 2");
  EXPECT_EQ(HitSelector::probability(0.25).to_string(), "p=0.25");
}

}  // namespace
}  // namespace vssfault

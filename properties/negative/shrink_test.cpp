// Shrinking works in domain terms: a failure found on a large generated world shrinks to a world with
// one writer, one provider, one volume and at most one fault (RapidCheck's own shrinking of the
// containers, plus the custom shrinks of codes, hit selectors and delays).
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "run_property.h"
#include "vssfault/vss/config.h"

namespace vssfault::properties {
namespace {

std::size_t lines_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) n += line.rfind(prefix, 0) == 0;
  return n;
}

TEST(Shrinking, WholeSetCounterexampleIsMinimal) {
  const PropertyInfo* p = find_property("whole-set");
  ASSERT_NE(p, nullptr);
  const testing::Verdict v =
      testing::RunProperty(*p, Breakage{vss::broken::kCommitOneVolumeOfFailedSet, 0, 0, {}, {}}, 300);
  ASSERT_TRUE(v.failed) << v.summary;
  std::cout << v.counterexample << std::endl;
  const std::string& world = v.counterexample;
  EXPECT_EQ(lines_starting(world, "writer "), 1u) << world;
  EXPECT_EQ(lines_starting(world, "provider "), 1u) << world;
  EXPECT_EQ(lines_starting(world, "    - "), 1u) << world;                 // one volume
  EXPECT_LE(lines_starting(world, "    fault ") + lines_starting(world, "hook "), 1u) << world;  // one cause
}

TEST(Shrinking, TimeoutCounterexampleKeepsTheBoundary) {
  // Without the freeze timer, the smallest failing OnFreeze delay is the window itself (60 s by default,
  // or the writer's own): shrinking stops exactly at the documented boundary.
  const PropertyInfo* p = find_property("freeze-timeout");
  ASSERT_NE(p, nullptr);
  const testing::Verdict v = testing::RunProperty(*p, Breakage{vss::broken::kNoFreezeTimer, 0, 0, {}, {}}, 300);
  ASSERT_TRUE(v.failed) << v.summary;
  std::cout << v.counterexample << std::endl;
  EXPECT_EQ(lines_starting(v.counterexample, "writer "), 1u) << v.counterexample;
  EXPECT_NE(v.description.find("took"), std::string::npos) << v.description;
}

}  // namespace
}  // namespace vssfault::properties

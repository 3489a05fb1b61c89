#include "vssfault/kernel/text.h"

#include <gtest/gtest.h>

namespace vssfault {
namespace {

TEST(Text, IequalsIgnoresAsciiCase) {
  EXPECT_TRUE(iequals("vss_e_bad_state", "VSS_E_BAD_STATE"));
  EXPECT_FALSE(iequals("VSS_E_BAD_STATE", "VSS_E_BAD_STAT"));
  EXPECT_TRUE(iequals("", ""));
}

TEST(Text, EditDistance) {
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("writers", "writers"), 0u);
  EXPECT_EQ(edit_distance("writer", "writers"), 1u);       // insertion
  EXPECT_EQ(edit_distance("TIMEOT", "timeout"), 1u);       // case-insensitive
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);       // the classic example
}

}  // namespace
}  // namespace vssfault

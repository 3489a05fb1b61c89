#include "vssfault/kernel/duration.h"

#include <gtest/gtest.h>

namespace vssfault {
namespace {

TEST(Duration, ParsesEachUnit) {
  EXPECT_EQ(parse_duration("250ms").value, Duration::ms(250));
  EXPECT_EQ(parse_duration("59s").value, Duration::seconds(59));
  EXPECT_EQ(parse_duration("10m").value, Duration::minutes(10));
  EXPECT_EQ(parse_duration("2h").value, Duration::hours(2));
  EXPECT_EQ(parse_duration("14d").value, Duration::seconds(1'209'600));  // BITS NoProgressTimeout
}

TEST(Duration, ParsesCompoundText) {
  EXPECT_EQ(parse_duration("1h30m").value, Duration::minutes(90));
  EXPECT_EQ(parse_duration("1s500ms").value, Duration::ms(1500));
}

TEST(Duration, PrintsLargestUnitsFirst) {
  EXPECT_EQ(Duration().to_string(), "0ms");
  EXPECT_EQ(Duration::ms(1500).to_string(), "1s500ms");
  EXPECT_EQ(Duration::minutes(90).to_string(), "1h30m");
  EXPECT_EQ(Duration::days(90).to_string(), "90d");
  EXPECT_EQ(Duration::seconds(-61).to_string(), "-1m1s");
}

TEST(Duration, RoundTripsThroughText) {
  for (std::int64_t ms : std::initializer_list<std::int64_t>{0, 1, 999, 1000, 60'000, 86'400'001, 1'209'600'000, INT64_MAX}) {
    const Duration d = Duration::ms(ms);
    EXPECT_EQ(parse_duration(d.to_string()).value, d) << d.to_string();
  }
}

TEST(Duration, RejectsMalformedText) {
  EXPECT_EQ(parse_duration("").error, "empty duration");
  EXPECT_EQ(parse_duration("10").error, "missing unit (use ms, s, m, h or d)");
  EXPECT_EQ(parse_duration("10x").error, "unknown unit 'x' (use ms, s, m, h or d)");
  EXPECT_EQ(parse_duration("-5s").error, "expected a digit at '-5s'");
  EXPECT_EQ(parse_duration("1.5s").error, "unknown unit '.5s' (use ms, s, m, h or d)");
  EXPECT_FALSE(parse_duration(" 5s").value.has_value());
}

TEST(Duration, RejectsOverflow) {
  EXPECT_EQ(parse_duration("99999999999999999999ms").error, "duration overflows 64-bit milliseconds");
  EXPECT_EQ(parse_duration("9223372036854776d").error, "duration overflows 64-bit milliseconds");
  EXPECT_EQ(parse_duration("9223372036854775807ms1ms").error, "duration overflows 64-bit milliseconds");
}

}  // namespace
}  // namespace vssfault

#pragma once
/// Virtual durations and instants. Every timer of the model (freeze window, hold window, retry delay,
/// BITS no-progress and inactivity timeouts) is a Duration on the virtual clock; nothing reads a wall clock.
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace vssfault {

/// A span of virtual time with millisecond resolution (the finest unit any documented timer uses:
/// dwTimeoutFreeze is in ms). Signed 64-bit: ±292 million years.
class Duration {
 public:
  constexpr Duration() = default;
  static constexpr Duration ms(std::int64_t v) { return Duration(v); }
  static constexpr Duration seconds(std::int64_t v) { return Duration(v * 1000); }
  static constexpr Duration minutes(std::int64_t v) { return Duration(v * 60'000); }
  static constexpr Duration hours(std::int64_t v) { return Duration(v * 3'600'000); }
  static constexpr Duration days(std::int64_t v) { return Duration(v * 86'400'000); }
  static constexpr Duration max() { return Duration(INT64_MAX); }

  constexpr std::int64_t count_ms() const { return ms_; }
  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration o) const { return Duration(ms_ + o.ms_); }
  constexpr Duration operator-(Duration o) const { return Duration(ms_ - o.ms_); }
  constexpr Duration& operator+=(Duration o) { ms_ += o.ms_; return *this; }

  /// Canonical text: the largest units first, zero parts omitted ("1h30m", "59s", "1500ms" is printed
  /// "1s500ms", zero is "0ms"). parse(to_string(d)) == d for every non-negative d.
  std::string to_string() const;

 private:
  constexpr explicit Duration(std::int64_t v) : ms_(v) {}
  std::int64_t ms_ = 0;
};

/// Result of parsing a duration text: either a value or a reason ("unknown unit 'x'", "overflows").
struct DurationParse {
  std::optional<Duration> value;
  std::string error;  ///< empty on success
};

/// Parses one or more <non-negative integer><unit> groups, units ms, s, m, h, d, largest first or in any
/// order ("10m", "1h30m", "59s", "1500ms", "14d"). No sign, no spaces inside, no fractions; a bare
/// number without a unit is rejected (ambiguous). Overflow past int64 milliseconds is an error.
DurationParse parse_duration(std::string_view text);

/// GoogleTest printer: failures read `1m1s` instead of raw bytes.
void PrintTo(const Duration& d, std::ostream* os);
std::ostream& operator<<(std::ostream& os, const Duration& d);

/// An instant on the virtual clock: the Duration elapsed since the run began.
using Instant = Duration;

}  // namespace vssfault

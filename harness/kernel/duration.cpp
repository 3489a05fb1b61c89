#include "vssfault/kernel/duration.h"

#include <array>
#include <cstdint>
#include <ostream>

namespace vssfault {
namespace {
struct Unit {
  std::string_view name;
  std::int64_t ms;
};
// Printing order: largest first. "ms" must be tried before "m" when parsing.
constexpr std::array<Unit, 5> kUnits{{{"d", 86'400'000}, {"h", 3'600'000}, {"m", 60'000}, {"s", 1000}, {"ms", 1}}};

const Unit* match_unit(std::string_view rest, std::size_t& len) {
  if (rest.substr(0, 2) == "ms") { len = 2; return &kUnits[4]; }
  for (const auto& u : kUnits) {
    if (u.name.size() == 1 && !rest.empty() && rest[0] == u.name[0]) { len = 1; return &u; }
  }
  return nullptr;
}
}  // namespace

std::string Duration::to_string() const {
  if (ms_ == 0) return "0ms";
  std::string out;
  // Work on the magnitude as unsigned so INT64_MIN prints without overflow.
  std::uint64_t rest = ms_ < 0 ? std::uint64_t(0) - std::uint64_t(ms_) : std::uint64_t(ms_);
  if (ms_ < 0) out += '-';
  for (const auto& u : kUnits) {
    const std::uint64_t n = rest / std::uint64_t(u.ms);
    if (n == 0) continue;
    out += std::to_string(n);
    out += u.name;
    rest -= n * std::uint64_t(u.ms);
  }
  return out;
}

DurationParse parse_duration(std::string_view text) {
  if (text.empty()) return {std::nullopt, "empty duration"};
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] < '0' || text[i] > '9') {
      return {std::nullopt, "expected a digit at '" + std::string(text.substr(i)) + "'"};
    }
    std::int64_t n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      const int digit = text[i] - '0';
      if (n > (INT64_MAX - digit) / 10) return {std::nullopt, "duration overflows 64-bit milliseconds"};
      n = n * 10 + digit;
      ++i;
    }
    std::size_t len = 0;
    const Unit* unit = match_unit(text.substr(i), len);
    if (unit == nullptr) {
      if (i == text.size()) return {std::nullopt, "missing unit (use ms, s, m, h or d)"};
      return {std::nullopt, "unknown unit '" + std::string(text.substr(i)) + "' (use ms, s, m, h or d)"};
    }
    if (n > INT64_MAX / unit->ms) return {std::nullopt, "duration overflows 64-bit milliseconds"};
    const std::int64_t part = n * unit->ms;
    if (total > INT64_MAX - part) return {std::nullopt, "duration overflows 64-bit milliseconds"};
    total += part;
    i += len;
  }
  return {Duration::ms(total), {}};
}

void PrintTo(const Duration& d, std::ostream* os) { *os << d.to_string(); }
std::ostream& operator<<(std::ostream& os, const Duration& d) { return os << d.to_string(); }

}  // namespace vssfault

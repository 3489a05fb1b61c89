#pragma once
/// HResult: a 32-bit COM status code as a strong type, so tests print `VSS_E_WRITERERROR_TIMEOUT
/// (0x800423F2)` instead of a bare number. Named constants live in vssfault::hr, generated from the one
/// code table (code_table.inc) that also feeds the catalog.
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace vssfault {

class HResult {
 public:
  constexpr HResult() = default;
  constexpr explicit HResult(std::uint32_t value) : value_(value) {}

  constexpr std::uint32_t value() const { return value_; }
  /// Severity bit set (the FAILED() macro).
  constexpr bool failed() const { return (value_ & 0x80000000u) != 0; }
  constexpr bool succeeded() const { return !failed(); }
  constexpr std::uint32_t facility() const { return (value_ >> 16) & 0x1FFFu; }
  constexpr std::uint32_t code() const { return value_ & 0xFFFFu; }
  constexpr auto operator<=>(const HResult&) const = default;

  /// "0x" + 8 upper-case hex digits, e.g. "0x800423F2".
  std::string hex() const;
  /// The catalog name, or the hex text when the value is not in the catalog.
  std::string name() const;
  /// "NAME (0x...)" or "0x... (not a known code)".
  std::string describe() const;

 private:
  std::uint32_t value_ = 0;
};

std::ostream& operator<<(std::ostream& os, const HResult& hr);
/// GoogleTest printer: failures read `VSS_E_WRITERERROR_TIMEOUT (0x800423F2)`.
void PrintTo(const HResult& hr, std::ostream* os);

/// Every catalog code as a named constant: vssfault::hr::VSS_E_BAD_STATE, vssfault::hr::S_OK, ...
namespace hr {
#define VSSFAULT_CODE(NAME, VALUE, ROLES, RETRY, GUIDANCE, MEANING) \
  inline constexpr HResult NAME{VALUE};
#include "vssfault/codes/code_table.inc"
#undef VSSFAULT_CODE
}  // namespace hr

}  // namespace vssfault

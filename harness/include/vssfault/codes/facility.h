#pragma once
/// HRESULT facilities the catalog's codes use, by number and winerror.h name, so `explain` can decode
/// any 32-bit value (severity bit, facility, code) even when the value is not in the catalog.
#include <cstdint>
#include <span>
#include <string_view>

namespace vssfault {

/// One named facility: the FACILITY_* number and macro name of winerror.h.
struct FacilityInfo {
  std::uint32_t number;
  std::string_view name;  ///< e.g. "FACILITY_ITF"
};

/// Every facility we name, in number order (values checked against winerror.h by the tests).
std::span<const FacilityInfo> all_facilities();
/// The winerror.h name of `facility` ("FACILITY_WIN32" for 7), or empty when we do not name it.
std::string_view facility_name(std::uint32_t facility);

}  // namespace vssfault

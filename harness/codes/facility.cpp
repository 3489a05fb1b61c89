#include "vssfault/codes/facility.h"

namespace vssfault {
namespace {

// The facilities of the codes we catalogue, plus their common neighbours [H:winerror.h:13-39].
constexpr FacilityInfo kFacilities[] = {
    {0, "FACILITY_NULL"},     {1, "FACILITY_RPC"},   {2, "FACILITY_DISPATCH"},
    {3, "FACILITY_STORAGE"},  {4, "FACILITY_ITF"},   {7, "FACILITY_WIN32"},
    {8, "FACILITY_WINDOWS"},  {25, "FACILITY_HTTP"}, {32, "FACILITY_BACKGROUNDCOPY"},
};

}  // namespace

std::span<const FacilityInfo> all_facilities() { return kFacilities; }

std::string_view facility_name(std::uint32_t facility) {
  for (const auto& f : kFacilities) {
    if (f.number == facility) return f.name;
  }
  return {};
}

}  // namespace vssfault

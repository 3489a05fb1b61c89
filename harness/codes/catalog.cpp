#include "vssfault/codes/catalog.h"

#include "vssfault/kernel/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace vssfault {
namespace {

constexpr CodeInfo kTable[] = {
#define VSSFAULT_CODE(NAME, VALUE, ROLES, RETRY, GUIDANCE, MEANING) \
  CodeInfo{#NAME, HResult{VALUE}, static_cast<std::uint32_t>(ROLES), RETRY, GUIDANCE, MEANING},
#include "vssfault/codes/code_table.inc"
#undef VSSFAULT_CODE
};

// Compile-time check: no name and no value appears twice in the table.
constexpr bool table_is_unique() {
  constexpr std::size_t n = sizeof(kTable) / sizeof(kTable[0]);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (kTable[i].name == kTable[j].name || kTable[i].value == kTable[j].value) return false;
    }
  }
  return true;
}
static_assert(table_is_unique(), "code_table.inc has a duplicate name or value");

struct RoleName {
  std::uint32_t bit;
  std::string_view name;
};
constexpr std::array<RoleName, 9> kRoleNames{{
    {kRoleWriterFailure, "writer-failure"},
    {kRoleWriterFailureEx, "writer-failure-ex"},
    {kRoleComponentFailure, "component-failure"},
    {kRoleWriterStatusByVss, "writer-status-by-vss"},
    {kRoleProviderReturn, "provider-return"},
    {kRoleRequesterVisible, "requester-visible"},
    {kRoleBitsJobError, "bits-job-error"},
    {kRoleBitsMethod, "bits-method"},
    {kRoleGeneric, "generic"},
}};

}  // namespace

std::span<const CodeInfo> all_codes() { return kTable; }

const CodeInfo* find_code(HResult value) {
  for (const auto& c : kTable) {
    if (c.value == value) return &c;
  }
  return nullptr;
}

const CodeInfo* find_code(std::string_view name) {
  for (const auto& c : kTable) {
    if (iequals(c.name, name)) return &c;
  }
  return nullptr;
}

std::vector<std::string_view> suggest_code_names(std::string_view name, std::size_t max) {
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (const auto& c : kTable) scored.emplace_back(edit_distance(name, c.name), c.name);
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // Only suggest names that are plausibly a misspelling: within a third of the longer length.
  std::vector<std::string_view> out;
  for (const auto& [d, n] : scored) {
    if (out.size() >= max) break;
    if (d * 3 > std::max(name.size(), n.size())) break;
    out.push_back(n);
  }
  return out;
}

std::optional<HResult> parse_code(std::string_view text) {
  if (const CodeInfo* c = find_code(text)) return c->value;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    std::string_view hex = text.substr(2);
    if (hex.empty() || hex.size() > 8) return std::nullopt;
    std::uint32_t v = 0;
    for (char c : hex) {
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return std::nullopt;
      v = (v << 4) | static_cast<std::uint32_t>(d);
    }
    return HResult{v};
  }
  return std::nullopt;
}

bool code_has_role(HResult value, std::uint32_t roles) {
  const CodeInfo* c = find_code(value);
  return c != nullptr && (c->roles & roles) == roles;
}

std::vector<std::string_view> role_names(std::uint32_t roles) {
  std::vector<std::string_view> out;
  for (const auto& r : kRoleNames) {
    if (roles & r.bit) out.push_back(r.name);
  }
  return out;
}

std::vector<std::string_view> all_role_names() {
  std::vector<std::string_view> out;
  for (const auto& r : kRoleNames) out.push_back(r.name);
  return out;
}

std::optional<std::uint32_t> role_from_name(std::string_view name) {
  for (const auto& r : kRoleNames) {
    if (r.name == name) return r.bit;
  }
  return std::nullopt;
}

std::string_view retry_name(Retry retry) {
  switch (retry) {
    case Retry::kNone: return "none";
    case Retry::kTenMinutesThreeTimes: return "wait-10-minutes-up-to-3-times";
    case Retry::kWaitAndRetry: return "wait-and-retry";
    case Retry::kDoNotRetry: return "do-not-retry";
    case Retry::kChangeAndRetry: return "change-and-retry";
    case Retry::kAutomatic: return "automatic";
  }
  return "none";
}

}  // namespace vssfault

#include "vssfault/vss/conformance.h"

#include <array>

namespace vssfault::vss {

namespace {
constexpr Rule kRules[] = {
#define VSSFAULT_RULE(NAME, ID, SOURCE, SUMMARY) Rule{ID, SOURCE, SUMMARY},
#include "vssfault/vss/conformance_rules.inc"
#undef VSSFAULT_RULE
};

// Rule ids are keys: a duplicate would make two rules indistinguishable in reports.
constexpr bool unique_ids() {
  for (std::size_t i = 0; i < std::size(kRules); ++i)
    for (std::size_t j = i + 1; j < std::size(kRules); ++j)
      if (kRules[i].id == kRules[j].id) return false;
  return true;
}
static_assert(unique_ids(), "duplicate rule id in conformance_rules.inc");
}  // namespace

std::span<const Rule> all_rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  for (const auto& r : kRules)
    if (r.id == id) return &r;
  return nullptr;
}

void Conformance::Report(std::string_view rule_id, std::string actor, std::string detail) {
  const Rule* rule = find_rule(rule_id);
  Violation v{std::string(rule_id), std::string(rule ? rule->source : "[?]"), clock_.now(), std::move(actor),
              std::move(detail)};
  trace_.add(v.time, v.actor, "violation", {{"rule", v.rule}, {"source", v.source}, {"detail", v.detail}});
  violations_.push_back(std::move(v));
}

std::size_t Conformance::count(std::string_view rule_id) const {
  std::size_t n = 0;
  for (const auto& v : violations_)
    if (v.rule == rule_id) ++n;
  return n;
}

std::vector<Violation> Conformance::of(std::string_view rule_id) const {
  std::vector<Violation> out;
  for (const auto& v : violations_)
    if (v.rule == rule_id) out.push_back(v);
  return out;
}

}  // namespace vssfault::vss

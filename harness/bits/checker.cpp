#include "vssfault/bits/checker.h"

#include <utility>

namespace vssfault::bits {

void Checker::record(Instant time, std::string_view actor, const Rule& rule, std::string detail) {
  trace_.add(time, std::string(actor), "violation",
             {{"rule", rule.id}, {"source", rule.source}, {"detail", detail}});
  violations_.push_back(
      Violation{std::string(rule.id), std::string(rule.source), time, std::string(actor), std::move(detail)});
}

std::vector<Violation> Checker::violations_of(std::string_view rule_id) const {
  std::vector<Violation> out;
  for (const auto& v : violations_) {
    if (v.rule == rule_id) out.push_back(v);
  }
  return out;
}

}  // namespace vssfault::bits

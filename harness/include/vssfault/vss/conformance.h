#pragma once
/// The conformance checker: every documented rule that user code (requester, writer, provider) broke,
/// with the rule's source key, the virtual time, the actor and a detail. Each violation is also a
/// `violation` record in the trace. The rules are one table (conformance_rules.inc).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/trace.h"

namespace vssfault::vss {

/// One row of the rule table.
struct Rule {
  std::string_view id;      ///< stable id, e.g. "writer.handler-threw"
  std::string_view source;  ///< source keys, e.g. "[S4]"
  std::string_view summary;
};

/// Rule ids as constants: rules::kWriterHandlerThrew == "writer.handler-threw".
namespace rules {
#define VSSFAULT_RULE(NAME, ID, SOURCE, SUMMARY) inline constexpr std::string_view NAME = ID;
#include "vssfault/vss/conformance_rules.inc"
#undef VSSFAULT_RULE
}  // namespace rules

/// Every rule, in table order.
std::span<const Rule> all_rules();
/// The rule with id `id`, or nullptr.
const Rule* find_rule(std::string_view id);

struct Violation {
  std::string rule;    ///< rule id
  std::string source;  ///< the rule's source keys
  Instant time;
  std::string actor;   ///< "requester:1", "writer:SqlWriter", "provider:Ideal", …
  std::string detail;
};

class Conformance {
 public:
  Conformance(VirtualClock& clock, Trace& trace) : clock_(clock), trace_(trace) {}
  virtual ~Conformance() = default;

  /// Records a violation of rule `rule_id` (must be in the table; an unknown id is recorded with source
  /// "[?]" rather than dropped) and traces it as `<actor> violation rule=… source=… detail=…`.
  virtual void Report(std::string_view rule_id, std::string actor, std::string detail);

  const std::vector<Violation>& violations() const { return violations_; }
  bool clean() const { return violations_.empty(); }
  /// How many violations of `rule_id` were recorded.
  std::size_t count(std::string_view rule_id) const;
  /// Violations of `rule_id`, in order.
  std::vector<Violation> of(std::string_view rule_id) const;
  void clear() { violations_.clear(); }

 private:
  VirtualClock& clock_;
  Trace& trace_;
  std::vector<Violation> violations_;
};

}  // namespace vssfault::vss

#pragma once
/// Conformance checks on the client side of BITS: documented rules a BITS client must follow. The service
/// evaluates them as the client calls the job API; each broken rule becomes a Violation here and a
/// `violation` record in the trace (actor "bits:<job>", fields rule, source, detail).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/trace.h"

namespace vssfault::bits {

struct Violation {
  std::string rule;    ///< stable id, e.g. "bits.complete-unfinished-upload"
  std::string source;  ///< source keys of the rule, e.g. "[JCO][CBJE]"
  Instant time;
  std::string actor;   ///< the job's trace actor, "bits:<job>"
  std::string detail;  ///< what happened, naming the job
  bool operator==(const Violation&) const = default;
};

/// The rules, as data: id, source keys, statement.
struct Rule {
  std::string_view id;
  std::string_view source;  ///< e.g. "[JCO][CBJE]"
  std::string_view statement;
};
namespace rules {
/// Complete on an upload or upload-reply job that is not TRANSFERRED: "For uploads, the state of the job
/// must be BG_JOB_STATE_TRANSFERRED"; "you cannot complete a portion of an upload job" [JCO][CBJE].
inline constexpr Rule kCompleteUnfinishedUpload{"bits.complete-unfinished-upload", "[JCO][CBJE]",
    "Complete is called on an upload job only once it is TRANSFERRED"};
/// Polling GetState again after having seen a final state: the job never leaves ACKNOWLEDGED or
/// CANCELLED and is no longer listed [LC]. One read of the final state is allowed.
inline constexpr Rule kPollFinalState{"bits.poll-final-state", "[LC]",
    "a client stops polling a job once it has seen a final state"};
/// A notification callback that throws: a COM method returns an HRESULT, it does not throw [CBJE].
inline constexpr Rule kCallbackThrew{"bits.callback-threw", "[CBJE]",
    "a notification callback returns an HRESULT and never throws"};
/// A callback returning other than S_OK more than ServiceSettings::callback_failures_tolerated times for
/// one event: "limit the number of times you return a value other than S_OK to a few times" [CBJE].
inline constexpr Rule kCallbackRepeatedFailure{"bits.callback-repeated-failure", "[CBJE]",
    "a notification callback returns a failure only a few times"};
}  // namespace rules

class Checker {
 public:
  explicit Checker(Trace& trace) : trace_(trace) {}
  /// Records a violation of `rule` by the client of the job whose trace actor is `actor`.
  void record(Instant time, std::string_view actor, const Rule& rule, std::string detail);
  const std::vector<Violation>& violations() const { return violations_; }
  bool clean() const { return violations_.empty(); }
  /// Violations of one rule, in order.
  std::vector<Violation> violations_of(std::string_view rule_id) const;

 private:
  Trace& trace_;
  std::vector<Violation> violations_;
};

}  // namespace vssfault::bits

// Properties of the reference requester's retries [S1][S2][DSS] (D21) and of determinism.
#include "gen_util.h"
#include "vssfault/properties/generators.h"
#include "vssfault/properties/oracles.h"
#include "vssfault/properties/properties.h"

namespace vssfault::properties {
namespace props {

void RetryGuidance(const Breakage& b) {
  const GeneratedWorld w = *gen::vssWorld();
  note_world(w);
  const VssObservation obs = RunVss(w, with_driver(VssDriver::kReference, b));
  RC_CLASSIFY(obs.backup && obs.backup->attempts.size() > 1, "retried");
  RC_ASSERT(CheckRetries(w, obs) == Problems{});
}

// Same world and seed ⇒ the same trace, byte for byte. Another writer dispatch order (the model's only
// free choice, seeded separately from the fault plan) ⇒ every order-independent invariant has the same
// outcome, and a world without time-taking faults has the same order-independent summary.
void Determinism(const Breakage& b) {
  VssGenOptions timeless;
  timeless.delays = false;
  const GeneratedWorld w = *rc::gen::oneOf(gen::vssWorld(timeless), gen::vssWorld());
  note_world(w);
  const VssRunOptions base = with_driver(VssDriver::kSingle, b);
  RC_CLASSIFY(!w.has_delays(), "no time-taking fault");
  const VssObservation first = RunVss(w, base);
  const VssObservation again = RunVss(w, base);
  RC_ASSERT(first.trace_hash == again.trace_hash);

  auto invariants = [&w](const VssObservation& obs) {
    Problems all = CheckWholeSet(w, obs);
    for (auto* check : {&CheckFreezeLogging, &CheckWriterStates}) {
      const Problems more = check(w, obs);
      all.insert(all.end(), more.begin(), more.end());
    }
    return all;
  };
  const Problems reference = invariants(first);
  const std::string summary = OrderIndependentSummary(first);
  for (std::uint64_t k = 1; k <= 3; ++k) {
    VssRunOptions other = base;
    other.dispatch_seed = w.seed + k;
    const VssObservation obs = RunVss(w, other);
    RC_ASSERT(invariants(obs) == reference);
    if (!w.has_delays()) RC_ASSERT(OrderIndependentSummary(obs) == summary);
  }
}

}  // namespace props
}  // namespace vssfault::properties

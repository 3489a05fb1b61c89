// Properties of BITS jobs: the GetError window [S5] (D12), JobError [CBJE], final states [LC], the
// no-progress timeout [NPT][MRD].
#include <algorithm>

#include "vssfault/properties/generators.h"
#include "vssfault/properties/oracles.h"
#include "vssfault/properties/properties.h"

namespace vssfault::properties::props {

void GetErrorWindow(const Breakage& b) {
  const GeneratedWorld w = *gen::bitsWorld();
  note_world(w);
  const BitsObservation obs = RunBits(w, {b.bits, {}});
  RC_ASSERT(obs.setup_problems == std::vector<std::string>{});
  RC_CLASSIFY(std::any_of(obs.samples.begin(), obs.samples.end(),
                          [](const BitsSample& s) { return s.get_error == hr::S_OK && s.state == bits::JobState::kSuspended; }),
              "error object while SUSPENDED");
  RC_CLASSIFY(std::any_of(obs.samples.begin(), obs.samples.end(),
                          [](const BitsSample& s) { return s.state == bits::JobState::kError; }),
              "ERROR reached");
  RC_ASSERT(CheckGetError(w, obs) == Problems{});
}

void JobErrorOncePerError(const Breakage& b) {
  const GeneratedWorld w = *gen::bitsWorld();
  note_world(w);
  const BitsObservation obs = RunBits(w, {b.bits, {}});
  RC_CLASSIFY(std::any_of(obs.callbacks.begin(), obs.callbacks.end(),
                          [](const CallbackCall& c) { return c.method == "JobError"; }),
              "JobError called");
  RC_ASSERT(CheckJobError(w, obs) == Problems{});
}

void FinalStatesAbsorbing(const Breakage& b) {
  const GeneratedWorld w = *gen::bitsWorld();
  note_world(w);
  const BitsObservation obs = RunBits(w, {b.bits, {}});
  RC_CLASSIFY(std::any_of(obs.calls.begin(), obs.calls.end(),
                          [](const BitsCall& c) { return bits::is_final(c.before); }),
              "call in a final state");
  RC_ASSERT(CheckFinalStates(w, obs) == Problems{});
}

void NoProgressTimeout(const Breakage& b) {
  BitsGenOptions o;
  o.disconnects = false;  // a job waiting for the network neither starts nor fires the timer
  o.fatal = false;        // only transient errors: ERROR comes from the timer alone
  o.max_actions = 0;      // Suspend and Resume stop the timer
  const GeneratedWorld w = *gen::bitsWorld(o);
  note_world(w);
  const BitsObservation obs = RunBits(w, {b.bits, {}});
  RC_CLASSIFY(std::any_of(obs.changes.begin(), obs.changes.end(), [](const std::vector<StateChange>& cs) {
                return std::any_of(cs.begin(), cs.end(), [](const StateChange& c) { return c.to == bits::JobState::kError; });
              }),
              "ERROR by no progress");
  RC_ASSERT(CheckNoProgressTimeout(w, obs) == Problems{});
}

}  // namespace vssfault::properties::props

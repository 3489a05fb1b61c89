// Properties of writers: failure codes [S3][S2][SF][GWSX][S1], states and event order [ONFR][ONAB][VAL]
// (D5), freeze timeouts [INIT][ONFR][KB915331].
#include <algorithm>

#include "gen_util.h"
#include "vssfault/properties/generators.h"
#include "vssfault/properties/oracles.h"
#include "vssfault/properties/properties.h"

namespace vssfault::properties {
namespace {

using vss::WriterEvent;

// At most one fault per writer, on every hit, without delays or throws; no other faults.
rc::Gen<GeneratedWorld> codes_world() {
  VssGenOptions o;
  o.max_writer_faults = 1;
  o.writer_events = {WriterEvent::kIdentify, WriterEvent::kPrepareForBackup, WriterEvent::kPrepareForSnapshot,
                     WriterEvent::kFreeze,   WriterEvent::kThaw,             WriterEvent::kPostSnapshot,
                     WriterEvent::kBackupComplete};
  o.delays = false;
  o.throws = false;
  o.max_provider_faults = 0;
  o.max_hooks = 0;
  return rc::gen::map(gen::vssWorld(o), [](GeneratedWorld w) {
    for (auto& writer : w.writers)
      for (auto& f : writer.faults) f.when = HitSelector::every();
    return w;
  });
}

// Only time-taking faults: OnFreeze around each writer's window, providers' PreCommit / Commit /
// PostCommit, slow flushes.
rc::Gen<GeneratedWorld> timeout_world() {
  VssGenOptions o;
  o.max_writer_faults = 1;
  o.writer_events = {WriterEvent::kFreeze};
  o.max_provider_faults = 1;
  o.provider_methods = {vss::ProviderMethod::kPreCommitSnapshots, vss::ProviderMethod::kCommitSnapshots,
                        vss::ProviderMethod::kPostCommitSnapshots};
  o.max_hooks = 0;
  o.throws = false;
  o.provider_logs = false;
  o.unexpected_codes = false;
  return rc::gen::map(gen::vssWorld(o), [](GeneratedWorld w) {
    for (auto& writer : w.writers)
      for (auto& f : writer.faults) {
        f.when = HitSelector::every();
        f.action = mocks::WriterAction::TakeTime(f.action.delay);
      }
    for (auto& p : w.providers)
      for (auto& f : p.faults) {
        f.when = HitSelector::every();
        f.action = mocks::ProviderAction::TakeTime(f.action.delay);
      }
    return w;
  });
}

}  // namespace

namespace props {

void WriterFailureCodes(const Breakage& b) {
  const GeneratedWorld w = *codes_world();
  note_world(w);
  const VssObservation obs = RunVss(w, with_driver(VssDriver::kSingle, b));
  bool identify = false, component = false;
  for (const auto& writer : w.writers)
    for (const auto& f : writer.faults) {
      identify = identify || f.event == WriterEvent::kIdentify;
      component = component || !f.action.components.empty();
    }
  RC_CLASSIFY(identify, "fault in OnIdentify");
  RC_CLASSIFY(component, "component failure");
  RC_ASSERT(CheckWriterCodes(w, obs) == Problems{});
}

void WriterStates(const Breakage& b) {
  VssGenOptions o;
  o.long_response_delays = false;  // D15 leaves the state as it was: not what this property speaks of
  const GeneratedWorld w = *gen::vssWorld(o);
  note_world(w);
  const VssObservation obs = RunVss(w, with_driver(VssDriver::kReference, b));
  RC_CLASSIFY(obs.backup && obs.backup->attempts.back().verdict == requester::Verdict::kSucceeded, "completed");
  RC_ASSERT(CheckWriterStates(w, obs) == Problems{});
}

void FreezeTimeouts(const Breakage& b) {
  const GeneratedWorld w = *timeout_world();
  note_world(w);
  const VssObservation obs = RunVss(w, with_driver(VssDriver::kSingle, b));
  const StatusRead* read = obs.status_after("DoSnapshotSet");
  RC_CLASSIFY(read && std::any_of(read->rows.begin(), read->rows.end(), [](const StatusRow& r) {
                return r.failure == hr::VSS_E_WRITERERROR_TIMEOUT;
              }),
              "a writer timed out");
  RC_ASSERT(CheckFreezeTimeouts(w, obs) == Problems{});
}

}  // namespace props
}  // namespace vssfault::properties

// Properties of snapshot-set creation: no partial commit [S4], unexpected-error translation [S4] (D20),
// no provider logging while frozen [S4][CS].
#include <algorithm>

#include "gen_util.h"
#include "vssfault/properties/generators.h"
#include "vssfault/properties/oracles.h"
#include "vssfault/properties/properties.h"

namespace vssfault::properties {
namespace {

using vss::ProviderMethod;

// A fault-free world (writers may still fail; they never fail a set, D11) with exactly one provider
// fault: every call of method M of provider P returns C. The method fits P's type, P has a volume, and
// for AbortSnapshots one of P's volumes flushes past the 10 s window so the set fails and aborts.
rc::Gen<GeneratedWorld> translation_world() {
  VssGenOptions o;
  o.max_provider_faults = 0;
  o.max_hooks = 0;
  o.delays = false;
  o.throws = false;
  return rc::gen::exec([o] {
    GeneratedWorld w = *gen::vssWorld(o);
    const auto p = static_cast<std::size_t>(*rc::gen::inRange<std::size_t>(0, w.providers.size()));
    ProviderSpec& provider = w.providers[p];
    if (provider.volumes.empty()) provider.volumes.push_back(VolumeSpec{});
    const ProviderMethod m = *gen::detail::pick<ProviderMethod>(
        {{3, ProviderMethod::kCommitSnapshots},     {2, ProviderMethod::kEndPrepareSnapshots},
         {2, ProviderMethod::kPreCommitSnapshots},  {2, ProviderMethod::kPostCommitSnapshots},
         {2, ProviderMethod::kPreFinalCommitSnapshots}, {2, ProviderMethod::kPostFinalCommitSnapshots},
         {2, ProviderMethod::kBeginPrepareSnapshot}, {2, ProviderMethod::kIsVolumeSupported},
         {2, ProviderMethod::kOnLoad},               {2, ProviderMethod::kAbortSnapshots},
         {2, ProviderMethod::kOnUnload},             {1, ProviderMethod::kGetTargetLuns},
         {1, ProviderMethod::kAreLunsSupported}});
    if (m == ProviderMethod::kIsVolumeSupported) provider.type = vss::ProviderType::kSoftware;
    if (m == ProviderMethod::kAreLunsSupported || m == ProviderMethod::kGetTargetLuns)
      provider.type = vss::ProviderType::kHardware;
    if (m == ProviderMethod::kAbortSnapshots) provider.volumes.front().flush = Duration::seconds(11);
    provider.faults.push_back({m, HitSelector::every(), mocks::ProviderAction::Return(*gen::providerCode(m, true))});
    return w;
  });
}

}  // namespace

namespace props {

void WholeSetFailure(const Breakage& b) {
  const GeneratedWorld w = *gen::vssWorld();
  note_world(w);
  const VssObservation obs = RunVss(w, with_driver(VssDriver::kSingle, b));
  RC_CLASSIFY(obs.dss_result && obs.dss_result->failed(), "set failed");
  RC_ASSERT(CheckWholeSet(w, obs) == Problems{});
}

void UnexpectedErrorTranslation(const Breakage& b) {
  const GeneratedWorld w = *translation_world();
  note_world(w);
  const VssObservation obs = RunVss(w, with_driver(VssDriver::kSingle, b));
  for (const auto& p : w.providers)
    for (const auto& f : p.faults)
      RC_CLASSIFY(!vss::provider_code_valid(f.method, *f.action.code, f.method == ProviderMethod::kOnUnload),
                  "unexpected code");
  RC_ASSERT(CheckTranslation(w, obs) == Problems{});
}

void NoLoggingWhileFrozen(const Breakage& b) {
  // Faults around the frozen interval, most of them logging; half the worlds never log in CommitSnapshots.
  VssGenOptions o;
  o.max_provider_faults = 3;
  o.log_percent = 70;
  o.code_percent = 15;
  o.provider_methods = {ProviderMethod::kEndPrepareSnapshots,     ProviderMethod::kPreCommitSnapshots,
                        ProviderMethod::kCommitSnapshots,         ProviderMethod::kCommitSnapshots,
                        ProviderMethod::kCommitSnapshots,         ProviderMethod::kPostCommitSnapshots,
                        ProviderMethod::kPostCommitSnapshots,     ProviderMethod::kPreFinalCommitSnapshots,
                        ProviderMethod::kAbortSnapshots};  // listed twice or thrice: picked more often
  VssGenOptions well_behaved = o;
  well_behaved.frozen_logs = false;
  const GeneratedWorld w = *rc::gen::oneOf(gen::vssWorld(well_behaved), gen::vssWorld(o));
  note_world(w);
  const VssObservation obs = RunVss(w, with_driver(VssDriver::kSingle, b));
  RC_CLASSIFY(std::any_of(obs.event_log.begin(), obs.event_log.end(),
                          [](const vss::EventLogEntry& e) { return e.source != "VSS" && e.while_frozen; }),
              "logged while frozen");
  RC_CLASSIFY(std::any_of(obs.event_log.begin(), obs.event_log.end(),
                          [](const vss::EventLogEntry& e) { return e.source != "VSS" && !e.while_frozen; }),
              "logged outside");
  RC_ASSERT(CheckFreezeLogging(w, obs) == Problems{});
}

}  // namespace props
}  // namespace vssfault::properties

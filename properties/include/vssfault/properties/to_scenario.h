#pragma once
/// A GeneratedWorld as an ordinary scenario (scenario::Scenario, written with scenario::to_yaml): what
/// `vssfault explore` saves and what the round-trip property loads back. The scenario format describes
/// what a scenario author can write, not every knob of the property benches, so some parts of a world
/// have no spelling; they are left out and listed in `dropped` (explore prints the list in the file's
/// header). What maps one to one: writers (level, dwTimeoutFreeze, components, faults with codes, APIs,
/// vetoes, throws and delays), providers (type, volumes, faults with codes, delays and logging), the
/// built-in system provider as a provider "system" of kind system, per-volume flush durations
/// (settings.flush_durations), the requester policy (component mode, accept vetoes), BITS jobs (type,
/// files, NoProgressTimeout, MinimumRetryDelay, callback) and their transport faults (points
/// connect / transfer / reply / reply-transfer, bytes before the fault, stalls, network outages).
/// A fault that can never fire in the world (a snapshot method of a provider that supports no volume)
/// is left out and listed: the loader rejects it, and leaving it out changes no run.
#include <string>
#include <vector>

#include "vssfault/properties/vss_run.h"
#include "vssfault/properties/world.h"
#include "vssfault/scenario/scenario.h"

namespace vssfault::properties {

struct ScenarioConversion {
  scenario::Scenario scenario;
  /// What the scenario could not say, one line each ("volume P0V0:\\: flush 11s (the format has no
  /// per-volume flush duration)"). Empty: the scenario describes the whole world.
  std::vector<std::string> dropped;
};

/// `name` becomes the scenario's name. The driver is the reference requester for a world with VSS
/// components, else the reference BITS client. No expectations are set (the caller fills `expect`).
ScenarioConversion to_scenario(const GeneratedWorld& world, const std::string& name);


/// The round-trip property's oracle: to_scenario(world) → scenario::to_yaml → load_scenario_text gives
/// a scenario that emits the same text, runs (not invalid, no error but a stop at the 2-day virtual-time
/// limit of a world that never settles) and runs the same as the scenario it was emitted from (outcome
/// and trace, record for record but for fault positions; runner::run_scenario with `b`'s flags), and
/// twice with the same trace hash.
std::vector<std::string> CheckRoundTrip(const GeneratedWorld& world, const Breakage& b);

}  // namespace vssfault::properties

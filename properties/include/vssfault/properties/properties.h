#pragma once
/// The properties as functions: each generates its worlds (RapidCheck `*gen` inside, so it must run
/// under rc::check / RC_GTEST_PROP), runs them through the model with the given breakage and asserts
/// with RC_ASSERT that its oracle finds no problem. The positive tests call them with no breakage; the
/// negative tests (properties/negative) call them with one broken variant on and expect a failure.
#include <functional>
#include <span>
#include <string_view>

#include "vssfault/properties/vss_run.h"
#include "vssfault/properties/world.h"

namespace vssfault::properties {

namespace props {
// VSS (vss_set_props.cpp, vss_lock_props.cpp, vss_writer_props.cpp, vss_retry_props.cpp)
void WholeSetFailure(const Breakage& b);
void UnexpectedErrorTranslation(const Breakage& b);
void NoLoggingWhileFrozen(const Breakage& b);
void OneCreationAtATime(const Breakage& b);
void WriterFailureCodes(const Breakage& b);
void WriterStates(const Breakage& b);
void FreezeTimeouts(const Breakage& b);
void RetryGuidance(const Breakage& b);
void Determinism(const Breakage& b);
// BITS (bits_props.cpp)
void GetErrorWindow(const Breakage& b);
void JobErrorOncePerError(const Breakage& b);
void FinalStatesAbsorbing(const Breakage& b);
void NoProgressTimeout(const Breakage& b);
// State machines (requester_machine.cpp, bits_machine.cpp)
void RequesterStateMachine(const Breakage& b);
void BitsJobStateMachine(const Breakage& b);
// Scenario format (props_roundtrip.cpp)
void ScenarioRoundTrip(const Breakage& b);
}  // namespace props

/// One row of the property table (docs/properties.md lists the same rows).
struct PropertyInfo {
  std::string_view id;      ///< the prefix of its problems, e.g. "whole-set"
  std::string_view test;    ///< the gtest name, e.g. "VssProperties.WholeSetFailure"
  std::string_view source;  ///< source keys
  void (*check)(const Breakage&);
};
std::span<const PropertyInfo> all_properties();

/// Every property that draws a GeneratedWorld hands it here right after generating it; `vssfault
/// explore` observes them and keeps the last world of a failing case, which after RapidCheck's
/// shrinking is the counterexample. The creation-lock and state-machine properties draw call sequences
/// beside or instead of a world and do not call it.
void note_world(const GeneratedWorld& world);
using WorldObserver = std::function<void(const GeneratedWorld&)>;
/// Installs `observer` (empty: none) and returns the previous one. One property runs at a time.
WorldObserver set_world_observer(WorldObserver observer);
const PropertyInfo* find_property(std::string_view id);

}  // namespace vssfault::properties

#include "vssfault/properties/properties.h"

#include <utility>

namespace vssfault::properties {
namespace {

constexpr PropertyInfo kProperties[] = {
    {"whole-set", "VssProperties.WholeSetFailure", "[S4][AS][STSP]", &props::WholeSetFailure},
    {"translation", "VssProperties.UnexpectedErrorTranslation", "[S4] D20", &props::UnexpectedErrorTranslation},
    {"freeze-log", "VssProperties.NoLoggingWhileFrozen", "[S4][CS][SCCP]", &props::NoLoggingWhileFrozen},
    {"creation-lock", "VssProperties.OneCreationAtATime", "[S4][SSS][STSP]", &props::OneCreationAtATime},
    {"writer-codes", "VssProperties.WriterFailureCodes", "[S3][S2][SF][GWSX][S1] D10", &props::WriterFailureCodes},
    {"writer-states", "VssProperties.WriterStates", "[ONFR][ONAB][VAL][VWS] D5 D9", &props::WriterStates},
    {"freeze-timeout", "VssProperties.FreezeTimeouts", "[INIT][ONFR][KB915331][S3]", &props::FreezeTimeouts},
    {"retry", "VssProperties.RetryGuidance", "[S1][S2][DSS] D21", &props::RetryGuidance},
    {"determinism", "VssProperties.Determinism", "docs/semantics.md Kernel, VSS model", &props::Determinism},
    {"get-error", "BitsProperties.GetErrorWindow", "[S5] D12", &props::GetErrorWindow},
    {"job-error", "BitsProperties.JobErrorOncePerError", "[CBJE][S5]", &props::JobErrorOncePerError},
    {"final-state", "BitsProperties.FinalStatesAbsorbing", "[LC][JC][JCO]", &props::FinalStatesAbsorbing},
    {"no-progress", "BitsProperties.NoProgressTimeout", "[NPT][MRD][S5]", &props::NoProgressTimeout},
    {"requester-machine", "StateMachines.Requester", "§7.1 [IFB][SSS][PFB][DSS][BC][AB]", &props::RequesterStateMachine},
    {"bits-machine", "StateMachines.BitsJob", "§6.4 [JSU][JR][JC][JCO][AF]", &props::BitsJobStateMachine},
    {"round-trip", "ScenarioProperties.RoundTrip", "docs/scenario-format.md, docs/semantics.md Kernel", &props::ScenarioRoundTrip},
};

}  // namespace

std::span<const PropertyInfo> all_properties() { return kProperties; }

namespace {
WorldObserver& observer() {
  static WorldObserver o;
  return o;
}
}  // namespace

void note_world(const GeneratedWorld& world) {
  if (observer()) observer()(world);
}

WorldObserver set_world_observer(WorldObserver o) {
  std::swap(o, observer());
  return o;
}

const PropertyInfo* find_property(std::string_view id) {
  for (const auto& p : kProperties)
    if (p.id == id) return &p;
  return nullptr;
}

}  // namespace vssfault::properties

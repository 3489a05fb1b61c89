#include "method_matrix.h"

#include <array>

namespace vssfault::bits {
namespace {

using E = Effect;
struct Row {
  Verb verb;
  std::string_view name;
  std::string_view source;
  // Columns in BG_JOB_STATE order: QUEUED, CONNECTING, TRANSFERRING, SUSPENDED, ERROR, TRANSIENT_ERROR,
  // TRANSFERRED, ACKNOWLEDGED, CANCELLED.
  std::array<Effect, kJobStateCount> cell;
};

constexpr std::array<Row, kVerbCount> kMatrix{{
    {Verb::kSuspend, "Suspend", "JSU,LC",
     {E::kToSuspended, E::kToSuspended, E::kToSuspended, E::kNoChange, E::kToSuspended, E::kToSuspended,
      E::kToSuspended, E::kInvalidState, E::kInvalidState}},
    {Verb::kResume, "Resume", "JR,LC,D13",
     {E::kNoChange, E::kNoChange, E::kNoChange, E::kStartIfFiles, E::kRetryNow, E::kRetryNow,
      E::kRestartIfNewFiles, E::kInvalidState, E::kInvalidState}},
    {Verb::kCancel, "Cancel", "JC,LC",
     {E::kToCancelled, E::kToCancelled, E::kToCancelled, E::kToCancelled, E::kToCancelled,
      E::kToCancelled, E::kToCancelled, E::kInvalidState, E::kInvalidState}},
    {Verb::kCompleteDownload, "Complete(download)", "JCO,LC",
     {E::kToAcknowledged, E::kToAcknowledged, E::kToAcknowledged, E::kToAcknowledged, E::kToAcknowledged,
      E::kToAcknowledged, E::kToAcknowledged, E::kInvalidState, E::kInvalidState}},
    {Verb::kCompleteUpload, "Complete(upload)", "JCO,CBJE",
     {E::kInvalidState, E::kInvalidState, E::kInvalidState, E::kInvalidState, E::kInvalidState,
      E::kInvalidState, E::kToAcknowledged, E::kInvalidState, E::kInvalidState}},
    {Verb::kSetProperty, "Set*", "NPT,MRD,SNF",
     {E::kApply, E::kApply, E::kApply, E::kApply, E::kApply, E::kApply, E::kApply, E::kInvalidState,
      E::kInvalidState}},
}};

constexpr bool rows_in_verb_order() {
  for (std::size_t i = 0; i < kMatrix.size(); ++i) {
    if (static_cast<std::size_t>(kMatrix[i].verb) != i) return false;
  }
  return true;
}
static_assert(rows_in_verb_order(), "kMatrix rows must follow the Verb enum");

constexpr std::array<std::string_view, 9> kEffectNames{
    "invalid-state", "no-change", "to-suspended", "start-if-files", "retry-now",
    "restart-if-new-files", "to-cancelled", "to-acknowledged", "apply"};

}  // namespace

Effect effect(Verb verb, JobState state) {
  return kMatrix[static_cast<std::size_t>(verb)].cell[static_cast<std::size_t>(state)];
}
std::string_view matrix_source(Verb verb) { return kMatrix[static_cast<std::size_t>(verb)].source; }
std::string_view to_string(Verb verb) { return kMatrix[static_cast<std::size_t>(verb)].name; }
std::string_view to_string(Effect e) { return kEffectNames[static_cast<std::size_t>(e)]; }

}  // namespace vssfault::bits

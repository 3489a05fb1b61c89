#pragma once
// The hidden `--break VARIANT` flag of `vssfault explore` and `vssfault run`: one deliberately broken
// model variant (vss::broken, bits::broken, requester::broken), FOR TESTING THE PROPERTIES ONLY — it
// shows that explore finds a broken model and that the scenario it saves reproduces the failure. The
// names are those of docs/properties.md; the two Policy misconfigurations of the retry property
// (retry-after-1-minute, retry-four-times) are not model switches and have no flag.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vssfault/bits/settings.h"
#include "vssfault/requester/policy.h"
#include "vssfault/runner/run.h"
#include "vssfault/vss/config.h"

namespace vssfault::cli {

struct BreakVariant {
  std::string_view name;
  std::string_view property;  ///< the property id it is known to fail (docs/properties.md)
  runner::BrokenModel model;
};

inline constexpr BreakVariant kBreakVariants[] = {
    {"commit-one-volume-of-failed-set", "whole-set", {vss::broken::kCommitOneVolumeOfFailedSet, 0, 0}},
    {"skip-translation", "translation", {vss::broken::kSkipTranslation, 0, 0}},
    {"release-after-post-commit", "freeze-log", {vss::broken::kReleaseAfterPostCommit, 0, 0}},
    {"frozen-log-unreported", "freeze-log", {vss::broken::kFrozenLogUnreported, 0, 0}},
    {"no-creation-lock", "creation-lock", {vss::broken::kNoCreationLock, 0, 0}},
    {"accept-code-from-identify", "writer-codes", {vss::broken::kAcceptFromIdentify, 0, 0}},
    {"failed-state-not-sticky", "writer-states", {vss::broken::kFailedStateNotSticky, 0, 0}},
    {"abort-after-post-snapshot", "writer-states", {vss::broken::kAbortAfterPostSnapshot, 0, 0}},
    {"unordered-freeze", "writer-states", {vss::broken::kUnorderedFreeze, 0, 0}},
    {"no-freeze-timer", "freeze-timeout", {vss::broken::kNoFreezeTimer, 0, 0}},
    {"retry-unguided", "retry", {0, 0, requester::broken::kRetryUnguided}},
    {"global-dispatch-rng", "determinism", {vss::broken::kGlobalDispatchRng, 0, 0}},
    {"stop-event-after-veto", "determinism", {vss::broken::kStopEventAfterVeto, 0, 0}},
    {"backup-complete-any-phase", "requester-machine", {vss::broken::kBackupCompleteAnyPhase, 0, 0}},
    {"error-object-survives-transfer", "get-error", {0, bits::broken::kErrorObjectSurvivesTransfer, 0}},
    {"job-error-on-transient", "job-error", {0, bits::broken::kJobErrorOnTransient, 0}},
    {"resume-from-final", "final-state", {0, bits::broken::kResumeFromFinal, 0}},
    {"progress-keeps-no-progress-timer", "no-progress", {0, bits::broken::kProgressKeepsNoProgressTimer, 0}},
};

inline const BreakVariant* find_break_variant(std::string_view name) {
  for (const auto& v : kBreakVariants)
    if (v.name == name) return &v;
  return nullptr;
}

/// "a, b, c": every name, for error messages.
inline std::string break_variant_names() {
  std::string out;
  for (const auto& v : kBreakVariants) out += (out.empty() ? "" : ", ") + std::string(v.name);
  return out;
}

}  // namespace vssfault::cli

#pragma once
/// Spec §6.4 as data (installed, not promised; the coverage matrix reads it): for each state-changing
/// method (and the property setters) and each job state, what the call does. Job methods look their cell up
/// here instead of branching on states.
#include <cstdint>
#include <string_view>

#include "vssfault/bits/types.h"

namespace vssfault::bits {

enum class Verb : std::uint8_t {
  kSuspend,           ///< [JSU][LC]
  kResume,            ///< [JR][LC], D13
  kCancel,            ///< [JC][LC]
  kCompleteDownload,  ///< [JCO][LC]
  kCompleteUpload,    ///< [JCO][CBJE] (upload and upload-reply)
  kSetProperty,       ///< setters, AddFile, SetNotifyInterface [NPT][MRD][SNF][WT:845-846]
};
inline constexpr std::size_t kVerbCount = 6;

enum class Effect : std::uint8_t {
  kInvalidState,       ///< BG_E_INVALID_STATE, nothing changes
  kNoChange,           ///< S_OK, the state stays ("will stay in that state")
  kToSuspended,        ///< S_OK → SUSPENDED
  kStartIfFiles,       ///< S_OK → QUEUED; BG_E_EMPTY (stays) when the job has no file
  kRetryNow,           ///< S_OK → QUEUED at once (a retry that does not wait for MinimumRetryDelay)
  kRestartIfNewFiles,  ///< S_OK → QUEUED when files were added since TRANSFERRED; else BG_E_EMPTY (D13)
  kToCancelled,        ///< S_OK / BG_S_UNABLE_TO_DELETE_FILES → CANCELLED
  kToAcknowledged,     ///< S_OK / BG_S_PARTIAL_COMPLETE / BG_S_UNABLE_TO_DELETE_FILES → ACKNOWLEDGED
  kApply,              ///< the property change is applied, S_OK
};

Effect effect(Verb verb, JobState state);
/// The source keys of a verb's row, e.g. "JSU,LC".
std::string_view matrix_source(Verb verb);
std::string_view to_string(Verb verb);
std::string_view to_string(Effect effect);

}  // namespace vssfault::bits

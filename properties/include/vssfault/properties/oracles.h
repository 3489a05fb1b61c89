#pragma once
/// The oracles: each property's statement as a function from (world, observation) to the list of
/// problems found, empty when the property holds. Every problem starts with the property's id
/// ("whole-set: …") so a failing case names the rule it broke. The RapidCheck properties assert an empty
/// list; the determinism property compares the lists across dispatch orders; `vssfault explore` can
/// call them on any run.
#include <string>
#include <vector>

#include "vssfault/properties/bits_run.h"
#include "vssfault/properties/vss_run.h"
#include "vssfault/properties/world.h"

namespace vssfault::properties {

using Problems = std::vector<std::string>;

// --- VSS (semantics.md §§3–5, 7) ---

/// [S4] No partial commit: a provider failure in the set's creation (an effective failure of any
/// provider method from EndPrepareSnapshots on, or the hold / flush window expiring) fails DoSnapshotSet;
/// a failed DoSnapshotSet leaves no shadow copy of the set; every provider EndPrepareSnapshots was called
/// on gets exactly one AbortSnapshots and no other provider gets one [AS][STSP]; a successful
/// DoSnapshotSet leaves one shadow copy per volume added. Needs VssDriver::kSingle.
Problems CheckWholeSet(const GeneratedWorld& world, const VssObservation& obs);

/// [S4] (D20) For a world with exactly one provider fault (every hit, return code C from method M of
/// provider P): an unexpected C from a translated method reaches the requester as
/// VSS_E_UNEXPECTED_PROVIDER_ERROR with exactly one VSS event-log entry per call naming P and M; a valid
/// C reaches it unchanged with no VSS entry; codes from AbortSnapshots and OnUnload never surface and
/// are never logged by VSS. Needs VssDriver::kSingle with explicit providers.
Problems CheckTranslation(const GeneratedWorld& world, const VssObservation& obs);

/// [S4][CS] Every provider event-log entry is marked frozen exactly when it was written inside a frozen
/// interval (after the set's last PreCommitSnapshots returned, up to the return of the last
/// CommitSnapshots, the hold window's expiry or the set's failure [SCCP]); a world whose providers log
/// only outside CommitSnapshots has no frozen entry and no provider.logged-while-frozen violation; every
/// frozen provider entry is reported as one such violation.
Problems CheckFreezeLogging(const GeneratedWorld& world, const VssObservation& obs);

/// [S3][S2][SF][GWSX][S1] For a world with at most one fault per writer (every hit, no delay, no
/// throw): a failure set through SetWriterFailure / SetWriterFailureEx / SetFailure with a documented
/// code is what GetWriterStatusEx (state, hrFailureWriter, hrApplication, message) and GetFailure return
/// after that operation; an undocumented code, or any code from OnIdentify, is not accepted (D10).
/// Needs VssDriver::kSingle.
Problems CheckWriterCodes(const GeneratedWorld& world, const VssObservation& obs);

/// [ONFR][ONAB][VAL] (D5) In every session: OnAbort never follows OnPostSnapshot; the event after
/// OnFreeze is OnThaw or OnAbort, and each comes at most once; Freeze goes FRONT_END, BACK_END,
/// SYSTEM. When the last attempt completed, each writer's state after BackupComplete is FAILED_AT_X for
/// the first event X it failed in that session (the freeze window expiring counts as Freeze), else
/// STABLE. (Needs worlds without response-timeout delays: D15 leaves the state unchanged.)
Problems CheckWriterStates(const GeneratedWorld& world, const VssObservation& obs);

/// [INIT][ONFR][KB915331] With only time-taking faults: a writer whose OnFreeze takes at least its
/// dwTimeoutFreeze ends FAILED_AT_FREEZE with VSS_E_WRITERERROR_TIMEOUT; a writer whose Freeze → Thaw
/// time cannot reach its window (bounded by the freeze delays of the writers frozen with or after it,
/// the flush and the providers' PreCommit / Commit / PostCommit delays) never does. Needs kSingle.
Problems CheckFreezeTimeouts(const GeneratedWorld& world, const VssObservation& obs);

/// [S1][S2][DSS] (D21) The reference requester retries only failures with retry guidance, starts each
/// retry at least ten virtual minutes after the failed attempt's Release, makes at most three retries,
/// and the model reports no requester.retry-too-soon / retry-too-many. Needs VssDriver::kReference.
Problems CheckRetries(const GeneratedWorld& world, const VssObservation& obs);

/// The order-independent summary of a run (kSingle): what the requester saw, writer statuses, component
/// failures, shadow-copy counts, event-log entries and violations (as sorted multisets).
std::string OrderIndependentSummary(const VssObservation& obs);

// --- BITS (semantics.md §6) ---

/// [S5] (D12) GetError succeeds exactly when the job has entered ERROR or TRANSIENT_ERROR since it last
/// entered TRANSFERRING, ACKNOWLEDGED or CANCELLED (so always in ERROR / TRANSIENT_ERROR), else
/// BG_E_ERROR_INFORMATION_UNAVAILABLE.
Problems CheckGetError(const GeneratedWorld& world, const BitsObservation& obs);
/// [CBJE] JobError is called only while the job is in ERROR, at most once per entry into ERROR (the
/// callback returns S_OK), and exactly once when the job stays in ERROR past the instant it entered it.
Problems CheckJobError(const GeneratedWorld& world, const BitsObservation& obs);
/// [LC][JC][JCO] ACKNOWLEDGED and CANCELLED are absorbing: no state change after them, and every
/// state-changing call then returns BG_E_INVALID_STATE and changes nothing.
Problems CheckFinalStates(const GeneratedWorld& world, const BitsObservation& obs);
/// [NPT][S5][MRD] With only transient errors and no client action: a job never enters ERROR before
/// NoProgressTimeout has passed since its first error after its last progress; when it is in
/// TRANSIENT_ERROR at that deadline it enters ERROR exactly then; a later entry comes from a failing
/// attempt with no progress since.
Problems CheckNoProgressTimeout(const GeneratedWorld& world, const BitsObservation& obs);

}  // namespace vssfault::properties

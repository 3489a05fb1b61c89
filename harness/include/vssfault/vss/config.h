#pragma once
/// The knobs of one simulated machine. Defaults are the documented values where there is one and the
/// semantics.md §8 decisions where there is not.
#include <cstddef>
#include <cstdint>

#include "vssfault/kernel/duration.h"

namespace vssfault::vss {

/// Deliberately broken variants of the model, FOR TESTING THE PROPERTIES ONLY (properties/negative,
/// docs/properties.md): each flag breaks one documented rule, checked at exactly one place of the model,
/// so a property can be shown to fail. Never set in production scenarios.
namespace broken {
/// provider_calls.cpp (Engine::CallProvider): unexpected provider codes pass through, untranslated and
/// unlogged [S4].
inline constexpr std::uint32_t kSkipTranslation = 1u << 0;
/// snapshot_set.cpp (Creation::Fail): the first volume of a failed set keeps its shadow copy [S4].
inline constexpr std::uint32_t kCommitOneVolumeOfFailedSet = 1u << 1;
/// snapshot_set.cpp (Creation::Commit): held writes are released after PostCommitSnapshots instead of
/// right after the last CommitSnapshots [SCCP], so a provider logging there logs "during freeze".
inline constexpr std::uint32_t kReleaseAfterPostCommit = 1u << 2;
/// provider_calls.cpp (Engine::ProviderLog): a provider's event-log write while frozen is not reported [S4].
inline constexpr std::uint32_t kFrozenLogUnreported = 1u << 3;
/// snapshot_set.cpp (StartSnapshotSet): no machine-wide creation lock [S4][SSS].
inline constexpr std::uint32_t kNoCreationLock = 1u << 4;
/// writer_calls.cpp (ReportWriterFailure): failures reported from OnIdentify are accepted [S2][S3][SF].
inline constexpr std::uint32_t kAcceptFromIdentify = 1u << 5;
/// dispatch.cpp (apply): a later successful event overwrites a writer's FAILED_AT_X state (D5).
inline constexpr std::uint32_t kFailedStateNotSticky = 1u << 6;
/// dispatch.cpp (AbortForbidden): writers that had PostSnapshot still get Abort [ONAB].
inline constexpr std::uint32_t kAbortAfterPostSnapshot = 1u << 7;
/// dispatch.cpp (ordered): Freeze is not ordered FRONT_END, BACK_END, SYSTEM [VAL].
inline constexpr std::uint32_t kUnorderedFreeze = 1u << 8;
/// dispatch.cpp (DeliverEvent): no freeze window timer [INIT][ONFR].
inline constexpr std::uint32_t kNoFreezeTimer = 1u << 9;
/// engine.h (Engine::Shuffle): dispatch orders come from a process-wide generator, not the run's seed.
inline constexpr std::uint32_t kGlobalDispatchRng = 1u << 10;
/// dispatch.cpp (QueueEvent): after a writer's fatal veto the event is not delivered to the writers
/// dispatched after it (an outcome that depends on the dispatch order).
inline constexpr std::uint32_t kStopEventAfterVeto = 1u << 11;
/// requester.cpp (Requester::Enter): BackupComplete is accepted in any phase (§7.1).
inline constexpr std::uint32_t kBackupCompleteAnyPhase = 1u << 12;
}  // namespace broken

struct Config {
  /// Longest flush of the set's volumes before VSS gives up with VSS_E_FLUSH_WRITES_TIMEOUT. No duration
  /// is documented (D8): 10 s by default.
  Duration flush_timeout = Duration::seconds(10);
  /// Hold window: from the end of flush-and-hold to the release after the last CommitSnapshots. Documented
  /// 10 s [SCCP][CS][RBSP]; expiry fails the set with VSS_E_HOLD_WRITES_TIMEOUT [KB975688].
  Duration hold_timeout = Duration::seconds(10);
  /// Per-event response timeout for PrepareForBackup, PrepareForSnapshot, PostSnapshot, BackupComplete,
  /// PreRestore and PostRestore; expiry reports VSS_E_WRITER_NOT_RESPONDING (D15).
  Duration response_timeout = Duration::seconds(60);
  /// D10: true = SetWriterFailure(Ex)/SetFailure misuse (undocumented code, from OnIdentify, off the
  /// handler's thread, outside a handler) returns E_INVALIDARG and records nothing; false = lenient:
  /// returns S_OK and records the code. A conformance violation is reported in both modes.
  bool strict_writer_failure = true;
  /// D4: false = IVssAsync::Wait returns S_OK once the operation has finished, whatever its result
  /// (QueryStatus carries the error); true = Wait returns the operation's error.
  bool wait_returns_operation_error = false;
  /// Retry guidance "wait ten minutes and then repeat the operation, up to three times" [S1][S2][DSS], as
  /// the conformance checker applies it to requesters (D21).
  Duration retry_delay = Duration::minutes(10);
  int max_retries = 3;
  /// Most volumes in one snapshot set [ATS][SCCP].
  std::size_t max_volumes_per_set = 64;
  /// Register the built-in system provider at construction [ATS][SCCP].
  bool register_system_provider = true;
  /// False models safe mode / setup: CVssWriter::Initialize returns S_FALSE [INIT].
  bool writer_infrastructure_active = true;
  /// Test-only broken variants (vss::broken flags); 0 in every real run.
  std::uint32_t broken = 0;
};

}  // namespace vssfault::vss

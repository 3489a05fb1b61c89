#pragma once
/// The knobs of one simulated machine. Defaults are the documented values where there is one and the
/// semantics.md §8 decisions where there is not.
#include <cstddef>

#include "vssfault/kernel/duration.h"

namespace vssfault::vss {

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
};

}  // namespace vssfault::vss

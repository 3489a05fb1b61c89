#pragma once
/// The reference requester's configuration: what to back up and how to react to failures. The defaults
/// follow the documentation (D21: wait ten minutes, retry up to three times); every knob can be set to a
/// wrong value on purpose so the conformance checker's requester rules can be exercised.
#include <cstdint>
#include <string>
#include <vector>

#include "vssfault/kernel/duration.h"
#include "vssfault/vss/types.h"

namespace vssfault::requester {

/// Deliberately broken variants of the reference requester, FOR TESTING THE PROPERTIES ONLY
/// (properties/negative, docs/properties.md), each checked at exactly one place. Never set in
/// production scenarios. (A retry delay below ten minutes or more than three retries are ordinary
/// Policy values: the deliberate misconfigurations the conformance checker reports.)
namespace broken {
/// reference_requester.cpp (ReferenceRequester::Backup): failures without retry guidance are retried too.
inline constexpr std::uint32_t kRetryUnguided = 1u << 0;
}  // namespace broken

struct Policy {
  /// The client application name given to CreateVssBackupComponents; VSS tracks retry guidance per client.
  std::string client = "reference-requester";

  // --- retry guidance: "wait ten minutes and then repeat the operation, up to three times" ---
  // [S1][S2][GWST][DSS]; read as max_retries = 3, i.e. attempts at 0, 10, 20 and 30 minutes for a
  // persistent failure (D21).
  /// Whether to retry at all (false: give up after the first failed attempt whatever the guidance).
  bool retry = true;
  /// Wait between a failed attempt's Release and the next attempt's CreateVssBackupComponents.
  Duration retry_delay = Duration::minutes(10);
  /// Retries after the first attempt.
  int max_retries = 3;

  // --- VSS_E_SNAPSHOT_SET_IN_PROGRESS: "wait to try again" with no period documented [SSS][STSP] ---
  /// Wait before calling StartSnapshotSet again on the same object.
  Duration in_progress_delay = Duration::seconds(60);
  /// StartSnapshotSet calls retried this way before the attempt counts as failed.
  int max_in_progress_waits = 10;

  // --- the backup ---
  /// SetBackupState's bSelectComponents: add components (component mode) or back up volumes only.
  bool component_mode = true;
  vss::BackupType backup_type = vss::BackupType::kFull;
  /// [WEV]: "The requester can accept the veto or continue with the backup, ignoring the veto". True:
  /// writer failures are recorded and the backup goes on without the failed writers' components.
  bool accept_vetoes = false;
  /// Deliberate misconfiguration switch: false skips AbortBackup when a backup stops early, which the
  /// documentation requires after StartSnapshotSet [ABRT][AB].
  bool abort_on_failure = true;

  /// Test-only broken variants (requester::broken flags); 0 in every real run.
  std::uint32_t broken = 0;
};

/// One component to back up.
struct ComponentRef {
  std::string writer;        ///< the writer's name
  std::string logical_path;  ///< "" matches any path
  std::string name;          ///< "" = every component of the writer
};

/// What to back up.
struct BackupRequest {
  /// Volumes added to the snapshot set (AddToSnapshotSet with GUID_NULL: VSS chooses the provider).
  std::vector<std::string> volumes;
  /// Components to add in component mode; empty = every component of every writer that reports one.
  std::vector<ComponentRef> components;
};

}  // namespace vssfault::requester

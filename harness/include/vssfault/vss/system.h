#pragma once
/// vss::System: one simulated Windows machine's VSS — volumes, registered writers and providers, the
/// Application event log, the machine-wide "snapshot-set creation in progress" lock, the live snapshots,
/// the configuration and the conformance checker. It runs on the deterministic kernel it is given (clock,
/// event queue, trace, rng) so VSS and BITS can share one kernel. Writers and providers are user code;
/// VSS never lets them crash it.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/vss/backup_components.h"
#include "vssfault/vss/config.h"
#include "vssfault/vss/conformance.h"
#include "vssfault/vss/event_log.h"
#include "vssfault/vss/hooks.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/types.h"
#include "vssfault/vss/writer.h"

namespace vssfault::vss {

namespace detail {
class Engine;
}

struct VolumeOptions {
  /// LUNs backing the volume (hardware providers see these); empty = one LUN named like the volume.
  std::vector<std::string> luns;
  /// How long flushing this volume takes at flush-and-hold; longer than Config::flush_timeout fails the
  /// set with VSS_E_FLUSH_WRITES_TIMEOUT (D8).
  Duration flush_duration{};
  /// Whether the built-in system provider supports it (it does not support e.g. FAT volumes).
  bool system_provider_supports = true;
};

/// A shadow copy that exists on the machine.
struct SnapshotInfo {
  VssId snapshot_id;
  VssId snapshot_set_id;
  std::string volume;
  VssId provider_id;
  std::int32_t context = ctx::kBackup;
  Instant created;
};

class System {
 public:
  /// The kernel objects must outlive the System; the System must outlive every writer, provider and
  /// requester object made on it.
  System(VirtualClock& clock, EventQueue& queue, Trace& trace, Rng& rng, Config config = {});
  ~System();
  System(const System&) = delete;
  System& operator=(const System&) = delete;

  const Config& config() const;
  /// Changing the config while an operation runs affects the steps not yet taken.
  Config& mutable_config();
  VirtualClock& clock();
  EventQueue& queue();
  Trace& trace();
  EventLog& event_log();
  const EventLog& event_log() const;
  Conformance& conformance();
  const Conformance& conformance() const;
  /// Installs fault hooks (not owned; nullptr removes them).
  void SetHooks(Hooks* hooks);

  // --- volumes ---
  /// S_OK; E_INVALIDARG for an empty name; VSS_E_OBJECT_ALREADY_EXISTS for a duplicate.
  HResult AddVolume(std::string name, VolumeOptions options = {});
  bool HasVolume(std::string_view name) const;
  /// Changes a volume's flush duration (fault injection); false when there is no such volume.
  bool SetFlushDuration(std::string_view volume, Duration d);

  // --- providers [PRL] ---
  /// Registers and loads (OnLoad) a provider. VSS_E_PROVIDER_ALREADY_REGISTERED for a known id;
  /// E_INVALIDARG for null or GUID_NULL id. An OnLoad failure is returned (translated if unexpected, D20)
  /// and the provider is not registered.
  HResult RegisterProvider(std::shared_ptr<Provider> provider);
  /// Unloads (OnUnload(TRUE), never translated [S4]) and unregisters. VSS_E_PROVIDER_NOT_REGISTERED if
  /// unknown; VSS_E_PROVIDER_IN_USE while a set using it is being created.
  HResult UnregisterProvider(VssId providerId);
  std::shared_ptr<Provider> FindProvider(VssId providerId) const;
  /// Registered providers in registration order (the system provider first when registered).
  std::vector<std::shared_ptr<Provider>> providers() const;
  /// The id of the built-in system provider.
  static VssId SystemProviderId();

  // --- writers (registered by Writer::Subscribe) ---
  /// Subscribed writers in subscription order.
  std::vector<Writer*> writers() const;
  Writer* FindWriter(std::string_view name) const;

  // --- requesters ---
  /// CreateVssBackupComponents: a new requester object, "requester:<n>" in the trace. `client` names the
  /// requester application: retry guidance is tracked per client across its objects [S1][S2][DSS].
  std::shared_ptr<BackupComponents> CreateVssBackupComponents(std::string client = "default");

  // --- time ---
  /// Runs the event queue up to now + d.
  void RunFor(Duration d);
  /// Runs the event queue until it is empty.
  void RunUntilIdle();

  // --- observation ---
  /// Whether a snapshot-set creation is in progress (StartSnapshotSet … DoSnapshotSet's completion) [S4].
  bool snapshot_set_in_progress() const;
  /// The requester holding the creation lock (0 when none).
  int creating_requester() const;
  /// Whether the volumes of the set being created are frozen now: from the start of flush-and-hold to
  /// the release of held writes (after the last CommitSnapshots, or when the hold window expires).
  bool volumes_frozen() const;
  /// Shadow copies that exist now, ordered by creation.
  std::vector<SnapshotInfo> snapshots() const;

  /// The implementation (private to the vss layer).
  detail::Engine& engine() { return *engine_; }

 private:
  std::unique_ptr<detail::Engine> engine_;
};

}  // namespace vssfault::vss
